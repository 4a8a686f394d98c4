import TriageKnowledge
import TriageModel

/// Each associated symptom: when it first appeared, how often, and the weakness score's course.
package struct SymptomHistory: Sendable, Hashable {
    /// One symptom's record.
    package struct Occurrences: Sendable, Hashable {
        /// The symptom id.
        package var symptom: SymptomID
        /// The first day it was recorded.
        package var firstSeen: LocalDate
        /// Entries that record it.
        package var entries: Int
        /// The first and the latest entry that record it.
        package var evidence: [Evidence]
        /// Possible while every entry wrote it with doubt; present once one states it.
        package var certainty: Finding.Certainty = .present
    }

    /// Recorded symptoms by id.
    package var symptoms: [SymptomID: Occurrences]
    /// Symptoms the journal explicitly says are absent (`no weakness`), by id; a symptom also
    /// recorded as present is not listed here.
    package var denied: [SymptomID: Occurrences]
    /// Entries in the journal.
    package var entryCount: Int
    /// Entries holding symptom text that was not understood (SPEC §4.1): over them, no symptom
    /// can be said to be absent.
    package var unreadEntries: Int
    /// A weakness score and the day it was recorded.
    package struct Score: Sendable, Hashable {
        /// 0 none, 1 mild, 2 moderate, 3 severe.
        package var score: Int
        /// The entry it comes from.
        package var evidence: Evidence
    }

    /// The earliest weakness score recorded.
    package var firstWeakness: Score?
    /// The latest weakness score recorded.
    package var latestWeakness: Score?
    /// The highest weakness score recorded.
    package var maxWeakness: Int?
    /// Whether the latest score is above the earliest by at least the threshold.
    package var progressiveWeakness: Bool
    /// Entries that score weakness 0: the only data that shows "no weakness" (a journal
    /// without a weakness score says nothing about it).
    package var weaknessScoredNone: Int

    /// Whether `symptom` was recorded.
    package func has(_ symptom: SymptomID) -> Bool { symptoms[symptom] != nil }

    init(days: [JournalDay], knowledge: Knowledge) {
        var symptoms: [SymptomID: Occurrences] = [:]
        var denied: [SymptomID: Occurrences] = [:]
        var entries = 0
        var unread = 0
        func record(
            _ occurrence: JournalEntry.SymptomOccurrence, of entry: JournalEntry, on date: LocalDate,
            in table: inout [SymptomID: Occurrences]
        ) {
            var evidence = Evidence(entry.source, date: date)
            evidence.field = occurrence.field
            evidence.quote = occurrence.quote
            evidence.approximate = occurrence.approximate
            let id = occurrence.symptom
            if var existing = table[id] {
                existing.entries += 1
                if existing.certainty == .possible, occurrence.certainty == .present {
                    // The first stated entry is the evidence that counts.
                    existing.certainty = .present
                    existing.evidence = [evidence]
                } else if existing.certainty == occurrence.certainty {
                    existing.evidence = [existing.evidence[0], evidence]
                }
                table[id] = existing
            } else {
                table[id] = Occurrences(symptom: id, firstSeen: date, entries: 1, evidence: [evidence], certainty: occurrence.certainty)
            }
        }
        for day in days {
            for entry in day.entries {
                entries += 1
                if !entry.unreadSymptomText.isEmpty { unread += 1 }
                var seen: Set<SymptomID> = []
                var occurrences = entry.symptoms
                if let weakness = entry.weakness, weakness > 0, !occurrences.contains(where: { $0.symptom == SymptomID.weakness }) {
                    occurrences.append(.init(symptom: SymptomID.weakness, severity: weakness))
                }
                for occurrence in occurrences where seen.insert(occurrence.symptom).inserted {
                    record(occurrence, of: entry, on: day.date, in: &symptoms)
                }
                for occurrence in entry.deniedSymptoms where seen.insert(occurrence.symptom).inserted {
                    record(occurrence, of: entry, on: day.date, in: &denied)
                }
            }
        }
        for id in symptoms.keys { denied[id] = nil }
        self.symptoms = symptoms
        self.denied = denied
        entryCount = entries
        unreadEntries = unread
        weaknessScoredNone = days.flatMap(\.entries).filter { $0.weakness == 0 }.count
        let scored = days.filter { $0.weakness != nil }
        firstWeakness = scored.first.map { Score(score: $0.weakness!, evidence: $0.evidence) }
        latestWeakness = scored.last.map { Score(score: $0.weakness!, evidence: $0.evidence) }
        maxWeakness = scored.compactMap(\.weakness).max()
        let increase = Int(knowledge.threshold(Threshold.Key.progressiveWeaknessMinIncrease))
        if let first = firstWeakness?.score, let latest = latestWeakness?.score, latest > 0 {
            progressiveWeakness = latest - first >= increase
        } else {
            progressiveWeakness = false
        }
    }
}
