import TriageModel

/// Reads a symptom journal in XML (SPEC §3.4): root `symptomJournal`, `<patient>` elements
/// for demographics and `<entry>` elements for journal entries.
///
/// Structure (element names without namespace; anything else is ignored with one warning per
/// name and place):
/// ```
/// symptomJournal version?
///   patient id birthDate? sex? displayName? age?   (its children may be entries)
///   entry date time? patient?
///     twitch location? count? durationMin? atRest? side?      (any number)
///     symptom name? severity? location?   (name, or else the element's text)
///     trigger, medication                 (text; `;`-lists allowed)
///     lifestyle caffeineMg? sleepHours? stress? alcoholUnits? waterL? exercise?
///     weakness                            (text: 0-3, or none/mild/moderate/severe)
///     note                                (text, kept verbatim)
/// ```
/// Choices where SPEC is silent, so a clinician can rely on them:
/// - **Which patient**: an entry belongs to the `<patient>` before it. An entry's own
///   `patient` attribute is used when no `<patient>` precedes it; if it names another patient
///   than the `<patient>` before it, the entry is skipped with an error (never attributed to
///   either). Entries before any `<patient>` take the file's patient if the file has exactly
///   one `<patient>`, wherever it is; otherwise they are skipped.
/// - **Several `<twitch>`** in one entry: locations gathered (each `location` also split on
///   `;`), counts and minutes summed over the twitches that give them, at rest if any twitch
///   is; sides that differ make the entry's side `both`.
/// - **Weakness**: a `<symptom name="weakness" severity="2">` also sets the entry's weakness
///   score (0-3); a `<weakness>` element sets it directly; the highest given wins. A weakness
///   symptom without severity is kept as a symptom but sets no score (none would be a guess).
/// - **Several `<lifestyle>`**: amounts (caffeine, alcohol, water) are summed; sleep, stress
///   or exercise given twice in one entry skips the entry.
/// - A bad value anywhere in an entry (date, time, number, yes/no, severity, missing symptom
///   name) skips the whole entry with one error at the element that holds it.
final class JournalXMLReader: XMLRecordReader {
    enum Element: Sendable {
        case patient, entry, twitch, symptom, trigger, lifestyle, medication, note, weakness
    }

    enum Attribute: Sendable {
        case id, birthDate, sex, displayName, age
        case date, time, patient
        case location, count, durationMin, atRest, side
        case name, severity
        case caffeineMg, sleepHours, stress, alcoholUnits, waterL, exercise
    }

    /// An open element, innermost last.
    enum Frame: Equatable {
        case root, patient, entry, twitch, symptom, lifestyle, trigger, medication, note, weakness
        /// Inside an element that is ignored (unknown, misplaced, or in a skipped entry).
        case ignored

        /// The element's name, for messages.
        var name: String {
            switch self {
            case .root: return "symptomJournal"
            case .patient: return "patient"
            case .entry: return "entry"
            case .twitch: return "twitch"
            case .symptom: return "symptom"
            case .lifestyle: return "lifestyle"
            case .trigger: return "trigger"
            case .medication: return "medication"
            case .note: return "note"
            case .weakness: return "weakness"
            case .ignored: return ""
            }
        }

        /// Whether the element's text is data.
        var capturesText: Bool {
            switch self {
            case .symptom, .trigger, .medication, .note, .weakness: return true
            default: return false
            }
        }
    }

    /// An empty record (its strings are empty, so copying it retains nothing).
    static let blank = JournalRecord(
        source: SourceLocation(file: ""), patientID: "",
        timestamp: Timestamp(date: LocalDate(dayNumber: 0)))

    static let elements = XMLNameTable<Element>([
        "entry": .entry, "twitch": .twitch, "symptom": .symptom, "trigger": .trigger, "lifestyle": .lifestyle,
        "medication": .medication, "note": .note, "weakness": .weakness, "patient": .patient,
    ])

    static let attributes = XMLNameTable<Attribute>([
        "date": .date, "time": .time, "location": .location, "count": .count, "durationMin": .durationMin,
        "atRest": .atRest, "side": .side, "name": .name, "severity": .severity, "caffeineMg": .caffeineMg,
        "sleepHours": .sleepHours, "stress": .stress, "alcoholUnits": .alcoholUnits, "waterL": .waterL,
        "exercise": .exercise, "patient": .patient, "id": .id, "birthDate": .birthDate, "sex": .sex,
        "displayName": .displayName, "age": .age,
    ])

