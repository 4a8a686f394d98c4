import Testing
import TriageModel

@Suite struct LabCSVReaderTests {
    @Test func readsEveryColumn() throws {
        let text =
            "patient_id,collected_at,test,loinc,value,unit,ref_low,ref_high,flag,lab\n"
            + "P001,2026-10-02T08:10:00Z,\"Magnesium, serum\",19123-9,1.5,mg/dL,1.7,2.2,L,Central Lab\n"
        let result = try #require(readCSV(text, file: "labs.csv").result)
        #expect(result.kind == .labCSV)
        #expect(result.diagnostics.isEmpty)
        let lab = try #require(result.labs.first)
        #expect(lab.source == SourceLocation(file: "labs.csv", line: 2))
        #expect(lab.patientID == "P001")
        #expect(lab.collected.description == "2026-10-02T08:10:00Z")
        #expect(lab.testName == Term("Magnesium, serum", at: SourceLocation(file: "labs.csv", line: 2, column: 28)))
        #expect(lab.loinc?.text == "19123-9")
        #expect(lab.value == LabValue(1.5))
        #expect(lab.valueLocation == SourceLocation(file: "labs.csv", line: 2, column: 54))
        #expect(lab.unit.text == "mg/dL")
        #expect(lab.referenceLow == 1.7)
        #expect(lab.referenceHigh == 2.2)
        #expect(lab.flag?.text == "L")
        #expect(lab.lab == "Central Lab")
    }

    @Test func censoredValuesAndAliases() throws {
        let text = "Patient,Date,LOINC,Value,Unit\nP1,2026-10-02,2132-9,<5,pmol/L\nP1,2026-10-02,2132-9,> 1500,pmol/L\n"
        let result = try #require(readCSV(text).result)
        #expect(result.diagnostics.isEmpty)
        #expect(result.labs.map(\.value) == [LabValue(5, comparator: .lessThan), LabValue(1500, comparator: .greaterThan)])
        #expect(result.labs.first?.testName == nil)
    }

    @Test(
        arguments: [
            ("1.7-2.2", 1.7, 2.2), ("1.7 - 2.2", 1.7, 2.2), ("1.7–2.2", 1.7, 2.2), ("-2-3", -2, 3),
            ("<5", nil, 5), ("<= 5", nil, 5), ("≥40", 40, nil), (">40", 40, nil),
        ] as [(String, Double?, Double?)])
    func referenceColumn(reference: String, low: Double?, high: Double?) throws {
        let text = "patient_id,collected,test,value,unit,reference\nP1,2026-10-02,Mg,1.5,mg/dL,\(reference)\n"
        let result = try #require(readCSV(text).result)
        #expect(result.diagnostics.isEmpty)
        #expect(result.labs.first?.referenceLow == low)
        #expect(result.labs.first?.referenceHigh == high)
    }

    @Test func decimalCommasInASemicolonFile() throws {
        let text =
            "patient_id;collected_at;test;value;unit;reference\nP1;2026-10-02;Mg;0,62;mmol/L;0,7-1,0\nP1;2026-10-03;Mg;<0,5;mmol/L;0,7 - 1,0\n"
        let result = try #require(readCSV(text).result)
        #expect(result.diagnostics.isEmpty)
        #expect(result.labs.map(\.value) == [LabValue(0.62), LabValue(0.5, comparator: .lessThan)])
        #expect(result.labs.map(\.referenceLow) == [0.7, 0.7])
        #expect(result.labs.map(\.referenceHigh) == [1.0, 1.0])
    }

    @Test func explicitLimitsWinOverADisagreeingReference() {
        let text =
            "patient_id,collected_at,test,value,unit,ref_low,ref_high,reference\n"
            + "P1,2026-10-02,Mg,1.5,mg/dL,1.7,2.2,1.7-2.2\n"
            + "P1,2026-10-03,Mg,1.5,mg/dL,1.6,,1.7-2.2\n"
            + "P1,2026-10-04,Mg,1.5,mg/dL,,,1.7-2.2\n"
        let outcome = readCSV(text)
        #expect(outcome.messages == ["in.csv:3:33: reference disagrees with ref_low; ref_low used"])
        #expect(outcome.result?.diagnostics.first?.severity == .warning)
        #expect(outcome.result?.diagnostics.first?.patientID == "P1")
        #expect(outcome.result?.labs.map(\.referenceLow) == [1.7, 1.6, 1.7])
        #expect(outcome.result?.labs.map(\.referenceHigh) == [2.2, nil, 2.2])
    }

