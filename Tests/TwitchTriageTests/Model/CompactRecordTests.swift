import Testing
import TriageModel

/// The compact record model (issue 12): what the small fields keep, what they cannot hold,
/// and that locations compare and print as the path-carrying ones did.
@Suite struct CompactRecordTests {
    @Test func locationsKeepFileLineAndColumnAndPrintThem() {
        let location = TriageModel.SourceLocation(file: "labs/a.csv", line: 12, column: 7)
        #expect(location.file == "labs/a.csv")
        #expect(location.line == 12)
        #expect(location.column == 7)
        #expect(location.description == "labs/a.csv:12:7")
        #expect(TriageModel.SourceLocation(file: "labs/a.csv").description == "labs/a.csv")
        #expect(TriageModel.SourceLocation(file: "labs/a.csv", column: 3).description == "labs/a.csv")
        #expect(location.at(column: nil).description == "labs/a.csv:12")
    }

    @Test func theSamePathIsTheSameFileWhicheverWayTheLocationWasMade() {
        let id = SourceFileID("journals/p1.csv")
        #expect(TriageModel.SourceLocation(fileID: id, line: 3) == TriageModel.SourceLocation(file: "journals/p1.csv", line: 3))
        #expect(SourceFileID("journals/p1.csv") == id)
        #expect(SourceFileID("journals/p2.csv") != id)
        #expect(id.path == "journals/p1.csv")
    }

    @Test func locationsSortByPathThenLineThenColumnNotByTableOrder() {
        // "z" is named first, so its index is lower; the order is still the paths'.
        let z = TriageModel.SourceLocation(file: "compact-order/z.csv", line: 1)
        let a = TriageModel.SourceLocation(file: "compact-order/a.csv", line: 9)
        #expect(a < z)
        #expect(TriageModel.SourceLocation(file: "compact-order/a.csv") < a)
        #expect(
            TriageModel.SourceLocation(file: "compact-order/a.csv", line: 9, column: 1)
                < TriageModel.SourceLocation(file: "compact-order/a.csv", line: 9, column: 2))
    }

    @Test func linesBeyondThirtyTwoBitsAreKeptAtTheLargestAndNonPositiveOnesAreUnknown() {
        var location = TriageModel.SourceLocation(file: "big.hl7", line: 5_000_000_000, column: 0)
        #expect(location.line == Int(UInt32.max - 1))
        #expect(location.column == nil)
        location.line = -4
        #expect(location.line == nil)
    }

    @Test func timestampsKeepTheirSmallFieldsAndTheirAbsence() throws {
        let date = try #require(LocalDate(year: 2026, month: 11, day: 20))
        let full = Timestamp(date: date, timeOfDayMinutes: 23 * 60 + 59, seconds: 60, utcOffsetMinutes: -14 * 60 - 59)
        #expect(full.description == "2026-11-20T23:59:60-14:59")
        let bare = Timestamp(date: date)
        #expect(bare.timeOfDayMinutes == nil && bare.seconds == nil && bare.utcOffsetMinutes == nil)
        #expect(bare.description == "2026-11-20")
        let utc = Timestamp(date: date, timeOfDayMinutes: 0, seconds: 0, utcOffsetMinutes: 0)
        #expect(utc.description == "2026-11-20T00:00:00Z")
        #expect(bare < utc)
    }

    @Test func datesKeepEveryYearTheyAcceptAndDayNumbersStayInRange() throws {
        let first = try #require(LocalDate(year: 1, month: 1, day: 1))
        let last = try #require(LocalDate(year: 9999, month: 12, day: 31))
        #expect(LocalDate(dayNumber: first.dayNumber) == first)
        #expect(LocalDate(dayNumber: last.dayNumber) == last)
        #expect(LocalDate(dayNumber: last.dayNumber + 1) == last)
        #expect(LocalDate(dayNumber: first.dayNumber - 1) == first)
        #expect(LocalDate(year: 10000, month: 1, day: 1) == nil)
        #expect(LocalDate(iso: "2024-02-29")?.description == "2024-02-29")
    }

    @Test func labValuesKeepTheirWrittenDigits() {
        #expect(LabValue.parse("2.0")?.reportedText == "2.0")
        #expect(LabValue.parse("<5")?.reportedText == "<5")
        #expect(LabValue.parse("0.6170")?.fractionDigits == 4)
        #expect(LabValue(1.5).fractionDigits == nil)
        var value = LabValue(1.5)
        value.fractionDigits = 300
        #expect(value.fractionDigits == nil)
    }

    @Test func trimmingSpacesTrimsOnlySpacesTabsAndLineEnds() {
        #expect("mmol/L".trimmingSpaces() == "mmol/L")
        #expect("  4.1\t".trimmingSpaces() == "4.1")
        #expect("\r\n MRN 100 \r\n".trimmingSpaces() == "MRN 100")
        #expect(" \t ".trimmingSpaces() == "")
        #expect("".trimmingSpaces() == "")
        #expect(" µIU/mL ".trimmingSpaces() == "µIU/mL")
        #expect("\u{00A0}x\u{00A0}".trimmingSpaces() == "\u{00A0}x\u{00A0}")  // a no-break space is not trimmed
    }

    @Test func recordsAreCompact() {
        #expect(MemoryLayout<TriageModel.SourceLocation>.size == 12)
        #expect(MemoryLayout<LocalDate>.size == 4)
        #expect(MemoryLayout<Timestamp>.size <= 10)
        #expect(MemoryLayout<LabValue>.size <= 10)
    }
}
