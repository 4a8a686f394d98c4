import TriageModel

/// Receives the document's first element, decides the file's kind from it, and hands the
/// rest of the document to the reader of that kind (or stops the parse).
final class XMLRootSniffer: XMLEventHandler {
    private let file: String
    private let options: ReadOptions
    /// The reader the document was handed to, if its kind is known.
    private(set) var reader: (any XMLRecordReader)?
    /// Why the file was refused, if it was.
    private(set) var refusal: Diagnostic?

    /// Creates a sniffer; `file` and `options` are passed on to the reader.
    init(file: String, options: ReadOptions) {
        self.file = file
        self.options = options
    }

    func startElement(_ element: XMLElementStart, session: XMLParseSession) {
        let reader: any XMLRecordReader
        switch XMLRootKind.classify(element) {
        case .journal:
            reader = JournalXMLReader(file: file, options: options)
        case .lab:
            reader = LabXMLReader(file: file, options: options)
        case .fhir:
            reader = FHIRXMLReader(file: file, options: options)
        case .ccda:
            reader = CCDAReader(file: file, options: options)
        case .appleHealth:
            reader = AppleHealthReader(file: file)
        case .refused(let message):
            let position = session.startTagPosition()
            refusal = .error(at: SourceLocation(file: file, line: position.line, column: position.column), message)
            session.halt()
            return
        }
        self.reader = reader
        session.handOver(to: reader)
        reader.startElement(element, session: session)
    }

    func endElement(session: XMLParseSession) {}

    func characters(_ text: UnsafeBufferPointer<UInt8>, session: XMLParseSession) {}
}
