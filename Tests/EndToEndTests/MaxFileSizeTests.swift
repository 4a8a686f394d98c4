import Foundation
import Testing

/// `--max-file-size` end to end: a file past the limit is skipped with one line on stderr,
/// the rest of the input is still reported, and the exit code says input was lost.
@Suite struct MaxFileSizeTests {
    @Test func reportRefusesAFileOverTheLimitAndExits65() throws {
        let folder = try BinaryRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "patient_id,date,location,twitch_count\nE001,2026-10-01,right forearm,4\n"
            .write(to: folder.appendingPathComponent("small.csv"), atomically: true, encoding: .utf8)
        let header = "patient_id,date,notes\n"
        let row = "E001,2026-10-02,x\n"
        let rows = ((2 << 20) - header.utf8.count) / row.utf8.count - 1
        let padding = (2 << 20) - header.utf8.count - rows * row.utf8.count - 17
        let big = header + String(repeating: row, count: rows) + "E001,2026-10-03," + String(repeating: "x", count: padding) + "\n"
        try big.write(to: folder.appendingPathComponent("big.csv"), atomically: true, encoding: .utf8)
        let output = try BinaryRunner.run(["report", folder.path, "--max-file-size", "1", "--as-of", "2026-11-20"])
        #expect(output.status == 65)
        #expect(
            output.stderr
                == "big.csv: cannot read the file: file is 2097152 bytes, over the --max-file-size limit of 1048576 bytes; file skipped\n")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        #expect((json["patient"] as? [String: Any])?["id"] as? String == "E001")
        #expect((json["window"] as? [String: Any])?["entries"] as? Int == 1)
        let fine = try BinaryRunner.run(["report", folder.path, "--max-file-size", "2", "--as-of", "2026-11-20"])
        #expect(fine.status == 0, "\(fine.stderr)")
        #expect(fine.stderr == "")
    }
}
