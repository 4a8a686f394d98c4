import Testing
import TriageKnowledge
import TriageModel

@testable import TriageEngine

/// One test per mapping rule of `contrast-map.json`, at its boundaries: each signal holds on
/// the data that shows its column, and never on missing data.
@Suite struct ContrastSignalTests {
    let knowledge = Knowledge.forTests

    func reading(_ patient: PatientBuilder, _ signal: ContrastSignal) -> ContrastEvaluator.Reading? {
        ContrastEvaluator(findings: patient.findings(knowledge), knowledge: knowledge).read(signal)
    }

    func aged(_ age: Int) -> PatientDemographics {
        PatientDemographics(source: SourceLocation(file: "p.csv", line: 2), patientID: "T001", age: age)
    }

    @Test func persistentSpanIsOverFourteenDaysAndANoteCounts() {
        var fourteen = PatientBuilder()
        fourteen.days(14)
        #expect(reading(fourteen, .persistentSpan) == nil)
        var fifteen = PatientBuilder()
        fifteen.days(15)
        #expect(reading(fifteen, .persistentSpan)?.why == "twitching for at least 15 days")
        // P019's story: 13 days of journal, "for months" in a note.
        var months = PatientBuilder()
        months.days(13)
        months.journal[0].notes = ["Left hand twitching for months; the web between thumb and finger looks hollow"]
        let read = reading(months, .persistentSpan)
        #expect(read?.why == "twitching for at least 60 days (a note says \"for months\")")
        #expect(read?.findings.contains(FindingID.durationFromNotes) == true)
        // A word that only contains the phrase's letters is not the phrase.
        var other = PatientBuilder()
        other.days(13)
        other.journal[0].notes = ["waited fortnights for monthsary"]
        #expect(reading(other, .persistentSpan) == nil)
    }

    @Test func briefEpisodesNeedRecordedMinutesNotTheJournalLength() {
        var unknown = PatientBuilder()
        unknown.days(5)
        #expect(reading(unknown, .briefEpisodes) == nil)  // no minutes recorded: no evidence
        var brief = PatientBuilder()
        brief.days(5)
        for index in brief.journal.indices { brief.journal[index].durationMinutes = 5 }
        #expect(reading(brief, .briefEpisodes)?.why == "episodes of at most 5 minutes over 5 days")
        var longer = brief
        longer.journal[2].durationMinutes = 6
        #expect(reading(longer, .briefEpisodes) == nil)
    }

    @Test func noWeaknessNeedsAScoreOfZeroNotAMissingScore() {
        var unscored = PatientBuilder()
        unscored.days(30)
        #expect(reading(unscored, .noWeaknessScored) == nil)
        var zero = PatientBuilder()
        zero.days(30, weakness: 0)
        #expect(reading(zero, .noWeaknessScored)?.why == "weakness scored 0 on 30 entries, never higher")
        var once = zero
        once.journal[29].weakness = 1
        #expect(reading(once, .noWeaknessScored) == nil)
    }

    @Test func stableWeaknessIsNotTheProgressiveRow() {
        var stable = PatientBuilder()
        stable.days(30, weakness: 1)
        #expect(reading(stable, .progressiveWeakness) == nil)
        #expect(reading(stable, .noWeaknessScored) == nil)
        var rising = stable
        rising.journal[29].weakness = 2
        #expect(reading(rising, .progressiveWeakness)?.why == "weakness score rising from 1 to 2 of 3")
    }

    @Test func risingCountsNeedTheThresholdsAndWeaknessForTheProgressionRow() {
        // P003's 9.3 to 10.9 a day is stable, not "steadily worse".
        var slight = PatientBuilder()
        slight.days(21, count: { $0 < 7 ? 9 : 11 }, weakness: 0)
        #expect(reading(slight, .countsRisingWithWeakness) == nil)
        #expect(reading(slight, .stableCourse) != nil)
        var risingNoWeakness = PatientBuilder()
        risingNoWeakness.days(21, count: { $0 < 7 ? 4 : 8 }, weakness: 0)
        #expect(reading(risingNoWeakness, .countsRisingWithWeakness) == nil)
        #expect(reading(risingNoWeakness, .stableCourse) == nil)
        var risingWithWeakness = PatientBuilder()
        risingWithWeakness.days(21, count: { $0 < 7 ? 4 : 8 }, weakness: 1)
        #expect(reading(risingWithWeakness, .countsRisingWithWeakness)?.why == "counts rising from 4.0 to 8.0 a day, with weakness")
    }

