import TriageModel

/// Reads an Apple Health `export.xml` (root `HealthData`, SPEC §3.9) as it streams through
/// libxml2's SAX2 parser, into per-day sums (``AppleHealthDays``): never a tree, never the
/// records.
///
/// Read: `Me`'s birth date and biological sex; top-level `Record`s of type
/// `HKQuantityTypeIdentifierDietaryCaffeine` (mg, g, mcg), `HKQuantityTypeIdentifierDietaryWater`
/// (mL, cL, L, fl_oz_us; kept in litres), `HKCategoryTypeIdentifierSleepAnalysis` (the asleep
/// values only: `Asleep`, and iOS 16's `AsleepCore`, `AsleepDeep`, `AsleepREM`,
/// `AsleepUnspecified`; never `InBed` or `Awake`), `HKQuantityTypeIdentifierAppleExerciseTime`
/// (min) and `HKCategoryTypeIdentifierMindfulSession` (its minutes); `Workout`s (their
/// `duration`). Everything else (other record types, correlations, whose records also appear
/// on their own, activity summaries, any other element) is skipped and counted in one warning
/// per file. Attributes the reader does not use are ignored without a word (exports add
/// attributes from one iOS version to the next).
///
/// A record that cannot be used (a date that is not `YYYY-MM-DD HH:MM:SS ±HHMM`, a value that
/// is not a number of at least 0, a unit not read, an end before the start) is skipped; each
/// reason is reported once, at its first record, with how many records it cost.
///
/// The export names no patient: ``ReadResult/phone`` holds what was read, unattached
/// (``AppleHealthAttachment``). A file that stops being well-formed part-way keeps what was
/// read before the error and is marked cut short (``PhoneExport/cutShortAt``).
final class AppleHealthReader: XMLRecordReader {
    @exclusivity(unchecked) private var book: XMLReaderBookkeeping
    @exclusivity(unchecked) private var days = AppleHealthDays()
    @exclusivity(unchecked) private var export = PhoneExport()
    @exclusivity(unchecked) private var depth = 0
    @exclusivity(unchecked) private var elementNames = XMLNameCache(AppleHealthName.elements)
    @exclusivity(unchecked) private var recordNames = XMLNameCache(AppleHealthName.attributes)
    @exclusivity(unchecked) private var workoutNames = XMLNameCache(AppleHealthName.attributes)

    /// Records (and workouts) read, of the types used.
    @exclusivity(unchecked) private var used: [AppleHealthName.RecordType: Int] = [:]
    @exclusivity(unchecked) private var workoutsUsed = 0
    /// Sleep records in bed or awake: read, not counted as sleep.
    @exclusivity(unchecked) private var notAsleep = 0
    /// Skipped: records of other types (and how many types), correlations, activity
    /// summaries, other elements.
    @exclusivity(unchecked) private var otherRecords = 0
    @exclusivity(unchecked) private var otherTypes: Set<[UInt8]> = []
    @exclusivity(unchecked) private var recentOtherTypes: [[UInt8]] = []
    @exclusivity(unchecked) private var nextRecentSlot = 0
    @exclusivity(unchecked) private var correlations = 0
    @exclusivity(unchecked) private var activitySummaries = 0
    @exclusivity(unchecked) private var otherElements = 0
    /// Records skipped for a problem: how many, and the first one's location, per message.
    @exclusivity(unchecked) private var problems: [String: (count: Int, first: SourceLocation)] = [:]
    /// Every top-level element after the root, read or skipped.
    @exclusivity(unchecked) private var seen = 0

    /// Creates a reader for one file.
    init(file: String) {
        self.book = XMLReaderBookkeeping(file: file)
    }

    // MARK: Events

    func startElement(_ element: XMLElementStart, session: XMLParseSession) {
        depth += 1
        guard depth == 2 else { return }  // the root, or inside a top-level element
        seen += 1
        let known = element.namespaceURI == nil ? elementNames.lookup(element: element.localName) : nil
        switch known {
        case .record?: readRecord(element, session: session)
        case .workout?: readWorkout(element, session: session)
        case .me?: readMe(element, session: session)
        case .exportDate?: break
        case .correlation?: correlations += 1
        case .activitySummary?: activitySummaries += 1
        case nil: otherElements += 1
        }
    }

