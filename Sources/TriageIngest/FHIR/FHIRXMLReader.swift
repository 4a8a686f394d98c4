import TriageModel

/// Reads FHIR R4 XML (a resource or a Bundle, namespace `http://hl7.org/fhir`) through the
/// SAX2 push parser, namespace-aware, into the same ``FHIRResourceBuilder`` as the JSON
/// reader (SPEC §3.9).
///
/// Each FHIR element's `value` attribute is its primitive value; a resource is an element
/// whose parent is `resource` or `contained` (or the root). Elements the builder does not
/// look at, the narrative `text` (with its XHTML) among them, and elements in any other
/// namespace are skipped with their whole subtree. A document that breaks part-way keeps the
/// results of the resources completed before the break (one error says where and how many).
final class FHIRXMLReader: XMLRecordReader {
    private enum Frame {
        case resource, element, skipped
    }

    @exclusivity(unchecked) private var builder: FHIRResourceBuilder
    @exclusivity(unchecked) private var book: XMLReaderBookkeeping
    @exclusivity(unchecked) private var frames: [Frame] = []
    /// Open skipped elements below the first one.
    @exclusivity(unchecked) private var skippedDepth = 0
    @exclusivity(unchecked) private var parentIsResourceSlot = true
    private let file: String
    /// The file in the run's file table, for the locations made per record.
    private let fileID: SourceFileID

    init(file: String, options: ReadOptions) {
        self.file = file
        self.fileID = SourceFileID(file)
        builder = FHIRResourceBuilder(file: file, options: options, kind: .fhirXML)
        book = XMLReaderBookkeeping(file: file)
        frames.reserveCapacity(32)
    }

    func startElement(_ element: XMLElementStart, session: XMLParseSession) {
        if skippedDepth > 0 {
            skippedDepth += 1
            return
        }
        guard let uri = element.namespaceURI, XMLBytes.equals(uri, "http://hl7.org/fhir") else {
            skippedDepth = 1
            frames.append(.skipped)
            return
        }
        let name = element.localName
        if parentIsResourceSlot, name[0] &- 0x41 < 26 {
            let type = FHIRName.ResourceType.lookup(UnsafeBufferPointer(start: name, count: FHIRXMLReader.length(name)))
            let position = session.startTagPosition()
            builder.beginResource(type, at: SourceLocation(fileID: fileID, line: position.line, column: position.column))
            frames.append(.resource)
            parentIsResourceSlot = false
            return
        }
        let field = FHIRName.lookup(UnsafeBufferPointer(start: name, count: FHIRXMLReader.length(name)))
        // A resource's own `text` is its narrative (FHIRResourceBuilder.skips(_:)); asked of this
        // reader's frames, since reading the builder from this class would copy it.
        guard field != .other, !(field == .text && frames.last == .resource) else {
            skippedDepth = 1
            frames.append(.skipped)
            return
        }
        builder.enter(field)
        frames.append(.element)
        parentIsResourceSlot = field == .resource || field == .contained
        for index in 0..<element.attributeCount {
            let attribute = element[index]
            guard attribute.prefix == nil, XMLBytes.equals(attribute.localName, "value") else { continue }
            let file = self.file
            let value = attribute.value
            if value.contains(0x26) {
                var decoded = Array(XMLBytes.attributeString(value).utf8)
                decoded.withUnsafeMutableBufferPointer { bytes in
                    builder.value(UnsafeBufferPointer(bytes), at: FHIRXMLReader.location(fileID, session))
                }
            } else {
                builder.value(value, at: FHIRXMLReader.location(fileID, session))
            }
        }
    }

    func endElement(session: XMLParseSession) {
        if skippedDepth > 1 {
            skippedDepth -= 1
            return
        }
        switch frames.popLast() {
        case .resource?: builder.endResource()
        case .element?: builder.exit()
        case .skipped?: skippedDepth = 0
        case nil: break
        }
        parentIsResourceSlot = false
    }

    func characters(_ text: UnsafeBufferPointer<UInt8>, session: XMLParseSession) {}

    func finish(_ outcome: XMLPushParser.Outcome) -> ReadResult {
        if builder.inResource { builder.abandon() }
        builder.mapping.finish()
        var result = builder.mapping.result
        book.diagnostics = result.diagnostics
        result.rejected = book.finish(
            outcome, kept: result.labs.count,
            keptAnything: !result.labs.isEmpty || !result.demographics.isEmpty,
            noun: CountedNoun("result"))
        result.diagnostics = book.diagnostics
        return result
    }

    private static func location(_ fileID: SourceFileID, _ session: XMLParseSession) -> SourceLocation {
        let position = session.startTagPosition()
        return SourceLocation(fileID: fileID, line: position.line, column: position.column)
    }

    @inline(__always)
    private static func length(_ name: UnsafePointer<UInt8>) -> Int {
        var count = 0
        while name[count] != 0 { count += 1 }
        return count
    }
}
