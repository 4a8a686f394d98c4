import Foundation
import Testing
import TriageModel

@testable import TriageIngest

/// The file-size limit (`--max-file-size`) as the library applies it: a file past the limit is
/// refused before it is read, with a message that gives both sizes and names the flag.
@Suite struct FileBytesTests {
    /// A fresh folder with `big.csv`: a journal of one-line entries making exactly `size`
    /// bytes (the last entry's note pads it).
    private func journal(bytes size: Int) throws -> (folder: URL, path: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tt-filebytes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("big.csv").path
        try Data(FileBytesTests.journalText(bytes: size).utf8).write(to: URL(fileURLWithPath: path))
        return (folder, path)
    }

    /// A journal of `P001,2026-10-01,x` rows, `size` bytes long.
    static func journalText(bytes size: Int) -> String {
        let header = "patient_id,date,notes\n"
        let row = "P001,2026-10-01,x\n"
        let rows = (size - header.utf8.count) / row.utf8.count - 1
        let rest = size - header.utf8.count - rows * row.utf8.count
        return header + String(repeating: row, count: rows) + "P001,2026-10-01," + String(repeating: "x", count: rest - 17) + "\n"
    }

    @Test func fileOverTheLimitIsRefusedWithBothSizes() throws {
        let (folder, path) = try journal(bytes: 2 << 20)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: FileBytes.Failure(reason: "file is 2097152 bytes, over the --max-file-size limit of 1048576 bytes")) {
            try FileBytes(path: path, maxSize: 1 << 20)
        }
        let outcome = InputFileReader.read(
            InputDiscovery.Found(path: path, displayPath: "big.csv"), options: ReadOptions.forTests(),
            maxFileSize: 1 << 20)
        #expect(
            outcome.outcome.refusal
                == "big.csv: cannot read the file: file is 2097152 bytes, over the --max-file-size limit of 1048576 bytes; file skipped")
        #expect(outcome.input == InputFile(file: "big.csv", sha256: ""))
    }

    @Test func fileAtTheLimitIsRead() throws {
        let (folder, path) = try journal(bytes: 1 << 20)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try FileBytes(path: path, maxSize: 1 << 20)
        #expect(file.bytes.count == 1 << 20)
        let outcome = InputFileReader.read(
            InputDiscovery.Found(path: path, displayPath: "big.csv"), options: ReadOptions.forTests(),
            maxFileSize: 1 << 20)
        #expect(outcome.outcome.result?.journal.count == ((1 << 20) - 22) / 18)
        #expect(outcome.outcome.messages == [])
    }
}

/// A large file read with `fingerprinting` is hashed as it is read, on a thread of its own:
/// the same digest as hashing the bytes afterwards.
@Suite struct FileBytesFingerprintTests {
    @Test func theHashFollowingTheReadIsTheHashOfTheBytes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tt-filebytes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // Over the threshold and not a whole number of chunks.
        for size in [FingerprintThread.threshold + 12_345, 1_000, 0] {
            let path = folder.appendingPathComponent("f\(size).csv").path
            try Data(FileBytesTests.journalText(bytes: max(size, 64)).utf8.prefix(size)).write(to: URL(fileURLWithPath: path))
            let file = try FileBytes(path: path, fingerprinting: true)
            #expect(file.bytes.count == size)
            #expect(file.sha256() == InputFileReader.sha256(file.bytes))
            #expect(file.sha256() == file.sha256())
            let outcome = InputFileReader.read(InputDiscovery.Found(path: path, displayPath: "f.csv"), options: ReadOptions.forTests())
            #expect(outcome.input.sha256 == InputFileReader.sha256(file.bytes))
        }
        #expect(
            InputFileReader.sha256(UnsafeRawBufferPointer(start: nil, count: 0))
                == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }
}

@Suite struct FileBytesShrinkTests {
    /// A file truncated after it was opened is read shorter, not a crash (a mapping would SIGBUS).
    @Test func aFileCutShortIsReadAsIs() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tt-shrink-\(UUID().uuidString).csv").path
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
        let file = try FileBytes(path: path)
        #expect(file.bytes.count == 4096)
        truncate(path, 10)
        #expect(file.bytes.count == 4096)  // the copy is ours
        #expect(try FileBytes(path: path).bytes.count == 10)
    }
}
