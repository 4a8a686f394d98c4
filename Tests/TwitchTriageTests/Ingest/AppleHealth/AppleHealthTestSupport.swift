import TriageIngest
import TriageModel

/// Hand-made Apple Health exports for the reader tests.
enum AppleHealthTest {
    /// An export: the XML declaration, a short internal DTD (as real exports carry), the
    /// root, `ExportDate`, then `body` (one element a line, from line 7).
    static func export(
        _ body: String,
        me: String =
            #"<Me HKCharacteristicTypeIdentifierDateOfBirth="" HKCharacteristicTypeIdentifierBiologicalSex="HKBiologicalSexNotSet"/>"#
    ) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE HealthData [
        <!ELEMENT HealthData (ExportDate,Me,(Record|Correlation|Workout|ActivitySummary)*)>
        ]>
        <HealthData locale="en_GB">
         <ExportDate value="2026-11-19 10:05:13 +0000"/>
         \(me)
        \(body)
        </HealthData>

        """
    }

    /// A `Record` element.
    static func record(
        _ type: String, _ start: String, _ end: String, value: String, unit: String? = nil,
        source: String = "Phone"
    ) -> String {
        let unitAttribute = unit.map { #" unit="\#($0)""# } ?? ""
        return
            #" <Record type="\#(type)" sourceName="\#(source)"\#(unitAttribute) creationDate="\#(end)" startDate="\#(start)" endDate="\#(end)" value="\#(value)"/>"#
    }

    /// An asleep (or other sleep value) record.
    static func sleep(
        _ start: String, _ end: String, value: String = "HKCategoryValueSleepAnalysisAsleep",
        source: String = "Watch"
    ) -> String {
        record("HKCategoryTypeIdentifierSleepAnalysis", start, end, value: value, source: source)
    }

    /// Reads an export through the real entry point and returns its result.
    static func read(_ xml: String, file: String = "P1/export.xml") -> ReadResult? {
        ExchangeTest.result(ExchangeTest.read(xml, file: file))
    }

    /// The days as `date key=value…` lines, numbers to three decimals.
    static func days(_ result: ReadResult?) -> [String] {
        (result?.phone?.days ?? []).map { day in
            var parts = ["\(day.date)"]
            func add(_ name: String, _ value: Double?) {
                if let value { parts.append("\(name)=\(NumberFormatting.shortest(NumberFormatting.rounded(value, places: 3)))") }
            }
            add("caffeine", day.lifestyle.caffeineMilligrams)
            add("water", day.lifestyle.waterLitres)
            add("sleep", day.lifestyle.sleepHours)
            add("exercise", day.exerciseMinutes)
            add("mindful", day.mindfulMinutes)
            return parts.joined(separator: " ")
        }
    }
}