    @Test func ageBandBoundaries() {
        for (age, inBand, below) in [(39, false, true), (40, true, false), (70, true, false), (71, false, false)] {
            var patient = PatientBuilder()
            patient.demographics = aged(age)
            patient.days(3)
            _ = inBand  // age within the band is context, never a signal for ALS (SPEC §6.3)
            #expect((reading(patient, .ageBelowALSBand) != nil) == below, "age \(age)")
        }
        var unknown = PatientBuilder()
        unknown.days(3)
        #expect(reading(unknown, .ageBelowALSBand) == nil)
    }

    @Test func sensoryAndMotorSymptomsAreReadApart() {
        var numb = PatientBuilder()
        numb.days(10, symptoms: [SymptomID.numbness, SymptomID.tingling])
        #expect(reading(numb, .sensorySymptoms)?.why == "numbness, tingling recorded")
        #expect(reading(numb, .motorSymptoms) == nil)
        var weak = PatientBuilder()
        weak.days(10, weakness: 1)
        #expect(reading(weak, .motorSymptoms)?.why == "weakness recorded")
        #expect(reading(weak, .sensorySymptoms) == nil)
    }

    @Test func spreadingAndWidespreadAreExclusive() {
        var focal = PatientBuilder()
        focal.days(7, regions: [("thumb", "upper limb")])
        focal.days(7, from: 7, regions: [("forearm", "upper limb")])
        #expect(reading(focal, .spreading) != nil)
        #expect(reading(focal, .widespreadFromStart) == nil)
        // Widespread from the first week: a new spot in a group already twitching is migration.
        var widespread = PatientBuilder()
        widespread.days(7, regions: [("calf", "lower limb"), ("upper arm", "upper limb")])
        widespread.days(7, from: 7, regions: [("thigh", "lower limb")])
        #expect(reading(widespread, .spreading) == nil)
        #expect(reading(widespread, .widespreadFromStart) != nil)
        // A new group after the first week is spreading whatever came before (SPEC §6).
        var newGroup = widespread
        newGroup.days(3, from: 14, regions: [("back", "trunk")])
        #expect(reading(newGroup, .spreading) != nil)
        #expect(reading(newGroup, .widespreadFromStart) == nil)
        var one = PatientBuilder()
        one.days(14, regions: [("calf", "lower limb")])
        #expect(reading(one, .singleSpot)?.why == "one spot (calf) on every entry")
    }

    @Test func eyelidSignalsOnlyWithEyelidTwitching() {
        var calf = PatientBuilder()
        calf.days(20, regions: [("calf", "lower limb")], symptoms: [SymptomID.vision])
        #expect(reading(calf, .eyelidOnly) == nil)
        #expect(reading(calf, .centralSymptoms) == nil)
        #expect(reading(calf, .eyelidPersistent) == nil)
        var eyelid = PatientBuilder()
        eyelid.days(14, regions: [("eyelid", "cranial/bulbar")], symptoms: [SymptomID.fatigue])
        #expect(reading(eyelid, .eyelidBrief)?.why == "eyelid twitching over 14 days")
        #expect(reading(eyelid, .eyelidOnly) != nil)
        #expect(reading(eyelid, .centralSymptoms) == nil)  // fatigue alone does not speak for MS
        var longer = PatientBuilder()
        longer.days(15, regions: [("eyelid", "cranial/bulbar")], symptoms: [SymptomID.fatigue, SymptomID.vision])
        #expect(reading(longer, .eyelidPersistent)?.why == "eyelid twitching over 15 days")
        #expect(reading(longer, .centralSymptoms)?.why == "vision problems, fatigue recorded with eyelid twitching")
    }

    @Test func triggersAreReadFromLinkedCorrelationsOnly() {
        var stress = PatientBuilder()
        for day in 0..<12 { stress.days(1, from: day, count: { _ in day % 2 == 0 ? 12 : 4 }, stress: day % 2 == 0 ? 8 : 2) }
        #expect(reading(stress, .stressLinked) != nil)
        #expect(reading(stress, .triggerLinked) == nil)
        var allStress = PatientBuilder()
        allStress.days(12, stress: 8)  // exposed every day: nothing to compare
        #expect(reading(allStress, .stressLinked) == nil)
        var heat = PatientBuilder()
        for day in 0..<12 {
            heat.days(1, from: day, count: { _ in day % 2 == 0 ? 12 : 4 }, regions: [("eyelid", "cranial/bulbar")])
            if day % 2 == 0 { heat.journal[day].triggers = [TriggerID.heat] }
        }
        #expect(reading(heat, .heatLinked)?.why == "more twitching on heat days (12.0 a day against 4.0)")
    }
}
