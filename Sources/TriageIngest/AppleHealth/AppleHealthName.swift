import TriageModel

/// The names an Apple Health export uses that the reader acts on (SPEC §3.9).
enum AppleHealthName {
    /// Elements directly inside `HealthData`.
    enum Element: Sendable {
        case record, workout, me, exportDate, correlation, activitySummary
    }

    /// Attributes of `Record`, `Workout` and `Me`.
    enum Attribute: Sendable {
        case type, unit, value, startDate, endDate, duration, durationUnit, dateOfBirth, biologicalSex
    }

    /// The record types read; every other type is skipped and counted.
    enum RecordType: Sendable {
        case caffeine, water, sleep, exerciseTime, mindful
    }

    /// The sleep values read as asleep (iOS 16 and later split asleep into stages); in bed
    /// and awake are not sleep.
    enum SleepValue: Sendable {
        case asleep, notAsleep
    }

    static let elements = XMLNameTable<Element>([
        "Record": .record, "Workout": .workout, "Me": .me, "ExportDate": .exportDate,
        "Correlation": .correlation, "ActivitySummary": .activitySummary,
    ])

    static let attributes = XMLNameTable<Attribute>([
        "type": .type, "unit": .unit, "value": .value, "startDate": .startDate, "endDate": .endDate,
        "duration": .duration, "durationUnit": .durationUnit,
        "HKCharacteristicTypeIdentifierDateOfBirth": .dateOfBirth,
        "HKCharacteristicTypeIdentifierBiologicalSex": .biologicalSex,
    ])

    static let recordTypes = AppleHealthValueTable<RecordType>([
        "HKQuantityTypeIdentifierDietaryCaffeine": .caffeine,
        "HKQuantityTypeIdentifierDietaryWater": .water,
        "HKCategoryTypeIdentifierSleepAnalysis": .sleep,
        "HKQuantityTypeIdentifierAppleExerciseTime": .exerciseTime,
        "HKCategoryTypeIdentifierMindfulSession": .mindful,
    ])

    static let sleepValues = AppleHealthValueTable<SleepValue>([
        "HKCategoryValueSleepAnalysisAsleep": .asleep,
        "HKCategoryValueSleepAnalysisAsleepUnspecified": .asleep,
        "HKCategoryValueSleepAnalysisAsleepCore": .asleep,
        "HKCategoryValueSleepAnalysisAsleepDeep": .asleep,
        "HKCategoryValueSleepAnalysisAsleepREM": .asleep,
        "HKCategoryValueSleepAnalysisInBed": .notAsleep,
        "HKCategoryValueSleepAnalysisAwake": .notAsleep,
    ])

    /// Litres per unit of a water record; nil for a unit not read. `fl_oz_us` is the US
    /// customary fluid ounce, exactly 29.5735295625 mL by definition.
    static func litres(perUnit unit: UnsafeBufferPointer<UInt8>) -> Double? {
        if XMLBytes.equalsIgnoringCase(unit, "mL") { return 0.001 }
        if XMLBytes.equalsIgnoringCase(unit, "L") { return 1 }
        if XMLBytes.equalsIgnoringCase(unit, "cL") { return 0.01 }
        if XMLBytes.equalsIgnoringCase(unit, "fl_oz_us") { return 0.029_573_529_562_5 }
        return nil
    }

    /// Milligrams per unit of a caffeine record; nil for a unit not read.
    static func milligrams(perUnit unit: UnsafeBufferPointer<UInt8>) -> Double? {
        if XMLBytes.equalsIgnoringCase(unit, "mg") { return 1 }
        if XMLBytes.equalsIgnoringCase(unit, "g") { return 1000 }
        if XMLBytes.equalsIgnoringCase(unit, "mcg") { return 0.001 }
        return nil
    }

    /// Minutes per unit of an exercise time or a workout duration; nil for a unit not read.
    static func minutes(perUnit unit: UnsafeBufferPointer<UInt8>) -> Double? {
        if XMLBytes.equalsIgnoringCase(unit, "min") { return 1 }
        if XMLBytes.equalsIgnoringCase(unit, "s") { return 1.0 / 60 }
        if XMLBytes.equalsIgnoringCase(unit, "hr") || XMLBytes.equalsIgnoringCase(unit, "h") { return 60 }
        return nil
    }

    /// A biological sex value: nil for not set or unknown words.
    static func sex(_ value: UnsafeBufferPointer<UInt8>) -> PatientDemographics.Sex? {
        let text = XMLBytes.trimmed(value)
        if XMLBytes.equalsIgnoringCase(text, "HKBiologicalSexFemale") { return .female }
        if XMLBytes.equalsIgnoringCase(text, "HKBiologicalSexMale") { return .male }
        if XMLBytes.equalsIgnoringCase(text, "HKBiologicalSexOther") { return .other }
        return nil
    }
}
