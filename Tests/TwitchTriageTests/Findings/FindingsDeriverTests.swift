import Testing
import TriageEngine
import TriageKnowledge
import TriageModel

@Suite struct FindingsDeriverTests {
    let knowledge = Knowledge.forTests

    @Test func spanCountsBothEndDaysAndTwitchDaysOnlyDaysWithTwitching() {
        var patient = PatientBuilder()
        patient.days(3)
        patient.days(2, from: 3, count: { _ in 0 }, regions: [])
        patient.days(1, from: 9)
        let course = patient.findings(knowledge).course
        #expect(course.spanDays == 10)
        #expect(course.twitchDays == 4)
        #expect(course.journalDays == 6)
        #expect(course.firstTwitchDay?.description == "2026-09-01")
        #expect(course.lastTwitchDay?.description == "2026-09-10")
    }

    @Test func trendComparesTheLastWeekWithTheFirst() {
        var improving = PatientBuilder()
        improving.days(14, count: { $0 < 7 ? 10 : 5 })
        #expect(improving.findings(knowledge).course.trend == .improving)  // 5 <= 0.5 x 10
        var stable = PatientBuilder()
        stable.days(14, count: { $0 < 7 ? 10 : 6 })
        #expect(stable.findings(knowledge).course.trend == .stable)
        // Rising needs both: at least 1.5 times and at least 2 a day above the first week.
        var worse = PatientBuilder()
        worse.days(14, count: { $0 < 7 ? 10 : 15 })
        #expect(worse.findings(knowledge).course.trend == .worsening)
        var notQuiteHalfAgain = PatientBuilder()
        notQuiteHalfAgain.days(14, count: { $0 < 7 ? 10 : 14 })
        #expect(notQuiteHalfAgain.findings(knowledge).course.trend == .stable)  // 1.4 times
        var smallCounts = PatientBuilder()
        smallCounts.days(14, count: { $0 < 7 ? 2 : 3 })
        #expect(smallCounts.findings(knowledge).course.trend == .stable)  // 1.5 times, but only 1 a day more
        var smallButEnough = PatientBuilder()
        smallButEnough.days(14, count: { $0 < 7 ? 2 : 4 })
        #expect(smallButEnough.findings(knowledge).course.trend == .worsening)  // 2 times and 2 a day more
        var short = PatientBuilder()
        short.days(13)
        #expect(short.findings(knowledge).course.trend == .unknown)
    }

    @Test func severalEntriesOnADaySumTheirCounts() {
        var patient = PatientBuilder()
        patient.days(1, count: { _ in 3 })
        patient.days(1, count: { _ in 4 })
        let days = JournalDay.days(of: patient.record.journal)
        #expect(days.count == 1)
        #expect(days[0].twitchCount == 7)
    }

    @Test func aTwitchWithoutACountLeavesTheDaysCountUnknown() {
        var entry = JournalEntry(
            source: SourceLocation(file: "j.csv", line: 2), patientID: "T",
            timestamp: Timestamp(date: LocalDate(year: 2026, month: 9, day: 1)!))
        entry.regions = [.init(region: "calf", group: "lower limb", side: nil)]
        let day = JournalDay(date: entry.date, entries: [entry])
        #expect(day.twitching)
        #expect(day.twitchCount == nil)
    }

    @Test func progressiveWeaknessNeedsTheLatestScoreAboveTheFirst() {
        var rising = PatientBuilder()
        rising.days(5, weakness: 1)
        rising.days(5, from: 5, weakness: 2)
        #expect(rising.findings(knowledge).symptoms.progressiveWeakness)
        var falling = PatientBuilder()
        falling.days(5, weakness: 2)
        falling.days(5, from: 5, weakness: 1)
        #expect(!falling.findings(knowledge).symptoms.progressiveWeakness)
    }

