import Foundation
import Testing

/// A sentinel in every field of every input kind: absent from stderr and logs at every log
/// level, present only inside the reports, which are owner-only (SPEC §10).
///
/// Fields are the values of rows, elements and attributes. Column, element and attribute
/// *names* are the export's schema, not patient data, and messages name unknown ones so a
/// clinic's IT person can fix the export; a file whose first row is not a real header is
/// refused without quoting it (so a data row mistaken for a header never reaches stderr).
@Suite struct PrivacyTests {
    static let sentinel = "ZQXSENTINEL"
    /// In the exchange files' names, addresses and other identifiers (SSN, driver's licence):
    /// never read, so it must appear in no output at all, reports and run.json included.
    static let nameSentinel = "QZXNAMESENT"

    /// Inputs of every kind with the sentinel in every field: as a value's suffix where the field
    /// must still parse for the row to be read, and alone where a bad value exercises the error
    /// paths (bad dates, numbers, units, sides, tests).
    static func inputs() -> [String: String] {
        let s = sentinel
        return [
            "journal.csv": """
            patient_id,date,location,side,twitch_count,duration_min,at_rest,triggers,symptoms,weakness,caffeine_mg,sleep_hours,stress,alcohol_units,water_l,exercise,medications,notes
            P-\(s),2026-10-01,left calf \(s),left,4,2,yes,caffeine;\(s),tingling;\(s),0,200,7,3,0,2,light,\(s)drug,note \(s)
            P-\(s),2026-10-02,\(s),\(s),3,1,no,\(s),\(s),1,100,6,4,0,2,\(s),prednisone,"quoted \(s), with comma"
            P-\(s),\(s),calf,left,2,1,no,,,0,100,6,4,0,2,none,,\(s)
            P-\(s),2026-10-04,calf,left,\(s),1,no,,,0,100,6,4,0,2,none,,\(s)
            P-\(s),2026-10-05,calf,left,2,1,\(s),,,9\(s),100,6,4,0,2,none,,\(s)

            """,
            "journal.xml": """
            <symptomJournal version="1">
              <patient id="X-\(s)" birthDate="1980-01-01" sex="female" displayName="Name \(s)"/>
              <entry date="2026-10-01" time="07:30">
                <twitch location="eyelid \(s)" count="5" durationMin="2" atRest="true" side="\(s)"/>
                <symptom name="\(s)" severity="1" location="hand \(s)"/>
                <trigger>\(s)</trigger>
                <lifestyle caffeineMg="300" sleepHours="5.5" stress="7" exercise="\(s)"/>
                <medication>\(s)</medication>
                <note>after \(s)</note>
                <unknownElement>text \(s)</unknownElement>
              </entry>
              <entry date="\(s)"><twitch location="eyelid" count="\(s)"/></entry>
            </symptomJournal>

            """,
            "labs.csv": """
            patient_id,collected_at,test,loinc,value,unit,ref_low,ref_high,flag,lab
            P-\(s),2026-10-02,magnesium \(s),19123-9,1.5,mg/dL,1.7,2.2,L,Lab \(s)
            P-\(s),2026-10-02,\(s),\(s),1.5,mg/dL,,,\(s),Lab
            P-\(s),2026-10-02,potassium,2823-3,\(s),mmol/L,,,,
            P-\(s),2026-10-02,potassium,2823-3,4.0,\(s),,,,
            P-\(s),\(s),potassium,2823-3,4.0,mmol/L,,,,

            """,
            "labs.xml": """
            <labResults version="1">
              <result patient="X-\(s)" collected="2026-10-02T08:10:00Z" test="vitamin B12 \(s)" loinc="2132-9" unit="pg/mL" low="200" high="900" lab="\(s)">150</result>
              <result patient="X-\(s)" collected="2026-10-02T08:10:00Z" test="\(s)" unit="\(s)">\(s)</result>
            </labResults>

            """,
            "patients.csv": """
            patient_id,birth_date,sex,display_name
            P-\(s),1975-03-04,male,Name \(s)
            P-\(s),\(s),\(s),Other \(s)

            """,
        ].merging(exchangeInputs()) { first, _ in first }
    }

