/// A reader for one XML format: it receives the document's events from its root element on,
/// and turns what it gathered into a ``ReadResult`` when the parse ends.
protocol XMLRecordReader: XMLEventHandler {
    /// The file's diagnostics and what was reported already.
    var book: XMLReaderBookkeeping { get set }

    /// The records and diagnostics, given how the parse ended (an early end adds one error
    /// that says where and what was kept).
    func finish(_ outcome: XMLPushParser.Outcome) -> ReadResult
}

extension XMLRecordReader {
    /// Calls `body` with each attribute of `element` that is written on it (not defaulted by
    /// a DTD), has no namespace, and is in `table`; `body` returns false for a name the
    /// element does not take. Every other attribute is reported once as unknown.
    func forEachAttribute<Name>(of element: XMLElementStart, named elementName: String, table: XMLNameTable<Name>,
                                session: XMLParseSession, _ body: (Name, UnsafeBufferPointer<UInt8>) -> Bool) {
        for index in 0..<element.attributeCount {
            let attribute = element[index]
            if !attribute.isDefaulted, attribute.prefix == nil, let name = table.lookup(attribute.localName),
               body(name, attribute.value) {
                continue
            }
            book.unknownAttribute(attribute, on: elementName, session: session)
        }
    }

    /// Checks a root element's attributes: `version`, if given, must be `1`; anything else
    /// is unknown.
    func checkRoot(_ element: XMLElementStart, named name: String, session: XMLParseSession) {
        forEachAttribute(of: element, named: name, table: rootAttributes, session: session) { _, value in
            let version = XMLBytes.trimmed(value)
            if !(version.count == 1 && version[0] == 0x31) {
                book.warning("\(name) version is not 1; read as version 1", at: book.location(session.startTagPosition()))
            }
            return true
        }
    }
}

/// The one attribute a root element takes.
private let rootAttributes = XMLNameTable<Bool>(["version": true])
