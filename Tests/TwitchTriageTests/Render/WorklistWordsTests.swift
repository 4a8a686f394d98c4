import Foundation
import Testing
import TriageKnowledge
import TriageModel
import TriageRender

/// The worklist's words are the knowledge's (`page.json` phrases, issue 24): change a row in a
/// copy of the tables and the worklist says the new words.
@Suite struct WorklistWordsTests {
    let knowledge = Knowledge.forTests
    let asOf = LocalDate(year: 2026, month: 11, day: 20)!

    /// The shipped tables with these phrases' texts replaced.
    func edited(_ texts: [PagePhraseID: String]) throws -> Knowledge {
        var copy = knowledge
        for (id, text) in texts {
            let index = try #require(copy.page?.phrases.firstIndex { $0.id == id }, "no phrase \(id.rawValue)")
            #expect(copy.page?.phrases[index].text != text)
            copy.page?.phrases[index].text = text
        }
        return copy
    }

    /// ``WorklistTests/swallowingReferral(_:)`` in the shipped tables' words.
    func referral() -> Referral { WorklistTests.swallowingReferral(knowledge) }

    func worklist(_ summary: Worklist.Summary, previous: Urgency? = nil, problems: [Diagnostic] = []) -> Worklist {
        Worklist(
            asOf: asOf, knowledgeVersion: "k", toolVersion: "t",
            entries: [
                Worklist.Entry(
                    patientID: "T001", folder: "T001", urgency: .urgent, previousUrgency: previous, headline: "h", tests: [],
                    change: previous == nil ? .new : .escalated, unreadableRecords: 0, summary: summary),
                Worklist.Entry(
                    patientID: "T002", folder: "T002", urgency: nil, previousUrgency: .routine, headline: "", tests: [],
                    change: .resolved, unreadableRecords: 0),
            ], problems: problems)
    }

    @Test func theSummarysWordsComeFromThePhrases() throws {
        let shipped = Worklist.Summary(referral(), knowledge: knowledge)
        #expect(shipped.keyRedFlag == "swallowing difficulty since 2026-09-01")
        #expect(shipped.labCaveats == ["potassium unreliable: haemolysed"])
        #expect(shipped.bookings.contains("swallow assessment") && shipped.bookings.contains("blood draw"))
        let words = try edited([
            .redFlagSince: "{flag} (first {date})", .worklistUnreliableBecause: "{analyte} not to be trusted ({why})",
            .bookingSwallowAssessment: "SLT swallow", .bookingBloodDraw: "phlebotomy",
        ])
        let summary = Worklist.Summary(referral(), knowledge: words)
        #expect(summary.keyRedFlag == "swallowing difficulty (first 2026-09-01)")
        #expect(summary.labCaveats == ["potassium not to be trusted (haemolysed)"])
        #expect(summary.bookings.contains("SLT swallow") && summary.bookings.contains("phlebotomy"))
        #expect(!summary.bookings.contains("swallow assessment"))
        #expect(WorklistRenderer.totalsLine(worklist(summary), words).contains("phlebotomy 1; SLT swallow 1"))
    }

    @Test func aSameDayTimeframeAStaleResultAndAConditionalStepAreThePhrases() throws {
        var referral = referral()
        referral.sameDay = true
        referral.labs[0].status = .normal
        referral.labs[0].stale = true
        if let index = referral.recommendations.firstIndex(where: { $0.when == nil && $0.test != .sameDayAssessment }) {
            referral.recommendations[index].when = "weakness is found"
        }
        let shipped = Worklist.Summary(referral, knowledge: knowledge)
        #expect(shipped.timeframe == "same day")
        #expect(shipped.labCaveats.contains { $0.hasPrefix("results of ") && $0.hasSuffix(" stale") })
        #expect(shipped.plan.joined().contains(" (if needed)"))
        let words = try edited([.sameDay: "today", .worklistStale: "stale since {date}", .worklistIfNeeded: "{test}, only if needed"])
        let summary = Worklist.Summary(referral, knowledge: words)
        #expect(summary.timeframe == "today")
        #expect(summary.labCaveats.contains { $0.hasPrefix("stale since ") })
        #expect(summary.plan.joined().contains(", only if needed") && !summary.plan.joined().contains("(if needed)"))
    }

