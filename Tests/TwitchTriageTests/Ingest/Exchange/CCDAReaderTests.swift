import Foundation
import Testing
import TriageModel

@Suite struct CCDAReaderTests {
    /// A ClinicalDocument around the Results-section fragment of the interop samples (the
    /// fragments themselves have no patient).
    private func document(
        section: String,
        id: String = #"<id root="2.16.840.1.113883.19" extension="MRN-7"/><id extension="SSN-X" root="2.16.840.1.113883.4.1"/>"#
    ) -> String {
        """
        <ClinicalDocument xmlns="urn:hl7-org:v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
        <recordTarget><patientRole>\(id)
        <patient><name><given>Jane</given></name><administrativeGenderCode code="F"/><birthTime value="19800229"/></patient>
        </patientRole></recordTarget>
        <component><structuredBody><component>
        \(section)
        </component></structuredBody></component>
        </ClinicalDocument>
        """
    }

    private func fragment(_ name: String) throws -> String {
        let data = try #require(FileManager.default.contents(atPath: "\(ExchangeTest.interopFolder)/hl7-c-cda-examples/\(name)"))
        return String(decoding: data, as: UTF8.self)
    }

    @Test func basicMetabolicPanelInADocument() throws {
        let xml = document(section: try fragment("Basic_Metabolic_Panel_with_Troponin_C-CDA2.1.xml"))
        let result = try #require(ExchangeTest.result(ExchangeTest.read(xml, file: "bmp.xml")))
        // The fragment's glucose 2339-0 (a mass concentration) is written in mmol/L: read as
        // written; the normaliser judges the unit. Its range is in mg/dL: not used.
        #expect(
            result.labs.map(ExchangeTest.summary) == [
                "MRN-7 2947-0 140 mmol/L 135-145 N 2012-10-02T09:08-05:00",
                "MRN-7 6298-4 4.2 mmol/L 3.5-5.2 N 2012-10-02T09:08-05:00",
                "MRN-7 2339-0 185 mmol/L - H 2012-10-02T09:08-05:00",
            ])
        #expect(
            ExchangeTest.messages(result) == [
                "bmp.xml: 6 result observations have a LOINC code of no analyte twitch-triage reads; skipped",
                "bmp.xml:311:5: observation referenceRange is in another unit than the value; range not used (the default range applies)",
            ])
        #expect(result.demographics.map { "\($0.patientID) \($0.birthDate!) \($0.sex!)" } == ["MRN-7 1980-02-29 female"])
    }

    @Test func ivlPQWithOneBoundIsCensored() throws {
        func value(_ value: String) -> String {
            """
            <section><code code="30954-2" codeSystem="2.16.840.1.113883.6.1"/><text><table><tr><td>5</td></tr></table></text>
            <entry><organizer><effectiveTime><low value="20261002"/></effectiveTime><component>
            <observation><code code="14685-2" codeSystem="2.16.840.1.113883.6.1"/>\(value)
            <interpretationCode code="L"/>
            <referenceRange><observationRange><value xsi:type="IVL_PQ"><low value="148" unit="pmol/L"/><high value="616" unit="pmol/L"/></value></observationRange></referenceRange>
            </observation></component></organizer></entry></section>
            """
        }
        let cases: [(String, String)] = [
            (
                #"<value xsi:type="IVL_PQ"><low value="0" unit="pmol/L"/><high value="100" unit="pmol/L"/></value>"#,
                "MRN-7 14685-2 <=100 pmol/L 148-616 L 2026-10-02"
            ),
            (
                #"<value xsi:type="IVL_PQ"><high value="100" unit="pmol/L" inclusive="false"/></value>"#,
                "MRN-7 14685-2 <100 pmol/L 148-616 L 2026-10-02"
            ),
            (#"<value xsi:type="IVL_PQ"><low value="1500" unit="pmol/L"/></value>"#, "MRN-7 14685-2 >=1500 pmol/L 148-616 L 2026-10-02"),
            (#"<value xsi:type="PQ" value="120" unit="pmol/L"/>"#, "MRN-7 14685-2 120 pmol/L 148-616 L 2026-10-02"),
            (#"<value xsi:type="ST">&lt;50</value>"#, "MRN-7 14685-2 <50  148-616 L 2026-10-02"),
        ]
        for (xml, expected) in cases {
            let result = try #require(ExchangeTest.result(ExchangeTest.read(document(section: value(xml)), file: "d.xml")))
            #expect(result.labs.map(ExchangeTest.summary) == [expected])
            #expect(result.diagnostics == [])
        }
        let range = try #require(
            ExchangeTest.result(
                ExchangeTest.read(
                    document(
                        section: value(
                            #"<value xsi:type="IVL_PQ"><low value="50" unit="pmol/L"/><high value="100" unit="pmol/L"/></value>"#)),
                    file: "d.xml")))
        #expect(
            ExchangeTest.messages(range) == [
                "d.xml:8:71: observation IVL_PQ value has two bounds (a range, not a censored value); result skipped"
            ])
        let null = try #require(
            ExchangeTest.result(ExchangeTest.read(document(section: value(#"<value xsi:type="PQ" nullFlavor="NI"/>"#)), file: "d.xml")))
        #expect(ExchangeTest.messages(null) == ["d.xml:8:71: observation value has a nullFlavor (no value reported); no result recorded"])
        #expect(null.diagnostics.first?.severity == .warning)
    }

    @Test func documentWithoutPatientSkipsItsResults() throws {
        // An id with a root alone is the id since issue 19 (PatientIDReasonTests); a nullFlavor id names no one.
        let xml = document(section: try fragment("Basic_Metabolic_Panel_with_Troponin_C-CDA2.1.xml"), id: #"<id nullFlavor="UNK"/>"#)
        let result = try #require(ExchangeTest.result(ExchangeTest.read(xml, file: "d.xml")))
        #expect(result.labs.isEmpty)
        #expect(
            ExchangeTest.messages(result) == [
                "d.xml: ClinicalDocument has no patient id (no recordTarget/patientRole/id with an extension or a root); 3 results skipped",
                "d.xml: 6 result observations have a LOINC code of no analyte twitch-triage reads; skipped",
            ])
    }
}