    // Exclusivity: as in ``XMLParseSession``, a reader's callbacks run one at a time on one
    // thread, so the runtime's dynamic checks on its state are switched off.
    @exclusivity(unchecked) var book: XMLReaderBookkeeping
    let options: ReadOptions
    @exclusivity(unchecked) var result = ReadResult(kind: .journalXML)
    @exclusivity(unchecked) var stack: [Frame] = []
    /// The text of the innermost text element so far.
    @exclusivity(unchecked) package var text: [UInt8] = []
    /// Where the innermost text element starts.
    @exclusivity(unchecked) var textLocation = SourceLocation(file: "")

    /// The id of the `<patient>` before the current point, if it had one.
    @exclusivity(unchecked) var currentPatient: String?
    /// Every `<patient>` element so far, with or without a usable id.
    @exclusivity(unchecked) var patientElements = 0
    /// Entries read before any `<patient>` and without a `patient` attribute: their index in
    /// ``ReadResult/journal``, to be given the file's patient at the end.
    @exclusivity(unchecked) var entriesAwaitingPatient: [Int] = []

    /// The entry being read, valid while ``inEntry``; kept in place (not optional) so that
    /// its fields are changed where they lie rather than copied out and back.
    @exclusivity(unchecked) package var entry = JournalXMLReader.blank
    /// Whether an entry is being read (false outside entries and in a skipped entry).
    @exclusivity(unchecked) var inEntry = false
    /// What goes with the entry being read.
    @exclusivity(unchecked) var entryNotes = EntryNotes()
    /// Strings made from attribute values and short texts, reused when values repeat.
    @exclusivity(unchecked) package var strings = XMLStringCache()
    /// Element names seen so far.
    @exclusivity(unchecked) var elementNames = XMLNameCache(elements)
    /// Which attribute came at each position last time, per element kind.
    @exclusivity(unchecked) var entryNames = XMLNameCache(attributes)
    @exclusivity(unchecked) var twitchNames = XMLNameCache(attributes)
    @exclusivity(unchecked) var symptomNames = XMLNameCache(attributes)
    @exclusivity(unchecked) var lifestyleNames = XMLNameCache(attributes)
    @exclusivity(unchecked) var patientNames = XMLNameCache(attributes)
    /// The symptom being read.
    @exclusivity(unchecked) var symptom: SymptomInProgress?

    /// Creates a reader for one file.
    init(file: String, options: ReadOptions) {
        self.book = XMLReaderBookkeeping(file: file)
        self.options = options
        text.reserveCapacity(256)
    }

    // MARK: Events

    func startElement(_ element: XMLElementStart, session: XMLParseSession) {
        guard let parent = stack.last else {
            book.checkRoot(element, named: Frame.root.name, session: session)
            stack.append(.root)
            return
        }
        if parent == .ignored || (parent == .entry && !inEntry) {
            stack.append(.ignored)
            session.textWanted = false
            return
        }
        let known = element.namespaceURI == nil && element.prefix == nil ? elementNames.lookup(element: element.localName) : nil
        let frame: Frame
        switch (parent, known) {
        case (.root, .patient?): frame = startPatient(element, session: session)
        case (.root, .entry?), (.patient, .entry?): frame = startEntry(element, session: session)
        case (.entry, .twitch?): frame = readTwitch(element, session: session)
        case (.entry, .lifestyle?): frame = readLifestyle(element, session: session)
        case (.entry, .symptom?): frame = startSymptom(element, session: session)
        case (.entry, .trigger?): frame = startText(.trigger, element, session: session)
        case (.entry, .medication?): frame = startText(.medication, element, session: session)
        case (.entry, .note?): frame = startText(.note, element, session: session)
        case (.entry, .weakness?): frame = startText(.weakness, element, session: session)
        case (_, _?):
            if book.firstTime("misplaced \(parent.name) \(element.displayName)") {
                book.warning(
                    Messages.misplaced(element.displayName, in: parent.name),
                    at: book.location(session.startTagPosition()))
            }
            frame = .ignored
        case (_, nil):
            book.unknownElement(element, in: parent.name, session: session)
            frame = .ignored
        }
        stack.append(frame)
        session.textWanted = frame.capturesText
    }

    func characters(_ chunk: UnsafeBufferPointer<UInt8>, session: XMLParseSession) {
        guard let frame = stack.last else { return }
        if frame.capturesText {
            text.append(contentsOf: chunk)
        } else if frame != .ignored, !(frame == .entry && !inEntry), !XMLBytes.isBlank(chunk) {
            book.strayText(in: frame.name, session: session)
        }
    }

    func endElement(session: XMLParseSession) {
        guard let frame = stack.popLast() else { return }
        switch frame {
        case .entry: finishEntry(session: session)
        case .symptom: finishSymptom()
        case .trigger, .medication, .note, .weakness: finishText(frame)
        default: break
        }
        session.textWanted = stack.last?.capturesText ?? false
    }

