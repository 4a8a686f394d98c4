import TriageModel

/// What the reader notes about an `<entry>` beside its record while its children are read.
struct EntryNotes {
    /// Whether the patient is still to be decided at the end of the file.
    var awaitingPatient = false
    /// Whether twitches gave different sides.
    var sidesDiffer = false
    /// Lifestyle values that may be given once per entry.
    var sleepGiven = false, stressGiven = false, exerciseGiven = false
}

/// A `<symptom>` while its text is read.
struct SymptomInProgress {
    /// Where the element starts.
    var location: SourceLocation
    /// The `name` attribute; the text is the name when it is absent.
    var name: String?
    /// The `severity` attribute, 0-3.
    var severity: Int?
    /// The `location` attribute.
    var bodyLocation: Term?
}

extension JournalXMLReader {
    /// Reads `<entry date time patient>`: the date (and time) and whose entry it is.
    func startEntry(_ element: XMLElementStart, session: XMLParseSession) -> Frame {
        let location = book.location(session.startTagPosition())
        var date: UnsafeBufferPointer<UInt8>?
        var time: UnsafeBufferPointer<UInt8>?
        var patient: String?
        forEachAttribute(of: element, as: .entry, session: session) { attribute, value in
            switch attribute {
            case .date: date = XMLBytes.trimmed(value)
            case .time: time = XMLBytes.trimmed(value)
            case .patient: patient = strings.trimmedAttribute(value)
            default: return false
            }
            return true
        }
        inEntry = false
        if let patient, let currentPatient, patient != currentPatient {
            book.error(Messages.entryPatientMismatch, at: location, patientID: currentPatient)
            return .entry
        }
        let patientID = patient ?? currentPatient
        guard let date, !date.isEmpty else {
            book.error(Messages.entryWithoutDate, at: location, patientID: patientID)
            return .entry
        }
        var timestamp: Timestamp
        switch DateParser.parse(date, order: options.dateOrder) {
        case .success(let value): timestamp = value
        case .failure(.slashDateNeedsOrder):
            book.error(Messages.entryDateAmbiguous, at: location, patientID: patientID)
            return .entry
        case .failure(.invalid):
            book.error(Messages.entryDateInvalid, at: location, patientID: patientID)
            return .entry
        }
        if let time, !time.isEmpty {
            guard timestamp.timeOfDayMinutes == nil else {
                book.error(Messages.entryTimeTwice, at: location, patientID: patientID)
                return .entry
            }
            guard let clock = Self.timeOfDay(time) else {
                book.error(Messages.entryTimeInvalid, at: location, patientID: patientID)
                return .entry
            }
            timestamp.timeOfDayMinutes = clock.timeOfDayMinutes
            timestamp.seconds = clock.seconds
            timestamp.utcOffsetMinutes = clock.utcOffsetMinutes
        }
        entry = JournalRecord(source: location, patientID: PatientID(patientID ?? ""), timestamp: timestamp)
        inEntry = true
        entryNotes = EntryNotes(awaitingPatient: patientID == nil)
        return .entry
    }

