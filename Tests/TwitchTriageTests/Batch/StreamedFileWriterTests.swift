import Foundation
import Testing
import TriageBatch

/// A file written in pieces (issue 23, the batch's worklists at 100,000 patients): atomic, with
/// owner-only permissions, and left alone when its bytes are the same.
@Suite struct StreamedFileWriterTests {
    let folder: String

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("tt-streamed-\(UUID().uuidString)").path
        try AtomicFileWriter.makeDirectory(folder)
    }

    /// Writes `pieces` to `name` the way the batch writes a worklist; returns whether it wrote.
    func write(_ pieces: [String], to name: String, full: Bool = false) throws -> Bool {
        try PatientReports.writeIfChanged(to: folder + "/" + name, full: full) { sink in
            for piece in pieces {
                var text = piece
                text.withUTF8 { sink(UnsafeRawBufferPointer($0)) }
            }
        }
    }

    func modified(_ name: String) throws -> Date? {
        try FileManager.default.attributesOfItem(atPath: folder + "/" + name)[.modificationDate] as? Date
    }

    @Test func writesThePiecesInOrderWithOwnerOnlyPermissionsAndNoTemporaryFile() throws {
        #expect(try write(["one ", "", "two\n"], to: "w.md"))
        #expect(try String(contentsOfFile: folder + "/w.md", encoding: .utf8) == "one two\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["w.md"])
        #expect(try FileManager.default.attributesOfItem(atPath: folder + "/w.md")[.posixPermissions] as? Int == 0o600)
    }

    @Test func leavesAFileWithTheSameBytesAloneHoweverTheyAreCut() throws {
        #expect(try write(["abc", "def\n"], to: "w.md"))
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_000_000)], ofItemAtPath: folder + "/w.md")
        #expect(try !write(["a", "bcde", "f\n"], to: "w.md"))
        #expect(try modified("w.md") == Date(timeIntervalSince1970: 1_000_000))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["w.md"])
    }

    @Test func replacesAFileThatDiffersEndsLaterOrEndsSooner() throws {
        #expect(try write(["abcdef\n"], to: "w.md"))
        #expect(try write(["abcxef\n"], to: "w.md"))
        #expect(try String(contentsOfFile: folder + "/w.md", encoding: .utf8) == "abcxef\n")
        #expect(try write(["abcxef\n", "more\n"], to: "w.md"))
        #expect(try String(contentsOfFile: folder + "/w.md", encoding: .utf8) == "abcxef\nmore\n")
        #expect(try write(["abc"], to: "w.md"))
        #expect(try String(contentsOfFile: folder + "/w.md", encoding: .utf8) == "abc")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["w.md"])
    }

    @Test func fullRewritesTheSameBytes() throws {
        #expect(try write(["same\n"], to: "w.md"))
        #expect(try write(["same\n"], to: "w.md", full: true))
    }

    @Test func aFileInAMissingFolderFailsWithTheReason() {
        #expect(throws: AtomicFileWriter.Failure.self) { try write(["x"], to: "missing/w.md") }
    }
}
