import TriageModel

/// Reads lab results in XML (SPEC §3.6): root `labResults`, one
/// `<result patient collected test loinc unit low high flag lab>value</result>` per result.
///
/// Required: `patient`, `collected` (a date or date-time), `unit`, one of `test` or `loinc`,
/// and the value as the element's text: a plain decimal, or censored (`<5` written `&lt;5`,
/// `>1500`, `<=`, `>=`, `≤`, `≥`), kept as such. Optional: `low`, `high` (numbers, in the
/// reported unit), `flag` (as written), `lab`. A result missing any required part, or with a
/// date or number that cannot be read, is skipped with one error at the result's start tag;
/// the first problem found is the one reported (attributes in the order above, then the
/// value). An empty attribute counts as missing. Anything else is ignored with one warning
/// per name.
final class LabXMLReader: XMLRecordReader {
    enum Attribute: Sendable {
        case patient, collected, test, loinc, unit, low, high, flag, lab, comment
    }

    enum Frame: Equatable {
        case root, result, ignored
    }

    // Exclusivity: as in ``XMLParseSession``, a reader's callbacks run one at a time on one
    // thread, so the runtime's dynamic checks on its state are switched off.

    /// The one element a `labResults` holds.
    @exclusivity(unchecked) private var resultElement = XMLNameCache(XMLNameTable<Bool>(["result": true]))
    /// A result's attributes, remembered by position.
    @exclusivity(unchecked) private var attributes = XMLNameCache(
        XMLNameTable<Attribute>([
            "patient": .patient, "collected": .collected, "test": .test, "loinc": .loinc, "unit": .unit,
            "low": .low, "high": .high, "flag": .flag, "lab": .lab, "comment": .comment,
        ]))
    @exclusivity(unchecked) private var book: XMLReaderBookkeeping
    private let file: String
    /// The file in the run's file table, for the locations made per record.
    private let fileID: SourceFileID
    private let options: ReadOptions
    @exclusivity(unchecked) private var result = ReadResult(kind: .labXML)
    @exclusivity(unchecked) private var stack: [Frame] = []
    /// Whether the last record in ``ReadResult/labs`` is the result being read, its value
    /// still a placeholder (records are built in place: they are hundreds of bytes, and
    /// every copy retains their strings).
    @exclusivity(unchecked) private var pending = false
    /// An empty record, appended and then filled in (see ``startResult(_:session:)``).
    private let blank = LabRecord(
        source: SourceLocation(file: ""), patientID: "",
        collected: Timestamp(date: LocalDate(dayNumber: 0)), testName: nil, loinc: nil,
        value: LabValue(0), valueLocation: SourceLocation(file: ""),
        unit: Term("", at: SourceLocation(file: "")))
    /// Strings made from attribute values, reused when values repeat.
    @exclusivity(unchecked) private var strings = XMLStringCache()
    /// The value text so far.
    @exclusivity(unchecked) private var text: [UInt8] = []

    /// Creates a reader for one file.
    init(file: String, options: ReadOptions) {
        self.book = XMLReaderBookkeeping(file: file)
        self.file = file
        self.fileID = SourceFileID(file)
        self.options = options
        text.reserveCapacity(64)
    }

    // MARK: Events

    func startElement(_ element: XMLElementStart, session: XMLParseSession) {
        guard let parent = stack.last else {
            book.checkRoot(element, named: "labResults", session: session)
            stack.append(.root)
            return
        }
        guard parent == .root, element.namespaceURI == nil, element.prefix == nil,
            resultElement.lookup(element: element.localName) != nil
        else {
            if parent != .ignored {
                book.unknownElement(element, in: parent == .root ? "labResults" : "result", session: session)
            }
            stack.append(.ignored)
            session.textWanted = false
            return
        }
        stack.append(.result)
        startResult(element, session: session)
        session.textWanted = pending
    }

    func characters(_ chunk: UnsafeBufferPointer<UInt8>, session: XMLParseSession) {
        switch stack.last {
        case .result?:
            if pending { text.append(contentsOf: chunk) }
        case .root?:
            if !XMLBytes.isBlank(chunk) { book.strayText(in: "labResults", session: session) }
        default:
            break
        }
    }

    func endElement(session: XMLParseSession) {
        if stack.popLast() == .result { finishResult(session: session) }
        session.textWanted = stack.last == .result && pending
    }

    func finish(_ outcome: XMLPushParser.Outcome) -> ReadResult {
        if pending {  // the parse ended inside a result: it never got its value
            result.labs.removeLast()
            pending = false
        }
        let rejected = book.finish(
            outcome, kept: result.labs.count, keptAnything: !result.labs.isEmpty,
            noun: CountedNoun("result"))
        result.diagnostics = book.diagnostics
        result.rejected = rejected
        return result
    }

    // MARK: Results

