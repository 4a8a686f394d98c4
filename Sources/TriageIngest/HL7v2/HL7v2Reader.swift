/// Reads HL7 v2.3-2.8 ORU^R01 lab results (SPEC §3.9): one message or a batch (`FHS`/`BHS`
/// … `BTS`/`FTS`), segments ending in CR, LF or CRLF, MLLP framing bytes (0x0B, 0x1C)
/// ignored, encoding characters from each MSH, a UTF-8 byte order mark before the first
/// segment skipped.
///
/// - Patient: PID-3, the repetition whose identifier type (component 5) is `MR`, else the
///   first; its component 1. PID-7 birth date, PID-8 sex become demographics.
/// - Results: ``HL7v2ResultReader`` reads each OBX; one bad OBX skips that result, never the
///   message. NTE segments after an OBX are that result's comment; after an OBR (before its
///   first OBX), the whole panel's.
/// - A message of another type (not ORU^R01) is skipped with a warning; so is a segment
///   longer than ``maximumSegmentLength``. Lines count segments (CR, LF and CRLF each end
///   one); columns count bytes.
public enum HL7v2Reader {
    /// The longest segment read, in bytes; a longer one (an embedded document in an OBX of
    /// type ED) is skipped.
    package static let maximumSegmentLength = 1024 * 1024

    /// Reads an HL7 v2 file's bytes.
    public static func read(_ raw: UnsafeRawBufferPointer, file: String, options: ReadOptions) -> FileReadOutcome {
        let bytes = raw.bindMemory(to: UInt8.self)
        var state = HL7v2ResultReader(file: file, options: options, size: bytes.count)
        // A UTF-8 byte order mark (EF BB BF), which Windows interface engines write before the
        // first MSH: skipped, and columns on the first line count from after it.
        var index = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        var line = 1
        while index < bytes.count {
            var end = index
            while end < bytes.count, bytes[end] != 0x0D, bytes[end] != 0x0A, bytes[end] != 0x1C { end += 1 }
            var start = index
            while start < end, bytes[start] == 0x0B { start += 1 }
            let segment = UnsafeBufferPointer(rebasing: bytes[start..<end])
            if segment.count > maximumSegmentLength {
                state.oversized(line: line)
            } else if !segment.allSatisfy(XMLBytes.isSpace) {
                state.segment(segment, line: line, columnOffset: start - index)
            }
            // One terminator: CR, LF, CRLF, or an MLLP end block (0x1C, usually followed by CR).
            index = end
            if index < bytes.count {
                if bytes[index] == 0x1C { index += 1 }
                if index < bytes.count, bytes[index] == 0x0D { index += 1 }
                if index < bytes.count, bytes[index] == 0x0A { index += 1 }
            }
            line += 1
        }
        return .read(state.finish())
    }
}
