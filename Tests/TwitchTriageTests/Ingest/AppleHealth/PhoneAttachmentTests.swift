import Foundation
import Testing
import TriageBatch
import TriageEngine
import TriageIngest
import TriageKnowledge
import TriageModel
import TriageNormalise

/// An Apple Health export goes to the one patient whose other files are in its folder or
/// below it (SPEC §3.9); with none or several it is reported and skipped. Through
/// ``Ingestion/run(paths:options:knowledge:asOf:maxFileSize:patient:)``, the path `report`
/// takes (the batch's plan is tested end to end on the binary).
@Suite struct PhoneAttachmentTests {
    static let asOf = LocalDate(year: 2026, month: 11, day: 20)!

    static func journal(_ id: String, _ rows: [String]) -> String {
        "patient_id,date,location,twitch_count,caffeine_mg,sleep_hours\n" + rows.map { "\(id),\($0)\n" }.joined()
    }

    static let export = AppleHealthTest.export(
        [
            AppleHealthTest.record(
                "HKQuantityTypeIdentifierDietaryCaffeine", "2026-11-01 08:00:00 +0000", "2026-11-01 08:00:00 +0000", value: "300",
                unit: "mg"),
            AppleHealthTest.sleep("2026-10-31 23:00:00 +0000", "2026-11-01 05:00:00 +0000"),
        ].joined(separator: "\n"),
        me:
            #"<Me HKCharacteristicTypeIdentifierDateOfBirth="1980-02-03" HKCharacteristicTypeIdentifierBiologicalSex="HKBiologicalSexFemale"/>"#
    )

    /// Writes `files` (path → text) under a new folder and returns it.
    static func folder(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("tt-phone-\(UUID().uuidString)")
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }

    static func assemble(_ root: URL, patient: String? = nil) throws -> Ingestion.Assembly {
        try Ingestion.run(
            paths: [root.path], options: ReadOptions(knowledge: Knowledge.bundled), knowledge: Knowledge.bundled, asOf: asOf,
            patient: patient.map(PatientID.init(rawValue:)))
    }

    @Test func theOnePatientOfTheFolderGetsTheExport() throws {
        let root = try Self.folder([
            "P1/journal.csv": Self.journal("P1", ["2026-11-01,calf,3,,"]),
            "P1/export.xml": Self.export,
            "P2/journal.csv": Self.journal("P2", ["2026-11-01,calf,3,,"]),
        ])
        let assembly = try Self.assemble(root)
        #expect(assembly.unattributed.isEmpty)
        let p1 = try #require(assembly.patients.first { $0.id == "P1" })
        let p2 = try #require(assembly.patients.first { $0.id == "P2" })
        #expect(p1.phoneDays.map(\.date.description) == ["2026-11-01"])
        #expect(p1.journal.first?.lifestyle.caffeineMilligrams == 300)
        #expect(p1.journal.first?.lifestyle.origin(of: .caffeine) == .phone(SourceLocation(file: "P1/export.xml", line: 8, column: 2)))
        #expect(p1.journal.first?.lifestyle.sleepHours == 6)
        #expect(p1.demographics?.sex == .female)
        #expect(p1.demographics?.birthDate == LocalDate(year: 1980, month: 2, day: 3))
        #expect(p1.inputs.map(\.file) == ["P1/export.xml", "P1/journal.csv"])
        #expect(p2.phoneDays.isEmpty && p2.journal.first?.lifestyle.caffeineMilligrams == nil)
    }

