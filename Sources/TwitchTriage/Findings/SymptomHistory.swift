/// Each associated symptom: when it first appeared, how often, and the weakness score's course.
public struct SymptomHistory: Sendable, Hashable {
    /// One symptom's record.
    public struct Occurrences: Sendable, Hashable {
        /// The symptom id.
        public var symptom: String
        /// The first day it was recorded.
        public var firstSeen: LocalDate
        /// Entries that record it.
        public var entries: Int
        /// The first and the latest entry that record it.
        public var evidence: [Evidence]
    }

    /// Recorded symptoms by id.
    public var symptoms: [String: Occurrences]
    /// Entries in the journal.
    public var entryCount: Int
    /// A weakness score and the day it was recorded.
    public struct Score: Sendable, Hashable {
        /// 0 none, 1 mild, 2 moderate, 3 severe.
        public var score: Int
        /// The entry it comes from.
        public var evidence: Evidence
    }

    /// The earliest weakness score recorded.
    public var firstWeakness: Score?
    /// The latest weakness score recorded.
    public var latestWeakness: Score?
    /// The highest weakness score recorded.
    public var maxWeakness: Int?
    /// Whether the latest score is above the earliest by at least the threshold.
    public var progressiveWeakness: Bool
    /// Entries that score weakness 0: the only data that shows "no weakness" (a journal
    /// without a weakness score says nothing about it).
    public var weaknessScoredNone: Int

    /// Whether `symptom` was recorded.
    public func has(_ symptom: String) -> Bool { symptoms[symptom] != nil }

    /// Whether the symptom with a typed id was recorded.
    public func has(_ symptom: SymptomID) -> Bool { has(symptom.rawValue) }

    init(days: [JournalDay], knowledge: Knowledge) {
        var symptoms: [String: Occurrences] = [:]
        var entries = 0
        for day in days {
            for entry in day.entries {
                entries += 1
                var seen: Set<String> = []
                var ids = entry.symptoms.map(\.symptom)
                if let weakness = entry.weakness, weakness > 0 { ids.append(SymptomID.weakness.rawValue) }
                for id in ids where seen.insert(id).inserted {
                    let evidence = Evidence(entry.source, date: day.date)
                    if var existing = symptoms[id] {
                        existing.entries += 1
                        existing.evidence = [existing.evidence[0], evidence]
                        symptoms[id] = existing
                    } else {
                        symptoms[id] = Occurrences(symptom: id, firstSeen: day.date, entries: 1, evidence: [evidence])
                    }
                }
            }
        }
        self.symptoms = symptoms
        entryCount = entries
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
