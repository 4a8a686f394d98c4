import Testing
import TriageIngest
import TriageModel

@Suite struct DateParserTests {
    @Test(arguments: [
        ("2026-10-01", "2026-10-01"),
        ("2026-10-01T07:30", "2026-10-01T07:30"),
        ("2026-10-01 07:30", "2026-10-01T07:30"),
        ("2026-10-02T08:10:00Z", "2026-10-02T08:10:00Z"),
        ("2026-10-02T08:10:00.123+02:00", "2026-10-02T08:10:00+02:00"),
        ("2026-10-02T08:10-0500", "2026-10-02T08:10-05:00"),
        ("  2024-02-29 ", "2024-02-29"),
    ])
    func acceptsISOForms(input: String, expected: String) {
        #expect(DateParser.parse(input, order: nil)?.description == expected)
    }

    @Test(arguments: [
        "2026-02-29", "2026-13-01", "2026-1-01", "01-10-2026", "2026-10-01T25:00", "2026-10-01X", "", "yesterday", "2026-10-01T07:30+1500",
    ])
    func refusesInvalid(input: String) {
        #expect(DateParser.parse(input, order: nil) == nil)
    }

    @Test func slashDatesNeedAnOrder() {
        var text = "10/01/2026"
        let result = text.withUTF8 { DateParser.parse($0, order: nil) }
        #expect(result == .failure(.slashDateNeedsOrder))
        #expect(DateParser.parse("10/01/2026", order: .mdy)?.description == "2026-10-01")
        #expect(DateParser.parse("10/01/2026", order: .dmy)?.description == "2026-01-10")
        #expect(DateParser.parse("1/9/2026 07:30", order: .dmy)?.description == "2026-09-01T07:30")
        #expect(DateParser.parse("31/02/2026", order: .dmy) == nil)
    }

    @Test func dayNumbersRoundTrip() {
        let date = LocalDate(year: 2026, month: 3, day: 1)!
        #expect(date.dayNumber == 20513)
        #expect(LocalDate(dayNumber: date.dayNumber) == date)
        #expect(date.adding(days: -1).description == "2026-02-28")
        #expect(LocalDate(year: 1974, month: 5, day: 2)!.years(to: date) == 51)
    }
}
