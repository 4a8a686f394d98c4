import TriageModel

/// Reads an HL7 C-CDA R2.1 `ClinicalDocument` (SPEC §3.9): the patient from `recordTarget`
/// and the lab results of the Results section (LOINC 30954-2).
///
/// - Patient: `recordTarget/patientRole/id/@extension` (the first id with one, never one
///   under the US SSN root 2.16.840.1.113883.4.1);
///   `patient/administrativeGenderCode/@code` and `patient/birthTime/@value`.
/// - Results: every `observation` of an `organizer` (or an `entry`) in the Results section,
///   mapped by ``CCDAResultMapping``. Nested observations (`entryRelationship`) and every
///   other section are read past; the narrative `text` is never read.
/// - Elements count only in the `urn:hl7-org:v3` namespace.
final class CCDAReader: XMLRecordReader {
    enum Name: Sendable {
        case clinicalDocument, recordTarget, patientRole, id, patient, administrativeGenderCode, birthTime
        case section, code, translation, entry, organizer, component, observation, effectiveTime, low, high
        case value, interpretationCode, referenceRange, observationRange, statusCode, templateId
        case act, text, entryRelationship
    }

    private static let names = XMLNameTable<Name>([
        "ClinicalDocument": .clinicalDocument, "recordTarget": .recordTarget, "patientRole": .patientRole, "id": .id,
        "patient": .patient, "administrativeGenderCode": .administrativeGenderCode, "birthTime": .birthTime,
        "section": .section, "code": .code, "translation": .translation, "entry": .entry, "organizer": .organizer,
        "component": .component, "observation": .observation, "effectiveTime": .effectiveTime, "low": .low,
        "high": .high, "value": .value, "interpretationCode": .interpretationCode, "referenceRange": .referenceRange,
        "observationRange": .observationRange, "statusCode": .statusCode, "templateId": .templateId,
        "act": .act, "text": .text, "entryRelationship": .entryRelationship,
    ])

    private enum Attribute: Sendable {
        case code, codeSystem, value, unit, inclusive, nullFlavor, type, `extension`, root, negationInd, displayName
    }

    private static let attributes = XMLNameTable<Attribute>([
        "code": .code, "codeSystem": .codeSystem, "value": .value, "unit": .unit, "inclusive": .inclusive,
        "nullFlavor": .nullFlavor, "type": .type, "extension": .extension, "root": .root, "negationInd": .negationInd,
        "displayName": .displayName,
    ])

    /// The open elements (nil for one of no interest: its subtree is still walked, but
    /// nothing under it matches a path).
    @exclusivity(unchecked) private var stack: [Name?] = []
    /// Whether each open `section` is the Results section.
    @exclusivity(unchecked) private var sections: [Bool] = []
    @exclusivity(unchecked) private var organizerTime: (text: String, location: SourceLocation)?
    @exclusivity(unchecked) private var observation: CCDAObservation?
    /// How deep the observation being read is in ``stack``.
    @exclusivity(unchecked) private var observationDepth = 0
    @exclusivity(unchecked) private var readingText = false
    /// A comment's text being read (a Comment Activity's `text`, or an observation's own
    /// `text`): for the observation when one is open, else for the organizer.
    @exclusivity(unchecked) private var commentText: [UInt8]?
    @exclusivity(unchecked) private var commentDepth = 0
    /// The open organizer's comments, and where its results start.
    @exclusivity(unchecked) private var organizerComments: [String] = []
    @exclusivity(unchecked) private var mapping: CCDAResultMapping
    @exclusivity(unchecked) private var book: XMLReaderBookkeeping
    /// The LOINC codes of the analytes read (the mapping's own set, held here: calling the
    /// mapping's methods from this class would copy the mapping).
    private let knownCodes: Set<String>
    private let file: String
    /// The file in the run's file table, for the locations made per record.
    private let fileID: SourceFileID

    init(file: String, options: ReadOptions) {
        self.file = file
        self.fileID = SourceFileID(file)
        mapping = CCDAResultMapping(file: file, options: options)
        knownCodes = options.loincCodes
        book = XMLReaderBookkeeping(file: file)
    }

