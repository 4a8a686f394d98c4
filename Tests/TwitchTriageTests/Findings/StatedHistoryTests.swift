import Testing
import TriageEngine
import TriageKnowledge
import TriageModel
import TriageNormalise

/// Issue 18: a diagnosis the patient states and MND, ALS or FTD in a first-degree relative
/// become the referral's `history[]`; a friend's relative and a feared disease do not; a doubted
/// symptom is a possible finding with its quote.
@Suite struct StatedHistoryTests {
    private let normaliser = Normaliser(knowledge: try! Knowledge.bundled, asOf: LocalDate(year: 2026, month: 11, day: 20)!)
    private static let row = SourceLocation(file: "journal.csv", line: 7)

    private func entry(_ note: String) -> JournalEntry {
        var record = JournalRecord(
            source: Self.row, patientID: "P042", timestamp: Timestamp(date: LocalDate(year: 2026, month: 10, day: 1)!))
        record.notes = [note]
        var diagnostics: [Diagnostic] = []
        return normaliser.journalEntry(from: record, diagnostics: &diagnostics)
    }

    @Test func aStatedDiagnosisAndAFathersMNDAreHistory() {
        let items = StatedHistory.items([entry("I have diabetes"), entry("my dad had MND")])
        #expect(items.map(\.kind) == [.diagnosis, .familyHistory])
        #expect(items.map(\.text) == ["diabetes", "MND (dad)"])
        #expect(items.map(\.quote) == ["I have diabetes", "my dad had MND"])
        #expect(items.map(\.firstDegree) == [nil, true])
        #expect(items.allSatisfy { $0.source == Self.row })
    }

    @Test func aFriendsMotherAndAFearAreNotHistory() {
        #expect(StatedHistory.items([entry("my friend's mum had MND"), entry("scared of ALS")]).isEmpty)
    }

    @Test func aDoubtedSymptomIsPossibleWithItsQuote() {
        let doubted = entry("perhaps my right hand is weaker")
        #expect(doubted.symptoms.map(\.symptom) == ["weakness"])
        #expect(doubted.symptoms.first?.certainty == .possible)
        #expect(doubted.symptoms.first?.region?.side == .right)
        #expect(entry("my right hand is weaker").symptoms.first?.certainty == .present)
    }

    @Test func aSymptomThatWentAwayIsHistoricalContext() {
        let over = entry("the tingling I had in the summer went away")
        #expect(over.symptoms.isEmpty)
        #expect(over.context.map(\.reason) == [.historical])
    }
}
