import Foundation
import Testing
import TriageBatch
import TriageEngine
import TriageIngest
import TriageKnowledge
import TriageModel
import TriageRender

/// The page a clinician reads (SPEC §7): clinical words only, moot advice left out, labs with
/// their reported digits and range, each reason and each source once.
@Suite struct ReportPageTests {
    let knowledge = Knowledge.forTests

    /// Every sample patient's referral.
    static func sampleReferrals(_ knowledge: Knowledge) throws -> [Referral] {
        let asOf = LocalDate(year: 2026, month: 11, day: 20)!
        let assembly = try Ingestion.run(
            paths: [SampleOutcomeTests.root.appendingPathComponent("Samples").path], options: ReadOptions(knowledge: knowledge),
            knowledge: knowledge, asOf: asOf)
        let builder = ReferralBuilder(knowledge: knowledge)
        return assembly.patients.map { builder.referral(for: $0, asOf: asOf) }
    }

    /// The code ids a page must not show: camel-case test and analyte ids, rule ids, finding,
    /// condition and advice ids with a dash, and the articles' short names.
    func codeIDs(_ referral: Referral) -> Set<String> {
        var ids = Set(Recommendation.Test.allCases.map(\.rawValue).filter { $0.contains(where: \.isUppercase) && $0.first!.isLowercase })
        let labels = ReportLabels(knowledge: knowledge)
        ids.formUnion(knowledge.analytes.map(\.id).filter { labels.analyteShort($0) != $0.rawValue }.map(\.rawValue))
        ids.formUnion(RuleRegistry.all.map(\.id.rawValue).filter { $0.contains("-") })
        ids.formUnion(referral.findings.map(\.id.rawValue).filter { $0.contains("-") })
        ids.formUnion(knowledge.conditions.map(\.id.rawValue).filter { $0.contains("-") })
        ids.formUnion(knowledge.advice.map(\.id.rawValue).filter { $0.contains("-") })
        ids.formUnion(knowledge.sourceCatalogue.map(\.name).filter { $0.contains("-") && $0 != ToolInfo.name })
        return ids
    }

    @Test func noSamplePageHoldsACodeID() throws {
        let referrals = try Self.sampleReferrals(knowledge)
        #expect(referrals.count >= 20)
        for referral in referrals {
            for file in ReferralOutputs.files(referral, knowledge: knowledge)
            where file.name.hasSuffix(".md") || file.name.hasSuffix(".html") {
                for id in codeIDs(referral) {
                    let pattern = "(?<![A-Za-z0-9-])" + NSRegularExpression.escapedPattern(for: id) + "(?![A-Za-z0-9-])"
                    let found = file.text.range(of: pattern, options: .regularExpression)
                    if found != nil { Issue.record("\(referral.patient.id) \(file.name) shows the code id \(id)") }
                }
            }
        }
    }

    @Test func theCodeIDCheckCanFail() {
        var patient = PatientBuilder()
        patient.days(30, symptoms: [SymptomID.weakness], weakness: 2)
        let referral = patient.referral(knowledge)
        #expect(codeIDs(referral).contains("bloodWork") && codeIDs(referral).contains("vitaminB12"))
        #expect(codeIDs(referral).contains("suspected-mnd"))
    }

    /// SPEC §6.2: the safety net is never dropped for the sick; it is escalated.
    @Test func aPatientWithDysphagiaIsToldWhatToDoIfItGetsWorse() {
        var patient = PatientBuilder()
        patient.days(30, symptoms: [SymptomID.swallowing])
        let markdown = ReferralMarkdown.render(patient.referral(knowledge), knowledge: knowledge)
        #expect(!markdown.contains("Seek care the same day for difficulty speaking or swallowing"))
        #expect(
            markdown.contains(
                "If swallowing gets worse or you choke, or you are breathless at rest or lying flat: call 999 or go to the emergency department."
            ))
        #expect(markdown.contains("Safety net:\n\n- "))

