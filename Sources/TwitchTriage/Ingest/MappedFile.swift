#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file's bytes, memory-mapped read-only for as long as the value lives.
///
/// Readers scan the mapping directly: no copy of the file is made. An empty file maps to an
/// empty buffer.
public final class MappedFile: @unchecked Sendable {
    /// Why a file could not be mapped.
    public struct Failure: Error, Sendable, Hashable {
        /// The operating system's error text (`No such file or directory`).
        public var reason: String
    }

    /// The bytes of the file.
    public let bytes: UnsafeRawBufferPointer
    private let mapping: UnsafeMutableRawPointer?

    /// Maps the file at `path`.
    ///
    /// - Parameters:
    ///   - path: the file's path.
    ///   - maxSize: files larger than this are refused before mapping.
    /// - Throws: ``Failure`` when the file cannot be opened, is not a regular file, is too big or
    ///   cannot be mapped.
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
            mapping = nil
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            return
        }
        let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0)
        guard let address, address != MAP_FAILED else { throw Failure(reason: String(cString: strerror(errno))) }
        madvise(address, size, MADV_SEQUENTIAL)
        mapping = address
        bytes = UnsafeRawBufferPointer(start: address, count: size)
    }

    deinit {
        if let mapping { munmap(mapping, bytes.count) }
    }
}
