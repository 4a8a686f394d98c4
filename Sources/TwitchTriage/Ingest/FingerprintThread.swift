import Foundation

/// Computes a large file's SHA-256 on a thread of its own while the calling thread reads the
/// same bytes, so that `report` over a 100 MB export does not wait for the hash before parsing
/// (SPEC §9). A small file is hashed on the calling thread: starting a thread costs more.
enum FingerprintThread {
    /// Files at least this large are hashed on a second thread.
    static let threshold = 4 << 20

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
