import TriageKnowledge
import TriageModel

/// Derives a patient's findings from the record (SPEC §6). Pure: the same record, knowledge
/// and as-of date give the same findings.
package struct FindingsDeriver: Sendable {
    private let knowledge: Knowledge

    /// Creates a deriver over the knowledge tables.
    package init(knowledge: Knowledge) {
        self.knowledge = knowledge
    }

    /// Derives the findings of `record` as of `asOf`.
    package func derive(_ record: PatientRecord, asOf: LocalDate) -> PatientFindings {
        let days = JournalDay.days(of: record.journal)
        let course = TwitchCourse(days: days, knowledge: knowledge)
        let symptoms = SymptomHistory(days: days, knowledge: knowledge)
        let lifestyle = LifestyleAnalysis(days: days, course: course, knowledge: knowledge)
        let labResults = LabPanel.applyingDefaultRangeLimits(record.labs, knowledge: knowledge)
        let labs = LabPanel(labs: labResults, knowledge: knowledge, asOf: asOf)
        let concerns = Self.concerns(in: record.journal, knowledge: knowledge)
        let medications = Self.medications(in: record.journal)
        let age = record.demographics?.age(on: asOf)

        var writer = FindingWriter(knowledge: knowledge, entries: record.journal.count)
        writer.course(course)
        writer.concerns(concerns)
        let triggers = Self.triggersNamed(days)
        writer.triggers(triggers, twitchDays: course.twitchDays)
        writer.symptoms(symptoms, journal: record.journal)
        writer.lifestyle(lifestyle, course: course)
        writer.medications(medications)
        writer.labs(labs, asOf: asOf)
        writer.age(age)
        var findings = PatientFindings(
            record: record, asOf: asOf, course: course, symptoms: symptoms, lifestyle: lifestyle,
            medications: medications, labs: labs, age: age, list: writer.findings)
        findings.concerns = concerns
        findings.triggersNamed = triggers
        findings.labResults = labResults
        return findings
    }

    /// The triggers named on twitch days (not `none`), most often first, then by id.
    static func triggersNamed(_ days: [JournalDay]) -> [PatientFindings.TriggerNamed] {
        var counts: [TriggerID: Int] = [:]
        for day in days where day.twitching {
            for trigger in day.triggers where trigger != TriggerID.none { counts[trigger, default: 0] += 1 }
        }
        return counts.map { PatientFindings.TriggerNamed(trigger: $0.key, days: $0.value) }
            .sorted { ($0.days, $1.trigger) > ($1.days, $0.trigger) }
    }

    /// The conditions the patient names as a worry (`rules.json` concerns), with the first quote:
    /// a disease name the concept reader found in the notes, not denied (`my dad had ALS so I am
    /// scared` counts; `the neurologist said it is not ALS` does not).
    static func concerns(in journal: [JournalEntry], knowledge: Knowledge) -> [PatientFindings.Concern] {
        var found: [PatientFindings.Concern] = []
        for concern in knowledge.rules.concerns {
            let names = Set(concern.terms.map(TermKey.key))
            var result: PatientFindings.Concern?
            for entry in journal {
                guard let mention = entry.context.first(where: { $0.reason == .diseaseName && names.contains(TermKey.key($0.concept)) })
                else { continue }
                let evidence = Evidence(entry.source, date: entry.date)
                if var existing = result {
                    existing.entries += 1
                    existing.evidence = [existing.evidence[0], evidence]
                    result = existing
                } else {
                    result = .init(condition: concern.condition, quote: mention.quote, entries: 1, evidence: [evidence])
                }
            }
            if let result { found.append(result) }
        }
        return found
    }

    static func medications(in journal: [JournalEntry]) -> [PatientFindings.MedicationUse] {
        var uses: [MedicationClassID: PatientFindings.MedicationUse] = [:]
        for entry in journal {
            for mention in entry.medications {
                guard let medicationClass = mention.medicationClass else { continue }
                let evidence = Evidence(entry.source, date: entry.date)
                if var use = uses[medicationClass] {
                    if !use.drugs.contains(mention.name) { use.drugs = (use.drugs + [mention.name]).sorted() }
                    use.evidence = [use.evidence[0], evidence]
                    uses[medicationClass] = use
                } else {
                    uses[medicationClass] = .init(medicationClass: medicationClass, drugs: [mention.name], evidence: [evidence])
                }
            }
        }
        return uses.keys.sorted().map { uses[$0]! }
    }
}
