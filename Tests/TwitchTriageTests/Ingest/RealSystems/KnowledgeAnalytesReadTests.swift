import Testing
import TriageIngest
import TriageKnowledge
import TriageModel

/// The readers keep and name results by the analytes of the knowledge their options were built
/// from, never by the shipped tables behind the caller's back (issue 24): a clinic's edited
/// analyte table (`--knowledge DIR`) takes effect in every exchange-format reader.
@Suite struct KnowledgeAnalytesReadTests {
    /// The shipped knowledge with magnesium known only by a clinic's code and name.
    private static func clinicKnowledge() throws -> Knowledge {
        var knowledge = Knowledge.forTests
        let magnesium = try #require(knowledge.analytes.firstIndex { $0.id == "magnesium" })
        knowledge.analytes[magnesium].loinc = ["99999-9"]
        knowledge.analytes[magnesium].loincSources = nil
        knowledge.analytes[magnesium].names = ["clinic magnesium"]
        return knowledge
    }

    private static let hl7 = [
        #"MSH|^~\&|LAB|HOSP|EHR|CLINIC|20261002091500||ORU^R01|1|P|2.3"#,
        "PID|1||P001^^^HOSP^MR",
        "OBR|1|||CHEM^Chemistry^L|||20261002081000",
        "OBX|1|NM|19123-9^Magnesium^LN||0.80|mmol/L|0.70-1.00|N|||F",
        "OBX|2|NM|99999-9^Clinic magnesium^LN||0.62|mmol/L|0.70-1.00|L|||F",
        "OBX|3|NM|MG^CLINIC MAGNESIUM^L||0.64|mmol/L|0.70-1.00|L|||F",
    ].joined(separator: "\r")

    private static func fhir(_ code: String) -> String {
        #"{"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"\#(code)"}]},"subject":{"reference":"Patient/P001"},"effectiveDateTime":"2026-10-02","valueQuantity":{"value":0.8,"code":"mmol/L"}}"#
    }

    @Test func hl7KeepsTheCodesAndNamesOfTheGivenKnowledge() throws {
        let shipped = try #require(
            ExchangeTest.result(ExchangeTest.read(Self.hl7, file: "m.hl7", options: ReadOptions(knowledge: Knowledge.forTests))))
        #expect(shipped.labs.map { "\($0.loinc?.text ?? "-") \($0.analyte ?? "-") \($0.value)" } == ["19123-9 - 0.8"])
        // The clinic's code and name are no analyte of the shipped tables: flagged low, both are
        // kept as other results (shown, never judged as magnesium), without a warning.
        #expect(shipped.otherResults.map { $0.result.code ?? "-" } == ["99999-9", "MG"])
        #expect(ExchangeTest.messages(shipped) == [])
        let clinic = try #require(
            ExchangeTest.result(ExchangeTest.read(Self.hl7, file: "m.hl7", options: ReadOptions(knowledge: try Self.clinicKnowledge()))))
        #expect(clinic.labs.map { "\($0.loinc?.text ?? "-") \($0.analyte ?? "-") \($0.value)" } == ["99999-9 - 0.62", "- magnesium 0.64"])
        #expect(clinic.otherResults.isEmpty)
        #expect(
            ExchangeTest.messages(clinic) == [
                "m.hl7:6: local code MG (CLINIC MAGNESIUM) read as magnesium by its name; add it to the code map",
                "m.hl7: 1 OBX has a LOINC code of no analyte twitch-triage reads; skipped",
            ])
    }

    @Test func fhirKeepsTheCodesOfTheGivenKnowledge() throws {
        let clinic = ReadOptions(knowledge: try Self.clinicKnowledge())
        let shipped = ReadOptions(knowledge: Knowledge.forTests)
        for (code, options, kept) in [("19123-9", shipped, 1), ("99999-9", shipped, 0), ("19123-9", clinic, 0), ("99999-9", clinic, 1)] {
            let result = try #require(ExchangeTest.result(ExchangeTest.read(Self.fhir(code), file: "o.json", options: options)))
            #expect(result.labs.count == kept, "\(code)")
        }
        #expect(clinic != shipped)
    }
}
