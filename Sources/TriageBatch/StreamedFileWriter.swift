#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a file in pieces as they are made, atomically as ``AtomicFileWriter`` does (a
/// temporary file in the same folder, renamed over the target), and, unless `full`, leaves the
/// file alone when the new bytes equal its bytes (compared piece by piece as they come). A
/// batch's worklist (about 100 MB at 100,000 patients) is so never whole in memory (issue 23,
/// peak memory).
final class StreamedFileWriter {
    private let path: String
    private let temporary: String
    private let mode: mode_t
    private var descriptor: Int32
    /// The file as it was, read alongside to compare; -1 when there is none or `full`.
    private var existing: Int32 = -1
    /// Whether every byte so far equals the file's.
    private var same: Bool
    private var compared: [UInt8] = []
    private var failure: AtomicFileWriter.Failure?

    /// Opens the temporary file for `path`.
    ///
    /// - Throws: ``AtomicFileWriter/Failure`` with the operating system's reason.
    init(path: String, full: Bool, mode: mode_t = 0o600) throws {
        self.path = path
        self.mode = mode
        temporary = AtomicFileWriter.temporaryPath(for: path)
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, mode)
        guard descriptor >= 0 else { throw AtomicFileWriter.Failure(path: path, reason: String(cString: strerror(errno))) }
        if !full { existing = open(path, O_RDONLY | O_CLOEXEC) }
        same = existing >= 0
    }

    deinit {
        if descriptor >= 0 {
            close(descriptor)
            unlink(temporary)
        }
        if existing >= 0 { close(existing) }
    }

    /// Writes the next piece; a failure is kept and thrown by ``finish()``.
    func write(_ bytes: UnsafeRawBufferPointer) {
        guard failure == nil, bytes.count > 0 else { return }
        if same { same = matches(bytes) }
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                failure = AtomicFileWriter.Failure(path: path, reason: String(cString: strerror(errno)))
                return
            }
            offset += written
        }
    }

    /// Puts the file in place, unless its bytes were the same.
    ///
    /// - Returns: whether the file was written.
    /// - Throws: ``AtomicFileWriter/Failure`` with the operating system's reason.
    func finish() throws -> Bool {
        defer { descriptor = -1 }
        if let failure {
            close(descriptor)
            unlink(temporary)
            throw failure
        }
        if same {
            var byte: UInt8 = 0
            same = read(existing, &byte, 1) == 0  // the old file ends here too
        }
        if same {
            close(descriptor)
            unlink(temporary)
            return false
        }
        fchmod(descriptor, mode)  // the umask may have narrowed or the file may have existed
        guard close(descriptor) == 0 else {
            let error = AtomicFileWriter.Failure(path: path, reason: String(cString: strerror(errno)))
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let error = AtomicFileWriter.Failure(path: path, reason: String(cString: strerror(errno)))
            unlink(temporary)
            throw error
        }
        return true
    }

    /// Whether the old file's next bytes are `bytes`.
    private func matches(_ bytes: UnsafeRawBufferPointer) -> Bool {
        if compared.count < bytes.count { compared = [UInt8](repeating: 0, count: bytes.count) }
        var filled = 0
        while filled < bytes.count {
            let got = compared.withUnsafeMutableBytes { read(existing, $0.baseAddress! + filled, bytes.count - filled) }
            if got < 0, errno == EINTR { continue }
            guard got > 0 else { return false }
            filled += got
        }
        return compared.withUnsafeBytes { memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0 }
    }
}