    /// Calls `body` with each attribute of `element` (read as `frame`) that is written on it
    /// (not defaulted by a DTD), has no prefix, and is a journal attribute; `body` returns
    /// false for a name the element does not take. Every other attribute is reported once
    /// as unknown.
    func forEachAttribute(
        of element: XMLElementStart, as frame: Frame, session: XMLParseSession,
        _ body: (Attribute, UnsafeBufferPointer<UInt8>) -> Bool
    ) {
        for index in 0..<element.attributeCount {
            let attribute = element[index]
            if !attribute.isDefaulted, attribute.prefix == nil,
                let name = attributeName(attribute.localName, at: index, of: frame), body(name, attribute.value)
            {
                continue
            }
            book.unknownAttribute(attribute, on: frame.name, session: session)
        }
    }

    /// The journal attribute `name` at `position` of an element read as `frame`; each
    /// element kind has its own cache, as each writes its attributes in its own order.
    @inline(__always)
    private func attributeName(_ name: UnsafePointer<UInt8>, at position: Int, of frame: Frame) -> Attribute? {
        switch frame {
        case .entry: return entryNames.lookup(name, at: position)
        case .twitch: return twitchNames.lookup(name, at: position)
        case .symptom: return symptomNames.lookup(name, at: position)
        case .lifestyle: return lifestyleNames.lookup(name, at: position)
        case .patient: return patientNames.lookup(name, at: position)
        default: return Self.attributes.lookup(name)
        }
    }

    // MARK: End of file

    func finish(_ outcome: XMLPushParser.Outcome) -> ReadResult {
        resolveEntriesAwaitingPatient()
        let rejected = book.finish(
            outcome, kept: result.journal.count,
            keptAnything: !result.journal.isEmpty || !result.demographics.isEmpty,
            noun: CountedNoun("entry", "entries"))
        result.diagnostics = book.diagnostics
        result.rejected = rejected
        return result
    }

    /// Gives entries read before any `<patient>` the file's only patient, or skips them.
    private func resolveEntriesAwaitingPatient() {
        guard !entriesAwaitingPatient.isEmpty else { return }
        if patientElements == 1, let patient = result.demographics.first?.patientID {
            for index in entriesAwaitingPatient { result.journal[index].patientID = patient }
            return
        }
        let waiting = Set(entriesAwaitingPatient)
        for index in entriesAwaitingPatient {
            book.error(Messages.entryWithoutPatient, at: result.journal[index].source)
        }
        result.journal = result.journal.enumerated().filter { !waiting.contains($0.offset) }.map(\.element)
    }

    // MARK: Messages

    enum Messages {
        static func misplaced(_ name: String, in parent: String) -> String {
            "element '\(name)' does not belong in '\(parent)'; element ignored"
        }

        static let entryWithoutPatient = "entry has no patient (no patient element before it, no patient attribute); entry skipped"
        static let entryPatientMismatch = "entry's patient attribute differs from the patient element before it; entry skipped"
        static let entryWithoutDate = "entry has no date; entry skipped"
        static let entryDateInvalid = "entry date is not a date; entry skipped"
        static let entryDateAmbiguous = "entry date is an ambiguous slash date (no --date-order given); entry skipped"
        static let entryTimeInvalid = "entry time is not a time of day (HH:MM); entry skipped"
        static let entryTimeTwice = "entry has a time in both date and time; entry skipped"
        static let patientWithoutID = "patient has no id; patient details skipped"
        static let birthDateInvalid = "patient birthDate is not a date; birth date left out"
        static let birthDateAmbiguous = "patient birthDate is an ambiguous slash date (no --date-order given); birth date left out"
        static let sexInvalid = "patient sex is not female, male, other or unknown; sex left out"
        static let ageInvalid = "patient age is not a whole number of years from 0 to 150; age left out"
        static let twitchCountInvalid = "twitch count is not a whole number of at least 0; entry skipped"
        static let twitchDurationInvalid = "twitch durationMin is not a number of at least 0; entry skipped"
        static let twitchAtRestInvalid = "twitch atRest is not yes or no; entry skipped"
        static let symptomSeverityInvalid = "symptom severity is not 0, 1, 2 or 3; entry skipped"
        static let symptomWithoutName = "symptom has no name; entry skipped"
        static let weaknessInvalid = "weakness is not 0, 1, 2 or 3; entry skipped"

        static func lifestyleInvalid(_ attribute: String, _ range: String) -> String {
            "lifestyle \(attribute) is not a number \(range); entry skipped"
        }

        static func lifestyleTotalTooLarge(_ attribute: String) -> String {
            "lifestyle \(attribute) adds up to more than the largest number in one entry; entry skipped"
        }

        static func lifestyleTwice(_ attribute: String) -> String {
            "lifestyle \(attribute) is given twice in one entry; entry skipped"
        }
    }
}
