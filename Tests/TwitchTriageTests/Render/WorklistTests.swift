import Foundation
import Testing
import TriageKnowledge
import TriageModel
import TriageRender

/// The worklist at 8 am (SPEC §7): bands (same day, read today, urgent, soon, routine GP actions
/// and neurology, self-care), within a band by the most dangerous red flag (present before
/// possible, the oldest date, the id), what a line says, and the booking totals.
@Suite struct WorklistTests {
    let knowledge = Knowledge.forTests
    let asOf = LocalDate(year: 2026, month: 11, day: 20)!

    func entry(
        _ id: String, _ urgency: Urgency?, sameDay: Bool = false, band: Worklist.Band? = nil, rank: Int? = nil,
        possible: Bool = false, date: LocalDate? = nil
    ) -> Worklist.Entry {
        var summary = Worklist.Summary(
            sameDay: sameDay, age: nil, sex: nil, keyRedFlag: nil, redFlagCount: rank == nil ? 0 : 1,
            timeframe: nil, lastJournalDate: nil, tests: [])
        summary.band = band
        summary.dangerRank = rank
        summary.keyRedFlagPossible = possible
        summary.oldestRedFlagDate = date
        return Worklist.Entry(
            patientID: PatientID(id), folder: id, urgency: urgency, previousUrgency: nil, headline: "h", tests: [],
            change: urgency == nil ? .resolved : .new, unreadableRecords: 0, summary: urgency == nil ? nil : summary)
    }

    func order(_ entries: [Worklist.Entry]) -> [String] { Worklist.sorted(entries).map(\.patientID.rawValue) }

    /// A scenario referral of an urgent patient with these symptoms (the same-day step, if the
    /// rules made one, taken away: the band under test is urgent).
    func urgentReferral(_ id: String, _ symptoms: [SymptomID], weakness: Int? = nil) -> Referral {
        var patient = PatientBuilder()
        patient.id = id
        patient.days(20, symptoms: symptoms, weakness: weakness)
        var referral = patient.referral(knowledge)
        referral.sameDay = false
        referral.recommendations.removeAll { $0.test == .sameDayAssessment }
        referral.urgency = .urgent
        return referral
    }

    func worklistEntry(_ referral: Referral) -> Worklist.Entry {
        Worklist.Entry(
            patientID: referral.patient.id, folder: referral.patient.id.rawValue, urgency: referral.urgency, previousUrgency: nil,
            headline: referral.headline, tests: [], change: .new, unreadableRecords: 0,
            summary: Worklist.Summary(referral, knowledge: knowledge))
    }

    @Test func bandsComeInTheirOrderAndResolvedLast() {
        let entries = [
            entry("A", .selfCare), entry("B", .routine, band: .routineNeurology), entry("C", .routine, band: .routineGP),
            entry("D", .soon), entry("E", .urgent), entry("F", .routine, band: .readToday), entry("G", .urgent, sameDay: true),
            entry("H", nil),
        ]
        #expect(order(entries) == ["G", "F", "E", "D", "C", "B", "A", "H"])
    }

