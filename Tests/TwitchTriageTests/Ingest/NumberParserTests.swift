import Testing
import TriageIngest
import TriageModel

@Suite struct NumberParserTests {
    @Test(arguments: [
        ("1.5", 1.5), ("-3.25", -3.25), ("+0.25", 0.25), (".5", 0.5), ("12", 12.0), (" 7 ", 7.0),
        ("0.1", 0.1), ("123456789012345678", 123456789012345678.0), ("0.30000000000000004", 0.30000000000000004),
    ])
    func parsesDecimals(input: String, expected: Double) {
        #expect(NumberParser.parse(input) == expected)
    }

    @Test(arguments: ["", "abc", "1.2.3", "1e5", "1,5", "nan", "-", ".", "1 000"])
    func refusesOthers(input: String) {
        #expect(NumberParser.parse(input) == nil)
    }

    /// Found by FuzzNumberParser: 400 digits read as infinity through the slow path.
    @Test func refusesNumbersTooLargeForADouble() {
        let huge = String(repeating: "9", count: 400)
        #expect(NumberParser.parse(huge) == nil)
        #expect(NumberParser.parse(huge + ",5", decimalComma: true) == nil)
        #expect(LabValue.parse(">" + huge) == nil)
        #expect(NumberParser.parse(String(repeating: "9", count: 300)) == 1e300)
    }

    @Test func decimalCommaOnlyWhenAllowed() {
        #expect(NumberParser.parse("1,9", decimalComma: true) == 1.9)
        #expect(NumberParser.parse("1,9") == nil)
        #expect(NumberParser.parse("1,9,1", decimalComma: true) == nil)
    }

    @Test func censoredLabValues() {
        #expect(LabValue.parse("<5") == LabValue(5, comparator: .lessThan))
        #expect(LabValue.parse("> 1500") == LabValue(1500, comparator: .greaterThan))
        #expect(LabValue.parse("≤0,5", decimalComma: true) == LabValue(0.5, comparator: .lessThanOrEqual))
        #expect(LabValue.parse(">=2") == LabValue(2, comparator: .greaterThanOrEqual))
        #expect(LabValue.parse("1.5")?.description == "1.5")
        #expect(LabValue.parse("<-1") == nil)
        #expect(LabValue.parse("<") == nil)
    }
}
