import Foundation
import Testing
@testable import TwitchTriage

@Suite struct KnowledgeRenderTests {
    @Test func markdownHasEverySectionWithSources() throws {
        let markdown = KnowledgeMarkdown.render(try Knowledge.bundled)
        for heading in ["# twitch-triage knowledge tables, version 2026.11.2", "## Sources", "## Thresholds", "## Vocabulary",
                        "### Body regions", "### Medication classes", "## Analytes", "## Conditions", "## Feature contrasts",
                        "### anxiety-bfs-vs-als", "### eyelid-vs-ms", "### normal-vs-serious", "## Red flags and warning signs",
                        "## Tests", "## Advice"] {
            #expect(markdown.contains("\n\(heading)\n") || markdown.hasPrefix("\(heading)\n"), "\(heading)")
        }
        #expect(markdown.contains("| stale-lab-days | 180 |"))
        #expect(markdown.contains("arm-twitching-guide: “Twitching that lasts more than two weeks without improvement”"))
        // A quoted article table row keeps its pipes inside one cell.
        #expect(markdown.contains(#"Persistent twitching, no weakness, normal strength \| Clinical history"#))
        #expect(markdown == KnowledgeMarkdown.render(try Knowledge.bundled))
    }

    @Test func jsonIsSortedAndHoldsEveryTable() throws {
        let text = try KnowledgeJSON.render(try Knowledge.bundled)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object.keys.sorted() == ["advice", "analytes", "conditions", "contrasts", "redFlags", "sources", "tests", "thresholds", "version", "vocabulary"])
        #expect(text.hasPrefix("{\n  \"advice\" : ["))
        #expect(text == (try KnowledgeJSON.render(try Knowledge.bundled)))
    }
}
