import Foundation
import Testing
import TriageBatch
import TriageIngest
import TriageKnowledge
import TriageModel
import TriageNormalise

@Suite struct DuplicateResultTests {
    private let hl7 = [
        #"MSH|^~\&|LAB||EHR||20261002||ORU^R01|1|P|2.5"#,
        "PID|1||D1^^^^MR",
        "OBR|1||||||20261002081000",
        "OBX|1|NM|2823-3^K^LN||3.1|mmol/L|3.5-5.1|L|||F",
        "OBX|2|NM|19123-9^Mg^LN||1.5|mg/dL|||||F",
    ].joined(separator: "\r")

    private let fhir = """
        {"resourceType":"Bundle","type":"collection","entry":[
        {"resource":{"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"6298-4"}]},
         "subject":{"reference":"Patient/D1"},"effectiveDateTime":"2026-10-02T08:10:00Z","valueQuantity":{"value":3.1,"code":"mEq/L"}}},
        {"resource":{"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"19123-9"}]},
         "subject":{"reference":"Patient/D1"},"effectiveDateTime":"2026-10-02T08:10:00Z","valueQuantity":{"value":1.6,"code":"mg/dL"}}}
        ]}
        """

    @Test func theHL7MessageAndItsFHIRCopyGiveOneResultWithBothSources() throws {
        let folder = try PhoneAttachmentTests.folder(["a/results.hl7": hl7, "b/results.json": fhir])
        let knowledge = try Knowledge.bundled
        let assembly = try Ingestion.run(
            paths: [folder.path], options: ReadOptions.forTests(), knowledge: knowledge,
            asOf: LocalDate(year: 2026, month: 11, day: 20)!)
        let patient = try #require(assembly.patients.first)
        // Potassium: the same time and value (mmol/L and mEq/L agree) — used once. Magnesium:
        // different values — both kept.
        #expect(
            patient.labs.map { "\($0.analyte) \($0.canonical.value) \($0.source.description)" } == [
                "potassium 3.1 a/results.hl7:4",
                "magnesium 0.62 a/results.hl7:5",
                "magnesium 0.66 b/results.json:4:13",
            ])
        #expect(
            patient.diagnostics.map(\.description).filter { $0.contains("same result") } == [
                "a/results.hl7:4: the same result (analyte, time and value) is also reported at b/results.json:2:13; used once, both sources kept"
            ])
    }
}
