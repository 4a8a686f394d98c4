import Foundation
import Testing
import TriageEngine
import TriageKnowledge
import TriageModel
import TriageRender

/// The page a clinician reads at 8 am (SPEC §7), section by section, with exact text, on
/// scenario referrals that set the fields the rules fill (who acts, `when`, the examination,
/// what to tell the patient, the safety net, "query MND", history, other results, lab comments).
@Suite struct PageSectionTests {
    let knowledge = Knowledge.forTests

    /// A patient with swallowing difficulty and weakness whose plan names who acts on each step.
    func scenario() -> Referral {
        var patient = PatientBuilder()
        patient.demographics = PatientDemographics(source: SourceLocation(file: "p.csv", line: 2), patientID: "T001", age: 58, sex: .male)
        patient.days(20, symptoms: [SymptomID.swallowing, SymptomID.weakness], weakness: 1)
        patient.lab("potassium", 6.4, status: .normal, knowledge: knowledge)
        var referral = patient.referral(knowledge)
        func step(
            _ test: Recommendation.Test, _ detail: String, _ urgency: Urgency, who: Recommendation.Actor?, when: String? = nil,
            reasons: [FindingID], region: VariantID? = nil, analytes: [AnalyteID]? = nil
        ) -> Recommendation {
            var item = Recommendation(
                test: test, detail: detail, urgency: urgency, rule: "motor-neuron-red-flags", reasons: reasons,
                sources: ["neurologist-guide"], region: region, analytes: analytes)
            item.who = who
            item.when = when
            item.timeframe = knowledge.timeframe(urgency)
            return item
        }
        let swallowing = FindingID.symptom(SymptomID.swallowing)
        let weakness = FindingID.symptom(SymptomID.weakness)
        referral.sameDay = true
        referral.urgency = .urgent
        referral.recommendations = [
            step(.sameDayAssessment, "Assess swallowing and breathing today.", .urgent, who: .emergencyDepartment, reasons: [swallowing]),
            step(.neurologyExam, "Urgent neurology examination.", .urgent, who: .neurology, reasons: [swallowing, weakness]),
            step(.swallowAssessment, "Swallow assessment.", .urgent, who: .speechAndLanguageTherapy, reasons: [swallowing]),
            step(
                .emg, "EMG with NCS.", .urgent, who: .neurophysiology, when: "if the examination finds weakness, wasting or reflex change",
                reasons: [weakness]),
            step(
                .bloodWork, "Repeat potassium: the sample was haemolysed.", .routine, who: .gp, reasons: [FindingID.lab("potassium")],
                analytes: ["potassium"]),
        ]
        referral.queryMND = true
        referral.examination = [
            .init(item: "tongue wasting and fasciculation", forWhat: "motor neuron disease", sources: ["neurologist-guide"]),
            .init(item: "split hand", forWhat: "motor neuron disease", sources: ["neurologist-guide"]),
            .init(item: "ankle reflexes", forWhat: "neuropathy", sources: ["neurologist-guide"]),
        ]
        referral.tellPatient = "Your symptoms need a prompt specialist assessment."
        referral.safetyNet = [
            .init(id: "swallowing-worse", text: "If swallowing gets worse or you choke: call 999.", sources: ["neurologist-guide"])
        ]
        referral.history = [
            .init(
                kind: .familyHistory, text: "motor neuron disease", quote: "my father had MND",
                source: SourceLocation(file: "journals/journal.csv", line: 9), firstDegree: true)
        ]
        referral.labs[0].comment = "Sample haemolysed"
        referral.labs[0].status = .unreliable
        referral.labs[0].unreliableBecause = "haemolysed"
        referral.otherResults = [
            .init(
                name: "Creatine kinase", code: "2157-6", system: "http://loinc.org", value: "640", unit: "U/L", flag: "H",
                collected: Timestamp(date: patient.asOf.adding(days: -10)), source: SourceLocation(file: "labs.hl7", line: 4),
                comment: "Repeat after rest")
        ]
        if let index = referral.findings.firstIndex(where: { $0.id == weakness }) { referral.findings[index].certainty = .possible }
        return referral
    }

    func section(_ markdown: String, _ heading: String) throws -> String {
        let after = try #require(markdown.components(separatedBy: "## \(heading)\n\n").dropFirst().first)
        return after.components(separatedBy: "\n## ").first ?? after
    }

