import Testing
import TriageModel

/// The Apple Health reader (SPEC §3.9) on hand-made exports: what is read into which day,
/// what is skipped and counted, and the exact message for each bad record.
@Suite struct AppleHealthReaderTests {
    private let caffeine = "HKQuantityTypeIdentifierDietaryCaffeine"
    private let water = "HKQuantityTypeIdentifierDietaryWater"
    private let exercise = "HKQuantityTypeIdentifierAppleExerciseTime"
    private let mindful = "HKCategoryTypeIdentifierMindfulSession"

    @Test func rootIsReadAsAnAppleHealthExport() throws {
        let result = try #require(AppleHealthTest.read(AppleHealthTest.export("")))
        #expect(result.kind == .appleHealth)
        #expect(result.phone?.days == [])
        #expect(result.phone?.patientID == nil)
        #expect(result.journal.isEmpty && result.labs.isEmpty && result.demographics.isEmpty)
        #expect(result.diagnostics.isEmpty)
    }

    @Test func meGivesBirthDateAndSexButNoPatient() throws {
        let me =
            #"<Me HKCharacteristicTypeIdentifierDateOfBirth="1980-02-03" HKCharacteristicTypeIdentifierBiologicalSex="HKBiologicalSexFemale" HKCharacteristicTypeIdentifierBloodType="HKBloodTypeNotSet"/>"#
        let result = try #require(AppleHealthTest.read(AppleHealthTest.export("", me: me)))
        #expect(result.phone?.birthDate == LocalDate(year: 1980, month: 2, day: 3))
        #expect(result.phone?.sex == .female)
        #expect(result.phone?.meSource == SourceLocation(file: "P1/export.xml", line: 7, column: 2))
        #expect(result.demographics.isEmpty)  // no patient until attached
    }

    /// A night from 23:10 to 06:00 belongs to the day it ends; a second app's record of the
    /// same night (23:30 to 06:30) overlaps it and is merged, not added.
    @Test func sleepIsSummedPerNightIntoTheDayItEndsWithOverlapsMerged() throws {
        let body = [
            AppleHealthTest.sleep("2026-10-31 23:10:00 +0100", "2026-11-01 06:00:00 +0100", source: "Watch"),
            AppleHealthTest.sleep("2026-10-31 23:30:00 +0100", "2026-11-01 06:30:00 +0100", source: "Pillow"),
            AppleHealthTest.sleep("2026-10-31 23:00:00 +0100", "2026-11-01 07:00:00 +0100", value: "HKCategoryValueSleepAnalysisInBed"),
        ].joined(separator: "\n")
        let result = try #require(AppleHealthTest.read(AppleHealthTest.export(body)))
        #expect(AppleHealthTest.days(result) == ["2026-11-01 sleep=7.333"])
        #expect(result.phone?.days.first?.lifestyle.phoneSources[.sleep] == SourceLocation(file: "P1/export.xml", line: 8, column: 2))
    }

