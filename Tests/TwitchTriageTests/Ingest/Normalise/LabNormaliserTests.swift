import Testing
import TriageKnowledge
import TriageModel
import TriageNormalise

@Suite struct LabNormaliserTests {
    private static let asOf = LocalDate(year: 2026, month: 11, day: 20)!
    private let normaliser = Normaliser(knowledge: try! Knowledge.bundled, asOf: LabNormaliserTests.asOf)

    private func record(
        test: String? = "magnesium", loinc: String? = nil, value: String, unit: String,
        low: Double? = nil, high: Double? = nil, flag: String? = nil,
        collected: LocalDate = LabNormaliserTests.asOf
    ) -> LabRecord {
        let row = SourceLocation(file: "labs.csv", line: 7)
        var record = LabRecord(
            source: row, patientID: "P001", collected: Timestamp(date: collected),
            testName: test.map { Term($0, at: row.at(column: 3)) },
            loinc: loinc.map { Term($0, at: row.at(column: 4)) },
            value: LabValue.parse(value)!, valueLocation: row.at(column: 5),
            unit: Term(unit, at: row.at(column: 6)))
        record.referenceLow = low
        record.referenceHigh = high
        record.flag = flag.map { Term($0, at: row.at(column: 9)) }
        return record
    }

    private func normalise(_ record: LabRecord) -> (LabResult?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let result = normaliser.labResult(from: record, diagnostics: &diagnostics)
        return (result, diagnostics)
    }

    private func status(_ id: String, _ value: String, _ unit: String, low: Double? = nil, high: Double? = nil) -> LabResult.Status? {
        normalise(record(test: id, value: value, unit: unit, low: low, high: high)).0?.status
    }

    // MARK: conversion and what is kept

    @Test func convertsToTheCanonicalUnitAndKeepsWhatWasReported() throws {
        let (result, diagnostics) = normalise(record(loinc: "19123-9", value: "1.5", unit: "mg/dL", low: 1.7, high: 2.2))
        let lab = try #require(result)
        #expect(diagnostics.isEmpty)
        #expect(lab.analyte == "magnesium")
        #expect(lab.loinc == "19123-9")
        #expect(lab.reported == .init(value: LabValue(1.5), unit: "mg/dL"))
        #expect(lab.canonical == .init(value: LabValue(0.62), unit: "mmol/L"))
        #expect(lab.reference == .init(low: 0.70, high: 0.91, unit: "mmol/L", origin: .reported))
        #expect(lab.status == .low)
        #expect(lab.stale == false)
        #expect(lab.patientID == "P001")
    }

    @Test func theDefaultRangeIsUsedWhenTheRowHasNone() throws {
        let lab = try #require(normalise(record(test: "Calcium", value: "9.0", unit: "mg/dL")).0)
        #expect(lab.canonical.value == LabValue(2.25))
        #expect(lab.reference == .init(low: 2.12, high: 2.55, unit: "mmol/L", origin: .knowledgeDefault))
        #expect(lab.status == .normal)
    }

    @Test func theRowsOwnRangeWinsOverTheDefault() {
        // 0.95 mmol/L is above the default (0.70-0.91) but inside this lab's 0.7-1.0.
        #expect(status("magnesium", "0.95", "mmol/L") == .high)
        #expect(status("magnesium", "0.95", "mmol/L", low: 0.7, high: 1.0) == .normal)
    }

    // MARK: classification at, below and above each limit

    @Test(arguments: [
        ("3.6", LabResult.Status.low), ("3.7", .normal), ("4.2", .normal), ("5.2", .normal), ("5.3", .high),
        ("2.9", .low), ("2.8", .criticalLow), ("2.5", .criticalLow), ("6.1", .high), ("6.2", .criticalHigh), ("7", .criticalHigh),
    ])
    func potassiumLimits(value: String, expected: LabResult.Status) {
        #expect(status("potassium", value, "mmol/L") == expected)
    }

    // Against the default range the rounded canonical value counts (2 decimals for magnesium):
    // 1.69 mg/dL is 0.6953, which reads 0.70 mmol/L, the lower limit, so it is normal.
    @Test(arguments: [
        ("1.6", LabResult.Status.low), ("1.69", .normal), ("1.7", .normal), ("2.2", .normal), ("2.3", .high), ("1.0", .criticalLow),
        ("4.9", .criticalHigh),
    ])
    func magnesiumInMassUnitsAgainstTheDefault(value: String, expected: LabResult.Status) {
        #expect(status("magnesium", value, "mg/dL") == expected)
    }

