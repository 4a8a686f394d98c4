import Foundation
import Testing
import TriageEngine
import TriageKnowledge
import TriageModel

@testable import TriageRender

/// The page's stated-history and lab-table words, the considerations' "unlikely" and "Separated
/// by", and a possible symptom's mark are the knowledge's (issue 24): change a row in a copy of
/// the tables and the report says the new words.
@Suite struct PageWordsTests {
    let knowledge = Knowledge.forTests

    /// The shipped tables with these page phrases and rule sentences replaced.
    func edited(phrases: [PagePhraseID: String] = [:], sentences: [SentenceID: String] = [:]) throws -> Knowledge {
        var copy = knowledge
        for (id, text) in phrases {
            let index = try #require(copy.page?.phrases.firstIndex { $0.id == id }, "no phrase \(id.rawValue)")
            copy.page?.phrases[index].text = text
        }
        for (id, text) in sentences {
            let index = try #require(copy.rules.sentences.firstIndex { $0.id == id }, "no sentence \(id.rawValue)")
            copy.rules.sentences[index].text = text
        }
        return copy
    }

    @Test func aStatedHistoryLineIsThePhrases() throws {
        var referral = PatientBuilder().referral(knowledge)
        let item = Referral.HistoryItem(
            kind: .familyHistory, text: "motor neuron disease", quote: "my father had MND", source: SourceLocation(file: "j.csv", line: 3),
            firstDegree: true)
        referral.history = [item]
        #expect(
            ReportDocumentBuilder(referral, knowledge: knowledge).historyLine(item).text
                == "Family history: motor neuron disease (first-degree relative)")
        let words = try edited(phrases: [.historyFamily: "Relatives", .historyFirstDegree: "{text}, a parent, sibling or child"])
        #expect(
            ReportDocumentBuilder(referral, knowledge: words).historyLine(item).text
                == "Relatives: motor neuron disease, a parent, sibling or child")
    }

    @Test func theLabTablesReferenceAndStatusAreThePhrases() throws {
        var patient = PatientBuilder()
        patient.lab("potassium", 6.2, status: .normal, knowledge: knowledge)
        patient.labs[0].status = .unreliable
        patient.labs[0].unreliableBecause = "haemolysed"
        patient.lab("magnesium", 0.8, status: .normal, daysBeforeAsOf: 200, knowledge: knowledge)
        patient.labs[1].stale = true
        let referral = patient.referral(knowledge)
        let unreliable = try #require(referral.labs.first { $0.analyte == "potassium" })
        let stale = try #require(referral.labs.first { $0.analyte == "magnesium" })
        let shipped = ReportDocumentBuilder(referral, knowledge: knowledge)
        #expect(shipped.labRow(unreliable).status == "unreliable: repeat (haemolysed)")
        #expect(shipped.labRow(stale).status == "normal, stale")
        let words = try edited(phrases: [.labUnreliableRepeatBecause: "repeat it ({why})", .labStale: "{status} but old"])
        let builder = ReportDocumentBuilder(referral, knowledge: words)
        #expect(builder.labRow(unreliable).status == "repeat it (haemolysed)")
        #expect(builder.labRow(stale).status == "normal but old")
    }

    @Test func unlikelyAndSeparatedByAreTheSentences() throws {
        let scenario = RedFlagScenario(symptoms: ["swallowing difficulty", "food sticking"])
        let structural = try #require(scenario.referral(knowledge).considerations.first { $0.conditionID == "structural-dysphagia" })
        #expect(structural.diagnosticApproach.contains(" Separated by: "))
        let words = try edited(sentences: [.separatedBy: "{approach} Told apart by {by}."])
        let told = try #require(scenario.referral(words).considerations.first { $0.conditionID == "structural-dysphagia" })
        #expect(told.diagnosticApproach.contains(" Told apart by ") && !told.diagnosticApproach.contains("Separated by"))

        let worried = ArticleScenarioTests.anxietyPattern(worried: true)
        #expect(
            try #require(worried.referral(knowledge).considerations.first { $0.conditionID == "als" }).condition.hasSuffix(" (unlikely)"))
        let unlikely = try edited(sentences: [.considerationUnlikely: "{condition}, not likely"])
        #expect(
            try #require(worried.referral(unlikely).considerations.first { $0.conditionID == "als" }).condition.hasSuffix(", not likely"))
    }

    @Test func aPossibleSymptomsMarkIsTheSentence() throws {
        let scenario = RedFlagScenario(possible: ["speech difficulty"])
        func text(_ referral: Referral) -> String { ([referral.headline] + referral.recommendations.map(\.detail)).joined(separator: " ") }
        #expect(text(scenario.referral(knowledge)).contains("speech difficulty (possible)"))
        let words = try edited(sentences: [.possibleSymptom: "{symptom} (unsure)"])
        let written = text(scenario.referral(words))
        #expect(written.contains("speech difficulty (unsure)") && !written.contains("(possible)"), "\(written)")
    }

    @Test func anApproximateMatchsMarkIsThePhrase() throws {
        var evidence = Evidence(file: "journal.csv", line: 14, date: nil)
        evidence.field = "note"
        evidence.quote = "droped my pen"
        evidence.approximate = true
        #expect(
            ReportDocumentBuilder.evidence([evidence], knowledge: knowledge)
                == "note, journal.csv:14: \"droped my pen\" (approximate match)")
        let words = try edited(phrases: [.evidenceApproximate: "{evidence}, read as a near spelling"])
        #expect(
            ReportDocumentBuilder.evidence([evidence], knowledge: words)
                == "note, journal.csv:14: \"droped my pen\", read as a near spelling")
    }

    @Test func aPhoneValuesUnitIsThePhrase() throws {
        var patient = PatientBuilder()
        patient.days(3, caffeine: nil)
        let export = SourceLocation(file: "export.xml", line: 40)
        patient.journal[0].lifestyle.caffeineMilligrams = 310
        patient.journal[0].lifestyle.phoneSources[.caffeine] = export
        var record = patient.record
        var day = PhoneDay(date: patient.start)
        day.lifestyle = patient.journal[0].lifestyle
        record.phoneDays = [day]
        let shipped = try #require(ReferralBuilder(knowledge: knowledge).referral(for: record, asOf: patient.asOf).phone)
        #expect(shipped.values.map(\.text) == ["310 mg"])
        let words = try edited(phrases: [.phoneCaffeine: "{amount} milligrams"])
        let phone = try #require(ReferralBuilder(knowledge: words).referral(for: record, asOf: patient.asOf).phone)
        #expect(phone.values.map(\.text) == ["310 milligrams"])
    }
}
