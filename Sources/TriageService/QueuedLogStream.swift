import Dispatch
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A log destination for `StreamLogHandler` that hands each line to one serial writer queue and
/// returns at once, so no `write(2)` to stderr (a file, a pipe to journald, a terminal: any of
/// them can block) runs on the service's threads (NIO's event loops, Swift's cooperative pool).
/// Lines keep their order. Bounded: with more than ``limit`` lines waiting, the caller waits for
/// the queue instead (a stuck log slows the service rather than filling its memory).
/// ``flush()`` before the process ends.
package struct QueuedLogStream: TextOutputStream, Sendable {
    /// Lines waiting before a caller waits too.
    package static let limit = 10_000
    /// Standard error, shared by every logger of the process (one order for all lines).
    package static let standardError = QueuedLogStream(fileDescriptor: 2)

    private final class Writer: Sendable {
        let queue = DispatchQueue(label: "twitch-triage.log")
        let waiting = Atomic<Int>(0)
        let fileDescriptor: Int32

        init(fileDescriptor: Int32) {
            self.fileDescriptor = fileDescriptor
        }

        func write(_ bytes: [UInt8]) {
            bytes.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = systemWrite(fileDescriptor, buffer.baseAddress! + offset, buffer.count - offset)
                    if written < 0 {
                        if errno == EINTR { continue }
                        return
                    }
                    offset += written
                }
            }
        }
    }

    private let writer: Writer

    /// A stream writing to `fileDescriptor` (not closed by it).
    package init(fileDescriptor: Int32) {
        writer = Writer(fileDescriptor: fileDescriptor)
    }

    /// Queues `string` (StreamLogHandler writes each line whole, with its newline).
    package mutating func write(_ string: String) {
        let bytes = Array(string.utf8)
        let writer = writer
        if writer.waiting.add(1, ordering: .relaxed).newValue > Self.limit {
            writer.queue.sync { writer.write(bytes) }
            writer.waiting.subtract(1, ordering: .relaxed)
            return
        }
        writer.queue.async {
            writer.write(bytes)
            writer.waiting.subtract(1, ordering: .relaxed)
        }
    }

    /// Returns once every line queued before it is written.
    package func flush() {
        writer.queue.sync {}
    }
}

/// `write(2)`.
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