    @Test func triggerLinksNeedThreeDaysEachSideAndAOneAndAHalfTimesDifference() {
        var linked = PatientBuilder()
        linked.days(4, count: { _ in 9 }, caffeine: 400)
        linked.days(4, from: 4, count: { _ in 4 }, caffeine: 50)
        let caffeine = linked.findings(knowledge).lifestyle.correlations.first { $0.factor == .caffeine }
        #expect(caffeine?.comparable == true)
        #expect(caffeine?.linked == true)
        #expect(linked.findings(knowledge).isPresent(FindingID.correlation(.caffeine)))

        var weak = PatientBuilder()
        weak.days(4, count: { _ in 5 }, caffeine: 400)
        weak.days(4, from: 4, count: { _ in 4 }, caffeine: 50)
        #expect(weak.findings(knowledge).lifestyle.correlations.first { $0.factor == .caffeine }?.linked == false)

        var few = PatientBuilder()
        few.days(2, count: { _ in 9 }, caffeine: 400)
        few.days(6, from: 2, count: { _ in 4 }, caffeine: 50)
        #expect(few.findings(knowledge).lifestyle.correlations.first { $0.factor == .caffeine }?.comparable == false)
    }

    @Test func aCutExposureWithImprovementIsALifestyleChange() {
        var patient = PatientBuilder()
        patient.days(7, count: { _ in 10 }, caffeine: 500)
        patient.days(7, from: 7, count: { _ in 2 }, caffeine: 100)
        let changes = patient.findings(knowledge).lifestyle.changes
        #expect(changes.map(\.factor) == [.caffeine])
        #expect(changes.first?.twitchingImproved == true)
    }

    /// A factor's name and its amount's unit words are `rules.json` `findingSentences` (issue 24);
    /// the factor's raw value stays the finding id's and the JSON's key.
    @Test func aFactorsWordsAndAmountsAreTheKnowledges() throws {
        var patient = PatientBuilder()
        patient.days(7, count: { _ in 10 }, caffeine: 500)
        patient.days(7, from: 7, count: { _ in 2 }, caffeine: 100)
        func summaries(_ knowledge: Knowledge) -> (linked: String, change: String) {
            let findings = patient.referral(knowledge).findings
            return (
                findings.first { $0.id == FindingID.correlation(.caffeine) }?.summary ?? "",
                findings.first { $0.id == FindingID.lifestyleChange }?.summary ?? ""
            )
        }
        let shipped = summaries(knowledge)
        #expect(shipped.linked.contains("caffeine") && shipped.change.contains("caffeine from 500 mg to 100 mg"), "\(shipped)")
        var edited = knowledge
        for (id, text) in [(FindingSentenceID.factorCaffeine, "coffee"), (.amountCaffeine, "{amount} milligrams")] {
            let index = try #require(edited.rules.findingSentences.firstIndex { $0.id == id })
            edited.rules.findingSentences[index].text = text
        }
        let words = summaries(edited)
        #expect(words.linked.contains("coffee") && !words.linked.contains("caffeine"), "\(words.linked)")
        #expect(words.change.contains("coffee from 500 milligrams to 100 milligrams"), "\(words.change)")
        #expect(patient.referral(edited).correlations.contains { $0.factor == "caffeine" })
    }

    @Test func labPanelNamesMissingAndStaleCoreAnalytes() {
        var patient = PatientBuilder()
        patient.lab("magnesium", 0.8, status: .normal, daysBeforeAsOf: 181, knowledge: knowledge)
        patient.lab("potassium", 4.0, status: .normal, daysBeforeAsOf: 180, knowledge: knowledge)
        let panel = patient.findings(knowledge).labs
        #expect(panel.coreGaps.map(\.analyte) == ["magnesium", "calcium", "vitaminB12", "vitaminD"])
        #expect(panel.coreGaps.first?.stale == true)
    }

    @Test func ageBandAgainstTheALSOnsetRange() {
        var patient = PatientBuilder()
        patient.days(2)
        patient.demographics = PatientDemographics(source: SourceLocation(file: "p.csv", line: 2), patientID: "T001", age: 39)
        #expect(!patient.findings(knowledge).isPresent(FindingID.alsOnsetAge))
        patient.demographics?.age = 40
        #expect(patient.findings(knowledge).isPresent(FindingID.alsOnsetAge))
    }
}
