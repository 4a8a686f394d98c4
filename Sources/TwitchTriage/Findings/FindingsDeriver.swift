/// Derives a patient's findings from the record (SPEC §6). Pure: the same record, knowledge
/// and as-of date give the same findings.
public struct FindingsDeriver: Sendable {
    private let knowledge: Knowledge

    /// Creates a deriver over the knowledge tables.
    public init(knowledge: Knowledge) {
        self.knowledge = knowledge
    }

    /// Derives the findings of `record` as of `asOf`.
    public func derive(_ record: PatientRecord, asOf: LocalDate) -> PatientFindings {
        let days = JournalDay.days(of: record.journal)
        let course = TwitchCourse(days: days, knowledge: knowledge)
        let symptoms = SymptomHistory(days: days, knowledge: knowledge)
        let lifestyle = LifestyleAnalysis(days: days, course: course, knowledge: knowledge)
        let labs = LabPanel(labs: record.labs, knowledge: knowledge)
        let medications = Self.medications(in: record.journal)
        let age = record.demographics?.age(on: asOf)

        var writer = FindingWriter(knowledge: knowledge, entries: record.journal.count)
        writer.course(course)
        writer.symptoms(symptoms, journal: record.journal)
        writer.lifestyle(lifestyle, course: course)
        writer.medications(medications)
        writer.labs(labs, asOf: asOf)
        writer.age(age)
        return PatientFindings(record: record, asOf: asOf, course: course, symptoms: symptoms, lifestyle: lifestyle,
                               medications: medications, labs: labs, age: age, list: writer.findings)
    }

    static func medications(in journal: [JournalEntry]) -> [PatientFindings.MedicationUse] {
        var uses: [String: PatientFindings.MedicationUse] = [:]
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