    @Test func whatToDoIsGroupedByWhoActsWithOneBecauseEachAndConditionalStepsWithTheirWhen() throws {
        let markdown = ReferralMarkdown.render(scenario(), knowledge: knowledge)
        let whatToDo = try section(markdown, "What to do")
        let expected = """
            **Emergency department: same day (today, within hours)** \\[1\\]

            - **Same-day assessment**: Assess swallowing and breathing today.
            - _Because_: Red flags: swallowing difficulty.

            **Neurology: urgent, to be seen within 2 weeks** \\[1\\]

            - **Neurology examination**: Urgent neurology examination.
            - _Because_: Red flags: possible weakness.

            **Speech and language therapy: urgent, to be seen within 2 weeks** \\[1\\]

            - **Swallow assessment**: Swallow assessment.
            - _Because_: As above.

            **Neurophysiology: urgent, to be seen within 2 weeks** \\[1\\]

            - **EMG** (if the examination finds weakness, wasting or reflex change): EMG with NCS.
            - _Because_: As above.

            **GP: routine, a routine referral** \\[1\\]

            - **Blood tests: potassium**: Repeat potassium: the sample was haemolysed.

            **Write "query MND" in the referral letter; if the wait is long, phone the neurologist.**
            """
        #expect(whatToDo.hasPrefix(expected), "\(whatToDo)")
    }