    func endElement(session: XMLParseSession) {
        depth -= 1
    }

    func characters(_ text: UnsafeBufferPointer<UInt8>, session: XMLParseSession) {}

    // MARK: Elements

    private func readRecord(_ element: XMLElementStart, session: XMLParseSession) {
        var type: UnsafeBufferPointer<UInt8>?
        var unit: UnsafeBufferPointer<UInt8>?
        var value: UnsafeBufferPointer<UInt8>?
        var start: UnsafeBufferPointer<UInt8>?
        var end: UnsafeBufferPointer<UInt8>?
        for index in 0..<element.attributeCount {
            let attribute = element[index]
            guard !attribute.isDefaulted, attribute.prefix == nil else { continue }
            switch recordNames.lookup(attribute.localName, at: index) {
            case .type?: type = attribute.value
            case .unit?: unit = attribute.value
            case .value?: value = attribute.value
            case .startDate?: start = attribute.value
            case .endDate?: end = attribute.value
            default: break
            }
            // Most records are of types not read: stop as soon as the type says so.
            if index == 0, let type, AppleHealthName.recordTypes.lookup(type) == nil {
                countOther(type)
                return
            }
        }
        guard let type, let kind = AppleHealthName.recordTypes.lookup(type) else {
            countOther(type ?? UnsafeBufferPointer(start: nil, count: 0))
            return
        }
        let position = session.startTagPosition()
        guard let startBytes = start, let from = AppleHealthDate(startBytes) else {
            return skip(Messages.dateInvalid("startDate"), at: position)
        }
        guard let endBytes = end, let to = AppleHealthDate(endBytes) else {
            return skip(Messages.dateInvalid("endDate"), at: position)
        }
        guard to.instant >= from.instant else { return skip(Messages.endsBeforeStart, at: position) }
        switch kind {
        case .sleep:
            guard let value, let sleep = AppleHealthName.sleepValues.lookup(XMLBytes.trimmed(value)) else {
                return skip(Messages.sleepValueUnknown, at: position)
            }
            guard sleep == .asleep else {
                notAsleep += 1
                return
            }
            days.asleep.append(.init(start: from.instant, end: to.instant, endDate: to.date, source: book.location(position)))
        case .mindful:
            AppleHealthDays.add(
                Double(to.instant - from.instant) / 60, on: from.date, to: &days.mindful,
                source: book.location(position))
        case .caffeine, .water, .exerciseTime:
            guard let value, let amount = XMLBytes.number(value, in: 0...Double.greatestFiniteMagnitude) else {
                return skip(Messages.valueInvalid, at: position)
            }
            let factor: Double?
            switch kind {
            case .caffeine: factor = unit.flatMap { AppleHealthName.milligrams(perUnit: XMLBytes.trimmed($0)) }
            case .water: factor = unit.flatMap { AppleHealthName.litres(perUnit: XMLBytes.trimmed($0)) }
            default: factor = unit.flatMap { AppleHealthName.minutes(perUnit: XMLBytes.trimmed($0)) }
            }
            guard let factor else { return skip(Messages.unitUnknown(kind), at: position) }
            switch kind {
            case .caffeine: AppleHealthDays.add(amount * factor, on: from.date, to: &days.caffeine, source: book.location(position))
            case .water: AppleHealthDays.add(amount * factor, on: from.date, to: &days.water, source: book.location(position))
            default: AppleHealthDays.add(amount * factor, on: from.date, to: &days.exerciseTime, source: book.location(position))
            }
        }
        used[kind, default: 0] += 1
    }