    @Test func anExportWithNoPatientInItsFolderIsSkipped() throws {
        let root = try Self.folder([
            "P1/journal.csv": Self.journal("P1", ["2026-11-01,calf,3,,"]),
            "phones/export.xml": Self.export,
            // Below the patient's folder is not the patient's folder: a file below the export
            // would count, one above it does not.
            "P1/phone/export.xml": Self.export,
        ])
        let assembly = try Self.assemble(root)
        #expect(
            assembly.unattributed.map(\.description) == [
                "P1/phone/export.xml: Apple Health export names no patient, and no patient's file is in its folder or below it; file skipped",
                "phones/export.xml: Apple Health export names no patient, and no patient's file is in its folder or below it; file skipped",
            ])
        #expect(assembly.patients.map(\.id) == ["P1"])
        #expect(assembly.patients[0].phoneDays.isEmpty)
    }

    /// Two patients below the export's folder: never guessed, with or without `--patient`.
    @Test func anExportOverTwoPatientsIsSkipped() throws {
        let root = try Self.folder([
            "export.xml": Self.export,
            "P1/journal.csv": Self.journal("P1", ["2026-11-01,calf,3,,"]),
            "P2/journal.csv": Self.journal("P2", ["2026-11-01,calf,3,,"]),
        ])
        let expected = [
            "export.xml: Apple Health export names no patient, and the files in its folder or below it belong to 2 patients; file skipped"
        ]
        let all = try Self.assemble(root)
        #expect(all.unattributed.map(\.description) == expected)
        #expect(all.patients.allSatisfy { $0.phoneDays.isEmpty })
        let one = try Self.assemble(root, patient: "P1")
        #expect(one.unattributed.map(\.description) == expected)
        #expect(one.patients.map(\.id) == ["P1"])
        #expect(one.patients[0].phoneDays.isEmpty)
    }

    /// `report --patient` builds one patient, but the export still sees every patient's files.
    @Test func reportForOnePatientAttachesItsExport() throws {
        let root = try Self.folder([
            "labs.csv":
                "patient_id,collected_at,test,loinc,value,unit\nP1,2026-10-02,magnesium,19123-9,1.9,mg/dL\nP2,2026-10-02,magnesium,19123-9,1.9,mg/dL\n",
            "P1/journal.csv": Self.journal("P1", ["2026-11-01,calf,3,,"]),
            "P1/export.xml": Self.export,
        ])
        let one = try Self.assemble(root, patient: "P1")
        #expect(one.unattributed.isEmpty)
        #expect(one.patients.map(\.id) == ["P1"])
        #expect(one.patients[0].phoneDays.count == 1)
        let other = try Self.assemble(root, patient: "P2")
        #expect(other.patients.map(\.id) == ["P2"])
        #expect(other.patients[0].phoneDays.isEmpty)
    }

    /// A lab export beside the phone export, read for `report --patient` through a selection
    /// (other patients' rows left unread), is read whole to learn whose the phone export is:
    /// two patients, so it is skipped as the full read skips it, never given to the one chosen.
    @Test func aFileReadInPartBesideTheExportIsReadWholeToDecideWhoseItIs() throws {
        let root = try Self.folder([
            "labs.csv":
                "patient_id,collected_at,test,loinc,value,unit\nP1,2026-10-02,magnesium,19123-9,1.9,mg/dL\nP2,2026-10-02,magnesium,19123-9,1.9,mg/dL\n",
            "export.xml": Self.export,
        ])
        let expected = [
            "export.xml: Apple Health export names no patient, and the files in its folder or below it belong to 2 patients; file skipped"
        ]
        #expect(try Self.assemble(root).unattributed.map(\.description) == expected)
        let one = try Self.assemble(root, patient: "P1")
        #expect(one.unattributed.map(\.description) == expected)
        #expect(one.patients.map(\.id) == ["P1"])
        #expect(one.patients[0].phoneDays.isEmpty)
    }

    /// A cut-short export still attaches, and its patient's report says it was cut short.
    @Test func aCutShortExportIsNamedInItsPatientsReport() throws {
        let broken = AppleHealthTest.export(
            [
                AppleHealthTest.record(
                    "HKQuantityTypeIdentifierDietaryCaffeine", "2026-11-01 08:00:00 +0000", "2026-11-01 08:00:00 +0000", value: "300",
                    unit: "mg"),
                " </Record>",
            ].joined(separator: "\n"))
        let root = try Self.folder([
            "P1/journal.csv": Self.journal("P1", ["2026-11-01,calf,3,,"]),
            "P1/export.xml": broken,
        ])
        let record = try #require(try Self.assemble(root).patients.first)
        #expect(record.journal.first?.lifestyle.caffeineMilligrams == 300)
        let cutShort =
            "P1/export.xml:9:11: XML is not well-formed (Opening and ending tag mismatch); Apple Health export cut short here: rest of file skipped, what came before it kept (3 elements seen, 1 record read)"
        #expect(record.diagnostics.map(\.description) == [cutShort])
        #expect(record.diagnostics.first?.patientID == "P1")
        let referral = ReferralBuilder(knowledge: try Knowledge.bundled).referral(for: record, asOf: Self.asOf)
        #expect(referral.dataQuality.map(\.message).contains { $0.contains("Apple Health export cut short here") })
    }
}
