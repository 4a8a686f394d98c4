import Testing
import TriageEngine
import TriageKnowledge
import TriageModel
import TriageRender

@Suite struct ReferralHTMLTests {
    let knowledge = Knowledge.forTests

    @Test func inputTextIsEscapedAndThePageHasNoScript() {
        var patient = PatientBuilder()
        patient.id = "P<script>alert(1)</script>"
        patient.days(3)
        patient.journal[0].unreadSymptomText = [
            Term("<script>alert('x')</script> & more", at: SourceLocation(file: "j.csv", line: 2, column: 4))
        ]
        patient.journal[0].notes = ["<script>alert(2)</script> & co"]
        var record = patient.record
        record.diagnostics = [.warning(at: SourceLocation(file: "j.csv", line: 2, column: 4), "unrecognised symptom; kept as unrecognised")]
        let html = ReferralHTML.render(
            ReferralBuilder(knowledge: knowledge).referral(for: record, asOf: patient.asOf), knowledge: knowledge)
        #expect(!html.lowercased().contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more"))
        #expect(html.contains("P&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&lt;script&gt;alert(2)&lt;/script&gt; &amp; co"))
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("src="))
    }

    @Test func markdownEscapesActiveCharacters() {
        #expect(ReferralMarkdown.escape("# a [link](x) <b>|") == "\\# a \\[link\\](x) \\<b\\>\\|")
    }

    @Test func headlineIsCutAtAWordWithinTheLimit() {
        let long = String(repeating: "word ", count: 60)
        let headline = ReferralBuilder.headline(urgency: .routine, fragment: long, knowledge: .forTests)
        #expect(headline.count <= 140)
        #expect(headline.hasSuffix("word…"))
    }

    @Test func jsonIsDeterministicWithSortedKeys() {
        let value = JSONValue.object(["b": .number(0.1), "a": .array([.string("x\"y\n"), .bool(true), .null]), "B": .number(2)])
        #expect(value.written() == "{\n  \"B\": 2,\n  \"a\": [\n    \"x\\\"y\\n\",\n    true,\n    null\n  ],\n  \"b\": 0.1\n}\n")
    }

    @Test func unreadableRecordsAreListedFirst() {
        var patient = PatientBuilder()
        patient.days(3)
        var record = patient.record
        record.diagnostics = [.error(at: SourceLocation(file: "j.csv", line: 7, column: 6), "date is not a valid date; row skipped")]
        let referral = ReferralBuilder(knowledge: knowledge).referral(for: record, asOf: patient.asOf)
        let markdown = ReferralMarkdown.render(referral, knowledge: knowledge)
        let warning = """
            > **Some of this patient's data could not be read**: 1 record skipped, so the findings below leave them out:
            >
            > - j.csv:7:6: date is not a valid date; row skipped

            """
        #expect(
            markdown.hasPrefix("# Referral summary: T001\n\n3 journal entries, 2026-09-01 to 2026-09-03; as of 2026-11-20\n\n" + warning))
        let html = ReferralHTML.render(referral, knowledge: knowledge)
        let item = html.range(of: "<li>j.csv:7:6: date is not a valid date; row skipped</li>")
        #expect(item != nil && item!.lowerBound < html.range(of: "What to do")!.lowerBound)
    }

    @Test func worklistEscapesPatientIdsAndHeadlines() {
        let entry = Worklist.Entry(
            patientID: "<script>x</script>", folder: "_script_x__script_", urgency: .urgent, previousUrgency: nil,
            headline: "a & b", tests: ["EMG"], change: .new, unreadableRecords: 0)
        let worklist = Worklist(asOf: patientAsOf, knowledgeVersion: "k", toolVersion: "t", entries: [entry], problems: [])
        let html = WorklistRenderer.html(worklist, knowledge: knowledge)
        #expect(!html.contains("<script"))
        #expect(html.contains("&lt;script&gt;x&lt;/script&gt;") && html.contains("a &amp; b"))
        #expect(WorklistRenderer.markdown(worklist, knowledge: knowledge).contains("\\<script\\>x\\</script\\>"))
    }

    let patientAsOf = LocalDate(year: 2026, month: 11, day: 20)!
}
