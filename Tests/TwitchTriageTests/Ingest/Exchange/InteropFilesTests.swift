import Testing
import TriageModel

/// Every file of `shared/interop/` (copied under `Tests/Fixtures/interop`) through the real
/// entry point: what is read, what is skipped and why.
@Suite struct InteropFilesTests {
    @Test func fhirGlucoseObservation() throws {
        let file = "hl7-fhir-r4-spec/observation-example-f001-glucose.xml"
        let result = try #require(ExchangeTest.result(ExchangeTest.readFixture(file)))
        #expect(result.kind == .fhirXML)
        // effectivePeriod.start, UCUM code over the written unit, range, interpretation H;
        // the patient from `Patient/f001`.
        #expect(result.labs.map(ExchangeTest.summary) == ["f001 15074-8 6.3 mmol/L 3.1-6.2 H 2013-04-02T09:30:10+01:00"])
        #expect(result.labs.first?.source == SourceLocation(file: file, line: 1, column: 39))
        #expect(result.diagnostics == [])
    }

    @Test func fhirGeneralHealthProfileBundle() throws {
        let file = "hl7-fhir-r4-spec/diagnosticreport-example-ghp.xml"
        let result = try #require(ExchangeTest.result(ExchangeTest.readFixture(file)))
        #expect(result.kind == .fhirXML)
        // The leaf results carry no time: they inherit it from their panel (hasMember), which
        // the DiagnosticReport names in `result`. Ionised calcium 13959-2 is never read as total.
        // Haemoglobin, MCV and albumin are analytes since issue 19; seven results of other
        // analytes carry an interpretation other than N: kept as other results (SPEC §3.10).
        #expect(
            result.labs.map(ExchangeTest.summary) == [
                "pat2 718-7 176 g/L 135-180 - 2015-08-16T06:40:17Z",
                "pat2 787-2 99 fL 80-98 H 2015-08-16T06:40:17Z",
                "pat2 2951-2 140 mmol/L 137-147 - 2015-08-16T06:40:17Z",
                "pat2 2823-3 4.2 mmol/L 3.5-5 - 2015-08-16T06:40:17Z",
                "pat2 14749-6 7.4 mmol/L 3-7.7 - 2015-08-16T06:40:17Z",
                "pat2 2000-8 2.38 mmol/L 2.25-2.65 - 2015-08-16T06:40:17Z",
                "pat2 1751-7 42 g/L 35-50 - 2015-08-16T06:40:17Z",
            ])
        #expect(!result.labs.contains { $0.loinc?.text == "13959-2" })
        #expect(
            result.otherResults.map { "\($0.result.name) \($0.result.value) \($0.result.flag)" } == [
                "Haematocrit 55 H", "Mean Cell Haemoglobin 36 H", "Neutrophils 0.9 LL", "Lymphocytes 0.9 L", "Eosinophils 0.92 HH",
                "Urate [Moles/volume] in Serum or Plasma 0.39 H",
                "Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma 54 H",
            ])
        #expect(ExchangeTest.messages(result) == ["\(file): 37 Observations have a LOINC code of no analyte twitch-triage reads; skipped"])
    }

    @Test func fhirNonLabObservationsAreCountedNotRead() throws {
        for name in ["observation-example-secondsmoke.xml", "observation-example-vomiting.xml"] {
            let file = "hl7-fhir-r4-spec/" + name
            let result = try #require(ExchangeTest.result(ExchangeTest.readFixture(file)))
            #expect(result.labs.isEmpty)
            #expect(ExchangeTest.messages(result) == ["\(file): 1 Observation has a LOINC code of no analyte twitch-triage reads; skipped"])
        }
    }

    @Test func ccdaProgressNote() throws {
        let file = "hl7-c-cda-examples/Progress_Note.xml"
        let result = try #require(ExchangeTest.result(ExchangeTest.readFixture(file)))
        #expect(result.kind == .ccda)
        // Its Results section holds a CBC and BUN (nullFlavor): haemoglobin is read (an analyte
        // since issue 19); the WBC and haematocrit flagged A are other results.
        #expect(result.labs.map(ExchangeTest.summary) == ["12345 718-7 13.2 g/dL 12-15.5 N 2013-03-11T08:30-08:00"])
        #expect(
            result.otherResults.map { "\($0.result.code ?? "-") \($0.result.value) \($0.result.unit ?? "-") \($0.result.flag)" } == [
                "777-3 123 10*9/L A", "4544-3 35.3 % A",
            ])
        #expect(
            result.demographics.map { "\($0.patientID) \($0.birthDate.map(\.description) ?? "-") \($0.sex.map(\.rawValue) ?? "-")" }
                == ["12345 1954-11-25 male"])
        #expect(
            ExchangeTest.messages(result) == ["\(file): 3 result observations have a LOINC code of no analyte twitch-triage reads; skipped"]
        )
    }

    @Test func ccdaSectionFragmentsAreRefused() {
        for name in ["Basic_Metabolic_Panel_with_Troponin_C-CDA2.1.xml", "Results_with_less_than_specific_value_C-CDA2.1.xml"] {
            let file = "hl7-c-cda-examples/" + name
            #expect(
                ExchangeTest.refusal(ExchangeTest.readFixture(file))
                    == "\(file):1:1: HL7 C-CDA section fragment (root section) has no patient (no recordTarget); file skipped")
        }
    }

    @Test func syntheaObservations() throws {
        let file = "ohdsi-dbt-synthea/observations.csv"
        let result = try #require(ExchangeTest.result(ExchangeTest.readFixture(file)))
        #expect(result.kind == .syntheaObservations)
        // 990 rows: 251 laboratory, of which 60 have an analyte's LOINC code (counted with
        // Python's csv module; 47 before issue 19 added haemoglobin, MCV and albumin).
        #expect(result.labs.count == 60)
        #expect(
            Array(result.labs.prefix(3)).map(ExchangeTest.summary) == [
                "3a2fa41c-32a1-ca99-ecd8-fdacae38fc3e 2339-0 98.7 mg/dL - - 2023-08-11T18:37:13Z",
                "3a2fa41c-32a1-ca99-ecd8-fdacae38fc3e 49765-1 9.8 mg/dL - - 2023-08-11T18:37:13Z",
                "3a2fa41c-32a1-ca99-ecd8-fdacae38fc3e 2947-0 143.5 mmol/L - - 2023-08-11T18:37:13Z",
            ])
        #expect(
            Dictionary(grouping: result.labs, by: { $0.loinc!.text }).mapValues(\.count)
                == ["2339-0": 10, "4548-4": 7, "6298-4": 10, "2947-0": 10, "49765-1": 10, "718-7": 5, "787-2": 5, "1751-7": 3])
        #expect(
            ExchangeTest.messages(result) == [
                "\(file): 739 rows are not of CATEGORY laboratory; skipped",
                "\(file): 191 laboratory rows have a CODE that is no LOINC code of an analyte twitch-triage reads; skipped",
            ])
    }

    @Test func syntheaV2HeadersAndBadRows() throws {
        let observations = """
            DATE,PATIENT,ENCOUNTER,CODE,DESCRIPTION,VALUE,UNITS,TYPE
            2019-02-01,P1,e1,2823-3,Potassium,3.2,mmol/L,numeric
            2019-02-01,P1,e1,8302-2,Body Height,170,cm,numeric
            2019-02-30,P1,e1,2823-3,Potassium,3.2,mmol/L,numeric
            2019-02-01,P1,e1,2823-3,Potassium,high,mmol/L,numeric
            """
        let result = try #require(ExchangeTest.result(ExchangeTest.read(observations, file: "o.csv")))
        #expect(result.kind == .syntheaObservations)
        #expect(result.labs.map(ExchangeTest.summary) == ["P1 2823-3 3.2 mmol/L - - 2019-02-01"])
        #expect(
            ExchangeTest.messages(result) == [
                "o.csv:4:1: DATE is not a valid date or date-time; row skipped",
                "o.csv:5:35: VALUE is not a number or a censored value like <5; row skipped",
                "o.csv: 1 laboratory row has a CODE that is no LOINC code of an analyte twitch-triage reads; skipped",
            ])
        let patients =
            "Id,BIRTHDATE,DEATHDATE,SSN,DRIVERS,PASSPORT,PREFIX,FIRST,LAST,SUFFIX,MAIDEN,MARITAL,RACE,ETHNICITY,GENDER\nP1,1990-01-02,,999-1,,,,A,B,,,,w,n,F\n"
        let people = try #require(ExchangeTest.result(ExchangeTest.read(patients, file: "p.csv")))
        #expect(people.kind == .syntheaPatients)
        #expect(people.demographics.map { "\($0.patientID) \($0.birthDate!) \($0.sex!)" } == ["P1 1990-01-02 female"])
    }

    @Test func syntheaPatients() throws {
        let file = "ohdsi-dbt-synthea/patients.csv"
        let result = try #require(ExchangeTest.result(ExchangeTest.readFixture(file)))
        #expect(result.kind == .syntheaPatients)
        #expect(result.demographics.count == 27)
        #expect(
            result.demographics.first.map { "\($0.patientID) \($0.birthDate!) \($0.sex!)" }
                == "3edac2e3-d223-6fae-d515-daf96ef6bc76 2014-10-06 male")
        #expect(result.demographics.allSatisfy { $0.displayName == nil })
        #expect(ExchangeTest.messages(result) == [])
    }
}
