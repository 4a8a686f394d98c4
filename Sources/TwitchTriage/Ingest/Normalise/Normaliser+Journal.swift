extension Normaliser {
    /// Matches a journal record's terms to the vocabulary (SPEC §4).
    ///
    /// - Locations become regions with their group and side (a side word inside the location
    ///   wins over the `side` column; a conflict is a warning).
    /// - Triggers become trigger ids; `none` is dropped.
    /// - Symptoms become symptom ids with their severity; the same symptom twice keeps the
    ///   higher severity. A symptom's own body location is checked against the vocabulary (the
    ///   model has no place for it yet, so a recognised one is not kept; an unrecognised one is).
    /// - The weakness score and a `weakness` symptom are kept consistent: a score of 1-3 adds
    ///   the symptom, a symptom with a severity and no score gives the score.
    /// - Medications keep their name as written, with their class or nil: a drug that is not in
    ///   a class the articles link to twitching is not a problem, so it gets no warning.
    /// - Every other term that matches nothing is kept in `unrecognised` with a warning at its
    ///   column.
    ///
    /// - Parameters:
    ///   - record: the record as read.
    ///   - diagnostics: where warnings are appended.
    public func journalEntry(from record: JournalRecord, diagnostics: inout [Diagnostic]) -> JournalEntry {
        var entry = JournalEntry(source: record.source, patientID: record.patientID, timestamp: record.timestamp)
        entry.twitchCount = record.twitchCount
        entry.durationMinutes = record.durationMinutes
        entry.atRest = record.atRest
        entry.weakness = record.weakness
        entry.caffeineMilligrams = record.caffeineMilligrams
        entry.sleepHours = record.sleepHours
        entry.stress = record.stress
        entry.alcoholUnits = record.alcoholUnits
        entry.waterLitres = record.waterLitres
        entry.notes = record.notes

        func unrecognised(_ term: Term, _ message: String) {
            entry.unrecognised.append(term)
            diagnostics.append(.warning(at: term.location, message, patientID: record.patientID))
        }

        var columnSide: JournalEntry.Side?
        if let side = record.side, !side.text.isEmpty {
            if let match = vocabulary.side(side.text) { columnSide = match } else { unrecognised(side, NormaliserMessages.unrecognisedSide) }
        }

        for term in record.locations where !term.text.isEmpty {
            guard let match = vocabulary.region(term.text) else {
                unrecognised(term, NormaliserMessages.unrecognisedLocation)
                continue
            }
            // "left calf;right calf" with side "both" agrees: only one side against the other conflicts.
            if let own = match.side, let columnSide, own != columnSide, columnSide != .both {
                diagnostics.append(.warning(at: term.location, NormaliserMessages.sideConflict, patientID: record.patientID))
            }
            let mention = JournalEntry.RegionMention(region: match.region, group: match.group, side: match.side ?? columnSide)
            if !entry.regions.contains(mention) { entry.regions.append(mention) }
        }

        for term in record.triggers where !term.text.isEmpty {
            guard let trigger = vocabulary.trigger(term.text) else {
                unrecognised(term, NormaliserMessages.unrecognisedTrigger)
                continue
            }
            if trigger != "none", !entry.triggers.contains(trigger) { entry.triggers.append(trigger) }
        }

        for mention in record.symptoms where !mention.name.text.isEmpty {
            if let location = mention.bodyLocation, !location.text.isEmpty, vocabulary.region(location.text) == nil {
                unrecognised(location, NormaliserMessages.unrecognisedSymptomLocation)
            }
            guard let symptom = vocabulary.symptom(mention.name.text) else {
                unrecognised(mention.name, NormaliserMessages.unrecognisedSymptom)
                continue
            }
            Self.add(JournalEntry.SymptomOccurrence(symptom: symptom, severity: mention.severity), to: &entry.symptoms)
        }

        let weaknessSymptom = entry.symptoms.first { $0.symptom == "weakness" }
        if let weakness = record.weakness {
            if weakness > 0 {
                Self.add(JournalEntry.SymptomOccurrence(symptom: "weakness", severity: weakness), to: &entry.symptoms)
            } else if weaknessSymptom != nil {
                diagnostics.append(.warning(at: record.source, NormaliserMessages.weaknessConflict, patientID: record.patientID))
            }
        } else if let severity = weaknessSymptom?.severity {
            entry.weakness = severity
        }

        if let exercise = record.exercise, !exercise.text.isEmpty {
            if let level = vocabulary.exercise(exercise.text) { entry.exercise = level } else { unrecognised(exercise, NormaliserMessages.unrecognisedExercise) }
        }

        for term in record.medications where !term.text.isEmpty {
            entry.medications.append(JournalEntry.MedicationMention(name: term.text, medicationClass: vocabulary.medicationClass(term.text)))
        }
        return entry
    }

    /// Adds an occurrence, or raises the severity of the same symptom already there.
    private static func add(_ occurrence: JournalEntry.SymptomOccurrence, to symptoms: inout [JournalEntry.SymptomOccurrence]) {
        guard let index = symptoms.firstIndex(where: { $0.symptom == occurrence.symptom }) else {
            symptoms.append(occurrence)
            return
        }
        if let severity = occurrence.severity, severity > (symptoms[index].severity ?? -1) {
            symptoms[index].severity = severity
        }
    }
}