    @Test func theDurationNoteIsThePhrase() throws {
        var patient = PatientBuilder()
        patient.days(13)
        var referral = patient.referral(knowledge)
        let note = try #require(knowledge.rules.durationPhrases.first { $0.atLeastDays > 13 })
        referral.findings.append(
            Finding(
                id: FindingID.durationFromNotes, present: true, summary: "A note says \"\(note.phrase)\".",
                evidence: [Evidence(file: "journal.csv", line: 2, date: patient.start)]))
        let words = try edited([.worklistDurationNote: "{atLeast}+ days (note {note}), {days} journalled"])
        #expect(
            Worklist.Summary(referral, knowledge: words).duration == "\(note.atLeastDays)+ days (note \"\(note.phrase)\"), 13 journalled")
    }

    @Test func theHeadingsColumnsAndBandsAreThePhrases() throws {
        let summary = Worklist.Summary(referral(), knowledge: knowledge)
        let problem = Diagnostic(.error, at: SourceLocation(file: "broken.csv", line: nil), "unreadable")
        let shipped = WorklistRenderer.markdown(worklist(summary, previous: .routine, problems: [problem]), knowledge: knowledge)
        for words in [
            "# Worklist, as of 2026-11-20", "| Twitching for |", "## Urgent (1)", "## Resolved (1)", "## Files that could not be read",
        ] {
            #expect(shipped.contains(words), "\(words)")
        }
        #expect(shipped.contains("| escalated (was routine) |"))
        let words = try edited([
            .worklistTitle: "Morning list {asOf}", .worklistTwitchingFor: "Duration", .bandUrgent: "Within two weeks",
            .worklistResolved: "Gone", .worklistUnreadFiles: "Unread files", .worklistChangeWas: "{change} from {previous}",
            .worklistCounts: "{bands} ({count} in all).", .worklistWhoActsTests: "Actors and tests",
        ])
        let markdown = WorklistRenderer.markdown(worklist(summary, previous: .routine, problems: [problem]), knowledge: words)
        for words in ["# Morning list 2026-11-20", "| Duration |", "## Within two weeks (1)", "## Gone (1)", "## Unread files"] {
            #expect(markdown.contains(words), "\(words)")
        }
        #expect(
            markdown.contains("| escalated from routine |") && markdown.contains("1 within two weeks, ") && markdown.contains("(1 in all).")
        )
        #expect(!markdown.contains("Twitching for") && !markdown.contains("## Urgent"))
        let html = WorklistRenderer.html(worklist(summary), knowledge: words)
        #expect(
            html.contains("<title>Morning list 2026-11-20</title>") && html.contains("<th>Duration</th>")
                && html.contains("<th>Actors and tests</th>"))
        #expect(html.contains("<tr class=\"band\"><th colspan=\"8\">Within two weeks</th></tr>"))
    }

    @Test func theMRIBookingIsThePhraseWithItsRegionAndCountsInItsPlace() throws {
        func booked(_ id: String, _ bookings: [String]) -> Worklist.Entry {
            var summary = Worklist.Summary(
                sameDay: false, age: nil, sex: nil, keyRedFlag: nil, redFlagCount: 0, timeframe: nil, lastJournalDate: nil, tests: [])
            summary.bookings = bookings
            return Worklist.Entry(
                patientID: PatientID(id), folder: id, urgency: .urgent, previousUrgency: nil, headline: "h", tests: [], change: .new,
                unreadableRecords: 0, summary: summary)
        }
        let words = try edited([.bookingMRI: "MR imaging, {region}", .worklistToBook: "Book: {totals}."])
        let list = Worklist(
            asOf: asOf, knowledgeVersion: "k", toolVersion: "t",
            entries: [
                booked("A", ["neurology examination", "MR imaging, brain", "blood draw"]),
                booked("B", ["MR imaging, brain", "MRI of the brain"]),
            ], problems: [])
        #expect(WorklistRenderer.totalsLine(list, words) == "Book: neurology examination 1; MR imaging, brain 2; blood draw 1.")
        #expect(WorklistRenderer.json(list, knowledge: words).contains("\"MR imaging, brain\": 2"))
        #expect(WorklistRenderer.totalsLine(list, knowledge) == "To book: neurology examination 1; MRI of the brain 1; blood draw 1.")
    }
}