    /// The exchange formats (SPEC §3.9), with the sentinel in names, addresses, other
    /// identifiers, values, units and dates.
    static func exchangeInputs() -> [String: String] {
        let s = sentinel
        let n = nameSentinel
        return [
            "bundle.json": """
            {"resourceType":"Bundle","type":"collection","entry":[
             {"fullUrl":"urn:uuid:\(s)","resource":{"resourceType":"Patient","id":"\(s)",
              "identifier":[{"system":"ssn","value":"SSN-\(n)"},{"type":{"coding":[{"code":"MR"}]},"value":"P-\(s)"}],
              "name":[{"family":"\(n)","given":["\(n)"]}],"address":[{"line":["\(n) street"]}],"telecom":[{"value":"\(n)"}],
              "gender":"\(s)","birthDate":"\(s)"}},
             {"resource":{"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"19123-9","display":"\(s)"}]},
              "subject":{"reference":"urn:uuid:\(s)","display":"\(n)"},"effectiveDateTime":"2026-10-03","valueQuantity":{"value":1.6,"unit":"\(s)","code":"mg/dL"},
              "note":[{"text":"\(s)"}]}},
             {"resource":{"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"2823-3"}]},
              "subject":{"reference":"urn:uuid:\(s)"},"effectiveDateTime":"\(s)","valueString":"\(s)"}},
             {"resource":{"resourceType":"Observation","code":{"coding":[{"system":"http://loinc.org","code":"2823-3"}]},
              "subject":{"reference":"urn:uuid:\(s)"},"issued":"2026-10-03","valueString":"\(s)"}},
             {"resource":{"resourceType":"Observation","code":{"coding":[{"system":"http://loinc.org","code":"2823-3"}]},
              "subject":{"reference":"Patient/\(s)-unresolved"},"issued":"2026-10-03","valueQuantity":{"value":4,"unit":"\(s)"}}}
            ]}

            """,
            "results.ndjson": """
            {"resourceType":"Observation","code":{"coding":[{"system":"http://loinc.org","code":"2951-2"}]},"subject":{"reference":"Patient/X-\(s)"},"issued":"2026-10-03","valueQuantity":{"value":140,"unit":"\(s)"}}
            {"resourceType":"Observation","code":\(s)
            {"resourceType":"Patient","name":[{"text":"\(n)"}],"identifier":[{"value":"X-\(s)"}],"gender":"female"}

            """,
            "observation.xml": """
            <Observation xmlns="http://hl7.org/fhir"><text><status value="generated"/><div xmlns="http://www.w3.org/1999/xhtml">\(s)</div></text>
            <code><coding><system value="http://loinc.org"/><code value="3016-3"/><display value="\(s)"/></coding></code>
            <subject><reference value="Patient/X-\(s)"/><display value="\(n)"/></subject><issued value="\(s)"/>
            <valueQuantity><value value="\(s)"/><unit value="mIU/L"/></valueQuantity></Observation>

            """,
            "document.xml": """
            <ClinicalDocument xmlns="urn:hl7-org:v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
            <recordTarget><patientRole><id extension="X-\(s)"/><id extension="SSN-\(n)"/><addr><streetAddressLine>\(n)</streetAddressLine></addr>
            <patient><name><given>\(n)</given></name><administrativeGenderCode code="\(s)"/><birthTime value="\(s)"/></patient></patientRole></recordTarget>
            <component><structuredBody><component><section><code code="30954-2" codeSystem="2.16.840.1.113883.6.1"/><text>\(s)</text>
            <entry><organizer><effectiveTime value="20261003"/><component><observation><code code="2132-9" codeSystem="2.16.840.1.113883.6.1" displayName="\(s)"/>
            <value xsi:type="PQ" value="\(s)" unit="pg/mL"/></observation></component><component><observation><code code="2132-9" codeSystem="2.16.840.1.113883.6.1"/>
            <value xsi:type="ST">\(s)</value></observation></component><component><observation><code code="2132-9" codeSystem="2.16.840.1.113883.6.1"/>
            <effectiveTime value="\(s)"/><value xsi:type="PQ" value="300" unit="pg/mL"/><interpretationCode code="\(s)"/></observation></component></organizer></entry>
            </section></component></structuredBody></component></ClinicalDocument>

            """,
            "messages.hl7": [
                #"MSH|^~\&|LAB \#(s)|HOSP|EHR|CLINIC|20261002091500||ORU^R01|\#(s)|P|2.5.1"#,
                #"PID|1||SSN-\#(n)^^^SSA^SS~P-\#(s)^^^HOSP^MR||\#(n)^\#(n)||\#(s)|\#(s)|||\#(n) street^^\#(n)"#,
                #"OBR|1||\#(s)|24323-8^\#(s)^LN|||20261002081000"#,
                #"OBX|1|NM|2823-3^\#(s)^LN||3.6|mmol/L|3.5-5.1|\#(s)|||F"#,
                #"OBX|2|NM|2823-3^\#(s)^LN||\#(s)|mmol/L|\#(s)||||F"#,
                #"OBX|3|NM|2823-3^K^LN||3.9|mmol/L|||||\#(s)"#,
                #"OBX|4|SN|2823-3^K^LN||\#(s)^1|mmol/L|||||F|||\#(s)"#,
                #"MSH|^~\&|LAB|HOSP|EHR|CLINIC|20261002||\#(s)^R01|2|P|2.5"#,
                "\(s)",
            ].joined(separator: "\r") + "\r",
            "observations.csv": """
            DATE,PATIENT,ENCOUNTER,CATEGORY,CODE,DESCRIPTION,VALUE,UNITS,TYPE
            2026-10-04T08:00:00Z,P-\(s),\(s),laboratory,2947-0,\(s),139,mmol/L,numeric
            \(s),P-\(s),\(s),laboratory,2947-0,\(s),139,mmol/L,numeric
            2026-10-04T08:00:00Z,P-\(s),\(s),laboratory,2947-0,\(s),\(s),mmol/L,numeric
            2026-10-04T08:00:00Z,P-\(s),\(s),\(s),\(s),\(s),\(s),\(s),\(s)

            """,
            "synthea-patients.csv": """
            Id,BIRTHDATE,DEATHDATE,SSN,DRIVERS,PASSPORT,PREFIX,FIRST,LAST,SUFFIX,MAIDEN,MARITAL,RACE,ETHNICITY,GENDER,BIRTHPLACE,ADDRESS
            X-\(s),1981-02-03,,\(n),\(n),\(n),\(n),\(n),\(n),,,,\(s),\(s),F,\(n),\(n)
            X-\(s),\(s),,\(n),,,,,,,,,,,\(s),,

            """,
        ]
    }

