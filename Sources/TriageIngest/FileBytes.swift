#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file's bytes, read into memory once for as long as the value lives.
///
/// Read with `read(2)`, not memory-mapped: an export app that truncates or rewrites a file
/// while the batch reads it would make a mapping raise SIGBUS and kill the whole run, against
/// "a bad file never stops the others" (SPEC §8). A file that shrinks while it is read is simply
/// read shorter. The copy costs one pass at memory speed, which the readers' own scan dwarfs.
/// An empty file gives an empty buffer.
public final class FileBytes: @unchecked Sendable {
    /// Why a file could not be read.
    package struct Failure: Error, Sendable, Hashable {
        /// The operating system's error text (`No such file or directory`), or the size limit.
        package var reason: String
    }

    /// The bytes of the file.
    public let bytes: UnsafeRawBufferPointer
    private let storage: UnsafeMutableRawPointer?
    /// The hash following the read, for a large file read with `fingerprinting`.
    private let follower: FingerprintThread.Follower?

    /// Reads the file at `path`.
    ///
    /// - Parameters:
    ///   - path: the file's path.
    ///   - maxSize: files larger than this are refused before reading.
    ///   - fingerprinting: whether ``sha256()`` will be asked for: a file of at least
    ///     ``FingerprintThread/threshold`` bytes is then read in chunks and hashed on a thread
    ///     of its own as each chunk arrives (SPEC §9: the hash is not on the critical path).
    /// - Throws: ``Failure`` when the file cannot be opened, is not a regular file, is too big or
    ///   cannot be read.
    public init(path: String, maxSize: Int = .max, fingerprinting: Bool = false) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Failure(reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw Failure(reason: String(cString: strerror(errno))) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw Failure(reason: "not a regular file") }
        let size = Int(info.st_size)
        guard size <= maxSize else {
            throw Failure(reason: "file is \(size) bytes, over the --max-file-size limit of \(maxSize) bytes")
        }
        if size == 0 {
            storage = nil
            follower = nil
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            return
        }
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        let follower = fingerprinting && size >= FingerprintThread.threshold ? FingerprintThread.Follower(buffer) : nil
        let chunk = follower == nil ? Int.max : FingerprintThread.chunk
        var filled = 0
        while filled < size {
            let count = read(descriptor, buffer + filled, min(size - filled, chunk))
            if count < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                if let follower {
                    follower.finish()
                    _ = follower.wait()
                }
                buffer.deallocate()
                throw Failure(reason: reason)
            }
            if count == 0 { break }  // the file shrank while it was read
            filled += count
            follower?.advance(to: filled)
        }
        follower?.finish()
        self.follower = follower
        storage = buffer
        bytes = UnsafeRawBufferPointer(start: buffer, count: filled)
    }

    /// The lowercase hex SHA-256 of ``bytes``: waits for the hash following the read, or
    /// computes it now for a small file or one read without `fingerprinting`.
    package func sha256() -> String {
        follower?.wait() ?? InputFileReader.sha256(bytes)
    }

    deinit {
        // The hashing thread reads the buffer until it is done.
        _ = follower?.wait()
        storage?.deallocate()
    }
}
