#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes files so that a reader, or a run killed at any moment, sees the old content or the
/// new, never a torn one (SPEC §8): write a temporary file in the same folder, then rename it
/// over the target. No fsync per file (it costs 18× the throughput); durability comes from one
/// flush of the whole output at the end of the run (``syncFileSystem(containing:)``).
package enum AtomicFileWriter {
    /// Why a write failed.
    package struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
        /// The path.
        package var path: String
        /// The operating system's reason.
        package var reason: String

        /// `path: reason`.
        package var description: String { "\(path): \(reason)" }
    }

    /// Writes `text` to `path` atomically with permissions `mode`.
    ///
    /// - Throws: ``Failure`` with the operating system's reason.
    package static func write(_ text: String, to path: String, mode: mode_t = 0o600) throws {
        var bytes = text
        try bytes.withUTF8 { try write(UnsafeRawBufferPointer($0), to: path, mode: mode) }
    }

    /// Writes `bytes` to `path` atomically with permissions `mode`.
    package static func write(_ bytes: UnsafeRawBufferPointer, to path: String, mode: mode_t = 0o600) throws {
        let temporary = temporaryPath(for: path)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, mode)
        guard descriptor >= 0 else { throw failure(path) }
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                let error = failure(path)
                close(descriptor)
                unlink(temporary)
                throw error
            }
            offset += written
        }
        fchmod(descriptor, mode)  // the umask may have narrowed or the file may have existed
        guard close(descriptor) == 0 else {
            let error = failure(path)
            unlink(temporary)
            throw error
        }
        guard rename(temporary, path) == 0 else {
            let error = failure(path)
            unlink(temporary)
            throw error
        }
    }

    /// Creates `path` and its parents with permissions `mode` where missing.
    package static func makeDirectory(_ path: String, mode: mode_t = 0o700) throws {
        // The usual case in a batch: the parent exists, so one mkdir does it.
        if mkdir(path, mode) == 0 || errno == EEXIST { return }
        var current = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            current += "/" + component
            if mkdir(current, mode) != 0 && errno != EEXIST { throw failure(current) }
        }
    }

    /// Flushes the file system holding `path` to disk once (`syncfs`), for the durability of a
    /// whole run's output.
    package static func syncFileSystem(containing path: String) throws {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure(path) }
        defer { close(descriptor) }
        guard linuxSyncfs(descriptor) == 0 else { throw failure(path) }
    }

    /// `folder/.name.tmp-PID`: hidden (so discovery skips it), in the same folder (so the rename
    /// is atomic), and per process.
    static func temporaryPath(for path: String) -> String {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        return "\(folder).\(name).tmp-\(getpid())"
    }

    private static func failure(_ path: String) -> Failure {
        Failure(path: path, reason: String(cString: strerror(errno)))
    }
}

/// glibc's `syncfs(2)`, which Swift's Glibc module does not export (it is behind `_GNU_SOURCE`).
@_silgen_name("syncfs")
private func linuxSyncfs(_ descriptor: Int32) -> Int32
