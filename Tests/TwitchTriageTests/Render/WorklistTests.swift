import Foundation
import Testing
@testable import TwitchTriage

/// The worklist's order (SPEC §7: same day first, then urgency, then the number of red flags,
/// then id) and what a line says.
@Suite struct WorklistTests {
    let knowledge = Knowledge.forTests
    let asOf = LocalDate(year: 2026, month: 11, day: 20)!

    func entry(_ id: String, _ urgency: Urgency?, sameDay: Bool = false, redFlags: Int = 0) -> Worklist.Entry {
        Worklist.Entry(patientID: id, folder: id, urgency: urgency, previousUrgency: nil, headline: "h", tests: [],
                       change: urgency == nil ? .resolved : .new, unreadableRecords: 0,
                       summary: urgency == nil ? nil : Worklist.Summary(sameDay: sameDay, age: nil, sex: nil, keyRedFlag: nil,
                                                                        redFlagCount: redFlags, timeframe: nil, lastJournalDate: nil, tests: []))
    }

    func order(_ entries: [Worklist.Entry]) -> [String] { Worklist.sorted(entries).map(\.patientID) }

    @Test func sameDayComesFirstWhateverTheIdOrFlags() {
        #expect(order([entry("A", .urgent, redFlags: 5), entry("Z", .urgent, sameDay: true)]) == ["Z", "A"])
    }

    @Test func thenTheMoreUrgent() {
        #expect(order([entry("A", .routine, redFlags: 3), entry("B", .selfCare), entry("C", .soon)]) == ["C", "A", "B"])
    }

    @Test func thenTheMoreRedFlags() {
        #expect(order([entry("A", .urgent, redFlags: 1), entry("B", .urgent, redFlags: 3), entry("C", .urgent, redFlags: 2)]) == ["B", "C", "A"])
    }

    @Test func thenTheIdBytewiseAndResolvedLast() {
        #expect(order([entry("b", .routine), entry("B", .routine), entry("A", nil), entry("a", .routine)]) == ["B", "a", "b", "A"])
    }

    @Test func aLineNamesTheKeyRedFlagTestsInWordsAndTheLastJournalDate() {
        var patient = PatientBuilder()
        patient.demographics = PatientDemographics(source: SourceLocation(file: "p.csv", line: 2), patientID: "T001", age: 58, sex: .female)
        patient.days(20, symptoms: [SymptomID.swallowing])
        let summary = Worklist.Summary(patient.referral(knowledge), knowledge: knowledge)
        #expect(summary.keyRedFlag == "swallowing difficulty since 2026-09-01")
        #expect(summary.redFlagCount == 1)
        #expect(summary.age == 58 && summary.sex == "female")
        #expect(summary.lastJournalDate == LocalDate(year: 2026, month: 9, day: 20))
        #expect(summary.tests.contains("MRI of the brain") && summary.tests.contains { $0.hasPrefix("Blood tests: ") })
        #expect(!summary.tests.contains { $0.contains("bloodWork") || $0.contains("vitaminB12") })

        let worklist = Worklist(asOf: asOf, knowledgeVersion: "k", toolVersion: "t",
                                entries: [Worklist.Entry(patientID: "T001", folder: "T001", urgency: .urgent, previousUrgency: nil, headline: "h",
                                                         tests: [], change: .new, unreadableRecords: 0, summary: summary)],
                                problems: [])
        let markdown = WorklistRenderer.markdown(worklist)
        #expect(markdown.contains("| [T001, 58, female](T001/referral.md) | h | swallowing difficulty since 2026-09-01 |"))
        #expect(WorklistRenderer.json(worklist).contains("\"keyRedFlag\": \"swallowing difficulty since 2026-09-01\""))
        #expect(WorklistRenderer.html(worklist).contains("<a href=\"T001/referral.html\">T001, 58, female</a>"))
    }

    @Test func theHTMLWorklistStartsAPageEvery25Patients() {
        let entries = (1...60).map { entry("P\($0)", .routine) }
        let html = WorklistRenderer.html(Worklist(asOf: asOf, knowledgeVersion: "k", toolVersion: "t", entries: entries, problems: []))
        #expect(html.components(separatedBy: "<section class=\"worklist-page\">").count - 1 == 3)
        #expect(html.contains("(page 3 of 3)"))
    }

    @Test func theJSONSummaryReadsBack() throws {
        let summary = Worklist.Summary(sameDay: true, age: 40, sex: "male", keyRedFlag: "breathing difficulty since 2026-11-01",
                                       redFlagCount: 2, timeframe: "same day", lastJournalDate: asOf, tests: ["EMG"])
        let worklist = Worklist(asOf: asOf, knowledgeVersion: "k", toolVersion: "t",
                                entries: [Worklist.Entry(patientID: "X", folder: "X", urgency: .urgent, previousUrgency: nil, headline: "h",
                                                         tests: ["EMG"], change: .new, unreadableRecords: 0, summary: summary)], problems: [])
        let document = try JSONSerialization.jsonObject(with: Data(WorklistRenderer.json(worklist).utf8)) as? [String: Any]
        let object = try #require((document?["patients"] as? [[String: Any]])?.first)
        #expect(Worklist.Summary(worklistJSON: object) == summary)
    }
}
