import TriageKnowledge
import TriageModel

extension Normaliser {
    /// Reads a journal record's free text with the ``ConceptMatcher`` (SPEC §4, §4.1).
    ///
    /// - Locations become regions with their group and side (a side word inside the location
    ///   wins over the `side` column; a conflict is a warning); symptoms written beside them count.
    /// - Triggers become trigger ids; `none` is dropped.
    /// - Symptom text becomes symptom occurrences with their severity, quote, field and region
    ///   (an XML `location` wins over a region named in the text); the same symptom twice keeps
    ///   the higher severity. Explicitly absent symptoms go to `deniedSymptoms`; someone else's,
    ///   feared ones and disease names to `context`. A whole text meaning "nothing" is read as
    ///   such, a `listOnly` word (`writing`) as its symptom, and text that yields no concept is
    ///   `unreadSymptomText` with a warning (SPEC §4.1 honesty).
    /// - Notes are read like symptom text; a note that yields nothing changes nothing.
    /// - The weakness score and a `weakness` symptom are kept consistent: a score of 1-3 adds
    ///   the symptom, a symptom with a severity and no score gives the score.
    /// - Medications keep their name as written, with the class of the first drug named (not
    ///   denied), or nil: a drug outside the classes the articles link to twitching is no problem.
    /// - A location, side, trigger or exercise level that matches nothing is kept in
    ///   `unrecognised` with a warning at its column.
    ///
    /// - Parameters:
    ///   - record: the record as read.
    ///   - diagnostics: where warnings are appended.
    package func journalEntry(from record: JournalRecord, diagnostics: inout [Diagnostic]) -> JournalEntry {
        var entry = JournalEntry(source: record.source, patientID: record.patientID, timestamp: record.timestamp)
        entry.twitchCount = record.twitchCount
        entry.durationMinutes = record.durationMinutes
        entry.atRest = record.atRest
        entry.weakness = record.weakness
        entry.lifestyle = record.lifestyle
        entry.notes = record.notes

        func unrecognised(_ term: Term, _ message: String) {
            entry.unrecognised.append(term)
            diagnostics.append(.warning(at: term.location, message, patientID: record.patientID))
        }

        var columnSide: JournalEntry.Side?
        if let side = record.side, !side.text.isEmpty {
            if let match = vocabulary.side(side.text) {
                columnSide = match
            } else {
                unrecognised(side, NormaliserMessages.unrecognisedSide)
            }
        }

        for term in record.locations where !term.text.isEmpty {
            let mentions = concepts.read(term.text, kinds: Self.locationKinds)
            let regions = mentions.filter { $0.kind == .region && $0.isPresent }
            guard !regions.isEmpty else {
                unrecognised(term, NormaliserMessages.unrecognisedLocation)
                continue
            }
            for match in regions {
                // "left calf;right calf" with side "both" agrees: only one side against the other conflicts.
                if let own = match.side, let columnSide, own != columnSide, columnSide != .both {
                    diagnostics.append(.warning(at: term.location, NormaliserMessages.sideConflict, patientID: record.patientID))
                }
                let mention = JournalEntry.RegionMention(region: match.region!, group: match.regionGroup!, side: match.side ?? columnSide)
                if !entry.regions.contains(mention) { entry.regions.append(mention) }
            }
            take(mentions.filter { $0.kind == .symptom }, field: FreeTextField.location, into: &entry)
        }

        for term in record.triggers where !term.text.isEmpty {
            let mentions = concepts.read(term.text, kinds: [.trigger])
            guard !mentions.isEmpty else {
                unrecognised(term, NormaliserMessages.unrecognisedTrigger)
                continue
            }
            for mention in mentions where mention.isPresent && mention.id != TriggerID.none.rawValue {
                if !entry.triggers.contains(TriggerID(mention.id)) { entry.triggers.append(TriggerID(mention.id)) }
            }
        }

        for mention in record.symptoms where !mention.name.text.isEmpty {
            var bodyRegion: JournalEntry.RegionMention?
            if let location = mention.bodyLocation, !location.text.isEmpty {
                if let region = concepts.read(location.text, kinds: Self.locationKinds).first(where: { $0.kind == .region }) {
                    bodyRegion = .init(region: region.region!, group: region.regionGroup!, side: region.side ?? columnSide)
                } else {
                    unrecognised(location, NormaliserMessages.unrecognisedSymptomLocation)
                }
            }
            if concepts.isNoneText(mention.name.text) { continue }
            if let symptom = concepts.listItemSymptom(mention.name.text) {
                Self.add(
                    .init(
                        symptom: symptom, severity: mention.severity, field: FreeTextField.symptoms, quote: mention.name.text,
                        region: bodyRegion), to: &entry.symptoms)
                continue
            }
            let found = concepts.read(mention.name.text, kinds: Self.symptomKinds)
            guard found.contains(where: { $0.kind != .region && $0.kind != .side }) else {
                entry.unreadSymptomText.append(mention.name)
                diagnostics.append(
                    .warning(at: mention.name.location, NormaliserMessages.symptomTextNotUnderstood, patientID: record.patientID))
                continue
            }
            take(
                found.filter { $0.kind == .symptom || $0.kind == .disease }, field: FreeTextField.symptoms, into: &entry,
                severity: mention.severity, region: bodyRegion)
        }

        for note in record.notes {
            take(
                concepts.read(note, kinds: Self.symptomKinds).filter { $0.kind == .symptom || $0.kind == .disease },
                field: FreeTextField.note, into: &entry)
        }

        let weaknessSymptom = entry.symptoms.first { $0.symptom == SymptomID.weakness }
        if let weakness = record.weakness {
            if weakness > 0 {
                Self.add(JournalEntry.SymptomOccurrence(symptom: SymptomID.weakness, severity: weakness), to: &entry.symptoms)
            } else if weaknessSymptom != nil {
                diagnostics.append(.warning(at: record.source, NormaliserMessages.weaknessConflict, patientID: record.patientID))
            }
        } else if let severity = weaknessSymptom?.severity {
            entry.weakness = severity
        }

        if let exercise = record.exercise, !exercise.text.isEmpty {
            if let level = vocabulary.exercise(exercise.text) {
                entry.lifestyle.exercise = level
            } else {
                unrecognised(exercise, NormaliserMessages.unrecognisedExercise)
            }
        }

        for term in record.medications where !term.text.isEmpty {
            let drugClass = concepts.read(term.text, kinds: [.medication]).first { $0.status != .negated }.map {
                MedicationClassID(rawValue: $0.id)
            }
            entry.medications.append(JournalEntry.MedicationMention(name: term.text, medicationClass: drugClass))
        }
        return entry
    }

