#if canImport(Glibc)
    import Glibc
#endif

/// One batch at a time per output folder (SPEC §8): an exclusive `flock` on
/// `<out>/.twitch-triage/lock`, which holds the holder's pid. The kernel releases it when the
/// holder exits, however it exits (SIGKILL included), so a crashed run never blocks the next.
package final class OutputLock: Sendable {
    /// Another process holds the lock.
    package struct Held: Error, Sendable, Hashable, CustomStringConvertible {
        /// The output folder.
        package var output: String
        /// The holder's pid, when it could be read.
        package var pid: Int32?

        /// `another batch (pid N) is writing to <out>; …`.
        package var description: String {
            "another batch\(pid.map { " (pid \($0))" } ?? "") is writing to \(output); this run exits without reading or writing anything"
        }
    }

    private let descriptor: Int32

    /// Takes the lock or throws at once.
    ///
    /// - Throws: ``Held`` when another process holds it; ``AtomicFileWriter/Failure`` when the
    ///   lock file cannot be created.
    package init(output: String) throws {
        try AtomicFileWriter.makeDirectory(output + "/.twitch-triage")
        let path = output + "/.twitch-triage/lock"
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw AtomicFileWriter.Failure(path: path, reason: String(cString: strerror(errno))) }
        fchmod(descriptor, 0o600)  // owner-only like the reports (SPEC §10), also when an older run left it wider
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            var buffer = [UInt8](repeating: 0, count: 32)
            let count = read(descriptor, &buffer, buffer.count)
            close(descriptor)
            let text = count > 0 ? String(decoding: buffer[0..<count], as: UTF8.self) : ""
            throw Held(output: output, pid: Int32(text.filter(\.isNumber)))
        }
        ftruncate(descriptor, 0)
        let pid = "\(getpid())\n"
        _ = pid.withCString { write(descriptor, $0, strlen($0)) }
        self.descriptor = descriptor
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