    /// An Apple Health export with the sentinel in every value, unit, date and type, and the
    /// name sentinel in its source and device names, beside the journal of its one patient
    /// (so it is attached), and one over two patients (so it is skipped). The patients' ids
    /// hold no sentinel, so no output may hold one but the patient's own reports.
    static func appleHealthInputs() -> [String: String] {
        let s = sentinel
        let n = nameSentinel
        func record(_ type: String, _ value: String, unit: String = "mg", start: String = "2026-10-01 08:00:00 +0000") -> String {
            #" <Record type="\#(type)" sourceName="\#(n) iPhone" sourceVersion="\#(n)" device="&lt;\#(n)&gt;" unit="\#(unit)" creationDate="\#(s)" startDate="\#(start)" endDate="2026-10-01 09:00:00 +0000" value="\#(value)"/>"#
        }
        let export = """
            <?xml version="1.0" encoding="UTF-8"?>
            <HealthData locale="\(s)">
             <ExportDate value="\(s)"/>
             <Me HKCharacteristicTypeIdentifierDateOfBirth="\(s)" HKCharacteristicTypeIdentifierBiologicalSex="\(s)" HKCharacteristicTypeIdentifierBloodType="\(n)"/>
            \(record("HKQuantityTypeIdentifierDietaryCaffeine", "300"))
            \(record("HKQuantityTypeIdentifierDietaryCaffeine", "\(s)"))
            \(record("HKQuantityTypeIdentifierDietaryCaffeine", "300", unit: s))
            \(record("HKQuantityTypeIdentifierDietaryCaffeine", "300", start: s))
            \(record("HKCategoryTypeIdentifierSleepAnalysis", s))
            \(record("HK\(s)Type", "1"))
             <Workout workoutActivityType="\(s)" duration="\(s)" durationUnit="min" sourceName="\(n)" startDate="2026-10-01 18:00:00 +0000" endDate="2026-10-01 18:30:00 +0000"/>
             <\(s)Element name="\(n)"/>
             </Record>
            </HealthData>

            """
        return [
            "phone-patient/journal.csv": "patient_id,date,location,twitch_count\nA-PHONE,2026-10-01,calf,3\n",
            "other/journal.csv": "patient_id,date,location,twitch_count\nB-OTHER,2026-10-01,calf,3\n",
            "phone-patient/export.xml": export,
            "export.xml": export,
        ]
    }

