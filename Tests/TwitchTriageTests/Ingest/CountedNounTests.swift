import Testing
import TriageIngest

/// The counts the readers' messages give once per file: one builder, singular and plural.
@Suite struct CountedNounTests {
    @Test func aRegularNounAddsAnS() {
        let result = CountedNoun("result")
        #expect(result.many == "results")
        #expect(result.counted(1) == "1 result")
        #expect(result.counted(0) == "0 results")
        #expect(result.counted(2) == "2 results")
    }

    @Test func anIrregularNounKeepsItsPlural() {
        let segment = CountedNoun("OBX", "OBX segments")
        #expect(segment.counted(1, have: "no LOINC identifier (LN); skipped") == "1 OBX has no LOINC identifier (LN); skipped")
        #expect(segment.counted(3, have: "no LOINC identifier (LN); skipped") == "3 OBX segments have no LOINC identifier (LN); skipped")
        #expect(CountedNoun("entry", "entries").counted(2) == "2 entries")
    }

    @Test func theVerbAgreesWithTheCount() {
        let row = CountedNoun("row")
        #expect(row.counted(1, are: "not of CATEGORY laboratory; skipped") == "1 row is not of CATEGORY laboratory; skipped")
        #expect(row.counted(12, are: "not of CATEGORY laboratory; skipped") == "12 rows are not of CATEGORY laboratory; skipped")
    }
}
