import Foundation
import Testing
import TriageEngine
import TriageKnowledge
import TriageRender

@Suite struct KnowledgeRenderTests {
    @Test func markdownHasEverySectionWithSources() throws {
        let markdown = KnowledgeMarkdown.render(try Knowledge.bundled)
        for heading in [
            "# twitch-triage knowledge tables, version 2026.12.7", "## Sources", "## Thresholds", "## Vocabulary",
            "### Body regions", "### Medication classes", "## Analytes", "## Conditions", "## Feature contrasts",
            "### anxiety-bfs-vs-als", "### eyelid-vs-ms", "### normal-vs-serious", "## Red flags and warning signs",
            "## Tests", "## Advice", "## Contrast rows read from findings", "## Timeframes", "## The page and the worklist",
            "### Order of danger (the worklist sorts a band by it)", "## Rule lists",
        ] {
            #expect(markdown.contains("\n\(heading)\n") || markdown.hasPrefix("\(heading)\n"), "\(heading)")
        }
        #expect(markdown.contains("| stale-lab-days | 180 |"))
        #expect(markdown.contains("### Specimen comments: the analytes each makes unreliable"))
        #expect(markdown.contains("| haemolysed | haemolysed, hemolysed, hemolyzed"))
        #expect(markdown.contains("### Names: words that make a lab's test name a different measurement, and words dropped from it"))
        #expect(
            markdown.contains(
                "| different measurement | urine | urine, urinary, ur | LOINC (Regenstrief Institute), code's long common name: “2598-1 Magnesium [Moles/volume] in Urine” |"
            ))
        #expect(markdown.contains("arm-twitching-guide: “Twitching that lasts more than two weeks without improvement”"))
        // A red flag's conditions and the symptom set beside which it does not hold are shown.
        #expect(
            markdown.contains(
                "| severe-cramping | other | Associated cramping that is severe or disruptive | cramps |  | motor-or-bulbar |"))
        let ocular = try #require(try Knowledge.bundled.redFlag(id: .fatigableOcular))
        #expect(
            markdown.contains(
                "| fatigable-ocular | \(ocular.tier?.rawValue ?? "") | \(ocular.text) | \(ocular.symptoms.joined(separator: ", ")) | myasthenia-gravis |  |"
            ))
        // A quoted article table row keeps its pipes inside one cell.
        #expect(markdown.contains(#"Persistent twitching, no weakness, normal strength \| Clinical history"#))
        // The mapping of a row, its signal, column, conditions and source; a timeframe with NICE's words.
        #expect(
            markdown.contains(
                "| anxiety-bfs-vs-als | muscle-weakness | no-weakness-scored | benign | weakness | bfs, anxiety-twitching | als |"))
        #expect(
            markdown.contains(
                "| urgent | to be seen within 2 weeks | NICE NG127: “Refer urgently … To be seen by the specialist service within 2 weeks.” |"
            ))
        // Every word a report writes is shown: the tests' names in reports, the rules' sentences,
        // and the words of each contrast signal.
        #expect(markdown.contains("| NCS | Nerve conduction studies (NCS) | Nerve conduction studies |"))
        #expect(markdown.contains("| no-rule-fired | no rule found a reason for tests |"))
        #expect(markdown.contains("| atrophy-present | atrophy recorded |"))
        #expect(markdown == KnowledgeMarkdown.render(try Knowledge.bundled))
    }

    @Test func jsonIsSortedAndHoldsEveryTable() throws {
        let text = try KnowledgeJSON.render(try Knowledge.bundled)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(
            object.keys.sorted() == [
                "advice", "analyteNameWords", "analytes", "conditions", "contrastMap", "contrasts", "labActions", "medicationNotes", "page",
                "redFlags", "rules", "sources", "tests", "thresholds", "timeframes", "version", "vocabulary",
            ])
        #expect(text.hasPrefix("{\n  \"advice\" : ["))
        #expect(text == (try KnowledgeJSON.render(try Knowledge.bundled)))
    }
}
