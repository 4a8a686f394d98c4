import Crypto
import Foundation

/// Computes a large file's SHA-256 on a thread of its own while the calling thread reads the
/// same bytes, so that `report` over a 100 MB export does not wait for the hash before parsing
/// (SPEC §9). A small file is hashed on the calling thread: starting a thread costs more.
package enum FingerprintThread {
    /// Files at least this large are hashed on a second thread.
    package static let threshold = 4 << 20

    /// The lowercase hex SHA-256 of `bytes` (``InputFileReader/sha256(_:)``) and the result of
    /// `body`, run meanwhile on the calling thread. `bytes` must stay valid until this returns,
    /// which waits for the hash.
    static func sha256<T>(of bytes: UnsafeRawBufferPointer, whileDoing body: () -> T) -> (String, T) {
        guard bytes.count >= threshold else { return (InputFileReader.sha256(bytes), body()) }
        let job = Job(bytes)
        let thread = Thread { job.run() }
        thread.stackSize = 1 << 20
        thread.start()
        let result = body()
        return (job.wait(), result)
    }

    /// How much ``FileBytes`` reads at a time while a ``Follower`` hashes what came before.
    static let chunk = 2 << 20

    /// A SHA-256 computed on a thread of its own while a file is read into a buffer
    /// (``FileBytes/init(path:maxSize:fingerprinting:)``): the reader says how far the buffer
    /// is filled (``advance(to:)``) and when it is done (``finish()``); the thread hashes each
    /// part as it arrives, so the digest is ready soon after the last byte, not a whole pass
    /// later.
    final class Follower: @unchecked Sendable {
        private let base: UnsafeRawPointer
        private let lock = NSLock()
        private let arrived = DispatchSemaphore(value: 0)
        private let done = DispatchSemaphore(value: 0)
        // Guarded by `lock`.
        private var filled = 0
        private var finished = false
        // Written by the thread before `done` is signalled, read after.
        private var digest = ""

        /// Starts hashing the buffer at `base`, which must stay valid until ``wait()`` returns.
        init(_ base: UnsafeRawPointer) {
            self.base = base
            let thread = Thread { [self] in run() }
            thread.stackSize = 1 << 20
            thread.start()
        }

        /// The buffer is filled up to `filled` bytes.
        func advance(to filled: Int) {
            lock.lock()
            self.filled = filled
            lock.unlock()
            arrived.signal()
        }

        /// Nothing more comes.
        func finish() {
            lock.lock()
            finished = true
            lock.unlock()
            arrived.signal()
        }

        /// The digest of the bytes filled (lowercase hex), once hashed; may be called more than
        /// once. Called after ``finish()``.
        func wait() -> String {
            done.wait()
            done.signal()  // for the next caller
            return digest
        }

        private func run() {
            var hasher = SHA256()
            var hashed = 0
            while true {
                arrived.wait()
                lock.lock()
                let upTo = filled
                let last = finished
                lock.unlock()
                if upTo > hashed {
                    hasher.update(bufferPointer: UnsafeRawBufferPointer(start: base + hashed, count: upTo - hashed))
                    hashed = upTo
                }
                if last { break }
            }
            digest = InputFileReader.hex(hasher.finalize())
            done.signal()
        }
    }

    /// The hash being computed: the buffer is only read, by one thread, while the caller waits
    /// for it before the buffer can go away.
    private final class Job: @unchecked Sendable {
        private let bytes: UnsafeRawBufferPointer
        private let done = DispatchSemaphore(value: 0)
        private var digest = ""

        init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

        func run() {
            digest = InputFileReader.sha256(bytes)
            done.signal()
        }

        func wait() -> String {
            done.wait()
            return digest
        }
    }
}