    func startElement(_ element: XMLElementStart, session: XMLParseSession) {
        var name: Name?
        if let uri = element.namespaceURI, XMLBytes.equals(uri, "urn:hl7-org:v3") {
            name = CCDAReader.names.lookup(element.localName)
        }
        let parent = stack.last ?? nil
        stack.append(name)
        guard let name else { return }
        switch name {
        case .section:
            sections.append(false)
        case .code where parent == .section:
            if attribute(.code, of: element).map({ XMLBytes.trimmed($0).elementsEqual("30954-2".utf8) }) == true, !sections.isEmpty {
                sections[sections.count - 1] = true
            }
        case .templateId where parent == .section:
            // The Results section's templates (entries optional and required): a section
            // without its LOINC code is still found by them.
            if let root = string(.root, of: element),
                root == "2.16.840.1.113883.10.20.22.2.3.1" || root == "2.16.840.1.113883.10.20.22.2.3",
                !sections.isEmpty
            {
                sections[sections.count - 1] = true
            }
        case .id where parent == .patientRole && under(.recordTarget):
            // An id under the US SSN OID is never the patient id (it would reach every report).
            let root = string(.root, of: element)
            if root == "2.16.840.1.113883.4.1" {
                mapping.sawSocialSecurityNumber = true
            } else if mapping.patientID == nil, let value = attribute(.extension, of: element).flatMap(XMLBytes.trimmedAttribute) {
                mapping.patientID = value
                mapping.patientSource = location(session)
            } else if mapping.rootOnlyID == nil, string(.nullFlavor, of: element) == nil, string(.extension, of: element) == nil, let root {
                mapping.rootOnlyID = (root, location(session))
            }
        case .administrativeGenderCode where parent == .patient && under(.recordTarget):
            mapping.gender = attribute(.code, of: element).flatMap(XMLBytes.trimmedAttribute)
        case .birthTime where parent == .patient && under(.recordTarget):
            mapping.birthTime = attribute(.value, of: element).flatMap(XMLBytes.trimmedAttribute).map { ($0, location(session)) }
        case .organizer where inResults && observation == nil:
            organizerTime = nil
            organizerComments = []
            mapping.openOrganizer()
        case .text
        where inResults && commentText == nil
            && (parent == .act || (parent == .observation && observation != nil && stack.count - 1 == observationDepth)):
            // A Comment Activity's text (act under an entryRelationship), or a result's own text.
            commentText = []
            commentDepth = stack.count
            session.textWanted = true
        case .effectiveTime, .low:
            time(element, name: name, parent: parent, session: session)
        case .observation where inResults && observation == nil:
            observation = CCDAObservation(source: location(session))
            observation?.negated =
                attribute(.negationInd, of: element).map { XMLBytes.equalsIgnoringCase(XMLBytes.trimmed($0), "true") } == true
            observationDepth = stack.count
        default:
            if observation != nil { observationElement(name, element, parent: parent, session: session) }
        }
    }

    func endElement(session: XMLParseSession) {
        if let text = commentText, stack.count == commentDepth {
            commentText = nil
            session.textWanted = readingText
            let comment = text.withUnsafeBufferPointer { String(decoding: XMLBytes.trimmed($0), as: UTF8.self) }
                .split(whereSeparator: \.isWhitespace).joined(separator: " ")
            if !comment.isEmpty {
                if observation != nil {
                    observation!.comments.append(comment)
                } else {
                    organizerComments.append(comment)
                }
            }
        }
        let name = stack.popLast() ?? nil
        if name == .recordTarget { mapping.closeRecordTarget() }
        if name == .organizer, observation == nil, inResults {
            mapping.closeOrganizer(comments: organizerComments)
            organizerComments = []
        }
        if name == .section { sections.removeLast() }
        if name == .organizer, observation == nil { organizerTime = nil }
        if name == .value, readingText {
            readingText = false
            session.textWanted = false
        }
        if name == .referenceRange, observation != nil, observation?.rangeLow != nil || observation?.rangeHigh != nil {
            observation?.rangeDone = true
        }
        if name == .observation, stack.count + 1 == observationDepth, let finished = observation {
            observation = nil
            mapping.map(finished, organizerTime: organizerTime)
        }
    }

    func characters(_ text: UnsafeBufferPointer<UInt8>, session: XMLParseSession) {
        if readingText { observation?.text.append(contentsOf: text) }
        if commentText != nil { commentText!.append(contentsOf: text) }
    }

    func finish(_ outcome: XMLPushParser.Outcome) -> ReadResult {
        var result = mapping.finish()
        book.diagnostics = result.diagnostics
        result.rejected = book.finish(
            outcome, kept: result.labs.count, keptAnything: !result.labs.isEmpty || !result.demographics.isEmpty,
            noun: CountedNoun("result"))
        result.diagnostics = book.diagnostics
        return result
    }

    // MARK: Pieces

    private var inResults: Bool { sections.last == true }

    /// Whether an open element is `name`.
    private func under(_ name: Name) -> Bool { stack.contains(name) }

    private func location(_ session: XMLParseSession) -> SourceLocation {
        let position = session.startTagPosition()
        return SourceLocation(fileID: fileID, line: position.line, column: position.column)
    }

    private func attribute(_ wanted: Attribute, of element: XMLElementStart) -> UnsafeBufferPointer<UInt8>? {
        for index in 0..<element.attributeCount {
            let attribute = element[index]
            if wanted == .type {
                guard let uri = attribute.namespaceURI, XMLBytes.equals(uri, "http://www.w3.org/2001/XMLSchema-instance") else { continue }
            } else if attribute.prefix != nil {
                continue
            }
            if CCDAReader.attributes.lookup(attribute.localName) == wanted { return attribute.value }
        }
        return nil
    }

