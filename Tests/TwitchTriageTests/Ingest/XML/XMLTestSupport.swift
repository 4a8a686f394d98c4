import TriageIngest
import TriageModel

/// Helpers shared by the XML reader tests.
enum XMLTest {
    /// Reads `xml` as the file `file`.
    static func read(_ xml: String, file: String = "in.xml", options: ReadOptions = ReadOptions.forTests()) -> FileReadOutcome {
        read(bytes: Array(xml.utf8), file: file, options: options)
    }

    /// Reads raw bytes as the file `file`.
    static func read(bytes: [UInt8], file: String = "in.xml", options: ReadOptions = ReadOptions.forTests()) -> FileReadOutcome {
        bytes.withUnsafeBytes { XMLFileReader.read($0, file: file, options: options) }
    }

    /// The result of a file that was read (nil when it was refused).
    static func result(_ xml: String, file: String = "in.xml", options: ReadOptions = ReadOptions.forTests()) -> ReadResult? {
        if case .read(let result) = read(xml, file: file, options: options) { return result }
        return nil
    }

    /// The refusal of a file that was refused (nil when it was read).
    static func refusal(_ outcome: FileReadOutcome) -> Diagnostic? {
        if case .refused(let diagnostic) = outcome { return diagnostic }
        return nil
    }

    /// Every diagnostic as `file:line:column: message`.
    static func descriptions(_ result: ReadResult?) -> [String] {
        result?.diagnostics.map(\.description) ?? []
    }

    /// A journal document with `body` inside the root, the patient given first.
    static func journal(_ body: String, patient: String = #"<patient id="P001"/>"#) -> String {
        "<symptomJournal version=\"1\">\n\(patient)\n\(body)\n</symptomJournal>\n"
    }

    /// The contents of a file, as bytes.
    static func contents(of path: String) -> [UInt8]? {
        guard let handle = fopen(path, "rb") else { return nil }
        defer { fclose(handle) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = fread(&buffer, 1, buffer.count, handle)
            if count <= 0 { break }
            bytes += buffer[0..<count]
        }
        return bytes
    }
}

#if canImport(Glibc)
import Glibc
#endif