    private func readWorkout(_ element: XMLElementStart, session: XMLParseSession) {
        var duration: UnsafeBufferPointer<UInt8>?
        var unit: UnsafeBufferPointer<UInt8>?
        var start: UnsafeBufferPointer<UInt8>?
        var end: UnsafeBufferPointer<UInt8>?
        for index in 0..<element.attributeCount {
            let attribute = element[index]
            guard !attribute.isDefaulted, attribute.prefix == nil else { continue }
            switch workoutNames.lookup(attribute.localName, at: index) {
            case .duration?: duration = attribute.value
            case .durationUnit?: unit = attribute.value
            case .startDate?: start = attribute.value
            case .endDate?: end = attribute.value
            default: break
            }
        }
        let position = session.startTagPosition()
        guard let startBytes = start, let from = AppleHealthDate(startBytes) else {
            return skip(Messages.workoutDateInvalid("startDate"), at: position)
        }
        let minutes: Double
        if let duration {
            guard let amount = XMLBytes.number(duration, in: 0...Double.greatestFiniteMagnitude) else {
                return skip(Messages.workoutDurationInvalid, at: position)
            }
            // The DTD's default unit is minutes; an export always writes it.
            guard let factor = unit.map({ AppleHealthName.minutes(perUnit: XMLBytes.trimmed($0)) }) ?? 1 else {
                return skip(Messages.workoutUnitUnknown, at: position)
            }
            minutes = amount * factor
        } else {
            guard let endBytes = end, let to = AppleHealthDate(endBytes) else {
                return skip(Messages.workoutDateInvalid("endDate"), at: position)
            }
            guard to.instant >= from.instant else { return skip(Messages.endsBeforeStart, at: position) }
            minutes = Double(to.instant - from.instant) / 60
        }
        AppleHealthDays.add(minutes, on: from.date, to: &days.workouts, source: book.location(position))
        workoutsUsed += 1
    }

    private func readMe(_ element: XMLElementStart, session: XMLParseSession) {
        let location = book.location(session.startTagPosition())
        export.meSource = location
        for index in 0..<element.attributeCount {
            let attribute = element[index]
            guard !attribute.isDefaulted, attribute.prefix == nil else { continue }
            switch AppleHealthName.attributes.lookup(attribute.localName) {
            case .dateOfBirth?:
                guard !XMLBytes.isBlank(attribute.value) else { continue }
                if let date = AppleHealthDate.birthDate(attribute.value) {
                    export.birthDate = date
                } else {
                    book.warning(Messages.birthDateInvalid, at: location)
                }
            case .biologicalSex?:
                export.sex = AppleHealthName.sex(attribute.value)
            default: break
            }
        }
    }

    // MARK: Counting

    /// Counts a record of a type not read, and its type among the distinct ones (up to 10,000
    /// of them). Exports list a type's records together, and a generated or merged one
    /// interleaves a handful: the last 16 distinct types are checked first, by their bytes,
    /// so that a record of a type seen lately costs a few comparisons and no allocation.
    private func countOther(_ type: UnsafeBufferPointer<UInt8>) {
        otherRecords += 1
        for index in recentOtherTypes.indices where recentOtherTypes[index].count == type.count {
            if recentOtherTypes[index].withUnsafeBufferPointer({ $0.elementsEqual(type) }) { return }
        }
        let bytes = Array(type)
        if recentOtherTypes.count < 16 {
            recentOtherTypes.append(bytes)
        } else {
            recentOtherTypes[nextRecentSlot] = bytes
            nextRecentSlot = (nextRecentSlot + 1) % 16
        }
        if otherTypes.count < 10_000 { otherTypes.insert(bytes) }
    }

    private func skip(_ message: String, at position: (line: Int, column: Int?)) {
        if let known = problems[message] {
            problems[message] = (known.count + 1, known.first)
        } else {
            problems[message] = (1, book.location(position))
        }
    }

    // MARK: End of file