    /// Each bad-row rule of SPEC §3.2, §3.6 and §3.8.
    @Test(arguments: [
        ("P1,2026-10-02,Mg,,abc,mg/dL,,,", "in.csv:2:19: value is not a number or a censored value like <5; row skipped"),
        ("P1,2026-10-02,Mg,,,mg/dL,,,", "in.csv:2:19: value is empty; row skipped"),
        (
            "P1,2026-10-02,Mg,,\"1,5\",mg/dL,,,",
            "in.csv:2:19: value is not a number (a decimal comma is accepted only in ;-delimited files); row skipped"
        ),
        ("P1,2026-10-02,Mg,,1.5,,,,", "in.csv:2:23: unit is empty; row skipped"),
        ("P1,2026-10-02,,,1.5,mg/dL,,,", "in.csv:2:15: test and loinc are both empty; row skipped"),
        ("P1,02/10/2026,Mg,,1.5,mg/dL,,,", "in.csv:2:4: collected_at is a slash date, ambiguous without --date-order mdy|dmy; row skipped"),
        ("P1,yesterday,Mg,,1.5,mg/dL,,,", "in.csv:2:4: collected_at is not a valid date or date-time; row skipped"),
        (",2026-10-02,Mg,,1.5,mg/dL,,,", "in.csv:2:1: patient_id is empty; row skipped"),
        ("P1,2026-10-02,Mg,,1.5,mg/dL,low,,", "in.csv:2:29: ref_low is not a number; row skipped"),
        ("P1,2026-10-02,Mg,,1.5,mg/dL,2.2,1.7,", "in.csv:2:29: ref_low is above ref_high; row skipped"),
        ("P1,2026-10-02,Mg,,1.5,mg/dL,,,normal", "in.csv:2:31: reference is not a range like 1.7-2.2; row skipped"),
        ("P1,2026-10-02,Mg,,1.5,mg/dL,,,2.2-1.7", "in.csv:2:31: reference has its low limit above its high limit; row skipped"),
        ("P1,2026-10-02,Mg,,1.5,mg/dL,,", "in.csv:2:30: row has 8 fields, header has 9; row skipped"),
    ])
    func badRowIsSkipped(row: String, expected: String) throws {
        let text =
            "patient_id,collected_at,test,loinc,value,unit,ref_low,ref_high,reference\n" + row
            + "\nP9,2026-10-05,K,,4.1,mmol/L,,,\n"
        let outcome = readCSV(text)
        #expect(outcome.messages == [expected])
        #expect(outcome.result?.labs.map(\.patientID) == ["P9"])
    }

    @Test func onlyTestColumnPresentAndEmpty() {
        let outcome = readCSV("patient_id,collected_at,test,value,unit\nP1,2026-10-02,,1.5,mg/dL\n")
        #expect(outcome.messages == ["in.csv:2:15: test is empty; row skipped"])
    }
}

@Suite struct PatientCSVReaderTests {
    @Test func readsEveryColumn() throws {
        let text = "patient_id,birth_date,sex,display_name\nP001,1974-05-02,male,\"Doe, Jane\"\nP002,,F,\nP003,,,\n"
        let result = try #require(readCSV(text, file: "patients.csv").result)
        #expect(result.kind == .patientCSV)
        #expect(result.diagnostics.isEmpty)
        #expect(result.demographics.count == 3)
        let first = result.demographics[0]
        #expect(first.source == SourceLocation(file: "patients.csv", line: 2))
        #expect(first.patientID == "P001")
        #expect(first.birthDate?.description == "1974-05-02")
        #expect(first.sex == .male)
        #expect(first.displayName == "Doe, Jane")
        #expect(result.demographics[1].sex == .female)
        #expect(result.demographics[1].displayName == nil)
        #expect(result.demographics[2].birthDate == nil && result.demographics[2].sex == nil)
    }

    @Test func ageInsteadOfBirthDate() throws {
        let result = try #require(readCSV("MRN;Age;Sex\nP1;52;u\n").result)
        #expect(result.kind == .patientCSV)
        #expect(result.demographics.first?.age == 52)
        #expect(result.demographics.first?.sex == .unknown)
    }

    @Test(arguments: [
        ("P1,1974-13-02,,", "in.csv:2:4: birth_date is not a valid date; row skipped"),
        ("P1,1974-05-02T10:00,,", "in.csv:2:4: birth_date is not a valid date; row skipped"),
        ("P1,05/02/1974,,", "in.csv:2:4: birth_date is a slash date, ambiguous without --date-order mdy|dmy; row skipped"),
        ("P1,,200,", "in.csv:2:5: age must be 0-150; row skipped"),
        ("P1,,52.5,", "in.csv:2:5: age must be a whole number; row skipped"),
        ("P1,,,robot", "in.csv:2:6: sex must be female, male, other or unknown; row skipped"),
        (",,52,m", "in.csv:2:1: patient_id is empty; row skipped"),
    ])
    func badRowIsSkipped(row: String, expected: String) {
        let outcome = readCSV("patient_id,birth_date,age,sex\n" + row + "\nP9,,40,f\n")
        #expect(outcome.messages == [expected])
        #expect(outcome.result?.demographics.map(\.patientID) == ["P9"])
    }
}
