#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A growable byte buffer with the few formatting helpers the writers need: integers, one-decimal
/// numbers, text, and CSV and XML escaping. No Foundation, no locale.
struct ByteBuffer {
    var bytes: [UInt8] = []

    init(capacity: Int = 1 << 16) { bytes.reserveCapacity(capacity) }

    mutating func byte(_ b: UInt8) { bytes.append(b) }

    mutating func text(_ s: String) {
        var s = s
        s.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func int(_ value: Int, width: Int = 0) {
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var v = value < 0 ? -value : value
        var n = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[n] = UInt8(0x30 + v % 10)
                v /= 10
                n += 1
            } while v > 0
            while n < width {
                buffer[n] = 0x30
                n += 1
            }
            if value < 0 { bytes.append(0x2D) }
            while n > 0 {
                n -= 1
                bytes.append(buffer[n])
            }
        }
    }

    /// A number with `decimals` decimals (0-3) and the given decimal separator.
    mutating func fixed(_ value: Double, decimals: Int, separator: UInt8 = 0x2E) {
        var scale = 1
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int((value * Double(scale)).rounded())
        int(scaled / scale)
        if decimals > 0 {
            byte(separator)
            int(scaled % scale, width: decimals)
        }
    }

    /// A CSV field: quoted (with doubled quotes) when it holds the delimiter, a quote or a line break.
    mutating func csvField(_ s: String, delimiter: UInt8) {
        var needsQuotes = false
        for b in s.utf8 where b == delimiter || b == 0x22 || b == 0x0A || b == 0x0D {
            needsQuotes = true
            break
        }
        guard needsQuotes else { return text(s) }
        byte(0x22)
        for b in s.utf8 {
            if b == 0x22 { byte(0x22) }
            byte(b)
        }
        byte(0x22)
    }

    /// XML text or attribute content with `&`, `<`, `>` and `"` escaped.
    mutating func xmlEscaped(_ s: String) {
        for b in s.utf8 {
            switch b {
            case 0x26: text("&amp;")
            case 0x3C: text("&lt;")
            case 0x3E: text("&gt;")
            case 0x22: text("&quot;")
            default: byte(b)
            }
        }
    }

    var count: Int { bytes.count }

    mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }
}

/// Writes whole files, creating folders as needed. Exits on any error: a generator that half
/// wrote a drop would only mislead a benchmark.
enum Output {
    static func makeDirectories(_ path: String) {
        var prefix = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            prefix += "/" + part
            if mkdir(prefix, 0o755) != 0 && errno != EEXIST { fail("cannot create \(prefix)") }
        }
    }

    static func write(_ buffer: ByteBuffer, to path: String) {
        guard let file = fopen(path, "wb") else { fail("cannot write \(path)") }
        let written = buffer.bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        if written != buffer.count || fclose(file) != 0 { fail("cannot write \(path)") }
    }

    /// An open file that buffers appends, for the multi-patient files.
    final class Appender {
        private let file: UnsafeMutablePointer<FILE>
        let path: String
        var buffer = ByteBuffer(capacity: 1 << 20)
        private(set) var written = 0

        init(path: String) {
            guard let file = fopen(path, "wb") else { Output.fail("cannot write \(path)") }
            self.file = file
            self.path = path
        }

        func flushIfLarge() { if buffer.count >= 1 << 20 { flush() } }

        func flush() {
            let n = buffer.bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
            if n != buffer.count { Output.fail("cannot write \(path)") }
            written += n
            buffer.removeAll()
        }

        /// Bytes written so far, including what is still buffered.
        var size: Int { written + buffer.count }

        func close() {
            flush()
            if fclose(file) != 0 { Output.fail("cannot write \(path)") }
        }
    }

    static func printError(_ message: String) {
        let line = message + "\n"
        _ = line.withCString { Glibc.write(2, $0, strlen($0)) }
    }

    static func fail(_ message: String) -> Never {
        printError("generate-drop: \(message)")
        exit(1)
    }
}