    @Test func atTheRowsOwnLimitIsNormal() {
        #expect(status("magnesium", "1.7", "mg/dL", low: 1.7, high: 2.2) == .normal)
        #expect(status("magnesium", "2.2", "mg/dL", low: 1.7, high: 2.2) == .normal)
        #expect(status("magnesium", "1.6", "mg/dL", low: 1.7, high: 2.2) == .low)
        #expect(status("magnesium", "2.21", "mg/dL", low: 1.7, high: 2.2) == .high)
    }

    @Test func criticalLimitsAlwaysComeFromTheKnowledge() {
        // The row's range is absurdly wide; 2.5 mmol/L potassium is still critical.
        #expect(status("potassium", "2.5", "mmol/L", low: 1.0, high: 9.0) == .criticalLow)
        #expect(status("sodium", "158", "mEq/L") == .criticalHigh)
        #expect(status("sodium", "121", "mEq/L") == .low)
        #expect(status("sodium", "120", "mEq/L") == .criticalLow)
    }

    @Test func vitaminsHaveNoCriticalLimits() {
        #expect(status("vitaminB12", "50", "pg/mL") == .low)
        #expect(status("vitaminB12", "200", "pg/mL") == .normal)
        #expect(status("vitaminD", "20", "ng/mL") == .normal)
        #expect(status("vitaminD", "19.9", "ng/mL") == .low)
        #expect(status("vitaminD", "5", "ng/mL") == .low)
    }

    @Test func hba1cHasOnlyAnUpperLimit() {
        #expect(status("hba1c", "5.6", "%") == .normal)
        #expect(status("hba1c", "5.7", "%") == .high)
        #expect(status("hba1c", "48", "mmol/mol") == .high)
        #expect(status("hba1c", "38", "mmol/mol") == .normal)
        #expect(status("hba1c", "<5.0", "%") == .normal)
    }

    // MARK: censored values

    @Test func censoredValuesAreClassifiedByTheirBound() throws {
        // B12 lower limit 148 pmol/L: "<5" is surely below it.
        let low = try #require(normalise(record(test: "B12", value: "<5", unit: "pmol/L")).0)
        #expect(low.status == .low)
        #expect(low.canonical.value == LabValue(5, comparator: .lessThan))
        // A lower limit of 2: "<5" could be 1 (low) or 4 (normal).
        #expect(status("vitaminB12", "<5", "pmol/L", low: 2, high: 10) == .unclassified)
        // "<=2" against a lower limit of 2 could be exactly 2, which is normal.
        #expect(status("vitaminB12", "<=2", "pmol/L", low: 2, high: 10) == .unclassified)
        #expect(status("vitaminB12", "<2", "pmol/L", low: 2, high: 10) == .low)
        // Mirror: ">1500" pg/mL B12 is above 664 pmol/L; ">5" with an upper limit of 10 is open.
        #expect(status("vitaminB12", ">1500", "pg/mL") == .high)
        #expect(status("vitaminB12", ">5", "pmol/L", low: 2, high: 10) == .unclassified)
        #expect(status("vitaminB12", ">=10", "pmol/L", low: 2, high: 10) == .unclassified)
        #expect(status("vitaminB12", ">10", "pmol/L", low: 2, high: 10) == .high)
    }

    @Test func censoredValuesBeyondACriticalLimitAreCritical() {
        #expect(status("potassium", "<2.5", "mmol/L") == .criticalLow)
        #expect(status("potassium", "<3.0", "mmol/L") == .low)
        #expect(status("potassium", ">7", "mmol/L") == .criticalHigh)
        #expect(status("glucose", ">600", "mg/dL") == .criticalHigh)
    }

    // MARK: stale

    @Test func staleAfterOneHundredAndEightyDays() throws {
        let day180 = Self.asOf.adding(days: -180)
        let day181 = Self.asOf.adding(days: -181)
        #expect(try #require(normalise(record(value: "0.8", unit: "mmol/L", collected: day180)).0).stale == false)
        #expect(try #require(normalise(record(value: "0.8", unit: "mmol/L", collected: day181)).0).stale == true)
    }

    // MARK: problems

