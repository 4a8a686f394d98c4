/// An `<entry>` while its children are read.
struct EntryInProgress {
    /// The record so far.
    var record: JournalRecord
    /// Whether the patient is still to be decided at the end of the file.
    var awaitingPatient: Bool
    /// Whether twitches gave different sides.
    var sidesDiffer = false
    /// Lifestyle values that may be given once per entry.
    var sleepGiven = false, stressGiven = false, exerciseGiven = false
}

/// A `<symptom>` while its text is read.
struct SymptomInProgress {
    var location: SourceLocation
    var name: String?
    var severity: Int?
    var bodyLocation: Term?
}

extension JournalXMLReader {
    /// Reads `<entry date time patient>`: the date (and time) and whose entry it is.
    func startEntry(_ element: XMLElementStart, session: XMLParseSession) -> Frame {
        let location = book.location(session.startTagPosition())
        var date: UnsafeBufferPointer<UInt8>?
        var time: UnsafeBufferPointer<UInt8>?
        var patient: String?
        forEachAttribute(of: element, named: "entry", table: Self.attributes, session: session) { attribute, value in
            switch attribute {
            case .date: date = XMLBytes.trimmed(value)
            case .time: time = XMLBytes.trimmed(value)
            case .patient: patient = XMLBytes.trimmedAttribute(value)
            default: return false
            }
            return true
        }
        entry = nil
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
        entry = EntryInProgress(record: JournalRecord(source: location, patientID: patientID ?? "", timestamp: timestamp),
                                awaitingPatient: patientID == nil)
        return .entry
    }

    /// Reads a `time` attribute (`07:30`, `07:30:15`, with an optional offset) by the same
    /// rules as the time part of a date-time.
    static func timeOfDay(_ bytes: UnsafeBufferPointer<UInt8>) -> Timestamp? {
        guard bytes.count <= 32 else { return nil }
        var text: [UInt8] = Array("2000-01-01T".utf8)
        text.append(contentsOf: bytes)
        return text.withUnsafeBufferPointer { try? DateParser.parse($0, order: nil).get() }
    }

    /// Ends an entry: keeps it unless it was skipped.
    func finishEntry() {
        guard let finished = entry else { return }
        entry = nil
        if finished.awaitingPatient { entriesAwaitingPatient.append(result.journal.count) }
        result.journal.append(finished.record)
    }

    /// Skips the current entry with an error at `location`.
    func skipEntry(_ message: String, at location: SourceLocation) {
        let patient = entry.flatMap { $0.awaitingPatient ? nil : $0.record.patientID }
        book.error(message, at: location, patientID: patient)
        entry = nil
    }

    /// Reads `<twitch location count durationMin atRest side>` into the entry.
    func readTwitch(_ element: XMLElementStart, session: XMLParseSession) -> Frame {
        let location = book.location(session.startTagPosition())
        var locations: [Term] = []
        var count: Int?
        var minutes: Double?
        var atRest: Bool?
        var side: Term?
        var problem: String?
        forEachAttribute(of: element, named: "twitch", table: Self.attributes, session: session) { attribute, value in
            switch attribute {
            case .location:
                XMLBytes.forEachPiece(of: value, separatedBy: 0x3B) { locations.append(Term(XMLBytes.attributeString($0), at: location)) }
            case .count:
                guard !XMLBytes.isBlank(value) else { break }
                count = XMLBytes.wholeNumber(value, in: 0...1_000_000_000)
                if count == nil { problem = problem ?? Messages.twitchCountInvalid }
            case .durationMin:
                guard !XMLBytes.isBlank(value) else { break }
                minutes = XMLBytes.number(value, in: 0...1_000_000_000)
                if minutes == nil { problem = problem ?? Messages.twitchDurationInvalid }
            case .atRest:
                guard !XMLBytes.isBlank(value) else { break }
                atRest = XMLBytes.boolean(value)
                if atRest == nil { problem = problem ?? Messages.twitchAtRestInvalid }
            case .side:
                side = XMLBytes.trimmedAttribute(value).map { Term($0, at: location) }
            default:
                return false
            }
            return true
        }
        if let problem {
            skipEntry(problem, at: location)
            return .twitch
        }
        guard var current = entry else { return .twitch }
        current.record.locations += locations
        if let count { current.record.twitchCount = (current.record.twitchCount ?? 0) + count }
        if let minutes { current.record.durationMinutes = (current.record.durationMinutes ?? 0) + minutes }
        if let atRest { current.record.atRest = (current.record.atRest ?? false) || atRest }
        if let side {
            if let earlier = current.record.side {
                if earlier.text.lowercased() != side.text.lowercased() && !current.sidesDiffer {
                    current.sidesDiffer = true
                    current.record.side = Term("both", at: earlier.location)
                }
            } else {
                current.record.side = side
            }
        }
        entry = current
        return .twitch
    }

