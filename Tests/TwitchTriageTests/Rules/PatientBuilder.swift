import TriageKnowledge
import TriageModel

@testable import TriageEngine

/// Builds patient records for rule and findings tests: a journal of days from a start date,
/// and labs, without files.
struct PatientBuilder {
    var id = "T001"
    var start = LocalDate(year: 2026, month: 9, day: 1)!
    var journal: [JournalEntry] = []
    var labs: [LabResult] = []
    var demographics: PatientDemographics?
    let asOf = LocalDate(year: 2026, month: 11, day: 20)!

    /// Adds one entry per day for `days` days from `offset` days after the start.
    mutating func days(
        _ days: Int, from offset: Int = 0, count: (Int) -> Int = { _ in 4 },
        regions: [(RegionID, RegionGroupID)] = [("forearm", "upper limb")],
        symptoms: [SymptomID] = [], weakness: Int? = nil, caffeine: Double? = nil, sleep: Double? = nil,
        stress: Double? = nil, atRest: Bool? = nil, medications: [(String, MedicationClassID?)] = []
    ) {
        for day in 0..<days {
            let date = start.adding(days: offset + day)
            var entry = JournalEntry(
                source: SourceLocation(file: "journal.csv", line: journal.count + 2),
                patientID: PatientID(id), timestamp: Timestamp(date: date))
            entry.twitchCount = count(day)
            entry.regions = regions.map { .init(region: $0.0, group: $0.1, side: .right) }
            entry.symptoms = symptoms.map { .init(symptom: $0) }
            entry.weakness = weakness
            entry.lifestyle.caffeineMilligrams = caffeine
            entry.lifestyle.sleepHours = sleep
            entry.lifestyle.stress = stress
            entry.atRest = atRest
            entry.medications = medications.map { .init(name: $0.0, medicationClass: $0.1) }
            journal.append(entry)
        }
    }

    /// Adds a lab result in the canonical unit with the default range.
    mutating func lab(_ analyte: String, _ value: Double, status: LabResult.Status, daysBeforeAsOf: Int = 10, knowledge: Knowledge) {
        let definition = knowledge.analyte(id: AnalyteID(analyte))!
        let quantity = LabResult.Quantity(value: LabValue(value), unit: definition.canonicalUnit)
        let date = asOf.adding(days: -daysBeforeAsOf)
        labs.append(
            LabResult(
                source: SourceLocation(file: "labs.csv", line: labs.count + 2), patientID: PatientID(id), analyte: AnalyteID(analyte),
                loinc: definition.loinc.first, collected: Timestamp(date: date), reported: quantity, canonical: quantity,
                reference: .init(
                    low: definition.reference.low, high: definition.reference.high,
                    unit: definition.canonicalUnit, origin: .knowledgeDefault),
                status: status, stale: daysBeforeAsOf > 180))
    }

    /// Adds a normal, recent core panel.
    mutating func normalCorePanel(knowledge: Knowledge) {
        for analyte in knowledge.analytes where analyte.core {
            let low = analyte.reference.low ?? 0
            let high = analyte.reference.high ?? low * 2
            lab(
                analyte.id.rawValue, NumberFormatting.rounded((low + high) / 2, places: analyte.decimals), status: .normal,
                knowledge: knowledge)
        }
    }

    var record: PatientRecord {
        PatientRecord(
            id: PatientID(id), demographics: demographics, journal: journal, labs: labs, diagnostics: [],
            inputs: [InputFile(file: "journal.csv", sha256: String(repeating: "0", count: 64))])
    }

    func findings(_ knowledge: Knowledge) -> PatientFindings {
        FindingsDeriver(knowledge: knowledge).derive(record, asOf: asOf)
    }

    func context(_ knowledge: Knowledge) -> RuleContext {
        RuleContext(findings: findings(knowledge), knowledge: knowledge)
    }

    func referral(_ knowledge: Knowledge) -> Referral {
        ReferralBuilder(knowledge: knowledge).referral(for: record, asOf: asOf)
    }
}

extension Knowledge {
    /// The bundled tables, for tests (they must load).
    static var forTests: Knowledge { try! Knowledge.bundled }
}
