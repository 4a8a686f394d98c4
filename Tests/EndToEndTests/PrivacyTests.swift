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
        ]
    }

    @Test(arguments: ["trace", "debug", "info", "warning", "error"])
    func theSentinelNeverReachesStderrOrLogs(level: String) throws {
        let root = try BinaryRunner.temporaryFolder()
        let input = root.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        for (name, text) in Self.inputs() { try Data(text.utf8).write(to: input.appendingPathComponent(name)) }
        let output = root.appendingPathComponent("out")
        let batch = try BinaryRunner.run(["batch", input.path, "--out", output.path, "--as-of", "2026-11-20", "--no-sync", "--log-level", level])
        #expect(batch.status == 65)
        #expect(!batch.stderr.contains(Self.sentinel), "stderr at \(level): \(batch.stderr)")
        #expect(!batch.stdout.contains(Self.sentinel))
        #expect(batch.stderr.contains("journal.csv:"))

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