        var other = PatientBuilder()
        other.days(30)
        let otherPage = ReferralMarkdown.render(other.referral(knowledge), knowledge: knowledge)
        #expect(
            otherPage.contains(
                "Seek care the same day for difficulty speaking or swallowing; if you cannot swallow or you choke: call 999."))
    }

    @Test func labValuesKeepTheirReportedDigitsAndRange() throws {
        #expect(LabValue.parse("2.0")?.reportedText == "2.0")
        #expect(LabValue.parse("<5")?.reportedText == "<5")
        #expect(LabValue.parse("0,620", decimalComma: true)?.reportedText == "0.620")
        #expect(LabValue(2).reportedText == "2")

        var patient = PatientBuilder()
        patient.days(3)
        let value = try #require(LabValue.parse("2.0"))
        var lab = LabResult(
            source: SourceLocation(file: "labs.csv", line: 2), patientID: PatientID(patient.id), analyte: "magnesium", loinc: nil,
            collected: Timestamp(date: patient.asOf.adding(days: -5)), reported: .init(value: value, unit: "mg/dL"),
            canonical: .init(value: LabValue(0.82), unit: "mmol/L"),
            reference: .init(low: 0.7, high: 0.91, unit: "mmol/L", origin: .reported), status: .normal, stale: false)
        lab.reportedReference = .init(low: 1.7, high: 2.2, unit: "mg/dL", origin: .reported)
        patient.labs = [lab]
        let markdown = ReferralMarkdown.render(patient.referral(knowledge), knowledge: knowledge)
        #expect(markdown.contains("| Magnesium (serum) | 2026-11-15 | 2.0 mg/dL (0.82 mmol/L) | 1.7-2.2 mg/dL | normal |"))
    }

    @Test func markdownEscapesWhatComesFromTheInputInEveryCell() {
        var patient = PatientBuilder()
        patient.days(3)
        patient.lab("magnesium", 0.8, status: .normal, knowledge: knowledge)
        patient.labs[0].reported.unit = "mg|dL<b>"
        let markdown = ReferralMarkdown.render(patient.referral(knowledge), knowledge: knowledge)
        #expect(markdown.contains("0.8 mg\\|dL\\<b\\>"))
        #expect(!markdown.contains("mg|dL<b>"))
    }

    @Test func eachReasonAndEachSourceIsStatedOnce() throws {
        var patient = PatientBuilder()
        patient.demographics = PatientDemographics(source: SourceLocation(file: "p.csv", line: 2), patientID: "T001", age: 52)
        patient.days(30, symptoms: [SymptomID.weakness], weakness: 1)
        patient.days(30, from: 30, symptoms: [SymptomID.weakness, SymptomID.atrophy], weakness: 2)
        let referral = patient.referral(knowledge)
        #expect(referral.recommendations.count >= 3)
        let markdown = ReferralMarkdown.render(referral, knowledge: knowledge)
        let whatToDo = try #require(markdown.components(separatedBy: "## What to do").last?.components(separatedBy: "## ").first)
        let span = try #require(referral.findings.first { $0.id == FindingID.twitchSpan }?.summary)
        #expect(whatToDo.components(separatedBy: span).count - 1 == 1)
        #expect(whatToDo.components(separatedBy: "Red flags:").count - 1 == 1)
        for title in ReportDocumentBuilder(referral, knowledge: knowledge).build().sources.map(\.title) {
            #expect(markdown.components(separatedBy: ReferralMarkdown.escape(title)).count - 1 == 1, "\(title)")
        }
    }

    @Test func redFlagsNeverMentionedAreNotMentionedInTheJournal() {
        var patient = PatientBuilder()
        patient.days(30, symptoms: [SymptomID.weakness], weakness: 1)
        patient.normalCorePanel(knowledge: knowledge)
        let page = ReportDocumentBuilder(patient.referral(knowledge), knowledge: knowledge).build()
        #expect(page.notMentionedLabel == "Not mentioned in the journal")
        #expect(page.negatives.first?.hasPrefix("atrophy, fine-motor difficulty, speech difficulty") == true)
        #expect(!page.negatives.contains { $0.contains("weakness recorded") || $0.contains("Not improving") || $0.contains("normal") })
    }

    @Test func needsReviewAndMergedDataQualityAreShown() {
        var patient = PatientBuilder()
        patient.days(3)
        var referral = patient.referral(knowledge)
        referral.needsReview = [NeedsReviewItem(file: "journals/journal.csv", lines: [4, 9], text: "funny buzzy thing", count: 2)]
        referral.dataQuality = [
            DataQualityItem(
                location: SourceLocation(file: "journal.csv", line: 7), message: "symptom text not understood",
                severity: .warning, term: "zzz", lines: [7, 8, 9], count: 3)
        ]
        let markdown = ReferralMarkdown.render(referral, knowledge: knowledge)
        #expect(markdown.contains("- journal.csv lines 4, 9: \"funny buzzy thing\" (2 times)"))
        #expect(markdown.contains("- journal.csv lines 7-9 (3 rows): symptom text not understood: \"zzz\""))
    }

    @Test func evidenceReadFromFreeTextShowsItsQuoteAndLine() {
        var evidence = Evidence(file: "journals/journal.csv", line: 14, date: nil)
        evidence.field = "note"
        evidence.quote = "dropped my pen"
        #expect(ReportDocumentBuilder.evidence([evidence], knowledge: .forTests) == "note, journal.csv:14: \"dropped my pen\"")
    }
}