    /// Reads a `time` attribute (`07:30`, `07:30:15`, with an optional offset) by the same
    /// rules as the time part of a date-time.
    static func timeOfDay(_ bytes: UnsafeBufferPointer<UInt8>) -> Timestamp? {
        let prefix: StaticString = "2000-01-01T"
        guard bytes.count <= 32 else { return nil }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: prefix.utf8CodeUnitCount + bytes.count) { buffer in
            let base = buffer.baseAddress!
            base.initialize(from: prefix.utf8Start, count: prefix.utf8CodeUnitCount)
            (base + prefix.utf8CodeUnitCount).initialize(from: bytes.baseAddress!, count: bytes.count)
            return try? DateParser.parse(UnsafeBufferPointer(buffer), order: nil).get()
        }
    }

    /// Ends an entry: keeps it unless it was skipped.
    func finishEntry(session: XMLParseSession) {
        guard inEntry else { return }
        inEntry = false
        if entryNotes.awaitingPatient { entriesAwaitingPatient.append(result.journal.count) }
        // Moved, not copied, into the array: a copy would retain every string in it.
        result.journal.append(Self.blank)
        swap(&result.journal[result.journal.count - 1], &entry)
        if result.journal.count == XMLReaderBookkeeping.recordsBeforeReserving {
            XMLReaderBookkeeping.reserveForTheRest(&result.journal, session: session)
        }
    }

    /// Skips the current entry with an error at `location`.
    func skipEntry(_ message: String, at location: SourceLocation) {
        let patient = entryNotes.awaitingPatient || !inEntry ? nil : entry.patientID.rawValue
        book.error(message, at: location, patientID: patient)
        inEntry = false
    }

    /// Reads `<twitch location count durationMin atRest side>` into the entry.
    ///
    /// Values go straight into the entry; if one is bad the whole entry is skipped, so a
    /// half-applied twitch never reaches a record.
    func readTwitch(_ element: XMLElementStart, session: XMLParseSession) -> Frame {
        let location = book.location(session.startTagPosition())
        var side: Term?
        var problem: String?
        forEachAttribute(of: element, as: .twitch, session: session) { attribute, value in
            switch attribute {
            case .location:
                XMLBytes.forEachPiece(of: value, separatedBy: 0x3B) { entry.locations.append(Term(strings.attribute($0), at: location)) }
            case .count:
                Self.add(
                    value, { XMLBytes.wholeNumber($0, in: 0...1_000_000_000) }, to: &entry.twitchCount, from: 0, +,
                    else: Messages.twitchCountInvalid, problem: &problem)
            case .durationMin:
                Self.add(
                    value, { XMLBytes.number($0, in: 0...1_000_000_000) }, to: &entry.durationMinutes, from: 0, +,
                    else: Messages.twitchDurationInvalid, problem: &problem)
            case .atRest:
                Self.add(
                    value, XMLBytes.boolean, to: &entry.atRest, from: false, { $0 || $1 }, else: Messages.twitchAtRestInvalid,
                    problem: &problem)
            case .side:
                side = strings.trimmedAttribute(value).map { Term($0, at: location) }
            default:
                return false
            }
            return true
        }
        if let problem {
            skipEntry(problem, at: location)
            return .twitch
        }
        if let side {
            if let earlier = entry.side {
                if earlier.text.lowercased() != side.text.lowercased() && !entryNotes.sidesDiffer {
                    entryNotes.sidesDiffer = true
                    entry.side = Term("both", at: earlier.location)
                }
            } else {
                entry.side = side
            }
        }
        return .twitch
    }

    /// Adds a twitch's `value`, read by `read`, to the entry's `total` so far (`none` when it has
    /// none yet), when the value is not blank; a bad one leaves `total` as it is and sets
    /// `problem` to `message` unless a problem came first. Static, so that it captures nothing:
    /// a local function that captured `problem` cost every attribute an exclusivity check.
    @inline(__always)
    private static func add<Value>(
        _ value: UnsafeBufferPointer<UInt8>, _ read: (UnsafeBufferPointer<UInt8>) -> Value?, to total: inout Value?,
        from none: Value, _ combine: (Value, Value) -> Value, else message: String, problem: inout String?
    ) {
        guard !XMLBytes.isBlank(value) else { return }
        if let more = read(value) {
            total = combine(total ?? none, more)
        } else {
            problem = problem ?? message
        }
    }

    /// Reads `<lifestyle caffeineMg sleepHours stress alcoholUnits waterL exercise>`.
    func readLifestyle(_ element: XMLElementStart, session: XMLParseSession) -> Frame {
        let location = book.location(session.startTagPosition())
        guard inEntry else { return .lifestyle }
        var problem: String?
        var caffeine: Double?
        var alcohol: Double?
        var water: Double?
        var sleep: Double?
        var stress: Double?
        var exercise: String?
        func amount(_ value: UnsafeBufferPointer<UInt8>, _ name: String, _ range: ClosedRange<Double>, _ words: String) -> Double? {
            guard !XMLBytes.isBlank(value) else { return nil }
            let number = XMLBytes.number(value, in: range)
            if number == nil { problem = problem ?? Messages.lifestyleInvalid(name, words) }
            return number
        }
        let atLeastZero = 0...Double.greatestFiniteMagnitude
        forEachAttribute(of: element, as: .lifestyle, session: session) { attribute, value in
            switch attribute {
            case .caffeineMg: caffeine = amount(value, "caffeineMg", atLeastZero, "of at least 0")
            case .alcoholUnits: alcohol = amount(value, "alcoholUnits", atLeastZero, "of at least 0")
            case .waterL: water = amount(value, "waterL", atLeastZero, "of at least 0")
            case .sleepHours: sleep = amount(value, "sleepHours", 0...24, "of hours from 0 to 24")
            case .stress: stress = amount(value, "stress", 0...10, "from 0 to 10")
            case .exercise: exercise = strings.trimmedAttribute(value)
            default: return false
            }
            return true
        }
        func once(_ given: inout Bool, _ name: String) {
            if given { problem = problem ?? Messages.lifestyleTwice(name) }
            given = true
        }
        if sleep != nil { once(&entryNotes.sleepGiven, "sleepHours") }
        if stress != nil { once(&entryNotes.stressGiven, "stress") }
        if exercise != nil { once(&entryNotes.exerciseGiven, "exercise") }
        /// The entry's amount so far plus this element's; amounts near the largest `Double`
        /// could add up to infinity, which is no amount.
        func total(_ earlier: Double?, _ more: Double?, _ name: String) -> Double? {
            guard let more else { return earlier }
            let sum = (earlier ?? 0) + more
            if !sum.isFinite { problem = problem ?? Messages.lifestyleTotalTooLarge(name) }
            return sum
        }
        let caffeineTotal = total(entry.lifestyle.caffeineMilligrams, caffeine, "caffeineMg")
        let alcoholTotal = total(entry.lifestyle.alcoholUnits, alcohol, "alcoholUnits")
        let waterTotal = total(entry.lifestyle.waterLitres, water, "waterL")
        if let problem {
            skipEntry(problem, at: location)
            return .lifestyle
        }
        entry.lifestyle.caffeineMilligrams = caffeineTotal
        entry.lifestyle.alcoholUnits = alcoholTotal
        entry.lifestyle.waterLitres = waterTotal
        if let sleep { entry.lifestyle.sleepHours = sleep }
        if let stress { entry.lifestyle.stress = stress }
        if let exercise { entry.exercise = Term(exercise, at: location) }
        return .lifestyle
    }

    /// Starts `<symptom name severity location>`; its text is the name when `name` is absent.
    func startSymptom(_ element: XMLElementStart, session: XMLParseSession) -> Frame {
        let location = book.location(session.startTagPosition())
        var pending = SymptomInProgress(location: location)
        var problem: String?
        forEachAttribute(of: element, as: .symptom, session: session) { attribute, value in
            switch attribute {
            case .name:
                pending.name = strings.trimmedAttribute(value)
            case .severity:
                guard !XMLBytes.isBlank(value) else { break }
                pending.severity = XMLBytes.wholeNumber(value, in: 0...3)
                if pending.severity == nil { problem = Messages.symptomSeverityInvalid }
            case .location:
                pending.bodyLocation = strings.trimmedAttribute(value).map { Term($0, at: location) }
            default:
                return false
            }
            return true
        }
        if let problem {
            skipEntry(problem, at: location)
            return .ignored
        }
        symptom = pending
        text.removeAll(keepingCapacity: true)
        return .symptom
    }

    /// Ends a symptom: adds it to the entry, and its severity to the weakness score when it
    /// is weakness.
    func finishSymptom() {
        guard let pending = symptom.take(), inEntry else { return }
        let name = pending.name ?? text.withUnsafeBufferPointer { XMLBytes.trimmedString($0) }
        guard let name else {
            skipEntry(Messages.symptomWithoutName, at: pending.location)
            return
        }
        entry.symptoms.append(
            SymptomMention(
                name: Term(name, at: pending.location), severity: pending.severity,
                bodyLocation: pending.bodyLocation))
        if let severity = pending.severity, name.lowercased() == "weakness" {
            entry.weakness = max(entry.weakness ?? 0, severity)
        }
    }

    /// Starts a text element (`trigger`, `medication`, `note`, `weakness`); it takes no
    /// attributes.
    func startText(_ frame: Frame, _ element: XMLElementStart, session: XMLParseSession) -> Frame {
        textLocation = book.location(session.startTagPosition())
        forEachAttribute(of: element, as: frame, session: session) { _, _ in false }
        text.removeAll(keepingCapacity: true)
        return frame
    }

    /// Ends a text element: its text goes into the entry.
    func finishText(_ frame: Frame) {
        guard inEntry else { return }
        let location = textLocation
        let bad: Bool = text.withUnsafeBufferPointer { bytes in
            switch frame {
            case .trigger:
                XMLBytes.forEachPiece(of: bytes, separatedBy: 0x3B) { entry.triggers.append(Term(strings.text($0), at: location)) }
            case .medication:
                XMLBytes.forEachPiece(of: bytes, separatedBy: 0x3B) { entry.medications.append(Term(strings.text($0), at: location)) }
            case .note:
                if !XMLBytes.isBlank(bytes) { entry.notes.append(XMLBytes.string(bytes)) }
            case .weakness:
                guard !XMLBytes.isBlank(bytes) else { break }
                guard let score = Self.weaknessScore(bytes) else { return true }
                entry.weakness = max(entry.weakness ?? 0, score)
            default:
                break
            }
            return false
        }
        if bad { skipEntry(Messages.weaknessInvalid, at: location) }
    }

    /// `0`-`3`, or `none`, `mild`, `moderate`, `severe`.
    static func weaknessScore(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let value = XMLBytes.trimmed(bytes)
        if let score = XMLBytes.wholeNumber(value, in: 0...3) { return score }
        for (word, score) in [("none", 0), ("mild", 1), ("moderate", 2), ("severe", 3)] as [(StaticString, Int)]
        where XMLBytes.equalsIgnoringCase(value, word) {
            return score
        }
        return nil
    }
}