    /// What a location reads: regions with their sides, and symptoms written beside them.
    static let locationKinds: Set<ConceptMention.Kind> = [.region, .side, .symptom, .twitch]
    /// What symptom text and notes read.
    package static let symptomKinds: Set<ConceptMention.Kind> = [.symptom, .region, .side, .twitch, .disease]

    /// Sorts mentions into the entry: present symptoms (with their quote and region), explicit
    /// absences, and context (someone else's, hypothetical, disease names).
    private func take(
        _ mentions: [ConceptMention], field: String, into entry: inout JournalEntry,
        severity: Int? = nil, region: JournalEntry.RegionMention? = nil
    ) {
        for mention in mentions {
            if mention.kind == .disease {
                // A disease the patient names (feared, asked about, a relative's) is context that
                // tells the clinician what the patient fears; a denied one (`it's not ALS`) is not.
                if mention.status != .negated {
                    entry.context.append(.init(concept: mention.id, reason: .diseaseName, field: field, quote: mention.quote))
                }
                if mention.status == .present {
                    entry.context.append(.init(concept: mention.id, reason: .statedDiagnosis, field: field, quote: mention.quote))
                } else if concepts.isFirstDegreeFamilyHistory(mention) {
                    var item = JournalEntry.ContextMention(concept: mention.id, reason: .familyHistory, field: field, quote: mention.quote)
                    item.relative = mention.experiencers.joined(separator: ", ")
                    entry.context.append(item)
                }
                continue
            }
            let ownRegion = mention.region.map {
                JournalEntry.RegionMention(region: $0, group: mention.regionGroup ?? "", side: mention.side)
            }
            // The matcher's mention of the symptom kind names a vocabulary symptom.
            let symptom = SymptomID(rawValue: mention.id)
            var occurrence = JournalEntry.SymptomOccurrence(
                symptom: symptom, severity: severity, field: field, quote: mention.quote,
                approximate: mention.approximate, region: region ?? ownRegion)
            switch mention.status {
            case .present: Self.add(occurrence, to: &entry.symptoms)
            case .possible:
                occurrence.certainty = .possible
                Self.add(occurrence, to: &entry.symptoms)
            case .historical: entry.context.append(.init(concept: mention.id, reason: .historical, field: field, quote: mention.quote))
            case .negated: if !entry.deniedSymptoms.contains(where: { $0.symptom == symptom }) { entry.deniedSymptoms.append(occurrence) }
            case .otherPerson: entry.context.append(.init(concept: mention.id, reason: .otherPerson, field: field, quote: mention.quote))
            case .hypothetical: entry.context.append(.init(concept: mention.id, reason: .hypothetical, field: field, quote: mention.quote))
            }
        }
    }

    /// Adds an occurrence, or raises the severity of the same symptom already there.
    private static func add(_ occurrence: JournalEntry.SymptomOccurrence, to symptoms: inout [JournalEntry.SymptomOccurrence]) {
        guard let index = symptoms.firstIndex(where: { $0.symptom == occurrence.symptom }) else {
            symptoms.append(occurrence)
            return
        }
        // Stated beats doubted: the stated words are the quote.
        if symptoms[index].certainty == .possible, occurrence.certainty == .present {
            let severity = symptoms[index].severity
            symptoms[index] = occurrence
            if let severity, severity > (occurrence.severity ?? -1) { symptoms[index].severity = severity }
            return
        }
        if let severity = occurrence.severity, severity > (symptoms[index].severity ?? -1) {
            symptoms[index].severity = severity
        }
    }
}
