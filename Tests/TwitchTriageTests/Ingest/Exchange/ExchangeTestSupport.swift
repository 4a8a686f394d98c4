import Foundation
import TriageIngest
import TriageModel

/// Helpers shared by the exchange-format reader tests (FHIR, C-CDA, HL7 v2, Synthea, Apple
/// Health): files read through the real entry point, and the interop fixtures.
enum ExchangeTest {
    /// The committed copies of `shared/interop/` (`Tests/Fixtures/interop`, licences in its
    /// README), outside the test target.
    static let interopFolder: String = {
        var path = "\(#filePath)"
        for _ in 0..<4 { path = String(path[..<path.lastIndex(of: "/")!]) }
        return path + "/Fixtures/interop"
    }()

    /// Reads `text` as the file `file` through ``InputFileReader``.
    static func read(_ text: String, file: String, options: ReadOptions = ReadOptions.forTests()) -> FileReadOutcome {
        read(bytes: Array(text.utf8), file: file, options: options)
    }

    /// Reads raw bytes as the file `file`.
    static func read(bytes: [UInt8], file: String, options: ReadOptions = ReadOptions.forTests()) -> FileReadOutcome {
        bytes.withUnsafeBytes { InputFileReader.read(bytes: $0, file: file, options: options).outcome }
    }

    /// Reads the interop fixture at `path` (relative to ``interopFolder``).
    static func readFixture(_ path: String) -> FileReadOutcome {
        guard let data = FileManager.default.contents(atPath: "\(interopFolder)/\(path)") else {
            return .refused(.error(at: SourceLocation(file: path), "fixture missing"))
        }
        return read(bytes: [UInt8](data), file: path)
    }

    /// The result of a file that was read (nil when it was refused).
    static func result(_ outcome: FileReadOutcome) -> ReadResult? {
        if case .read(let result) = outcome { return result }
        return nil
    }

    /// The refusal of a file that was refused (nil when it was read).
    static func refusal(_ outcome: FileReadOutcome) -> String? {
        if case .refused(let diagnostic) = outcome { return diagnostic.description }
        return nil
    }

    /// Every diagnostic as `file:line:column: message`.
    static func messages(_ result: ReadResult?) -> [String] {
        result?.diagnostics.map(\.description) ?? []
    }

    /// A lab as a short line: `patient loinc value unit low-high flag date`.
    static func summary(_ lab: LabRecord) -> String {
        let range = "\(lab.referenceLow.map(NumberFormatting.shortest) ?? "")-\(lab.referenceHigh.map(NumberFormatting.shortest) ?? "")"
        return "\(lab.patientID) \(lab.loinc?.text ?? "-") \(lab.value) \(lab.unit.text) \(range) \(lab.flag?.text ?? "-") \(lab.collected)"
    }
}
