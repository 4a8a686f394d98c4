/// A synthetic Apple Health `export.xml` for the reader benchmark: the shape of a real export
/// (an internal DTD, `Me`, then records sorted by type as the phone writes them, long `device`
/// attributes with escaped `<`, `MetadataEntry` children on some), with the mix of a phone and
/// a watch worn for years: mostly heart rate, steps, energy and distance (which the reader
/// skips and counts), and per day a few caffeine and water records, the night's asleep stages
/// with awake spells and in-bed time, exercise minutes, a workout on some days and a mindful
/// session on others.
enum AppleHealthWriter {
    static let header = """
    <?xml version="1.0" encoding="UTF-8"?>
    <!DOCTYPE HealthData [
    <!-- HealthKit Export Version: 13 -->
    <!ELEMENT HealthData (ExportDate,Me,(Record|Correlation|Workout|ActivitySummary|ClinicalRecord)*)>
    <!ATTLIST HealthData
      locale CDATA #REQUIRED
    >
    <!ELEMENT ExportDate EMPTY>
    <!ATTLIST ExportDate
      value CDATA #REQUIRED
    >
    <!ELEMENT Me EMPTY>
    <!ATTLIST Me
      HKCharacteristicTypeIdentifierDateOfBirth         CDATA #REQUIRED
      HKCharacteristicTypeIdentifierBiologicalSex       CDATA #REQUIRED
      HKCharacteristicTypeIdentifierBloodType           CDATA #REQUIRED
      HKCharacteristicTypeIdentifierFitzpatrickSkinType CDATA #REQUIRED
    >
    <!ELEMENT Record ((MetadataEntry|HeartRateVariabilityMetadataList)*)>
    <!ATTLIST Record
      type          CDATA #REQUIRED
      unit          CDATA #IMPLIED
      value         CDATA #IMPLIED
      sourceName    CDATA #REQUIRED
      sourceVersion CDATA #IMPLIED
      device        CDATA #IMPLIED
      creationDate  CDATA #IMPLIED
      startDate     CDATA #REQUIRED
      endDate       CDATA #REQUIRED
    >
    <!ELEMENT MetadataEntry EMPTY>
    <!ATTLIST MetadataEntry
      key   CDATA #REQUIRED
      value CDATA #REQUIRED
    >
    ]>
    <HealthData locale="en_GB">
     <ExportDate value="2026-11-19 07:40:12 +0100"/>
     <Me HKCharacteristicTypeIdentifierDateOfBirth="1990-05-04" HKCharacteristicTypeIdentifierBiologicalSex="HKBiologicalSexFemale" HKCharacteristicTypeIdentifierBloodType="HKBloodTypeNotSet" HKCharacteristicTypeIdentifierFitzpatrickSkinType="HKFitzpatrickSkinTypeNotSet"/>

    """

    static let watch = "&lt;&lt;HKDevice: 0x283f4b2a0&gt;, name:Apple Watch, manufacturer:Apple Inc., model:Watch, hardware:Watch6,2, software:10.1&gt;"
    static let phone = "&lt;&lt;HKDevice: 0x283f4b5c0&gt;, name:iPhone, manufacturer:Apple Inc., model:iPhone, hardware:iPhone14,2, software:17.1&gt;"

    /// Appends `YYYY-MM-DD HH:MM:SS +0100` for `minute` minutes after midnight of `day`.
    static func stamp(_ day: Int, _ minute: Int, into out: inout ByteBuffer) {
        out.date(day + minute / 1440)
        out.byte(0x20)
        out.time(minute % 1440)
        out.text(":00 +0100")
    }

    static func record(_ type: String, source: String, device: String?, unit: String?, day: Int, start: Int, end: Int,
                       value: String, into out: inout ByteBuffer) {
        out.text(" <Record type=\""); out.text(type)
        out.text("\" sourceName=\""); out.text(source)
        out.text("\" sourceVersion=\"10.1\"")
        if let device { out.text(" device=\""); out.text(device); out.text("\"") }
        if let unit { out.text(" unit=\""); out.text(unit); out.text("\"") }
        out.text(" creationDate=\""); stamp(day, end, into: &out)
        out.text("\" startDate=\""); stamp(day, start, into: &out)
        out.text("\" endDate=\""); stamp(day, end, into: &out)
        out.text("\" value=\""); out.text(value); out.text("\"/>\n")
    }

