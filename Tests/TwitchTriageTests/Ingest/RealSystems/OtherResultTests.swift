import Foundation
import Testing
import TriageBatch
import TriageEngine
import TriageIngest
import TriageKnowledge
import TriageModel
import TriageNormalise
import TriageRender

/// SPEC §3.10: results of analytes the knowledge does not read that the lab flagged are kept as
/// other results, as reported; the rest are counted once per file (issue 19).
@Suite struct OtherResultTests {
    @Test func hl7FlaggedResultOfNoAnalyteIsKeptAsReported() throws {
        let text = [
            #"MSH|^~\&|LAB|HOSP|EHR|CLINIC|20261002091500||ORU^R01|1|P|2.5.1"#,
            "PID|1||P001^^^HOSP^MR",
            "OBR|1|||LFT|||20261002081000",
            "OBX|1|NM|1742-6^ALT^LN||88|U/L|7-56|H|||F",
            "NTE|1||Repeat in 4\\T\\6 weeks",
            "OBX|2|NM|1920-8^AST^LN||30|U/L|5-40|N|||F",
            "OBX|3|NM|ZZ^Local thing^99X||1.5|g/L||A|||F",
        ].joined(separator: "\r")
        let result = try #require(ExchangeTest.result(ExchangeTest.read(text, file: "m.hl7")))
        #expect(
            result.otherResults.map {
                "\($0.patientID) \($0.result.name) \($0.result.code ?? "-") \($0.result.system ?? "-") \($0.result.value) \($0.result.unit ?? "-") \($0.result.flag) \($0.result.collected.map(\.description) ?? "-") \($0.result.source.description) \($0.result.comment ?? "-")"
            } == [
                "P001 ALT 1742-6 LN 88 U/L H 2026-10-02T08:10:00 m.hl7:4 Repeat in 4&6 weeks",
                "P001 Local thing ZZ 99X 1.5 g/L A 2026-10-02T08:10:00 m.hl7:7 -",
            ])
        #expect(ExchangeTest.messages(result) == ["m.hl7: 1 OBX has a LOINC code of no analyte twitch-triage reads; skipped"])
    }

    @Test func labCSVFlaggedUnknownTestBecomesAnOtherResultInTheReferral() throws {
        let text =
            "patient_id,collected_at,test,value,unit,flag\nP001,2026-10-02,Ferritin,8,ug/L,L\nP001,2026-10-02,Ferritin,80,ug/L,N\nP001,2026-10-02,potassium,4.1,mmol/L,N\n"
        let folder = try PhoneAttachmentTests.folder(["labs.csv": text])
        let knowledge = try Knowledge.bundled
        let assembly = try Ingestion.run(
            paths: [folder.path], options: ReadOptions.forTests(), knowledge: knowledge, asOf: LocalDate(iso: "2026-11-20")!)
        let record = try #require(assembly.patients.first)
        #expect(
            record.otherResults.map { "\($0.name) \($0.value) \($0.unit ?? "-") \($0.flag) \($0.source.description)" } == [
                "Ferritin 8 ug/L L labs.csv:2"
            ])
        #expect(record.diagnostics.map(\.description) == ["labs.csv:3:17: test is not one of the recognised analytes; result not used"])
        let referral = ReferralBuilder(knowledge: knowledge).referral(for: record, asOf: LocalDate(iso: "2026-11-20")!)
        #expect(referral.otherResults == record.otherResults)
        let json = ReferralJSON.otherResult(referral.otherResults[0]).written().filter { $0 != "\n" && $0 != " " }
        #expect(
            json
                == #"{"collected":"2026-10-02","flag":"L","name":"Ferritin","source":{"file":"labs.csv","line":2},"unit":"ug/L","value":"8"}"#
        )
    }
}