    /// iOS 16 writes stages, with awake spells between them: only the asleep stages count,
    /// the night is not split by the gaps, and a stage that ends before midnight still
    /// belongs to the night that ends the next morning.
    @Test func sleepStagesAcrossMidnightAreOneNight() throws {
        let body = [
            AppleHealthTest.sleep(
                "2026-11-01 22:50:00 +0000", "2026-11-01 23:40:00 +0000", value: "HKCategoryValueSleepAnalysisAsleepCore"),
            AppleHealthTest.sleep("2026-11-01 23:40:00 +0000", "2026-11-01 23:55:00 +0000", value: "HKCategoryValueSleepAnalysisAwake"),
            AppleHealthTest.sleep(
                "2026-11-01 23:55:00 +0000", "2026-11-02 01:25:00 +0000", value: "HKCategoryValueSleepAnalysisAsleepDeep"),
            AppleHealthTest.sleep("2026-11-02 01:25:00 +0000", "2026-11-02 03:00:00 +0000", value: "HKCategoryValueSleepAnalysisAsleepREM"),
            AppleHealthTest.sleep(
                "2026-11-02 03:30:00 +0000", "2026-11-02 06:00:00 +0000", value: "HKCategoryValueSleepAnalysisAsleepUnspecified"),
            // An afternoon nap, far from either night: its own period, on the day it ends.
            AppleHealthTest.sleep("2026-11-02 14:00:00 +0000", "2026-11-02 14:30:00 +0000"),
            // The next night, written in another offset (the patient travelled).
            AppleHealthTest.sleep("2026-11-02 23:00:00 -0500", "2026-11-03 05:00:00 -0500"),
        ].joined(separator: "\n")
        let result = try #require(AppleHealthTest.read(AppleHealthTest.export(body)))
        // 50 min + 90 + 95 + 150 = 385 min = 6.417 h, and the 30 min nap: 6.917 h on the 2nd.
        #expect(AppleHealthTest.days(result) == ["2026-11-02 sleep=6.917", "2026-11-03 sleep=6"])
        #expect(
            ExchangeTest.messages(result) == [
                "P1/export.xml: Apple Health export: 1 sleep record in bed or awake not read (only caffeine, water, asleep time, exercise time, workouts, mindful sessions and Me are); skipped, counted here"
            ])
    }

    /// Asleep records that add up to more than a day for one day cannot all be true: that
    /// day's sleep is left out, with one warning; the other days are kept.
    @Test func sleepOverTwentyFourHoursInADayIsLeftOut() throws {
        let body = [
            AppleHealthTest.sleep("2026-11-01 00:00:00 +0000", "2026-11-02 06:00:00 +0000"),
            AppleHealthTest.sleep("2026-11-02 23:00:00 +0000", "2026-11-03 07:00:00 +0000"),
        ].joined(separator: "\n")
        let result = try #require(AppleHealthTest.read(AppleHealthTest.export(body)))
        #expect(AppleHealthTest.days(result) == ["2026-11-03 sleep=8"])
        #expect(
            ExchangeTest.messages(result) == [
                "P1/export.xml:8:2: Apple Health asleep records add up to more than 24 hours for one day; that day's sleep left out"
            ])
    }

    /// The local day is the day in the record's own offset, not in UTC.
    @Test func aRecordsDayIsItsLocalDay() throws {
        let body = [
            AppleHealthTest.record(caffeine, "2026-11-02 00:30:00 +0200", "2026-11-02 00:30:00 +0200", value: "80", unit: "mg"),
            AppleHealthTest.record(caffeine, "2026-11-01 23:30:00 -0500", "2026-11-01 23:30:00 -0500", value: "120", unit: "mg"),
            AppleHealthTest.record(caffeine, "2026-11-02 09:00:00 +0200", "2026-11-02 09:00:00 +0200", value: "0.1", unit: "g"),
        ].joined(separator: "\n")
        let result = try #require(AppleHealthTest.read(AppleHealthTest.export(body)))
        #expect(AppleHealthTest.days(result) == ["2026-11-01 caffeine=120", "2026-11-02 caffeine=180"])
    }

    @Test func waterIsConvertedToLitres() throws {
        let body = [
            AppleHealthTest.record(water, "2026-11-01 08:00:00 +0000", "2026-11-01 08:00:00 +0000", value: "750", unit: "mL"),
            AppleHealthTest.record(water, "2026-11-01 12:00:00 +0000", "2026-11-01 12:00:00 +0000", value: "0.5", unit: "L"),
            AppleHealthTest.record(water, "2026-11-02 12:00:00 +0000", "2026-11-02 12:00:00 +0000", value: "25", unit: "cL"),
            AppleHealthTest.record(water, "2026-11-03 12:00:00 +0000", "2026-11-03 12:00:00 +0000", value: "16", unit: "fl_oz_us"),
            AppleHealthTest.record(water, "2026-11-03 13:00:00 +0000", "2026-11-03 13:00:00 +0000", value: "2", unit: "cup_us"),
        ].joined(separator: "\n")
        let result = try #require(AppleHealthTest.read(AppleHealthTest.export(body)))
        #expect(AppleHealthTest.days(result) == ["2026-11-01 water=1.25", "2026-11-02 water=0.25", "2026-11-03 water=0.473"])
        #expect(
            ExchangeTest.messages(result) == [
                "P1/export.xml:12:2: Apple Health water record unit is not mL, cL, L or fl_oz_us; record skipped"
            ])
    }

    /// Exercise minutes: the larger of the day's exercise time and its workouts (the watch
    /// counts a workout in its exercise time); mindful minutes from the sessions' spans.
    @Test func exerciseAndMindfulMinutesPerDay() throws {
        let body = [
            AppleHealthTest.record(exercise, "2026-11-01 07:00:00 +0000", "2026-11-01 07:01:00 +0000", value: "20", unit: "min"),
            AppleHealthTest.record(exercise, "2026-11-01 18:00:00 +0000", "2026-11-01 18:01:00 +0000", value: "15", unit: "min"),
            #" <Workout workoutActivityType="HKWorkoutActivityTypeRunning" duration="30" durationUnit="min" sourceName="Watch" startDate="2026-11-01 18:00:00 +0000" endDate="2026-11-01 18:30:00 +0000"/>"#,
            #" <Workout workoutActivityType="HKWorkoutActivityTypeCycling" duration="0.75" durationUnit="hr" sourceName="Bike" startDate="2026-11-02 18:00:00 +0000" endDate="2026-11-02 18:45:00 +0000">"#,
            #"  <WorkoutEvent type="HKWorkoutEventTypePause" date="2026-11-02 18:10:00 +0000"/>"#,
            " </Workout>",
            AppleHealthTest.record(mindful, "2026-11-02 21:00:00 +0000", "2026-11-02 21:10:00 +0000", value: "", source: "Calm"),
            AppleHealthTest.record(mindful, "2026-11-02 22:00:00 +0000", "2026-11-02 22:05:30 +0000", value: "", source: "Calm"),
        ].joined(separator: "\n")
        let result = try #require(AppleHealthTest.read(AppleHealthTest.export(body)))
        #expect(AppleHealthTest.days(result) == ["2026-11-01 exercise=35", "2026-11-02 exercise=45 mindful=15.5"])
        #expect(ExchangeTest.messages(result).isEmpty)
    }

    @Test func everythingElseIsSkippedAndCountedOnce() throws {
        let body = [
            AppleHealthTest.record(
                "HKQuantityTypeIdentifierStepCount", "2026-11-01 07:00:00 +0000", "2026-11-01 07:01:00 +0000", value: "20", unit: "count"),
            AppleHealthTest.record(
                "HKQuantityTypeIdentifierStepCount", "2026-11-01 08:00:00 +0000", "2026-11-01 08:01:00 +0000", value: "20", unit: "count"),
            AppleHealthTest.record(
                "HKQuantityTypeIdentifierHeartRate", "2026-11-01 08:00:00 +0000", "2026-11-01 08:01:00 +0000", value: "60",
                unit: "count/min"),
            AppleHealthTest.record(
                "HKQuantityTypeIdentifierStepCount", "2026-11-01 09:00:00 +0000", "2026-11-01 09:01:00 +0000", value: "20", unit: "count"),
            #" <Correlation type="HKCorrelationTypeIdentifierFood" sourceName="Food" startDate="2026-11-01 08:00:00 +0000" endDate="2026-11-01 08:00:00 +0000">"#,
            AppleHealthTest.record(caffeine, "2026-11-01 08:00:00 +0000", "2026-11-01 08:00:00 +0000", value: "95", unit: "mg"),
            " </Correlation>",
            #" <ActivitySummary dateComponents="2026-11-01" appleExerciseTime="12"/>"#,
            #" <ClinicalRecord type="HKClinicalTypeIdentifierLabResultRecord" sourceName="Clinic" fhirVersion="4.0.1"/>"#,
        ].joined(separator: "\n")
        let result = try #require(AppleHealthTest.read(AppleHealthTest.export(body)))
        // The caffeine inside the correlation is a copy of a top-level record: never read there.
        #expect(AppleHealthTest.days(result) == [])
        #expect(
            ExchangeTest.messages(result) == [
                "P1/export.xml: Apple Health export: 4 records of 2 other types, 1 correlation, 1 activity summary, 1 other element not read (only caffeine, water, asleep time, exercise time, workouts, mindful sessions and Me are); skipped, counted here"
            ])
    }

    @Test func badRecordsAreSkippedWithOneMessagePerReason() throws {
        let body = [
            AppleHealthTest.record(caffeine, "2026-11-01", "2026-11-01 08:00:00 +0000", value: "95", unit: "mg"),
            AppleHealthTest.record(caffeine, "01/11/2026 08:00", "2026-11-01 08:00:00 +0000", value: "95", unit: "mg"),
            AppleHealthTest.record(caffeine, "2026-11-01 08:00:00 +0000", "2026-11-01 08:00:00 +0000", value: "-5", unit: "mg"),
            AppleHealthTest.record(caffeine, "2026-11-01 08:00:00 +0000", "2026-11-01 08:00:00 +0000", value: "95", unit: "cups"),
            AppleHealthTest.sleep("2026-11-02 07:00:00 +0000", "2026-11-01 23:00:00 +0000"),
            AppleHealthTest.sleep("2026-11-01 23:00:00 +0000", "2026-11-02 07:00:00 +0000", value: "1"),
            AppleHealthTest.record(caffeine, "2026-11-01 08:00:00 +0000", "2026-11-01 08:00:00 +0000", value: "95", unit: "mg"),
        ].joined(separator: "\n")
        let result = try #require(AppleHealthTest.read(AppleHealthTest.export(body)))
        #expect(AppleHealthTest.days(result) == ["2026-11-01 caffeine=95"])
        #expect(
            ExchangeTest.messages(result) == [
                "P1/export.xml:8:2: Apple Health record startDate is not a date-time (YYYY-MM-DD HH:MM:SS ±HHMM); 2 records skipped (the first here)",
                "P1/export.xml:10:2: Apple Health record value is not a number of at least 0; record skipped",
                "P1/export.xml:11:2: Apple Health caffeine record unit is not mg, g or mcg; record skipped",
                "P1/export.xml:12:2: Apple Health record ends before it starts; record skipped",
                "P1/export.xml:13:2: Apple Health sleep record value is not a known sleep analysis value; record skipped",
            ])
    }

    /// Not well-formed part-way: the days before the error are kept, and the export is marked
    /// cut short where it broke.
    @Test func anExportCutShortKeepsWhatCameBefore() throws {
        let body = [
            AppleHealthTest.record(caffeine, "2026-11-01 08:00:00 +0000", "2026-11-01 08:00:00 +0000", value: "95", unit: "mg"),
            " </Record>",
            AppleHealthTest.record(caffeine, "2026-11-02 08:00:00 +0000", "2026-11-02 08:00:00 +0000", value: "95", unit: "mg"),
        ].joined(separator: "\n")
        let result = try #require(AppleHealthTest.read(AppleHealthTest.export(body)))
        #expect(AppleHealthTest.days(result) == ["2026-11-01 caffeine=95"])
        #expect(result.phone?.cutShortAt == SourceLocation(file: "P1/export.xml", line: 9, column: 11))
        #expect(!result.rejected)
        #expect(
            ExchangeTest.messages(result) == [
                "P1/export.xml:9:11: XML is not well-formed (Opening and ending tag mismatch); Apple Health export cut short here: rest of file skipped, what came before it kept (3 elements seen, 1 record read)"
            ])
    }
}
