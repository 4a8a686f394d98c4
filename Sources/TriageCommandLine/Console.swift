#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where the executables write: stdout for results, stderr for problems. Writes go straight to
/// the file descriptors, unbuffered, so a problem line and a result never interleave mid-line.
package enum Console {
    /// Writes `text` to stdout as is.
    package static func output(_ text: String) {
        writeAll(text, to: 1)
    }

    /// Writes one line to stderr.
    package static func error(_ line: String) {
        writeAll(line + "\n", to: 2)
    }

    /// Writes `text` to stderr as is (for the progress line).
    package static func errorRaw(_ text: String) {
        writeAll(text, to: 2)
    }

    /// Writes all of `text` to `descriptor`, again after a partial write or an interrupted one.
    private static func writeAll(_ text: String, to descriptor: Int32) {
        var text = text
        text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written <= 0 {
                    if written < 0 && errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
    }
}
