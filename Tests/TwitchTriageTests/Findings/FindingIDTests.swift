import Foundation
import Testing
import TriageKnowledge
import TriageModel

/// The finding ids are the report's contract (SPEC §7 `findings[].id`, `recommendations[].reasons`):
/// typing them must not change a character of what reports write.
@Suite struct FindingIDTests {
    @Test func parametrisedIdsAreWrittenAsReportsHaveAlwaysWrittenThem() {
        #expect(FindingID.symptom(SymptomID.fineMotor).rawValue == "fine-motor-difficulty")
        #expect(FindingID.symptom("neck pain radiating to arm").rawValue == "neck-pain-radiating-to-arm")
        #expect(FindingID.correlation(.shortSleep).rawValue == "correlation-short-sleep")
        #expect(FindingID.correlation(.eyeStrain).rawValue == "correlation-eye-strain")
        #expect(FindingID.medication("psychotropic drugs").rawValue == "medication-psychotropic-drugs")
        #expect(FindingID.lab(AnalyteID.vitaminB12).rawValue == "lab-vitaminB12")
        #expect(FindingID.concern(ConditionID.als).rawValue == "worry-als")
    }

    @Test func fixedIdsAreDistinctAndNoneLooksParametrised() {
        let raw = FindingID.fixed.map(\.rawValue)
        #expect(Set(raw).count == raw.count)
        #expect(FindingID.fixed.filter { $0.isLab || $0.isCorrelation }.isEmpty)
        #expect(FindingID.lab("magnesium").isLab && !FindingID.lab("magnesium").isCorrelation)
        #expect(FindingID.correlation(.caffeine).isCorrelation && !FindingID.correlation(.caffeine).isLab)
    }

    @Test func encodesAsAPlainStringAndOrdersByText() throws {
        let data = try JSONEncoder().encode([FindingID.twitchSpan, FindingID.lab("potassium")])
        #expect(String(decoding: data, as: UTF8.self) == #"["twitch-span","lab-potassium"]"#)
        #expect(try JSONDecoder().decode([FindingID].self, from: data) == [FindingID.twitchSpan, FindingID.lab("potassium")])
        #expect(
            [FindingID.worsening, FindingID.atRest, FindingID.improving].sorted() == [
                FindingID.atRest, FindingID.improving, FindingID.worsening,
            ])
    }
}
