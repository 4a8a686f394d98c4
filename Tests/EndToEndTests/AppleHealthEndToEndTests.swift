import Foundation
import Testing

/// Apple Health exports through the built binary (SPEC §3.9): the batch and `report` attach
/// an export to the one patient of its folder, skip the others with one line each, and the
/// patient's report says where each phone value came from and that an export was cut short.
@Suite struct AppleHealthEndToEndTests {
    static func export(_ records: [String]) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE HealthData [
        <!ELEMENT HealthData (ExportDate,Me,(Record|Correlation|Workout|ActivitySummary)*)>
        ]>
        <HealthData locale="en_GB">
         <ExportDate value="2026-11-19 10:05:13 +0000"/>
         <Me HKCharacteristicTypeIdentifierDateOfBirth="1980-02-03" HKCharacteristicTypeIdentifierBiologicalSex="HKBiologicalSexFemale"/>
        \(records.joined(separator: "\n"))
        </HealthData>

        """
    }

    static func caffeine(_ date: String, _ mg: Int) -> String {
        #" <Record type="HKQuantityTypeIdentifierDietaryCaffeine" sourceName="Coffee" unit="mg" startDate="\#(date) 08:00:00 +0100" endDate="\#(date) 08:00:00 +0100" value="\#(mg)"/>"#
    }

    /// A drop: A1 with a journal (caffeine left empty) and an export beside it; A2 with a
    /// journal and an export cut short; an export in a folder of its own; one at the top
    /// over both patients.
    static func drop() throws -> URL {
        let root = try BinaryRunner.temporaryFolder().appendingPathComponent("in")
        var journalA1 = "patient_id,date,location,twitch_count,caffeine_mg\n"
        for day in 1...8 { journalA1 += "A1,2026-11-0\(day),right calf,\(day <= 4 ? 9 : 2),\n" }
        let files: [String: String] = [
            "A1/journal.csv": journalA1,
            "A1/export.xml": export(
                (1...4).map { caffeine("2026-11-0\($0)", 400) } + (5...8).map { caffeine("2026-11-0\($0)", 20) }
                    + [caffeine("2026-11-12", 300)]),
            "A2/journal.csv": "patient_id,date,location,twitch_count\nA2,2026-11-01,left calf,2\n",
            "A2/export.xml": export([caffeine("2026-11-01", 100), " </Record>", caffeine("2026-11-02", 100)]),
            "phones/export.xml": export([caffeine("2026-11-01", 100)]),
            "export.xml": export([caffeine("2026-11-01", 100)]),
        ]
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        return root
    }

    static let skippedLines = [
        "export.xml: Apple Health export names no patient, and the files in its folder or below it belong to 2 patients; file skipped",
        "phones/export.xml: Apple Health export names no patient, and no patient's file is in its folder or below it; file skipped",
    ]

    static func phone(_ json: String) throws -> [String: Any]? {
        let document = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        return (document?["lifestyle"] as? [String: Any])?["phone"] as? [String: Any]
    }

    @Test func batchAttachesEachExportToThePatientOfItsFolder() throws {
        let input = try Self.drop()
        let output = input.deletingLastPathComponent().appendingPathComponent("out")
        let batch = try BinaryRunner.run(["batch", input.path, "--out", output.path, "--as-of", "2026-11-20", "--no-sync"])
        #expect(batch.status == 65, "\(batch.stderr)")
        for line in Self.skippedLines { #expect(batch.stderr.contains(line), "\(batch.stderr)") }

        let a1 = try String(contentsOf: output.appendingPathComponent("A1/referral.json"), encoding: .utf8)
        let phone = try #require(try Self.phone(a1))
        #expect(phone["files"] as? [String] == ["A1/export.xml"])
        #expect((phone["values"] as? [[String: Any]])?.count == 8)
        #expect(phone["phoneOnlyDays"] as? Int == 1)
        // Caffeine only the phone gave: 9 twitches a day on the 400 mg days, 2 on the others.
        #expect(
            a1.contains(
                "Twitching linked to caffeine: 9.0 twitches a day on 4 caffeine days against 2.0 on 4 other days (caffeine on 8 of these days from the phone export)."
            ))
        let markdown = try String(contentsOf: output.appendingPathComponent("A1/referral.md"), encoding: .utf8)
        #expect(
            markdown.contains(
                "From the phone export (Apple Health, A1/export.xml), where the journal left the day's value empty (the journal's own values kept): caffeine 400 mg on 2026-11-01 (line 8), 400 mg on 2026-11-02 (line 9), 400 mg on 2026-11-03 (line 10) and 5 more days."
            ))
        #expect(
            markdown.contains(
                "1 day with phone data and no journal entry: not compared with the twitching (no twitch count), never counted as days without twitching."
            ))

        let a2 = try String(contentsOf: output.appendingPathComponent("A2/referral.md"), encoding: .utf8)
        #expect(
            a2.contains(
                "Apple Health export cut short here: rest of file skipped, what came before it kept (3 elements seen, 1 record read)"))
        #expect(a2.contains("A2/export.xml"))
    }

    /// `report` over the whole drop, one patient at a time, gives that patient the same
    /// phone values as the batch did; over the patient's own folder, too.
    @Test func reportAttachesTheExportLikeTheBatch() throws {
        let input = try Self.drop()
        let whole = try BinaryRunner.run(["report", input.path, "--patient", "A1", "--as-of", "2026-11-20"])
        #expect(whole.status == 65)
        for line in Self.skippedLines { #expect(whole.stderr.contains(line), "\(whole.stderr)") }
        let phone = try #require(try Self.phone(whole.stdout))
        #expect((phone["values"] as? [[String: Any]])?.first?["file"] as? String == "A1/export.xml")
        #expect((phone["values"] as? [[String: Any]])?.first?["line"] as? Int == 8)

        let own = try BinaryRunner.run(["report", input.appendingPathComponent("A1").path, "--as-of", "2026-11-20"])
        #expect(own.status == 0, "\(own.stderr)")
        #expect(own.stderr.isEmpty)
        let ownPhone = try #require(try Self.phone(own.stdout))
        #expect((ownPhone["values"] as? [[String: Any]])?.count == 8)
        #expect((ownPhone["values"] as? [[String: Any]])?.first?["file"] as? String == "export.xml")
    }
}
