/// A ``PatientSelection`` applied to the sound rows of a lab or journal CSV (``CSVRows``): it
/// looks at the patient id field's bytes in place, before any field is parsed, and says whether
/// the row is read.
///
/// A row is left out only when its id is plain printable ASCII after trimming (the reader's
/// trimming: spaces, tabs and line breaks) and is not the selected patient's. A field with
/// doubled quotes, a blank one, or one with any other byte is always read: the reader decides
/// what it is, and names any problem. Most rows never get here: the scanner passes over plain
/// one-line rows of other patients first (``CSVScanner/skipPlainRecord(fieldCount:idField:patient:)``),
/// which leaves out exactly rows this filter would leave out.
struct CSVRowFilter {
    /// The selected patient's id bytes.
    let patient: [UInt8]
    /// The patient id's field.
    let field: Int
    /// How many rows were left out, here or by the scanner.
    var omitted = 0

    /// A filter for rows whose patient id is field `field`.
    init(_ selection: PatientSelection, field: Int) {
        patient = Array(selection.patient.utf8)
        self.field = field
    }

    /// Whether `record` (sound, with the header's field count) is read; counts it in ``omitted``
    /// when it is not.
    @inline(__always)
    mutating func reads(_ record: CSVRecord) -> Bool {
        let content = record[field]
        if content.hasEscapedQuotes { return true }
        let buffer = record.buffer
        var start = content.start
        var end = content.end
        while start < end, Self.isSpace(buffer[start]) { start &+= 1 }
        while end > start, Self.isSpace(buffer[end &- 1]) { end &-= 1 }
        if start == end { return true }
        var index = start
        while index < end {
            let byte = buffer[index]
            if byte < 0x20 || byte > 0x7E { return true }
            index &+= 1
        }
        if Self.equal(buffer, start..<end, patient) { return true }
        omitted &+= 1
        return false
    }

    @inline(__always)
    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    @inline(__always)
    private static func equal(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ bytes: [UInt8]) -> Bool {
        guard range.count == bytes.count else { return false }
        return bytes.withUnsafeBufferPointer { other in
            var offset = 0
            while offset < other.count {
                if buffer[range.lowerBound &+ offset] != other[offset] { return false }
                offset &+= 1
            }
            return true
        }
    }
}
