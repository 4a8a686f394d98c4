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
    public struct Failure: Error, Sendable, Hashable {
        /// The operating system's error text (`No such file or directory`), or the size limit.
        public var reason: String
    }

    /// The bytes of the file.
    public let bytes: UnsafeRawBufferPointer
    private let storage: UnsafeMutableRawPointer?

    /// Reads the file at `path`.
    ///
    /// - Parameters:
    ///   - path: the file's path.
    ///   - maxSize: files larger than this are refused before reading.
    /// - Throws: ``Failure`` when the file cannot be opened, is not a regular file, is too big or
    ///   cannot be read.
    public init(path: String, maxSize: Int = .max) throws {
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
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            return
        }
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        var filled = 0
        while filled < size {
            let count = read(descriptor, buffer + filled, size - filled)
            if count < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                buffer.deallocate()
                throw Failure(reason: reason)
            }
            if count == 0 { break } // the file shrank while it was read
            filled += count
        }
        storage = buffer
        bytes = UnsafeRawBufferPointer(start: buffer, count: filled)
    }

    deinit {
        storage?.deallocate()
    }
}
