import Foundation
import Testing
import TriageModel
import TriageRender

/// The batch's worklists written in pieces (issue 23, peak memory) are byte for byte the
/// worklists written whole, across many pieces, and the in-place sort is the sort.
@Suite struct WorklistStreamingTests {
    /// Enough patients, with escaping and non-ASCII text, for each worklist to take several pieces.
    func worklist() -> Worklist {
        let urgencies: [Urgency?] = [.urgent, .soon, .routine, .selfCare, nil]
        let entries = (0..<900).map { index -> Worklist.Entry in
            var summary = Worklist.Summary(
                sameDay: index % 17 == 0, age: 30 + index % 50, sex: index % 2 == 0 ? "female" : "male",
                keyRedFlag: index % 3 == 0 ? "weakness <left> & \"grip\" — Müller" : nil,
                redFlagCount: index % 4, timeframe: "within 2 weeks", lastJournalDate: nil,
                tests: ["EMG", "CK | blood"])
            summary.dangerRank = index % 5 == 0 ? nil : index % 7
            summary.otherRedFlags = index % 6 == 0 ? ["a", "b", "c"] : []
            summary.bookings = index % 2 == 0 ? ["EMG", "MRI of the brain"] : ["blood draw"]
            let urgency = urgencies[index % urgencies.count]
            return Worklist.Entry(
                patientID: PatientID("P\(1000 - index)"), folder: "P\(1000 - index)", urgency: urgency,
                previousUrgency: index % 9 == 0 ? .routine : nil,
                headline: "Line \(index): twitching *and* cramps", tests: ["EMG"], change: urgency == nil ? .resolved : .new,
                unreadableRecords: index % 11 == 0 ? 2 : 0, summary: urgency == nil ? nil : summary)
        }
        return Worklist(
            asOf: LocalDate(year: 2026, month: 11, day: 20)!, knowledgeVersion: "k", toolVersion: "t", entries: entries,
            problems: [.error(at: SourceLocation(file: "labs/x.csv", line: 3), "file refused")])
    }

    func pieces(_ write: (WorklistRenderer.TextSink) -> Void) -> (text: String, count: Int) {
        var bytes: [UInt8] = []
        var count = 0
        write {
            bytes.append(contentsOf: $0)
            count += 1
        }
        return (String(decoding: bytes, as: UTF8.self), count)
    }

    @Test func theStreamedWorklistsAreTheWholeOnes() {
        let worklist = worklist()
        let json = pieces { WorklistRenderer.json(worklist, knowledge: .forTests, to: $0) }
        let markdown = pieces { WorklistRenderer.markdown(worklist, knowledge: .forTests, to: $0) }
        let html = pieces { WorklistRenderer.html(worklist, knowledge: .forTests, to: $0) }
        #expect(json.count > 2 && markdown.count > 2 && html.count > 2)
        #expect(json.text == WorklistRenderer.json(worklist, knowledge: .forTests))
        #expect(markdown.text == WorklistRenderer.markdown(worklist, knowledge: .forTests))
        #expect(html.text == WorklistRenderer.html(worklist, knowledge: .forTests))
        #expect(markdown.text.hasPrefix("# Worklist, as of 2026-11-20\n"))
        #expect(html.text.hasSuffix("</body>\n</html>\n"))
    }

    @Test func theStreamedJSONIsTheOneValueWrittenWhole() {
        let members: [String: JSONValue] = ["b": .string("x"), "a": .number(1), "z": .bool(true)]
        let items = (0..<3000).map { JSONValue.object(["id": .string("P\($0)"), "note": .string("line \u{2028} \"\($0)\"")]) }
        var all = members
        all["patients"] = .array(items)
        let streamed = pieces { sink in JSONValue.written(members, streaming: "patients", count: items.count, to: sink) { items[$0] } }
        #expect(streamed.count > 1)
        #expect(streamed.text == JSONValue.object(all).written())
        var none = members
        none["patients"] = .array([])
        #expect(JSONValue.written(members, streaming: "patients", count: 0) { items[$0] } == JSONValue.object(none).written())
    }

    @Test func sortingInPlaceIsSorting() {
        let entries = worklist().entries.reversed().map { $0 }
        var inPlace = entries
        Worklist.sort(&inPlace)
        #expect(inPlace == Worklist.sorted(entries))
        #expect(inPlace != entries)
    }
}