    @Test func appleHealthNamesAndValuesNeverReachStderrLogsRunJSONOrTheWorklist() throws {
        let root = try BinaryRunner.temporaryFolder()
        let input = root.appendingPathComponent("in")
        for (path, text) in Self.appleHealthInputs() {
            let url = input.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let output = root.appendingPathComponent("out")
        let batch = try BinaryRunner.run([
            "batch", input.path, "--out", output.path, "--as-of", "2026-11-20", "--no-sync", "--log-level", "trace",
        ])
        #expect(batch.status == 65)
        #expect(batch.stderr.contains("phone-patient/export.xml:"), "\(batch.stderr)")
        #expect(batch.stderr.contains("export.xml: Apple Health export names no patient"))
        #expect(!batch.stderr.contains(Self.sentinel), "stderr: \(batch.stderr)")
        #expect(!batch.stderr.contains(Self.nameSentinel) && !batch.stdout.contains(Self.nameSentinel))
        let everything = FileManager.default.enumerator(atPath: output.path)?.allObjects as? [String] ?? []
        for path in everything {
            guard let data = FileManager.default.contents(atPath: output.appendingPathComponent(path).path) else { continue }
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains(Self.nameSentinel), "\(path) holds a source or device name")
            if path.hasSuffix("run.json") || path.hasPrefix("worklist") || path.hasPrefix(".twitch-triage") {
                #expect(!text.contains(Self.sentinel), "\(path) holds a value")
            }
        }
        #expect(everything.contains { $0.hasSuffix("run.json") })
        #expect(everything.contains { $0.hasPrefix("worklist") })
        let report = try BinaryRunner.run(["report", input.appendingPathComponent("phone-patient").path, "--as-of", "2026-11-20"])
        #expect(!report.stderr.contains(Self.sentinel) && !report.stderr.contains(Self.nameSentinel), "\(report.stderr)")
        #expect(!report.stdout.contains(Self.nameSentinel))
    }

    @Test(arguments: ["trace", "debug", "info", "warning", "error"])
    func theSentinelNeverReachesStderrOrLogs(level: String) throws {
        let root = try BinaryRunner.temporaryFolder()
        let input = root.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        for (name, text) in Self.inputs() { try Data(text.utf8).write(to: input.appendingPathComponent(name)) }
        let output = root.appendingPathComponent("out")
        let batch = try BinaryRunner.run([
            "batch", input.path, "--out", output.path, "--as-of", "2026-11-20", "--no-sync", "--log-level", level,
        ])
        #expect(batch.status == 65)
        #expect(!batch.stderr.contains(Self.sentinel), "stderr at \(level): \(batch.stderr)")
        #expect(!batch.stdout.contains(Self.sentinel))
        #expect(batch.stderr.contains("journal.csv:"))

        #expect(!batch.stderr.contains(Self.nameSentinel) && !batch.stdout.contains(Self.nameSentinel))
        let everything = FileManager.default.enumerator(atPath: output.path)?.allObjects as? [String] ?? []
        for path in everything {
            guard let data = FileManager.default.contents(atPath: output.appendingPathComponent(path).path) else { continue }
            #expect(!String(decoding: data, as: UTF8.self).contains(Self.nameSentinel), "\(path) holds a name or address")
        }
        #expect(everything.contains { $0.hasSuffix("run.json") })

        let reports = try BatchFixture.snapshot(output)
        let inside = reports.filter { String(decoding: $0.value, as: UTF8.self).contains(Self.sentinel) }
        #expect(!inside.isEmpty, "the sentinel should be inside the reports")
        for path in reports.keys {
            let attributes = try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent(path).path)
            #expect((attributes[.posixPermissions] as? Int) == 0o600, "\(path) is not 0600")
        }
        // The ledger lives with the reports and is owner-only too.
        let ledger = try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent(".twitch-triage").path)
        #expect((ledger[.posixPermissions] as? Int) == 0o700)

        for patient in ["P-\(Self.sentinel)", "X-\(Self.sentinel)"] {
            let report = try BinaryRunner.run(["report", input.path, "--patient", patient, "--as-of", "2026-11-20"])
            #expect(report.status == 65)
            #expect(!report.stderr.contains(Self.sentinel), "report stderr: \(report.stderr)")
            #expect(report.stdout.contains(Self.sentinel))
        }
    }
}