    /// Two rules send the patient to the emergency department today (one who cannot swallow,
    /// a critical potassium): the page's same-day step says what each asks for, without rule ids;
    /// another merged step keeps its lead rule's sentence only.
    @Test func aSameDayStepKeepsWhatEveryRuleBehindItAsksFor() throws {
        let knowledge = try Knowledge.bundled
        let swallow = Recommendation(
            test: .sameDayAssessment, detail: "Emergency department today: unable to swallow.", urgency: .urgent,
            rule: "bulbar-crisis", reasons: [FindingID.symptom("unable to swallow")], sources: ["nice-ng42"])
        let potassium = Recommendation(
            test: .sameDayAssessment, detail: "potassium 2.3 mmol/L (critical-low): repeat and treat today.",
            urgency: .urgent, rule: "abnormal-labs", reasons: [FindingID.lab("potassium")], sources: ["lab-protocol"])
        let examination = Recommendation(
            test: .neurologyExam, detail: "Urgent neurology examination.", urgency: .urgent,
            rule: "suspected-mnd", reasons: [], sources: [])
        let examinationToo = Recommendation(
            test: .neurologyExam, detail: "Examine the weak arm.", urgency: .urgent,
            rule: "urgent-examination", reasons: [], sources: [])
        let merged = ReferralBuilder.merge([(0, swallow), (1, potassium), (2, examination), (3, examinationToo)])
        #expect(
            merged.map { ReportDocumentBuilder.detail($0, knowledge: knowledge) } == [
                "Emergency department today: unable to swallow. Also: potassium 2.3 mmol/L (critical-low): repeat and treat today.",
                "Urgent neurology examination.",
            ])
    }

    @Test func theExaminationTellThePatientAndTheSafetyNetFollowTheActions() throws {
        let markdown = ReferralMarkdown.render(scenario(), knowledge: knowledge)
        #expect(
            try section(markdown, "Examination")
                == "- [ ] Motor neuron disease: tongue wasting and fasciculation; split hand.\n- [ ] Neuropathy: ankle reflexes.\n")
        let tell = try section(markdown, "Tell the patient")
        #expect(
            tell.hasPrefix(
                "Your symptoms need a prompt specialist assessment.\n\nSafety net:\n\n- If swallowing gets worse or you choke: call 999. \\[1\\]\n"
            ))
        // The notice is the disclaimer's (issue 20: every referral's disclaimer carries it), printed once.
        #expect(markdown.components(separatedBy: "not monitored in real time").count == 2)
        #expect(markdown.range(of: "## Tell the patient")!.lowerBound < markdown.range(of: "## Red flags")!.lowerBound)
    }

    @Test func redFlagsMostDangerousFirstWithPossibleMarked() throws {
        let redFlags = try section(ReferralMarkdown.render(scenario(), knowledge: knowledge), "Red flags")
        let lines = redFlags.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("- Swallowing difficulty recorded in 20 entries, first on 2026-09-01."))
        #expect(lines[1].hasPrefix("- Possible: Weakness recorded in 20 entries, first on 2026-09-01"))
    }

    @Test func historyMedicinesAndTheLabTableWithTheLabsComment() throws {
        var referral = scenario()
        let markdown = ReferralMarkdown.render(referral, knowledge: knowledge)
        #expect(
            try section(markdown, "Stated history")
                == "- Family history: motor neuron disease (first-degree relative) (journal.csv:9: \"my father had MND\")\n")
        #expect(
            markdown.contains(
                "| Potassium (serum) | 2026-11-10 | 6.4 mmol/L; lab: \"Sample haemolysed\" | 3.7-5.2 mmol/L (default range) | **unreliable: repeat (haemolysed)** |"
            ))
        #expect(
            markdown.contains(
                "Other results the lab flagged:\n\n| Test | Collected | Result as reported | Lab's flag | Lab's comment |\n|---|---|---|---|---|\n| Creatine kinase | 2026-11-10 | 640 U/L | H | Repeat after rest |\n"
            ))
        #expect(!markdown.contains("## Medicines that matter"))

        var patient = PatientBuilder()
        patient.days(20, medications: [("hydrochlorothiazide", "diuretics")])
        referral = patient.referral(knowledge)
        let medicines = try section(ReferralMarkdown.render(referral, knowledge: knowledge), "Medicines that matter")
        #expect(medicines.hasPrefix("- Takes hydrochlorothiazide"))
    }

    @Test func theNotesThatMentionAReferralOrAnAppointmentAreListedVerbatim() throws {
        var patient = PatientBuilder()
        patient.days(3)
        patient.journal[0].notes = ["dropped a mug this morning"]
        patient.journal[1].notes = ["words slurred, booked neurology, earliest slot is January"]
        patient.journal[2].notes = ["ER drew blood, they called me back"]
        let markdown = ReferralMarkdown.render(patient.referral(knowledge), knowledge: knowledge)
        #expect(
            try section(markdown, "Referrals and appointments the notes mention") == """
                - words slurred, booked neurology, earliest slot is January (2026-09-02, journal.csv:3)
                - ER drew blood, they called me back (2026-09-03, journal.csv:4)

                """)
    }

    @Test func theEvidenceLeavesOutTheNoise() throws {
        var patient = PatientBuilder()
        patient.demographics = PatientDemographics(source: SourceLocation(file: "p.csv", line: 2), patientID: "T001", age: 52)
        patient.days(10, count: { _ in 9 }, caffeine: 400)
        patient.days(10, from: 10, count: { _ in 2 }, caffeine: 0)
        patient.days(10, from: 20, count: { _ in 1 }, stress: 9)
        patient.days(10, from: 30, count: { _ in 8 }, stress: 0)
        let referral = patient.referral(knowledge)
        let markdown = ReferralMarkdown.render(referral, knowledge: knowledge)
        #expect(!markdown.contains("Pertinent negatives") && !markdown.contains("Not recorded in"))
        #expect(markdown.contains("- _Not mentioned in the journal_: weakness, atrophy"))
        #expect(!markdown.contains("sha256") && !markdown.contains(String(repeating: "0", count: 64)))
        #expect(markdown.contains("- Input files: journal.csv\n"))
        let uses = referral.considerations.contains { ($0.supporting + $0.opposing).contains { $0.hasPrefix("Age 52") } }
        #expect(markdown.contains("Age 52, within") == uses)
        // Caffeine goes with more twitching; stress with less ("no link": left out).
        let correlations = referral.correlations
        #expect(correlations.contains { $0.factor == "caffeine" && $0.linked })
        let lifestyle = try section(markdown, "Lifestyle")
        #expect(lifestyle.hasPrefix("- More twitching with: caffeine ("))
        #expect(!lifestyle.contains("stress") && !lifestyle.contains("No clear link") && !lifestyle.contains("Too few days"))
    }

    @Test func sourcesAreCitedOnceByTheirTitleNeverAWebsite() throws {
        var patient = PatientBuilder()
        patient.days(30, symptoms: [SymptomID.weakness], weakness: 1)
        let markdown = ReferralMarkdown.render(patient.referral(knowledge), knowledge: knowledge)
        let sources = try section(markdown, "Sources and provenance")
        #expect(!sources.contains("ApaFungsi") && !sources.contains("MedlinePlus") && !sources.contains("NHS website"))
        #expect(sources.contains("Muscle Twitching: Why It Happens, What to Do, and When to See a Neurologist\n"))
    }

    @Test func atMostSixAdviceItemsAndTheSafetyNetUncut() throws {
        var patient = PatientBuilder()
        patient.days(30, caffeine: 400, sleep: 4, stress: 9)
        let referral = patient.referral(knowledge)
        let page = ReportDocumentBuilder(referral, knowledge: knowledge).build()
        #expect(page.advice.count <= 6)
        #expect(!referral.safetyNet.isEmpty)
        #expect(page.safetyNet.map(\.text) == referral.safetyNet.map(\.text))
    }

    @Test func theHTMLCarriesTheSameSections() {
        let html = ReferralHTML.render(scenario(), knowledge: knowledge)
        #expect(html.contains("<h3>Emergency department: same day (today, within hours)"))
        #expect(
            html.contains(
                "<li><strong>EMG</strong> <em>(if the examination finds weakness, wasting or reflex change)</em>: EMG with NCS.</li>"))
        #expect(html.contains("<p class=\"query\"><strong>Write &quot;query MND&quot; in the referral letter"))
        #expect(html.contains("<ul class=\"checklist\">\n<li>Motor neuron disease: tongue wasting and fasciculation; split hand.</li>"))
        #expect(html.contains("<p class=\"label\">Safety net</p>"))
        #expect(html.contains("not monitored in real time"))
        #expect(html.contains("<span class=\"label\">Not mentioned in the journal</span>: "))
        #expect(html.contains("6.4 mmol/L<br><span class=\"small\">lab: \u{201C}Sample haemolysed\u{201D}</span>"))
        #expect(!html.contains("Pertinent negatives") && !html.contains("sha256"))
    }
}