    /// Reads `<lifestyle caffeineMg sleepHours stress alcoholUnits waterL exercise>`.
    func readLifestyle(_ element: XMLElementStart, session: XMLParseSession) -> Frame {
        let location = book.location(session.startTagPosition())
        guard var current = entry else { return .lifestyle }
        var problem: String?
        func amount(_ value: UnsafeBufferPointer<UInt8>, _ name: String, _ range: ClosedRange<Double>, _ words: String) -> Double? {
            guard !XMLBytes.isBlank(value) else { return nil }
            let number = XMLBytes.number(value, in: range)
            if number == nil { problem = problem ?? Messages.lifestyleInvalid(name, words) }
            return number
        }
        func once(_ given: inout Bool, _ name: String) -> Bool {
            if given { problem = problem ?? Messages.lifestyleTwice(name) }
            given = true
            return problem == nil
        }
        let atLeastZero = 0...Double.greatestFiniteMagnitude
        forEachAttribute(of: element, named: "lifestyle", table: Self.attributes, session: session) { attribute, value in
            switch attribute {
            case .caffeineMg:
                if let mg = amount(value, "caffeineMg", atLeastZero, "of at least 0") {
                    current.record.caffeineMilligrams = (current.record.caffeineMilligrams ?? 0) + mg
                }
            case .alcoholUnits:
                if let units = amount(value, "alcoholUnits", atLeastZero, "of at least 0") {
                    current.record.alcoholUnits = (current.record.alcoholUnits ?? 0) + units
                }
            case .waterL:
                if let litres = amount(value, "waterL", atLeastZero, "of at least 0") {
                    current.record.waterLitres = (current.record.waterLitres ?? 0) + litres
                }
            case .sleepHours:
                if let hours = amount(value, "sleepHours", 0...24, "of hours from 0 to 24"),
                   once(&current.sleepGiven, "sleepHours") {
                    current.record.sleepHours = hours
                }
            case .stress:
                if let stress = amount(value, "stress", 0...10, "from 0 to 10"), once(&current.stressGiven, "stress") {
                    current.record.stress = stress
                }
            case .exercise:
                if let exercise = XMLBytes.trimmedAttribute(value), once(&current.exerciseGiven, "exercise") {
                    current.record.exercise = Term(exercise, at: location)
                }
            default:
                return false
            }
            return true
        }
        if let problem {
            skipEntry(problem, at: location)
        } else {
            entry = current
        }
        return .lifestyle
    }

    /// Starts `<symptom name severity location>`; its text is the name when `name` is absent.
    func startSymptom(_ element: XMLElementStart, session: XMLParseSession) -> Frame {
        let location = book.location(session.startTagPosition())
        var pending = SymptomInProgress(location: location)
        var problem: String?
        forEachAttribute(of: element, named: "symptom", table: Self.attributes, session: session) { attribute, value in
            switch attribute {
            case .name:
                pending.name = XMLBytes.trimmedAttribute(value)
            case .severity:
                guard !XMLBytes.isBlank(value) else { break }
                pending.severity = XMLBytes.wholeNumber(value, in: 0...3)
                if pending.severity == nil { problem = Messages.symptomSeverityInvalid }
            case .location:
                pending.bodyLocation = XMLBytes.trimmedAttribute(value).map { Term($0, at: location) }
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
        guard let pending = symptom else { return }
        symptom = nil
        guard var current = entry else { return }
        let name = pending.name ?? text.withUnsafeBufferPointer { XMLBytes.trimmedString($0) }
        guard let name else {
            skipEntry(Messages.symptomWithoutName, at: pending.location)
            return
        }
        current.record.symptoms.append(SymptomMention(name: Term(name, at: pending.location), severity: pending.severity,
                                                      bodyLocation: pending.bodyLocation))
        if let severity = pending.severity, name.lowercased() == "weakness" {
            current.record.weakness = max(current.record.weakness ?? 0, severity)
        }
        entry = current
    }

    /// Starts a text element (`trigger`, `medication`, `note`, `weakness`); it takes no
    /// attributes.
    func startText(_ frame: Frame, _ element: XMLElementStart, session: XMLParseSession) -> Frame {
        textLocation = book.location(session.startTagPosition())
        forEachAttribute(of: element, named: frame.name, table: Self.attributes, session: session) { _, _ in false }
        text.removeAll(keepingCapacity: true)
        return frame
    }

    /// Ends a text element: its text goes into the entry.
    func finishText(_ frame: Frame) {
        guard var current = entry else { return }
        let location = textLocation
        let bad: Bool = text.withUnsafeBufferPointer { bytes in
            switch frame {
            case .trigger:
                XMLBytes.forEachPiece(of: bytes, separatedBy: 0x3B) { current.record.triggers.append(Term(XMLBytes.string($0), at: location)) }
            case .medication:
                XMLBytes.forEachPiece(of: bytes, separatedBy: 0x3B) { current.record.medications.append(Term(XMLBytes.string($0), at: location)) }
            case .note:
                if !XMLBytes.isBlank(bytes) { current.record.notes.append(XMLBytes.string(bytes)) }
            case .weakness:
                guard !XMLBytes.isBlank(bytes) else { break }
                guard let score = Self.weaknessScore(bytes) else { return true }
                current.record.weakness = max(current.record.weakness ?? 0, score)
            default:
                break
            }
            return false
        }
        if bad {
            skipEntry(Messages.weaknessInvalid, at: location)
        } else {
            entry = current
        }
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