    func finish(_ outcome: XMLPushParser.Outcome) -> ReadResult {
        let (phoneDays, impossibleSleep) = days.days()
        export.days = phoneDays
        if let first = impossibleSleep.first {
            book.warning(Messages.sleepOverADay(impossibleSleep.count), at: first)
        }
        for (message, problem) in problems.sorted(by: { ($0.value.first, $0.key) < ($1.value.first, $1.key) }) {
            let cost = problem.count == 1 ? "record skipped" : "\(problem.count) records skipped (the first here)"
            book.warning("\(message); \(cost)", at: problem.first)
        }
        if let summary = skippedSummary() {
            book.warning(summary, at: SourceLocation(file: book.file))
        }
        let read = used.values.reduce(workoutsUsed + notAsleep, +)
        var early = outcome
        if let failure = outcome.failure, seen > 0 {
            let location = SourceLocation(file: book.file, line: failure.line, column: failure.column)
            export.cutShortAt = location
            book.error(Messages.cutShort(failure.whatIsWrong, seen: seen, read: read), at: location)
            early.failure = nil
        }
        let rejected = book.finish(early, kept: 0, keptAnything: false, noun: CountedNoun("record"))
        var result = ReadResult(kind: .appleHealth)
        result.phone = export
        result.diagnostics = book.diagnostics
        result.rejected = rejected
        return result
    }

    /// The one warning that says what was skipped, with counts; nil when nothing was.
    private func skippedSummary() -> String? {
        var parts: [String] = []
        if otherRecords > 0 {
            let types = otherTypes.count == 1 ? "1 other type" : "\(otherTypes.count) other types"
            parts.append("\(otherRecords) record\(otherRecords == 1 ? "" : "s") of \(types)")
        }
        if correlations > 0 { parts.append("\(correlations) correlation\(correlations == 1 ? "" : "s")") }
        if activitySummaries > 0 { parts.append("\(activitySummaries) activity summar\(activitySummaries == 1 ? "y" : "ies")") }
        if otherElements > 0 { parts.append("\(otherElements) other element\(otherElements == 1 ? "" : "s")") }
        if notAsleep > 0 { parts.append("\(notAsleep) sleep record\(notAsleep == 1 ? "" : "s") in bed or awake") }
        guard !parts.isEmpty else { return nil }
        return
            "Apple Health export: \(parts.joined(separator: ", ")) not read (only caffeine, water, asleep time, exercise time, workouts, mindful sessions and Me are); skipped, counted here"
    }

    enum Messages {
        static func dateInvalid(_ attribute: String) -> String {
            "Apple Health record \(attribute) is not a date-time (YYYY-MM-DD HH:MM:SS ±HHMM)"
        }

        static func workoutDateInvalid(_ attribute: String) -> String {
            "Apple Health workout \(attribute) is not a date-time (YYYY-MM-DD HH:MM:SS ±HHMM)"
        }

        static let endsBeforeStart = "Apple Health record ends before it starts"

        static func sleepOverADay(_ days: Int) -> String {
            days == 1
                ? "Apple Health asleep records add up to more than 24 hours for one day; that day's sleep left out"
                : "Apple Health asleep records add up to more than 24 hours for one day; the sleep of \(days) such days left out (the first here)"
        }
        static let valueInvalid = "Apple Health record value is not a number of at least 0"
        static let sleepValueUnknown = "Apple Health sleep record value is not a known sleep analysis value"
        static let workoutDurationInvalid = "Apple Health workout duration is not a number of at least 0"
        static let workoutUnitUnknown = "Apple Health workout durationUnit is not min, s or hr"
        static let birthDateInvalid = "Apple Health Me date of birth is not a date (YYYY-MM-DD); birth date left out"

        static func unitUnknown(_ kind: AppleHealthName.RecordType) -> String {
            switch kind {
            case .caffeine: "Apple Health caffeine record unit is not mg, g or mcg"
            case .water: "Apple Health water record unit is not mL, cL, L or fl_oz_us"
            default: "Apple Health exercise time record unit is not min, s or hr"
            }
        }

        static func cutShort(_ what: String, seen: Int, read: Int) -> String {
            "\(what); Apple Health export cut short here: rest of file skipped, what came before it kept (\(seen) element\(seen == 1 ? "" : "s") seen, \(read) record\(read == 1 ? "" : "s") read)"
        }
    }
}
