import CLibXML2

/// The physical limits the readers are measured against (SPEC §9): scans that touch every byte
/// and do the least a reader of that format must do, storing nothing.
enum BareScans {
    /// Counts newlines, one byte at a time.
    static func newlines(_ bytes: UnsafeRawBufferPointer) -> Int {
        var count = 0
        for byte in bytes where byte == 0x0A { count += 1 }
        return count
    }

    /// Counts the fields of an RFC 4180 file: a delimiter or line break outside quotes ends a
    /// field; a quote toggles quoting (a doubled quote toggles twice). Delimiter: `,` or `;`
    /// or tab, the first of them seen in the first line.
    static func csvFields(_ bytes: UnsafeRawBufferPointer) -> Int {
        var delimiter: UInt8 = 0x2C
        for byte in bytes {
            if byte == 0x2C || byte == 0x3B || byte == 0x09 { delimiter = byte; break }
            if byte == 0x0A { break }
        }
        var fields = 0
        var quoted = false
        for byte in bytes {
            if byte == 0x22 {
                quoted.toggle()
            } else if !quoted && (byte == delimiter || byte == 0x0A) {
                fields += 1
            }
        }
        return fields
    }

    /// Counts JSON's structural characters (`{ } [ ] : ,`) outside strings, honouring
    /// backslash escapes: the least a JSON reader must do to find its tokens.
    static func jsonStructure(_ bytes: UnsafeRawBufferPointer) -> Int {
        var count = 0
        var inString = false
        var escaped = false
        for byte in bytes {
            if inString {
                if escaped { escaped = false } else if byte == 0x5C { escaped = true } else if byte == 0x22 { inString = false }
            } else if byte == 0x22 {
                inString = true
            } else if byte == 0x7B || byte == 0x7D || byte == 0x5B || byte == 0x5D || byte == 0x3A || byte == 0x2C {
                count += 1
            }
        }
        return count
    }

    /// Counts HL7 v2 segments and fields: a CR or LF ends a segment, `|` ends a field.
    static func hl7Fields(_ bytes: UnsafeRawBufferPointer) -> Int {
        var count = 0
        for byte in bytes where byte == 0x0D || byte == 0x0A || byte == 0x7C { count += 1 }
        return count
    }

    final class Counter { var elements = 0 }

    /// libxml2's SAX2 push parser over the bytes in 256 KiB chunks, with the readers' safe
    /// options and callbacks that only count start tags.
    static func sax2(_ bytes: UnsafeRawBufferPointer, path: String) -> Int {
        var sax = xmlSAXHandler()
        sax.initialized = XML_SAX2_MAGIC
        sax.startElementNs = { user, _, _, _, _, _, _, _, _ in
            Unmanaged<Counter>.fromOpaque(user!).takeUnretainedValue().elements += 1
        }
        sax.endElementNs = { _, _, _, _ in }
        sax.characters = { _, _, _ in }
        sax.serror = { _, _ in }
        let counter = Counter()
        let options = Int32(bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
            | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOBLANKS.rawValue | XML_PARSE_COMPACT.rawValue)
        return withExtendedLifetime(counter) {
            let user = Unmanaged.passUnretained(counter).toOpaque()
            let start = bytes.baseAddress!.assumingMemoryBound(to: CChar.self)
            let first = min(4, bytes.count)
            guard let context = xmlCreatePushParserCtxt(&sax, user, start, Int32(first), path) else { return -1 }
            defer { xmlFreeParserCtxt(context) }
            xmlCtxtUseOptions(context, options)
            let chunk = 256 * 1024
            var offset = first
            while offset < bytes.count {
                let length = min(chunk, bytes.count - offset)
                let last = offset + length == bytes.count
                if xmlParseChunk(context, start + offset, Int32(length), last ? 1 : 0) != 0 { return -1 }
                offset += length
            }
            return counter.elements
        }
    }
}
