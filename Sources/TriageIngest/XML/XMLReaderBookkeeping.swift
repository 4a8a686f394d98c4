import CLibXML2
import TriageModel

/// What both XML readers keep beside their records: the file's display path, diagnostics,
/// and which unknown names have been reported already.
///
/// Unknown elements and attributes are reported once per distinct name per place
/// (`unknown attribute 'x' on 'twitch'` once, however many twitches carry it), at the first
/// occurrence, as warnings.
struct XMLReaderBookkeeping {
    /// The file as every ``SourceLocation`` names it.
    let file: String
    /// The file in the run's file table, for the locations made per record.
    let fileID: SourceFileID
    /// Problems so far, in the order found.
    var diagnostics: [Diagnostic] = []
    private var reported: Set<String> = []

    /// Creates bookkeeping for a file.
    init(file: String) {
        self.file = file
        self.fileID = SourceFileID(file)
    }

    /// A location in this file.
    func location(_ position: (line: Int, column: Int?)) -> SourceLocation {
        SourceLocation(fileID: fileID, line: position.line > 0 ? position.line : nil, column: position.column)
    }

    /// Records an error (data was lost).
    package mutating func error(_ message: String, at location: SourceLocation, patientID: String? = nil) {
        diagnostics.append(.error(at: location, message, patientID: patientID.map(PatientID.init(rawValue:))))
    }

    /// Records a warning (data was used).
    mutating func warning(_ message: String, at location: SourceLocation, patientID: String? = nil) {
        diagnostics.append(.warning(at: location, message, patientID: patientID.map(PatientID.init(rawValue:))))
    }

    /// How many records a reader reads before it sizes its record array for the whole file.
    static let recordsBeforeReserving = 1024

    /// Reserves room for the records still to come, estimated from how far into the file
    /// the first ``recordsBeforeReserving`` took the parser (plus 5%): records are hundreds
    /// of bytes each, and growing the array by doubling would copy them over and over.
    static func reserveForTheRest<Record>(_ records: inout [Record], session: XMLParseSession) {
        let fraction = session.fractionParsed()
        guard fraction > 0, fraction < 1 else { return }
        let expected = Double(records.count) / fraction * 1.05
        if expected < 100_000_000 { records.reserveCapacity(Int(expected)) }
    }

    /// How many distinct "given once per file" warnings a file gets; past that they are
    /// counted and summed up in one warning at the end, so that a file made of endless
    /// distinct names cannot make endless diagnostics.
    static let maximumOnceWarnings = 100
    private var unreportedOnceWarnings = 0

    /// Whether `key` is new in this file (and remembers it): the test before a warning that
    /// is given once per file. False, after ``maximumOnceWarnings`` of them, for every new
    /// key (which is counted for the summary instead).
    mutating func firstTime(_ key: String) -> Bool {
        guard !reported.contains(key) else { return false }
        guard reported.count < XMLReaderBookkeeping.maximumOnceWarnings else {
            unreportedOnceWarnings += 1
            return false
        }
        reported.insert(key)
        return true
    }

    /// Reports an element the format does not define in `parent` (once per name and parent).
    mutating func unknownElement(_ element: XMLElementStart, in parent: String, session: XMLParseSession) {
        let name = element.displayName
        let namespace = element.namespaceURI != nil && element.prefix == nil ? " (in a namespace)" : ""
        guard firstTime("element \(parent) \(name)\(namespace)") else { return }
        warning(
            "unknown element '\(name)'\(namespace) in '\(parent)'; element ignored",
            at: location(session.startTagPosition()))
    }

