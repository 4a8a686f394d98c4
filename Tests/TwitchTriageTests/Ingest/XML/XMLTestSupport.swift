import TriageIngest
import TriageModel

/// Helpers shared by the XML reader tests.
enum XMLTest {
    /// Reads `xml` as the file `file`.
    static func read(_ xml: String, file: String = "in.xml", options: ReadOptions = ReadOptions.forTests()) -> FileReadOutcome {
        read(bytes: Array(xml.utf8), file: file, options: options)
    }

    /// Reads raw bytes as the file `file`.
    static func read(bytes: [UInt8], file: String = "in.xml", options: ReadOptions = ReadOptions.forTests()) -> FileReadOutcome {
        bytes.withUnsafeBytes { XMLFileReader.read($0, file: file, options: options) }
    }

    /// The result of a file that was read (nil when it was refused).
    static func result(_ xml: String, file: String = "in.xml", options: ReadOptions = ReadOptions.forTests()) -> ReadResult? {
        if case .read(let result) = read(xml, file: file, options: options) { return result }
        return nil
    }

    /// The refusal of a file that was refused (nil when it was read).
    static func refusal(_ outcome: FileReadOutcome) -> Diagnostic? {
        if case .refused(let diagnostic) = outcome { return diagnostic }
        return nil
    }

    /// Every diagnostic as `file:line:column: message`.
    static func descriptions(_ result: ReadResult?) -> [String] {
        result?.diagnostics.map(\.description) ?? []
    }

    /// A journal document with `body` inside the root, the patient given first.
    static func journal(_ body: String, patient: String = #"<patient id="P001"/>"#) -> String {
        "<symptomJournal version=\"1\">\n\(patient)\n\(body)\n</symptomJournal>\n"
    }

    /// What parsing `xml` cost, counted rather than timed: what the parser handed on and how
    /// much of the document it read. A limit that guards against a hostile document shows as
    /// a bound on these, which no load on the machine can change.
    static func work(_ xml: String) -> XMLWork {
        let counter = XMLWorkCounter()
        let outcome = Array(xml.utf8).withUnsafeBytes { XMLPushParser.parse($0, handler: counter) }
        return XMLWork(
            elements: counter.elements, textBytes: counter.textBytes, bytesFed: outcome.bytesFed,
            failure: outcome.failure)
    }

    /// The contents of a file, as bytes.
    static func contents(of path: String) -> [UInt8]? {
        guard let handle = fopen(path, "rb") else { return nil }
        defer { fclose(handle) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = fread(&buffer, 1, buffer.count, handle)
            if count <= 0 { break }
            bytes += buffer[0..<count]
        }
        return bytes
    }
}

#if canImport(Glibc)
    import Glibc
#endif

/// What one parse cost (``XMLTest/work(_:)``).
struct XMLWork {
    /// Start tags handed to the handler.
    var elements: Int
    /// Bytes of text handed to the handler (entities, were any expanded, would add theirs).
    var textBytes: Int
    /// Bytes of the document given to libxml2.
    var bytesFed: Int
    /// The problem that ended the parse, if any.
    var failure: XMLProblem?
}

/// Counts the events of a parse, asking for all text.
private final class XMLWorkCounter: XMLEventHandler {
    var elements = 0
    var textBytes = 0

    func startElement(_ element: XMLElementStart, session: XMLParseSession) {
        elements += 1
        session.textWanted = true
    }

    func endElement(session: XMLParseSession) {}

    func characters(_ text: UnsafeBufferPointer<UInt8>, session: XMLParseSession) {
        textBytes += text.count
    }
}
