import Foundation
import Testing

/// `--code-map FILE` (SPEC §3.10, issue 19) through the real binary: a bad map refused with
/// `file:line` messages, a good one used by `report` and `batch`, left out of discovery inside
/// the input folder, recorded in `run.json`, and reused by `verify`.
@Suite struct CodeMapCommandTests {
    private let hl7 =
        "\u{FEFF}MSH|^~\\&|LIS|LAB|TT|CLINIC|20261110||ORU^R01|1|P|2.3\r\nPID|1||E900^^^C^MR\r\nOBR|1|||CHEM^Chem^L|||20261109083000\r\nOBX|1|NM|K1^POT^L||2.9|mmol/L|3.5-5.1|L|||F\r\n"
    private let journal = "patient_id,date,location,twitch_count,weakness\nE900,2026-11-08,left calf,4,0\nE900,2026-11-09,left calf,5,0\n"

    private func folder(map: String) throws -> URL {
        let folder = try BinaryRunner.temporaryFolder()
        try hl7.write(to: folder.appendingPathComponent("lab.hl7"), atomically: true, encoding: .utf8)
        try journal.write(to: folder.appendingPathComponent("journal.csv"), atomically: true, encoding: .utf8)
        try map.write(to: folder.appendingPathComponent("code-map.csv"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test func aBadMapIsRefusedWithEveryProblem() throws {
        let input = try folder(map: "system,code,analyte,unit\nL,K1,potasium,mmol/L\nL,K2,potassium,mg/dL\n")
        let map = input.appendingPathComponent("code-map.csv").path
        let output = try BinaryRunner.run(["report", input.path, "--as-of", "2026-11-20", "--code-map", map])
        #expect(output.status == 78)
        #expect(
            output.stderr == """
                \(map):2:6: analyte 'potasium' is not an analyte id of the knowledge (twitch-triage knowledge lists them); code map not used
                \(map):3:16: unit 'mg/dL' does not fit potassium (mmol/L or mEq/L); code map not used

                """)
    }

    @Test func batchUsesTheMapRecordsItAndVerifyReusesIt() throws {
        let input = try folder(map: "system,code,analyte,unit\nL,K1,potassium,mmol/L\n")
        let out = try BinaryRunner.temporaryFolder().appendingPathComponent("reports")
        let batch = try BinaryRunner.run([
            "batch", input.path, "--out", out.path, "--as-of", "2026-11-20", "--no-sync",
            "--code-map", input.appendingPathComponent("code-map.csv").path,
        ])
        #expect(batch.status == 0)
        let referral = try String(contentsOf: out.appendingPathComponent("E900/referral.json"), encoding: .utf8)
        #expect(referral.contains("\"analyte\" : \"potassium\"") || referral.contains("\"analyte\": \"potassium\""))
        let run = try String(contentsOf: out.appendingPathComponent("run.json"), encoding: .utf8)
        #expect(run.contains("code-map.csv"))
        #expect(!run.contains("not an input"))
        let verify = try BinaryRunner.run(["verify", input.path, out.path])
        #expect(verify.status == 0)
    }

    @Test func withoutTheFlagTheMapIsNotAnInput() throws {
        let input = try folder(map: "system,code,analyte,unit\nL,K1,potassium,mmol/L\n")
        let output = try BinaryRunner.run(["report", input.path, "--as-of", "2026-11-20"])
        #expect(
            output.stderr.contains(
                "code-map.csv:1: a code map (system,code,analyte,unit), not an input: give it with --code-map; file skipped"))
    }
}
