import Testing
import TriageKnowledge
import TriageModel

@testable import TriageEngine

/// Every entry of `contrast-map.json` on a patient made for its signal: the signal holds, the
/// entry's row is matched (by this entry, or by an earlier entry of the same row that also
/// holds), and on a journal with nothing but twitch counts the signal does not hold (missing
/// data is never evidence).
@Suite struct ContrastMappingEntryTests {
    static let knowledge = Knowledge.forTests

    static func aged(_ age: Int) -> PatientDemographics {
        PatientDemographics(source: SourceLocation(file: "p.csv", line: 2), patientID: "T001", age: age)
    }

    /// A patient whose data shows `signal`.
    static func fixture(_ signal: ContrastSignal) -> PatientBuilder {
        var patient = PatientBuilder()
        let eyelid: [(RegionID, RegionGroupID)] = [("eyelid", "cranial/bulbar")]
        switch signal {
        case .persistentSpan: patient.days(15)
        case .briefEpisodes:
            patient.days(5)
            for index in patient.journal.indices { patient.journal[index].durationMinutes = 2 }
        case .spreading:
            patient.days(7, regions: [("thumb", "upper limb")])
            patient.days(7, from: 7, regions: [("forearm", "upper limb")])
        case .spreadingWithMotor:
            patient.days(7, regions: [("calf", "lower limb")], weakness: 1)
            patient.days(7, from: 7, regions: [("forearm", "upper limb")], weakness: 1)
        case .singleSpot: patient.days(14, regions: [("calf", "lower limb")])
        case .widespreadFromStart: patient.days(14, regions: [("calf", "lower limb"), ("upper arm", "upper limb")])
        case .sensorySymptoms: patient.days(5, symptoms: [.numbness])
        case .motorSymptoms: patient.days(5, weakness: 1)
        case .noWeaknessScored: patient.days(5, weakness: 0)
        case .progressiveWeakness:
            patient.days(10, weakness: 0)
            patient.days(10, from: 10, weakness: 1)
        case .atrophyPresent: patient.days(5, symptoms: [.atrophy])
        case .stableCourse: patient.days(21, count: { _ in 10 }, weakness: 0)
        case .countsRisingWithWeakness: patient.days(21, count: { $0 < 7 ? 4 : 8 }, weakness: 1)
        case .functionLoss: patient.days(5, symptoms: [.fineMotor])
        case .bulbarOrBreathing: patient.days(5, symptoms: [.speech])
        case .mildSymptomsOnly: patient.days(5, symptoms: [.cramps])
        case .triggerLinked:
            for day in 0..<12 { patient.days(1, from: day, count: { _ in day % 2 == 0 ? 12 : 4 }, caffeine: day % 2 == 0 ? 400 : 0) }
        case .stressLinked:
            for day in 0..<12 { patient.days(1, from: day, count: { _ in day % 2 == 0 ? 12 : 4 }, stress: day % 2 == 0 ? 8 : 2) }
        case .atRestNoTrigger: patient.days(10, atRest: true)
        case .improvedAfterCut:
            // Linked first (more twitching on coffee days), then cut: SPEC §6.3.
            for day in 0..<7 { patient.days(1, from: day, count: { _ in day % 2 == 0 ? 12 : 4 }, caffeine: day % 2 == 0 ? 400 : 0) }
            patient.days(7, from: 7, count: { _ in 2 }, caffeine: 0)
        case .noImprovementAfterCut:
            for day in 0..<7 { patient.days(1, from: day, count: { _ in day % 2 == 0 ? 12 : 4 }, caffeine: day % 2 == 0 ? 400 : 0) }
            patient.days(7, from: 7, count: { _ in 8 }, caffeine: 0)
        case .ageBelowALSBand:
            patient.demographics = aged(25)
            patient.days(3)
        case .eyelidPersistent: patient.days(15, regions: eyelid)
        case .eyelidBrief: patient.days(5, regions: eyelid)
        case .eyelidFacialSpread: patient.days(5, regions: eyelid + [("cheek", "cranial/bulbar")])
        case .eyelidOnly: patient.days(5, regions: eyelid)
        case .centralSymptoms: patient.days(5, regions: eyelid, symptoms: [.vision])
        case .heatLinked:
            for day in 0..<12 {
                patient.days(1, from: day, count: { _ in day % 2 == 0 ? 12 : 4 }, regions: eyelid)
                if day % 2 == 0 { patient.journal[day].triggers = [TriggerID.heat] }
            }
        case .sleepOrStressLinked:
            for day in 0..<12 {
                patient.days(1, from: day, count: { _ in day % 2 == 0 ? 12 : 4 }, regions: eyelid, sleep: day % 2 == 0 ? 5 : 8)
            }
        }
        return patient
    }

    @Test(arguments: ContrastSignal.allCases)
    func theSignalHoldsOnItsFixtureAndNotOnBareCounts(_ signal: ContrastSignal) {
        let knowledge = Self.knowledge
        let findings = Self.fixture(signal).findings(knowledge)
        let evaluator = ContrastEvaluator(findings: findings, knowledge: knowledge)
        #expect(evaluator.read(signal) != nil, "\(signal.rawValue) does not hold on its fixture")
        let matches = evaluator.matches()
        for entry in knowledge.contrastMap.mappings where entry.signal == signal {
            let match = matches.first { $0.entry.table == entry.table && $0.entry.row == entry.row }
            #expect(match != nil, "\(entry.table)/\(entry.row) not matched by \(signal.rawValue)")
            #expect(
                match?.sentence(knowledge.rules).hasPrefix(knowledge.contrast(table: entry.table, id: entry.row)!.feature + ": ") == true)
        }
        var bare = PatientBuilder()
        bare.days(3, regions: [("calf", "lower limb"), ("calf", "lower limb")])
        let none = ContrastEvaluator(findings: bare.findings(knowledge), knowledge: knowledge).read(signal)
        if signal != .singleSpot { #expect(none == nil, "\(signal.rawValue) holds on a journal of bare counts") }
    }

    @Test func everySignalIsNamedByAnEntry() {
        let named = Set(Self.knowledge.contrastMap.mappings.map(\.signal))
        #expect(named == Set(ContrastSignal.allCases))
    }
}