    @Test func readTodayComesAfterSameDayWhateverTheRedFlag() {
        #expect(
            order([entry("A", .routine, band: .readToday, rank: 0), entry("Z", .urgent, sameDay: true, band: .sameDay, rank: 8)]) == [
                "Z", "A",
            ])
    }

    @Test func withinABandTheMostDangerousRedFlagThenPresentBeforePossibleThenTheOldestDateThenTheId() {
        let early = LocalDate(year: 2026, month: 10, day: 1)!
        let late = LocalDate(year: 2026, month: 11, day: 1)!
        #expect(order([entry("A", .urgent, rank: 8), entry("B", .urgent, rank: 1), entry("C", .urgent, rank: 3)]) == ["B", "C", "A"])
        #expect(order([entry("A", .urgent, rank: 3, possible: true), entry("B", .urgent, rank: 3)]) == ["B", "A"])
        #expect(order([entry("A", .urgent, rank: 3, date: late), entry("B", .urgent, rank: 3, date: early)]) == ["B", "A"])
        #expect(order([entry("b", .urgent, rank: 3), entry("B", .urgent, rank: 3), entry("a", .urgent)]) == ["B", "b", "a"])
    }

    @Test func breathingBeforeSwallowingBeforeALimbWithinUrgent() {
        let limb = urgentReferral("T-LIMB", [SymptomID.weakness, SymptomID.atrophy], weakness: 2)
        let swallowing = urgentReferral("T-SWALLOW", [SymptomID.swallowing])
        let breathing = urgentReferral("T-BREATH", [SymptomID.breathing])
        let entries = [limb, swallowing, breathing].map(worklistEntry)
        #expect(entries.allSatisfy { Worklist.band($0) == .urgent })
        #expect(order(entries) == ["T-BREATH", "T-SWALLOW", "T-LIMB"])
        let summary = Worklist.Summary(limb, knowledge: knowledge)
        #expect(summary.keyRedFlag == "atrophy since 2026-09-01")
        #expect(summary.otherRedFlags == ["weakness"])
    }

    @Test func aCriticalValueLeadsWithTheValueThatDrivesIt() {
        var patient = PatientBuilder()
        patient.days(5)
        patient.lab("potassium", 2.3, status: .criticalLow, knowledge: knowledge)
        let summary = Worklist.Summary(patient.referral(knowledge), knowledge: knowledge)
        #expect(summary.keyRedFlag == "critical potassium 2.3 mmol/L")
        #expect(summary.band == .sameDay)
        // The emergency department repeats and treats a critical value today: no separate GP draw (issue 20).
        #expect(summary.bookings.contains("same-day assessment") && !summary.bookings.contains("blood draw"))
    }

    @Test func aPossibleSameDayRedFlagIsReadToday() {
        var patient = PatientBuilder()
        patient.days(10)
        var referral = patient.referral(knowledge)
        var finding = Finding(
            id: FindingID.symptom("unable to swallow"), present: true, summary: "Possibly unable to swallow.",
            evidence: [Evidence(file: "journal.csv", line: 5, date: LocalDate(year: 2026, month: 9, day: 4))])
        finding.certainty = .possible
        referral.findings.insert(finding, at: 0)
        let summary = Worklist.Summary(referral, knowledge: knowledge)
        #expect(summary.band == .readToday)
        #expect(summary.keyRedFlag == "possible unable to swallow since 2026-09-04")
        #expect(summary.keyRedFlagPossible && summary.bookings.contains("clinician read"))
    }

    @Test func routineIsSplitIntoGPActionsAndNeurology() {
        var low = PatientBuilder()
        low.days(10)
        low.lab("magnesium", 0.55, status: .low, knowledge: knowledge)
        var gp = low.referral(knowledge)
        gp.urgency = .routine
        gp.recommendations = gp.recommendations.filter { $0.test == .bloodWork }.map {
            var item = $0
            item.urgency = .routine
            return item
        }
        #expect(Worklist.Summary(gp, knowledge: knowledge).band == .routineGP)
        var neurology = gp
        var emg = Recommendation(
            test: .neurologyExam, detail: "Examine.", urgency: .routine, rule: "persistent-twitching", reasons: [], sources: [])
        neurology.recommendations.append(emg)
        #expect(Worklist.Summary(neurology, knowledge: knowledge).band == .routineNeurology)
        // A conditional step alone does not make the line neurology's.
        emg.test = .emg
        emg.when = "if the examination finds weakness, wasting or reflex change"
        var conditional = gp
        conditional.recommendations.append(emg)
        let summary = Worklist.Summary(conditional, knowledge: knowledge)
        #expect(summary.band == .routineGP)
        // Nor is it booked this morning: the booking column and the totals leave it to the page.
        #expect(!summary.tests.contains { $0.hasPrefix("EMG") } && !summary.bookings.contains("EMG"))
    }

    /// A patient with a swallowing difficulty for 20 days (urgent, not same day) and an
    /// unreliable potassium (haemolysed): T001, 58, female.
    static func swallowingReferral(_ knowledge: Knowledge) -> Referral {
        var patient = PatientBuilder()
        patient.demographics = PatientDemographics(source: SourceLocation(file: "p.csv", line: 2), patientID: "T001", age: 58, sex: .female)
        patient.days(20, symptoms: [SymptomID.swallowing])
        patient.lab("potassium", 6.2, status: .normal, knowledge: knowledge)
        patient.labs[0].status = .unreliable
        patient.labs[0].unreliableBecause = "haemolysed"
        var referral = patient.referral(knowledge)
        referral.sameDay = false
        referral.recommendations.removeAll { $0.test == .sameDayAssessment }
        return referral
    }

    @Test func aLineNamesTheRedFlagWhoActsTestsDurationAndLabCaveats() {
        let summary = Worklist.Summary(Self.swallowingReferral(knowledge), knowledge: knowledge)
        #expect(summary.keyRedFlag == "swallowing difficulty since 2026-09-01")
        #expect(summary.age == 58 && summary.sex == "female")
        #expect(summary.duration == "20 days")
        #expect(summary.labCaveats == ["potassium unreliable: haemolysed"])
        #expect(summary.who.first == "GP" || summary.who.first == "neurology")
        #expect(
            !summary.tests.contains { $0.hasPrefix("MRI") || $0.hasPrefix("EMG") } && summary.tests.contains("Swallow assessment")
                && summary.tests.contains { $0.hasPrefix("Blood tests: ") }, "\(summary.tests)")
        #expect(!summary.tests.contains { $0.contains("bloodWork") || $0.contains("vitaminB12") })

        let worklist = Worklist(
            asOf: asOf, knowledgeVersion: "k", toolVersion: "t",
            entries: [
                Worklist.Entry(
                    patientID: "T001", folder: "T001", urgency: .urgent, previousUrgency: nil, headline: "h",
                    tests: [], change: .new, unreadableRecords: 0, summary: summary)
            ],
            problems: [])
        let markdown = WorklistRenderer.markdown(worklist, knowledge: knowledge)
        #expect(markdown.contains("## Urgent (1)"))
        #expect(
            markdown.contains(
                "| [T001, 58, female](T001/referral.md) | 20 days | h | swallowing difficulty since 2026-09-01 | \(summary.who.joined(separator: ", ")) |"
            ))
        #expect(markdown.contains("| potassium unreliable: haemolysed | new |"))
        let json = WorklistRenderer.json(worklist, knowledge: knowledge)
        #expect(json.contains("\"keyRedFlag\": \"swallowing difficulty since 2026-09-01\"") && json.contains("\"band\": \"urgent\""))
        #expect(json.contains("\"sameDay\": false"))
        #expect(WorklistRenderer.html(worklist, knowledge: knowledge).contains("<a href=\"T001/referral.html\">T001, 58, female</a>"))
        #expect(WorklistRenderer.html(worklist, knowledge: knowledge).contains("<tr class=\"band\"><th colspan=\"8\">Urgent</th></tr>"))
    }

    @Test func theDurationIsTheJournalsSpanOrWhatANoteSaysWhenLonger() throws {
        var patient = PatientBuilder()
        patient.days(13)
        var referral = patient.referral(knowledge)
        #expect(Worklist.Summary(referral, knowledge: knowledge).duration == "13 days")
        let phrase = try #require(knowledge.rules.durationPhrases.first { $0.atLeastDays > 13 })
        referral.findings.append(
            Finding(
                id: FindingID.durationFromNotes, present: true,
                summary: "A note says \"\(phrase.phrase)\": twitching for at least \(phrase.atLeastDays) days.",
                evidence: [Evidence(file: "journal.csv", line: 2, date: patient.start)]))
        #expect(
            Worklist.Summary(referral, knowledge: knowledge).duration
                == "at least \(phrase.atLeastDays) days (a note: \"\(phrase.phrase)\"); 13 in the journal")
    }

    @Test func theTotalsCountWhatEachLineBooks() {
        func booked(_ id: String, _ bookings: [String]) -> Worklist.Entry {
            var item = entry(id, .urgent)
            item.summary?.bookings = bookings
            return item
        }
        let worklist = Worklist(
            asOf: asOf, knowledgeVersion: "k", toolVersion: "t",
            entries: [
                booked("A", ["same-day assessment", "blood draw"]),
                booked(
                    "B", ["neurology examination", "EMG with NCS", "MRI of the brain", "MRI of the cervical spine", "swallow assessment"]),
                booked("C", ["neurology examination", "NCS", "MRI of the brain", "blood draw", "eye examination"]),
                entry("D", nil),
            ], problems: [])
        #expect(
            WorklistRenderer.totalsLine(worklist, knowledge)
                == "To book: same-day assessment 1; neurology examination 2; EMG with NCS 1; NCS 1; MRI of the brain 2; MRI of the cervical spine 1; blood draw 2; swallow assessment 1; eye examination 1."
        )
        #expect(
            WorklistRenderer.counts(worklist, knowledge)
                == "3 patients: 0 same day, 0 read today, 3 urgent, 0 soon, 0 routine: GP actions, 0 routine: neurology, 0 self-care.")
        #expect(WorklistRenderer.json(worklist, knowledge: knowledge).contains("\"MRI of the brain\": 2"))
        #expect(
            WorklistRenderer.markdown(worklist, knowledge: knowledge).hasPrefix(
                "# Worklist, as of 2026-11-20\n\nTo book: same-day assessment 1;"))
    }

    @Test func theHTMLWorklistStartsAPageEvery25Patients() {
        let entries = (1...60).map { entry("P\($0)", .routine) }
        let html = WorklistRenderer.html(
            Worklist(asOf: asOf, knowledgeVersion: "k", toolVersion: "t", entries: entries, problems: []), knowledge: knowledge)
        #expect(html.components(separatedBy: "<section class=\"worklist-page\">").count - 1 == 3)
        #expect(html.contains("(page 3 of 3)"))
    }

    @Test func theJSONSummaryReadsBack() throws {
        var summary = Worklist.Summary(
            sameDay: true, age: 40, sex: "male", keyRedFlag: "breathing difficulty since 2026-11-01",
            redFlagCount: 2, timeframe: "same day", lastJournalDate: asOf, tests: ["EMG"])
        summary.band = .sameDay
        summary.dangerRank = 1
        summary.keyRedFlagPossible = true
        summary.oldestRedFlagDate = LocalDate(year: 2026, month: 11, day: 1)
        summary.otherRedFlags = ["speech difficulty"]
        summary.duration = "20 days"
        summary.who = ["emergency department", "neurology"]
        summary.plan = ["Emergency department: Same-day assessment", "Neurology: Neurology examination"]
        summary.labCaveats = ["potassium unreliable: haemolysed"]
        summary.bookings = ["same-day assessment", "MRI of the brain"]
        let worklist = Worklist(
            asOf: asOf, knowledgeVersion: "k", toolVersion: "t",
            entries: [
                Worklist.Entry(
                    patientID: "X", folder: "X", urgency: .urgent, previousUrgency: nil, headline: "h",
                    tests: ["EMG"], change: .new, unreadableRecords: 0, summary: summary)
            ], problems: [])
        let document =
            try JSONSerialization.jsonObject(with: Data(WorklistRenderer.json(worklist, knowledge: knowledge).utf8)) as? [String: Any]
        let object = try #require((document?["patients"] as? [[String: Any]])?.first)
        #expect(Worklist.Summary(worklistJSON: object) == summary)
        #expect(object["band"] as? String == "same-day" && object["sameDay"] as? Bool == true)
    }

    @Test func theOrderOfDangerIsKnowledgeWithSources() throws {
        let page = try #require(knowledge.page)
        #expect(
            page.dangerOrder.map(\.flag).prefix(5) == [
                "sudden deficit", "breathing", "critical value", "swallowing", "weakness worsening over days",
            ])
        #expect(page.dangerOrder.last?.flag == "B12 deficiency with neurological symptoms")
        #expect(page.dangerOrder.allSatisfy { !$0.sources.isEmpty })
        let sources = Set(knowledge.sourceCatalogue.map(\.name))
        #expect(page.dangerOrder.flatMap(\.sources).allSatisfy { sources.contains($0.name) })
    }
}
