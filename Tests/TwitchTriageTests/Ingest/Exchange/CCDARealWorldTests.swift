import Foundation
import Testing
import TriageModel

/// C-CDA R2.1 Results sections written the ways real documents write them (issue 12 review).
@Suite struct CCDARealWorldTests {
    private func document(_ observations: String, sectionCode: String = "") -> String {
        """
        <ClinicalDocument xmlns="urn:hl7-org:v3" xmlns:x="http://www.w3.org/2001/XMLSchema-instance">
        <recordTarget><patientRole><id root="2.16.840.1.113883.19.5" extension="MRN800"/></patientRole></recordTarget>
        <component><structuredBody><component><section>
        <templateId root="2.16.840.1.113883.10.20.22.2.3.1" extension="2015-08-01"/>\(sectionCode)
        <entry><organizer classCode="BATTERY" moodCode="EVN">
        <effectiveTime><low value="20261001083000-0500"/><high value="20261001093000-0500"/></effectiveTime>
        \(observations)
        </organizer></entry>
        </section></component></structuredBody></component>
        </ClinicalDocument>
        """
    }

    private func observation(_ inner: String, negation: String = "") -> String {
        #"<component><observation classCode="OBS" moodCode="EVN"\#(negation)><code code="19123-9" codeSystem="2.16.840.1.113883.6.1"/>\#(inner)</observation></component>"#
    }

    /// The section is found by its templateId when its code is missing; the organizer's
    /// `effectiveTime/low` with an offset; a translation LOINC; an exponent; a value's
    /// `xsi:type` under another prefix.
    @Test func resultsSectionByTemplateId() throws {
        let xml = document(
            """
            <component><observation classCode="OBS" moodCode="EVN"><code code="K-LOCAL" codeSystem="2.16.840.1.113883.19"><translation code="2823-3" codeSystem="2.16.840.1.113883.6.1"/></code><statusCode code="completed"/><value x:type="PQ" value="4.10" unit="mmol/L"/></observation></component>
            \(observation(#"<effectiveTime value="20261002"/><value x:type="PQ" value="1.9E0" unit="mg/dL"/>"#))
            """)
        let result = try #require(ExchangeTest.result(ExchangeTest.read(xml, file: "c.xml")))
        #expect(
            result.labs.map(ExchangeTest.summary) == [
                "MRN800 2823-3 4.1 mmol/L - - 2026-10-01T08:30:00-05:00",
                "MRN800 19123-9 1.9 mg/dL - - 2026-10-02",
            ])
        #expect(result.labs.first?.value.reportedText == "4.10")
        #expect(result.diagnostics == [])
    }

    /// `negationInd="true"` and statuses other than completed are never used; `active` is
    /// used and marked; `<` as interpretation censors a plain value.
    @Test func negationStatusAndOffScale() throws {
        let xml = document(
            """
            \(observation(#"<statusCode code="completed"/><value x:type="PQ" value="1.9" unit="mg/dL"/>"#, negation: #" negationInd="true""#))
            \(observation(#"<statusCode code="aborted"/><value x:type="PQ" value="1.8" unit="mg/dL"/>"#))
            \(observation(#"<statusCode code="cancelled"/><value x:type="PQ" value="1.7" unit="mg/dL"/>"#))
            \(observation(#"<statusCode code="active"/><value x:type="PQ" value="2.0" unit="mg/dL"/>"#))
            \(observation(#"<statusCode code="weird"/><value x:type="PQ" value="2.0" unit="mg/dL"/>"#))
            \(observation(#"<value x:type="PQ" value="0.5" unit="mg/dL"/><interpretationCode code="&lt;"/>"#))
            """, sectionCode: #"<code code="30954-2" codeSystem="2.16.840.1.113883.6.1"/>"#)
        let result = try #require(ExchangeTest.result(ExchangeTest.read(xml, file: "c.xml")))
        #expect(
            result.labs.map(ExchangeTest.summary) == [
                "MRN800 19123-9 2 mg/dL - - 2026-10-01T08:30:00-05:00",
                "MRN800 19123-9 <0.5 mg/dL - - 2026-10-01T08:30:00-05:00",
            ])
        #expect(
            ExchangeTest.messages(result) == [
                #"c.xml:7:12: observation has negationInd="true" (the result is negated or the test was not done); result never used"#,
                "c.xml:8:113: observation statusCode is aborted; result never used",
                "c.xml:9:113: observation statusCode is cancelled; result never used",
                "c.xml:10:113: observation statusCode is active (a result not yet final); result used and marked preliminary",
                "c.xml:11:113: observation statusCode is not completed or active; result never used",
                "c.xml:12:158: observation interpretationCode is off scale (< or >); value used as censored at the reported number",
            ])
    }

    /// An SSN listed first among the patient's ids is never the patient id; a reference range
    /// in another unit than the value is not used.
    @Test func socialSecurityIdAndRangeUnit() throws {
        let xml = document(
            observation(
                #"<effectiveTime value="20261002"/><value x:type="PQ" value="1.9" unit="mg/dL"/><referenceRange><observationRange><value x:type="IVL_PQ"><low value="0.7" unit="mmol/L"/><high value="1.0" unit="mmol/L"/></value></observationRange></referenceRange>"#
            )
        )
        .replacingOccurrences(of: "<patientRole>", with: #"<patientRole><id root="2.16.840.1.113883.4.1" extension="123-45-6789"/>"#)
        let result = try #require(ExchangeTest.result(ExchangeTest.read(xml, file: "c.xml")))
        #expect(result.labs.map(ExchangeTest.summary) == ["MRN800 19123-9 1.9 mg/dL - - 2026-10-02"])
        #expect(
            ExchangeTest.messages(result) == [
                "c.xml:7:12: observation referenceRange is in another unit than the value; range not used (the default range applies)"
            ])
    }

    /// A reference range bound that is not a number skips the result; a range with only a high
    /// bound is kept as written (no low).
    @Test func rangeBoundNotANumberAndHighOnly() throws {
        let bad = document(
            observation(
                #"<effectiveTime value="20261002"/><value x:type="PQ" value="1.9" unit="mg/dL"/><referenceRange><observationRange><value x:type="IVL_PQ"><low value="1,7" unit="mg/dL"/><high value="2.2" unit="mg/dL"/></value></observationRange></referenceRange>"#
            )
        )
        let skipped = try #require(ExchangeTest.result(ExchangeTest.read(bad, file: "c.xml")))
        #expect(skipped.labs.isEmpty)
        #expect(ExchangeTest.messages(skipped) == ["c.xml:7:12: observation referenceRange low or high is not a number; result skipped"])
        let highOnly = document(
            observation(
                #"<effectiveTime value="20261002"/><value x:type="PQ" value="1.9" unit="mg/dL"/><referenceRange><observationRange><value x:type="IVL_PQ"><high value="2.2" unit="mg/dL"/></value></observationRange></referenceRange>"#
            )
        )
        let kept = try #require(ExchangeTest.result(ExchangeTest.read(highOnly, file: "c.xml")))
        #expect(kept.labs.map(ExchangeTest.summary) == ["MRN800 19123-9 1.9 mg/dL -2.2 - 2026-10-02"])
        #expect(ExchangeTest.messages(kept).isEmpty)
    }
}