    private func string(_ wanted: Attribute, of element: XMLElementStart) -> String? {
        attribute(wanted, of: element).flatMap(XMLBytes.trimmedAttribute)
    }

    /// An organizer's or observation's `effectiveTime` (its `@value`, else its `low`).
    private func time(_ element: XMLElementStart, name: Name, parent: Name?, session: XMLParseSession) {
        let owner = name == .effectiveTime ? parent : (parent == .effectiveTime ? stack.dropLast(2).last ?? nil : nil)
        guard inResults, owner == .organizer || owner == .observation, let value = string(.value, of: element) else {
            if observation != nil, name == .low { observationElement(name, element, parent: parent, session: session) }
            return
        }
        if owner == .organizer, observation == nil {
            if organizerTime == nil { organizerTime = (value, location(session)) }
        } else if owner == .observation, stack.count - (name == .low ? 2 : 1) == observationDepth {
            if observation?.effectiveTime == nil { observation?.effectiveTime = (value, location(session)) }
        }
    }

    /// An element inside the observation being read.
    private func observationElement(_ name: Name, _ element: XMLElementStart, parent: Name?, session: XMLParseSession) {
        let depth = stack.count - observationDepth  // 1: a child of the observation
        switch name {
        case .code where depth == 1:
            codeElement(element, session: session)
        case .translation where depth == 2 && parent == .code:
            codeElement(element, session: session)
        case .value where depth == 1:
            var type = string(.type, of: element)
            if let colon = type?.lastIndex(of: ":") { type = String(type![type!.index(after: colon)...]) }
            observation?.valueType = type
            observation?.valueLocation = location(session)
            observation?.nullFlavor = string(.nullFlavor, of: element)
            observation?.quantity = string(.value, of: element)
            observation?.unit = string(.unit, of: element)
            if type == "ST" {
                readingText = true
                session.textWanted = true
            }
        case .low where depth == 2 && parent == .value, .high where depth == 2 && parent == .value:
            guard let value = string(.value, of: element) else { return }
            let inclusive = attribute(.inclusive, of: element).map { XMLBytes.equalsIgnoringCase(XMLBytes.trimmed($0), "false") } != true
            let bound = (value, string(.unit, of: element), inclusive)
            if name == .low { observation?.low = bound } else { observation?.high = bound }
        case .statusCode where depth == 1:
            observation?.status = string(.code, of: element).map { ($0, location(session)) }
        case .interpretationCode where depth == 1:
            if observation?.interpretation == nil, let code = string(.code, of: element) {
                observation?.interpretation = (code, location(session))
            }
        case .low where depth == 4 && parent == .value && stack[stack.count - 3] == .observationRange,
            .high where depth == 4 && parent == .value && stack[stack.count - 3] == .observationRange:
            guard observation?.rangeDone == false, let value = string(.value, of: element) else { return }
            if name == .low { observation?.rangeLow = value } else { observation?.rangeHigh = value }
            if let unit = string(.unit, of: element) { observation?.rangeUnits.append(unit) }
        default:
            break
        }
    }

    /// A result's `code` or `translation`: its attributes read in one pass, and a string made
    /// only for what the mapping can use. A `displayName` is needed only while the observation
    /// has no LOINC code of a known analyte (for a local code read by its name, or an other
    /// result's name), and so are the local codes themselves.
    private func codeElement(_ element: XMLElementStart, session: XMLParseSession) {
        guard observation != nil else { return }
        var systemBytes: UnsafeBufferPointer<UInt8>?
        var codeBytes: UnsafeBufferPointer<UInt8>?
        var displayBytes: UnsafeBufferPointer<UInt8>?
        for index in 0..<element.attributeCount {
            let attribute = element[index]
            guard attribute.prefix == nil else { continue }
            switch CCDAReader.attributes.lookup(attribute.localName) {
            case .codeSystem? where systemBytes == nil: systemBytes = attribute.value
            case .code? where codeBytes == nil: codeBytes = attribute.value
            case .displayName? where displayBytes == nil: displayBytes = attribute.value
            default: break
            }
        }
        guard let systemBytes, !XMLBytes.trimmed(systemBytes).isEmpty,
            let code = codeBytes.flatMap(XMLBytes.trimmedAttribute)
        else { return }
        if XMLBytes.equals(XMLBytes.trimmed(systemBytes), "2.16.840.1.113883.6.1") {  // LOINC
            observation!.loincCodes.append((code, location(session)))
            if knownCodes.contains(code) {
                observation!.hasKnownLOINC = true
            } else if observation!.loincDisplay == nil {
                observation!.loincDisplay = displayBytes.flatMap(XMLBytes.trimmedAttribute)
            }
        } else if !observation!.hasKnownLOINC, let system = XMLBytes.trimmedAttribute(systemBytes) {
            observation!.localCodes.append((system, code, displayBytes.flatMap(XMLBytes.trimmedAttribute) ?? ""))
        }
    }
}