    @Test func aUnitThatDoesNotFitIsARowError() {
        let (result, diagnostics) = normalise(record(test: "potassium", value: "4.2", unit: "mg/dL"))
        #expect(result == nil)
        var expected = Diagnostic.error(
            at: SourceLocation(file: "labs.csv", line: 7, column: 6),
            "unit does not fit the analyte (potassium is reported in mmol/L or mEq/L); row skipped", patientID: "P001")
        expected.misreportedAnalyte = "potassium"
        #expect(diagnostics == [expected])
        #expect(
            diagnostics.first?.description
                == "labs.csv:7:6: unit does not fit the analyte (potassium is reported in mmol/L or mEq/L); row skipped")
    }

    @Test func aMissingUnitIsARowError() {
        let (result, diagnostics) = normalise(record(test: "vitamin D", value: "30", unit: " "))
        #expect(result == nil)
        #expect(diagnostics.map(\.message) == ["no unit given (vitaminD is reported in nmol/L or ng/mL); row skipped"])
    }

    @Test func anUnknownTestIsAWarningAndNotUsed() {
        let (result, diagnostics) = normalise(record(test: "Ferritin", loinc: "2276-4", value: "80", unit: "ng/mL"))
        #expect(result == nil)
        #expect(
            diagnostics == [
                .warning(
                    at: SourceLocation(file: "labs.csv", line: 7, column: 3),
                    "test is not one of the recognised analytes; result not used", patientID: "P001")
            ])
    }

    @Test func theLOINCCodeWinsOverADisagreeingName() throws {
        let (result, diagnostics) = normalise(record(test: "calcium", loinc: "2601-3", value: "0.8", unit: "mmol/L"))
        #expect(try #require(result).analyte == "magnesium")
        #expect(
            diagnostics.map(\.message) == ["test name and LOINC code name different analytes; the LOINC code's analyte (magnesium) used"])
    }

    @Test func anUnknownCodeFallsBackToTheNameWithAWarning() throws {
        let (result, diagnostics) = normalise(record(test: "Magnesium", loinc: "99999-9", value: "0.8", unit: "mmol/L"))
        let lab = try #require(result)
        #expect(lab.analyte == "magnesium")
        #expect(lab.loinc == nil)
        #expect(diagnostics.map(\.message) == ["LOINC code is not one the knowledge tables list; matched by test name as magnesium"])
        #expect(diagnostics.first?.location.column == 4)
    }

    @Test func aNegativeValueIsARowError() {
        let (result, diagnostics) = normalise(record(value: "-1", unit: "mmol/L"))
        #expect(result == nil)
        #expect(diagnostics.map(\.message) == ["value is below zero; row skipped"])
        #expect(diagnostics.first?.severity == .error)
    }

    @Test func aRowRangeWithLowAboveHighFallsBackToTheDefault() throws {
        let (result, diagnostics) = normalise(record(value: "0.8", unit: "mmol/L", low: 1.0, high: 0.7))
        #expect(try #require(result).reference?.origin == .knowledgeDefault)
        #expect(diagnostics.map(\.message) == ["reference range low is not below high; the default range used"])
    }

    // MARK: the lab's flag

    @Test func theFlagIsKeptAndADisagreementIsAWarning() throws {
        let (agreeing, none) = normalise(record(value: "0.5", unit: "mmol/L", flag: "L"))
        #expect(try #require(agreeing).reportedFlag == "L")
        #expect(none.isEmpty)

        let (disagreeing, diagnostics) = normalise(record(value: "0.8", unit: "mmol/L", flag: "H"))
        #expect(try #require(disagreeing).status == .normal)
        #expect(
            diagnostics == [
                .warning(
                    at: SourceLocation(file: "labs.csv", line: 7, column: 9),
                    "lab flag disagrees with the reference range; computed status kept", patientID: "P001")
            ])
    }

    @Test func aPlainLowFlagAgreesWithACriticalLow() {
        #expect(normalise(record(test: "potassium", value: "2.5", unit: "mmol/L", flag: "L")).1.isEmpty)
        #expect(
            normalise(record(test: "potassium", value: "3.0", unit: "mmol/L", flag: "LL")).1.map(\.message)
                == ["lab flag disagrees with the reference range; computed status kept"])
    }

    @Test func anUnreadableFlagIsKeptWithAWarning() throws {
        let (result, diagnostics) = normalise(record(value: "0.8", unit: "mmol/L", flag: "??"))
        #expect(try #require(result).reportedFlag == "??")
        #expect(diagnostics.map(\.message) == ["unrecognised lab flag; kept as reported"])
    }

    @Test func messagesHoldNoValuesOrIDs() {
        let records = [
            record(test: "potassium", value: "4.2", unit: "mg/dL"), record(test: "Ferritin", value: "80", unit: "ng/mL"),
            record(value: "0.8", unit: "mmol/L", flag: "H"),
        ]
        for record in records {
            for diagnostic in normalise(record).1 {
                #expect(!diagnostic.message.contains("P001"))
                #expect(!diagnostic.message.contains("Ferritin"))
                #expect(!diagnostic.message.contains("4.2") && !diagnostic.message.contains("0.8"))
            }
        }
    }
}
