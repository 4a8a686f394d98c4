/// The encoding characters of one HL7 v2 message, read from MSH-1 and MSH-2 (SPEC §3.9), and
/// the splitting and unescaping they govern.
package struct HL7v2Delimiters: Equatable {
    /// MSH-1, usually `|`.
    var field: UInt8 = 0x7C
    /// Usually `^`.
    var component: UInt8 = 0x5E
    /// Usually `~`.
    var repetition: UInt8 = 0x7E
    /// Usually `\`.
    package var escape: UInt8 = 0x5C
    /// Usually `&`.
    var subcomponent: UInt8 = 0x26
    /// Whether the message's text is ISO 8859-1 (MSH-18 `8859/1`), not UTF-8.
    var latin1 = false

    /// The delimiters of an MSH, FHS or BHS segment (`MSH|^~\&|…`); the defaults for any
    /// character the segment leaves out.
    package init(header segment: UnsafeBufferPointer<UInt8>) {
        guard segment.count >= 4 else { return }
        field = segment[3]
        var index = 4
        var slot = 0
        while index < segment.count, segment[index] != field, slot < 4 {
            switch slot {
            case 0: component = segment[index]
            case 1: repetition = segment[index]
            case 2: escape = segment[index]
            default: subcomponent = segment[index]
            }
            slot += 1
            index += 1
        }
    }

    /// The default delimiters.
    package init() {}

    /// The `n`th piece (0-based) of `bytes` between `separator`s; empty when there are fewer.
    static func piece(_ bytes: UnsafeBufferPointer<UInt8>, _ n: Int, separatedBy separator: UInt8) -> UnsafeBufferPointer<UInt8> {
        var start = 0
        var count = 0
        for index in 0..<bytes.count where bytes[index] == separator {
            if count == n { return UnsafeBufferPointer(rebasing: bytes[start..<index]) }
            count += 1
            start = index + 1
        }
        return count == n ? UnsafeBufferPointer(rebasing: bytes[start...]) : UnsafeBufferPointer(rebasing: bytes[0..<0])
    }

    /// Component `n` (1-based, as HL7 counts) of a field or repetition; its first subcomponent.
    func component(_ bytes: UnsafeBufferPointer<UInt8>, _ n: Int) -> UnsafeBufferPointer<UInt8> {
        HL7v2Delimiters.piece(HL7v2Delimiters.piece(bytes, n - 1, separatedBy: component), 0, separatedBy: subcomponent)
    }

    /// The repetitions of a field.
    func repetitions(_ bytes: UnsafeBufferPointer<UInt8>) -> [UnsafeBufferPointer<UInt8>] {
        var result: [UnsafeBufferPointer<UInt8>] = []
        var start = 0
        for index in 0...bytes.count where index == bytes.count || bytes[index] == repetition {
            result.append(UnsafeBufferPointer(rebasing: bytes[start..<index]))
            start = index + 1
        }
        return result
    }

    /// ``text(_:)`` through the file's cache of repeated values: a component without escape
    /// sequences is made once per distinct value.
    package func text(_ bytes: UnsafeBufferPointer<UInt8>, cache: ByteStringCache) -> String {
        let trimmed = XMLBytes.trimmed(bytes)
        guard !trimmed.contains(escape), !(latin1 && trimmed.contains(where: { $0 >= 0x80 })) else { return text(trimmed) }
        return cache.string(trimmed)
    }

    /// The text of a component with escape sequences decoded (`\F\ \S\ \T\ \R\ \E\`, `\Xhh…\`;
    /// a line break `\.br\` or `\.sp\` becomes a space; other formatting escapes such as `\H\`
    /// become nothing), trimmed.
    package func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let trimmed = XMLBytes.trimmed(bytes)
        guard trimmed.contains(escape) else { return decode(trimmed) }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(trimmed.count)
        var index = 0
        while index < trimmed.count {
            let byte = trimmed[index]
            guard byte == escape, let close = trimmed[(index + 1)...].firstIndex(of: escape) else {
                decoded.append(byte)
                index += 1
                continue
            }
            let sequence = trimmed[(index + 1)..<close]
            if sequence.count == 1 {
                switch sequence.first! {
                case 0x46: decoded.append(field)  // F
                case 0x53: decoded.append(component)  // S
                case 0x54: decoded.append(subcomponent)  // T
                case 0x52: decoded.append(repetition)  // R
                case 0x45: decoded.append(escape)  // E
                default: break  // H, N: highlighting
                }
            } else if sequence.elementsEqual(".br".utf8) || sequence.elementsEqual(".sp".utf8) {
                decoded.append(0x20)  // a line break in formatted text: the words either side stay apart
            } else if sequence.first == 0x58, sequence.count % 2 == 1 {  // Xhh…
                var hex = sequence.index(after: sequence.startIndex)
                while hex < sequence.endIndex {
                    guard let high = HL7v2Delimiters.hexValue(trimmed[hex]), let low = HL7v2Delimiters.hexValue(trimmed[hex + 1]) else {
                        break
                    }
                    decoded.append(high << 4 | low)
                    hex += 2
                }
            }
            index = close + 1
        }
        return decoded.withUnsafeBufferPointer { decode(XMLBytes.trimmed($0)) }
    }

    /// Bytes as text in the message's character set (a Latin-1 byte is its own code point).
    private func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        guard latin1, bytes.contains(where: { $0 >= 0x80 }) else { return String(decoding: bytes, as: UTF8.self) }
        return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: return byte - 0x30
        case 0x41...0x46: return byte - 0x37
        case 0x61...0x66: return byte - 0x57
        default: return nil
        }
    }
}