    /// Reports an attribute the format does not define on `element` (once per name and
    /// element). Attributes in the `xml` and XML Schema instance namespaces
    /// (`xml:lang`, `xsi:schemaLocation`) are ignored without a word: they are about the
    /// document, not the data. Attributes a DTD supplied as defaults are ignored with a
    /// warning, since values must come from the element itself.
    mutating func unknownAttribute(_ attribute: XMLAttribute, on element: String, session: XMLParseSession) {
        if let uri = attribute.namespaceURI,
            XMLBytes.equals(uri, "http://www.w3.org/XML/1998/namespace")
                || XMLBytes.equals(uri, "http://www.w3.org/2001/XMLSchema-instance")
        {
            return
        }
        let name = attribute.displayName
        if attribute.isDefaulted {
            guard firstTime("default \(element) \(name)") else { return }
            warning(
                "attribute '\(name)' of '\(element)' comes from the DTD, not the element; attribute ignored",
                at: location(session.startTagPosition()))
        } else {
            guard firstTime("attribute \(element) \(name)") else { return }
            warning("unknown attribute '\(name)' on '\(element)'; attribute ignored", at: location(session.startTagPosition()))
        }
    }

    /// Checks a root element's attributes: `version`, if given, must be `1`; any other
    /// attribute is unknown.
    mutating func checkRoot(_ element: XMLElementStart, named name: String, session: XMLParseSession) {
        for index in 0..<element.attributeCount {
            guard let (_, value) = element.knownAttribute(at: index, in: rootAttributes) else {
                unknownAttribute(element[index], on: name, session: session)
                continue
            }
            let version = XMLBytes.trimmed(value)
            if !(version.count == 1 && version[0] == 0x31) {
                warning("\(name) version is not 1; read as version 1", at: location(session.startTagPosition()))
            }
        }
    }

    /// Reports text where the format expects only elements (once per element name).
    mutating func strayText(in element: String, session: XMLParseSession) {
        guard firstTime("text \(element)") else { return }
        warning(
            "text directly inside '\(element)' is not part of the format; text ignored",
            at: location(session.currentPosition()))
    }

    /// Adds the end of the parse: libxml2's non-fatal problems (once per kind) and, when
    /// parsing ended early, what was lost. Sorts everything into file order.
    ///
    /// - Parameters:
    ///   - outcome: how the parse ended.
    ///   - kept: how many records were read before an early end.
    ///   - noun: the record's name, singular and plural (`entry`, `entries`).
    /// - Returns: whether the file is rejected: it ended early and nothing was kept.
    mutating func finish(
        _ outcome: XMLPushParser.Outcome, kept: Int, keptAnything: Bool,
        noun: CountedNoun
    ) -> Bool {
        var seen: Set<String> = []
        for problem in outcome.problems where seen.insert(problem.reason).inserted {
            let location = SourceLocation(fileID: fileID, line: problem.line, column: problem.column)
            if problem.code == Int(XML_WAR_UNDECLARED_ENTITY.rawValue) {  // the reference is left out
                warning("\(problem.whatIsWrong); reference left out", at: location)
            } else {
                warning("\(problem.whatIsWrong); parsing continued", at: location)
            }
        }
        if unreportedOnceWarnings > 0 {
            warning(
                "unknown or misplaced elements, attributes or text occurred \(unreportedOnceWarnings) more times (not listed); ignored",
                at: SourceLocation(fileID: fileID))
        }
        var rejected = false
        if let failure = outcome.failure {
            let location = SourceLocation(fileID: fileID, line: failure.line, column: failure.column)
            if keptAnything {
                error("\(failure.whatIsWrong); rest of file skipped, \(noun.counted(kept)) before it kept", at: location)
            } else {
                error("\(failure.whatIsWrong); file skipped", at: location)
                rejected = true
            }
        }
        diagnostics = diagnostics.enumerated().sorted { lhs, rhs in
            let left = (lhs.element.location.line ?? 0, lhs.element.location.column ?? 0, lhs.offset)
            let right = (rhs.element.location.line ?? 0, rhs.element.location.column ?? 0, rhs.offset)
            return left < right
        }.map(\.element)
        return rejected
    }
}

/// The one attribute a root element takes.
private let rootAttributes = XMLNameTable<Bool>(["version": true])