    /// Reads a result's attributes; a missing or bad one skips the result at once.
    ///
    /// The attribute loop only notes where each value is; Strings and Terms are made once
    /// the result is known to be good, straight into the record's place in the array, so
    /// that no intermediate copy retains the file name inside every ``SourceLocation``.
    private func startResult(_ element: XMLElementStart, session: XMLParseSession) {
        pending = false
        text.removeAll(keepingCapacity: true)
        var patientBytes: UnsafeBufferPointer<UInt8>?
        var collectedBytes: UnsafeBufferPointer<UInt8>?
        var testBytes: UnsafeBufferPointer<UInt8>?
        var loincBytes: UnsafeBufferPointer<UInt8>?
        var unitBytes: UnsafeBufferPointer<UInt8>?
        var lowBytes: UnsafeBufferPointer<UInt8>?
        var highBytes: UnsafeBufferPointer<UInt8>?
        var flagBytes: UnsafeBufferPointer<UInt8>?
        var labBytes: UnsafeBufferPointer<UInt8>?
        var commentBytes: UnsafeBufferPointer<UInt8>?
        for index in 0..<element.attributeCount {
            let attribute = element[index]
            guard !attribute.isDefaulted, attribute.prefix == nil, let name = attributes.lookup(attribute.localName, at: index) else {
                book.unknownAttribute(attribute, on: "result", session: session)
                continue
            }
            let value = XMLBytes.trimmed(attribute.value)
            switch name {
            case .patient: patientBytes = value
            case .collected: collectedBytes = value
            case .test: testBytes = value
            case .loinc: loincBytes = value
            case .unit: unitBytes = value
            case .low: lowBytes = value
            case .high: highBytes = value
            case .flag: flagBytes = value
            case .lab: labBytes = value
            case .comment: commentBytes = value
            }
        }
        let start = session.startTagPosition()
        let location = SourceLocation(fileID: fileID, line: start.line, column: start.column)
        guard let patientBytes, !patientBytes.isEmpty else { return book.error(Messages.noPatient, at: location) }
        let patientID = strings.attribute(patientBytes)
        func skip(_ message: String) {
            book.error(message, at: location, patientID: patientID)
        }
        guard let collectedBytes, !collectedBytes.isEmpty else { return skip(Messages.noCollected) }
        let timestamp: Timestamp
        switch DateParser.parse(collectedBytes, order: options.dateOrder) {
        case .success(let value): timestamp = value
        case .failure(.slashDateNeedsOrder): return skip(Messages.collectedAmbiguous)
        case .failure(.invalid): return skip(Messages.collectedInvalid)
        }
        let hasTest = testBytes.map { !$0.isEmpty } ?? false
        let hasLOINC = loincBytes.map { !$0.isEmpty } ?? false
        guard hasTest || hasLOINC else { return skip(Messages.noTest) }
        guard let unitBytes, !unitBytes.isEmpty else { return skip(Messages.noUnit) }
        var low: Double?
        if let bytes = lowBytes, !bytes.isEmpty {
            guard let number = NumberParser.parse(bytes) else { return skip(Messages.lowInvalid) }
            low = number
        }
        var high: Double?
        if let bytes = highBytes, !bytes.isEmpty {
            guard let number = NumberParser.parse(bytes) else { return skip(Messages.highInvalid) }
            high = number
        }
        let after = session.positionAfterStartTag()
        // The record is filled in where it lies in the array: building it as a value and
        // appending that made the optimizer copy it, and a copy retains the file name in
        // every SourceLocation in it. The blank's strings are empty, so appending it
        // retains nothing.
        result.labs.append(blank)
        result.labs.withUnsafeMutableBufferPointer { records in
            let record = records.baseAddress! + (records.count - 1)
            record.pointee.source = location
            record.pointee.patientID = PatientID(patientID)
            record.pointee.collected = timestamp
            if hasTest { record.pointee.testName = Term(strings.attribute(testBytes!), at: location) }
            if hasLOINC { record.pointee.loinc = Term(strings.attribute(loincBytes!), at: location) }
            record.pointee.valueLocation = SourceLocation(fileID: fileID, line: after.line, column: after.column)
            record.pointee.unit = Term(strings.attribute(unitBytes), at: location)
            record.pointee.referenceLow = low
            record.pointee.referenceHigh = high
            if let flagBytes, !flagBytes.isEmpty { record.pointee.flag = Term(strings.attribute(flagBytes), at: location) }
            if let labBytes, !labBytes.isEmpty { record.pointee.lab = strings.attribute(labBytes) }
            if let commentBytes, !commentBytes.isEmpty { record.pointee.comment = XMLBytes.trimmedAttribute(commentBytes) }
        }
        pending = true
    }

    /// Reads the value into the result, or drops the result when the value is missing or bad.
    private func finishResult(session: XMLParseSession) {
        guard pending else { return }
        pending = false
        let parsed: LabValue?? = text.withUnsafeBufferPointer { bytes in
            let value = XMLBytes.trimmed(bytes)
            return value.isEmpty ? nil : .some(LabValue.parse(value))
        }
        guard let parsed, let value = parsed else {
            let dropped = result.labs.removeLast()
            book.error(parsed == nil ? Messages.noValue : Messages.valueInvalid, at: dropped.source, patientID: dropped.patientID.rawValue)
            return
        }
        result.labs[result.labs.count - 1].value = value
        if result.labs.count == XMLReaderBookkeeping.recordsBeforeReserving {
            XMLReaderBookkeeping.reserveForTheRest(&result.labs, session: session)
        }
    }

    // MARK: Messages

    enum Messages {
        static let noPatient = "result has no patient; result skipped"
        static let noCollected = "result has no collected date; result skipped"
        static let collectedInvalid = "result collected date is not a date; result skipped"
        static let collectedAmbiguous = "result collected date is an ambiguous slash date (no --date-order given); result skipped"
        static let noTest = "result has neither test nor loinc; result skipped"
        static let noUnit = "result has no unit; result skipped"
        static let lowInvalid = "result low is not a number; result skipped"
        static let highInvalid = "result high is not a number; result skipped"
        static let noValue = ResultMessages.noValue("result")
        static let valueInvalid = ResultMessages.valueInvalid("result")
    }
}
