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
        case patient, collected, test, loinc, unit, low, high, flag, lab
    }

    enum Frame: Equatable {
        case root, result, ignored
    }

    static let resultElement = XMLNameTable<Bool>(["result": true])

    static let attributes = XMLNameTable<Attribute>([
        "patient": .patient, "collected": .collected, "test": .test, "loinc": .loinc, "unit": .unit,
        "low": .low, "high": .high, "flag": .flag, "lab": .lab,
    ])

    /// A result whose attributes were read and whose value is being read.
    struct ResultInProgress {
        var location: SourceLocation
        var valueLocation: SourceLocation
        var patientID: String
        var collected: Timestamp
        var test: Term?
        var loinc: Term?
        var unit: Term
        var low: Double?
        var high: Double?
        var flag: Term?
        var lab: String?
    }

    var book: XMLReaderBookkeeping
    let options: ReadOptions
    var result = ReadResult(kind: .labXML)
    var stack: [Frame] = []
    /// The result being read; nil outside results and in a skipped result.
    var pending: ResultInProgress?
    /// The value text so far.
    var text: [UInt8] = []

    /// Creates a reader for one file.
    init(file: String, options: ReadOptions) {
        self.book = XMLReaderBookkeeping(file: file)
        self.options = options
        text.reserveCapacity(64)
    }

    // MARK: Events

    func startElement(_ element: XMLElementStart, session: XMLParseSession) {
        guard let parent = stack.last else {
            checkRoot(element, named: "labResults", session: session)
            stack.append(.root)
            return
        }
        guard parent == .root, element.namespaceURI == nil, element.prefix == nil,
              Self.resultElement.lookup(element.localName) != nil else {
            if parent != .ignored {
                book.unknownElement(element, in: parent == .root ? "labResults" : "result", session: session)
            }
            stack.append(.ignored)
            return
        }
        stack.append(.result)
        startResult(element, session: session)
    }

    func characters(_ chunk: UnsafeBufferPointer<UInt8>, session: XMLParseSession) {
        switch stack.last {
        case .result?:
            if pending != nil { text.append(contentsOf: chunk) }
        case .root?:
            if !XMLBytes.isBlank(chunk) { book.strayText(in: "labResults", session: session) }
        default:
            break
        }
    }

    func endElement(session: XMLParseSession) {
        if stack.popLast() == .result { finishResult() }
    }

    func finish(_ outcome: XMLPushParser.Outcome) -> ReadResult {
        let rejected = book.finish(outcome, kept: result.labs.count, keptAnything: !result.labs.isEmpty,
                                   noun: ("result", "results"))
        result.diagnostics = book.diagnostics
        result.rejected = rejected
        return result
    }

    // MARK: Results

    /// Reads a result's attributes; a missing or bad one skips the result at once.
    private func startResult(_ element: XMLElementStart, session: XMLParseSession) {
        pending = nil
        text.removeAll(keepingCapacity: true)
        let location = book.location(session.startTagPosition())
        var patientID: String?
        var collected: UnsafeBufferPointer<UInt8>?
        var test: Term?, loinc: Term?, unit: Term?, flag: Term?
        var low: UnsafeBufferPointer<UInt8>?, high: UnsafeBufferPointer<UInt8>?
        var lab: String?
        forEachAttribute(of: element, named: "result", table: Self.attributes, session: session) { attribute, value in
            switch attribute {
            case .patient: patientID = XMLBytes.trimmedAttribute(value)
            case .collected: collected = XMLBytes.trimmed(value)
            case .test: test = XMLBytes.trimmedAttribute(value).map { Term($0, at: location) }
            case .loinc: loinc = XMLBytes.trimmedAttribute(value).map { Term($0, at: location) }
            case .unit: unit = XMLBytes.trimmedAttribute(value).map { Term($0, at: location) }
            case .low: low = XMLBytes.trimmed(value)
            case .high: high = XMLBytes.trimmed(value)
            case .flag: flag = XMLBytes.trimmedAttribute(value).map { Term($0, at: location) }
            case .lab: lab = XMLBytes.trimmedAttribute(value)
            }
            return true
        }
        func skip(_ message: String) {
            book.error(message, at: location, patientID: patientID)
        }
        guard let patientID else { return skip(Messages.noPatient) }
        guard let collected, !collected.isEmpty else { return skip(Messages.noCollected) }
        let timestamp: Timestamp
        switch DateParser.parse(collected, order: options.dateOrder) {
        case .success(let value): timestamp = value
        case .failure(.slashDateNeedsOrder): return skip(Messages.collectedAmbiguous)
        case .failure(.invalid): return skip(Messages.collectedInvalid)
        }
        guard test != nil || loinc != nil else { return skip(Messages.noTest) }
        guard let unit else { return skip(Messages.noUnit) }
        var lowValue: Double?
        if let low, !low.isEmpty {
            guard let number = NumberParser.parse(low) else { return skip(Messages.lowInvalid) }
            lowValue = number
        }
        var highValue: Double?
        if let high, !high.isEmpty {
            guard let number = NumberParser.parse(high) else { return skip(Messages.highInvalid) }
            highValue = number
        }
        pending = ResultInProgress(location: location, valueLocation: book.location(session.positionAfterStartTag()),
                                   patientID: patientID, collected: timestamp, test: test, loinc: loinc, unit: unit,
                                   low: lowValue, high: highValue, flag: flag, lab: lab)
    }

    /// Reads the value and keeps the result.
    private func finishResult() {
        guard let done = pending else { return }
        pending = nil
        let parsed: LabValue?? = text.withUnsafeBufferPointer { bytes in
            let value = XMLBytes.trimmed(bytes)
            return value.isEmpty ? nil : .some(LabValue.parse(value))
        }
        guard let parsed else { return book.error(Messages.noValue, at: done.location, patientID: done.patientID) }
        guard let value = parsed else {
            return book.error(Messages.valueInvalid, at: done.location, patientID: done.patientID)
        }
        var record = LabRecord(source: done.location, patientID: done.patientID, collected: done.collected,
                               testName: done.test, loinc: done.loinc, value: value,
                               valueLocation: done.valueLocation, unit: done.unit)
        record.referenceLow = done.low
        record.referenceHigh = done.high
        record.flag = done.flag
        record.lab = done.lab
        result.labs.append(record)
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
        static let noValue = "result has no value; result skipped"
        static let valueInvalid = "result value is not a number (or a censored one such as <5); result skipped"
    }
}