    /// Writes the export to `path`, at least `target` bytes: days from 2016-01-01 on, each
    /// day's records in the order of the types (as an export sorts them), a block of days at a
    /// time.
    static func write(to path: String, bytes target: Int, seed: UInt64) {
        let appender = Output.Appender(path: path)
        appender.buffer.text(header)
        var day = Calendar.day(2016, 1, 1)
        var rng = SplitMix64(seed: seed, stream: 0xA991E)
        while appender.size < target {
            for d in day..<(day + 30) {
                // heart rate every ~5 minutes awake, steps and energy every ~10 minutes
                for minute in stride(from: 7 * 60, to: 23 * 60, by: 5) {
                    record("HKQuantityTypeIdentifierHeartRate", source: "Apple Watch", device: watch, unit: "count/min", day: d,
                           start: minute, end: minute, value: String(rng.int(55...110)), into: &appender.buffer)
                }
                for minute in stride(from: 7 * 60, to: 23 * 60, by: 10) {
                    record("HKQuantityTypeIdentifierStepCount", source: "iPhone", device: phone, unit: "count", day: d,
                           start: minute, end: minute + 9, value: String(rng.int(0...900)), into: &appender.buffer)
                    record("HKQuantityTypeIdentifierActiveEnergyBurned", source: "Apple Watch", device: watch, unit: "kcal", day: d,
                           start: minute, end: minute + 9, value: String(rng.int(1...60)), into: &appender.buffer)
                    record("HKQuantityTypeIdentifierDistanceWalkingRunning", source: "iPhone", device: phone, unit: "km", day: d,
                           start: minute, end: minute + 9, value: "0.\(rng.int(0...700))", into: &appender.buffer)
                }
                for cup in 0..<rng.int(1...4) {
                    let t = (7 + 3 * cup) * 60
                    record("HKQuantityTypeIdentifierDietaryCaffeine", source: "Coffee Log", device: nil, unit: "mg", day: d,
                           start: t, end: t, value: String(rng.pick([63, 95, 120])), into: &appender.buffer)
                }
                for glass in 0..<4 {
                    let t = (9 + 3 * glass) * 60
                    record("HKQuantityTypeIdentifierDietaryWater", source: "WaterMinder", device: nil, unit: "mL", day: d,
                           start: t, end: t, value: String(rng.pick([250, 330, 500])), into: &appender.buffer)
                }
                // the night before: in bed, core, awake, deep, REM
                let bed = -60 + rng.int(0...90)
                let wake = 6 * 60 + rng.int(0...120)
                let sleep = "HKCategoryTypeIdentifierSleepAnalysis"
                record(sleep, source: "Apple Watch", device: watch, unit: nil, day: d, start: bed, end: wake,
                       value: "HKCategoryValueSleepAnalysisInBed", into: &appender.buffer)
                var t = bed + 10
                while t < wake - 30 {
                    let stage = rng.pick(["HKCategoryValueSleepAnalysisAsleepCore", "HKCategoryValueSleepAnalysisAsleepDeep",
                                          "HKCategoryValueSleepAnalysisAsleepREM", "HKCategoryValueSleepAnalysisAwake"])
                    let length = rng.int(10...60)
                    record(sleep, source: "Apple Watch", device: watch, unit: nil, day: d, start: t, end: min(t + length, wake),
                           value: stage, into: &appender.buffer)
                    t += length
                }
                record("HKQuantityTypeIdentifierAppleExerciseTime", source: "Apple Watch", device: watch, unit: "min", day: d,
                       start: 18 * 60, end: 18 * 60 + 1, value: String(rng.int(0...70)), into: &appender.buffer)
                if rng.chance(0.3) {
                    record("HKCategoryTypeIdentifierMindfulSession", source: "Calm", device: nil, unit: nil, day: d,
                           start: 21 * 60, end: 21 * 60 + 10, value: "", into: &appender.buffer)
                }
                if rng.chance(0.25) {
                    appender.buffer.text(" <Workout workoutActivityType=\"HKWorkoutActivityTypeRunning\" duration=\"")
                    appender.buffer.text(String(rng.int(20...70)))
                    appender.buffer.text("\" durationUnit=\"min\" sourceName=\"Apple Watch\" sourceVersion=\"10.1\" device=\"")
                    appender.buffer.text(watch)
                    appender.buffer.text("\" creationDate=\""); stamp(d, 19 * 60, into: &appender.buffer)
                    appender.buffer.text("\" startDate=\""); stamp(d, 18 * 60, into: &appender.buffer)
                    appender.buffer.text("\" endDate=\""); stamp(d, 19 * 60, into: &appender.buffer)
                    appender.buffer.text("\">\n  <MetadataEntry key=\"HKIndoorWorkout\" value=\"0\"/>\n </Workout>\n")
                }
                appender.flushIfLarge()
            }
            day += 30
        }
        appender.buffer.text("</HealthData>\n")
        appender.close()
    }
}

extension DropGenerator {
    /// Writes a synthetic Apple Health export of at least `bytes` bytes to `path`.
    public static func writeAppleHealthExport(bytes target: Int, seed: UInt64, path: String) {
        AppleHealthWriter.write(to: path, bytes: target, seed: seed)
    }
}
