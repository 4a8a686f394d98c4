import Foundation
import Testing
import TriageKnowledge
import TriageModel

/// What the loader requires of the vocabulary is derived from the typed ids: every ``SymptomID``
/// constant the code names is required, so a constant added and not listed fails here.
@Suite struct KnowledgeRequirementsTests {
    /// The raw values of the `static let` constants declared in `SymptomID`'s blocks (the type
    /// and its extensions) of `ClinicalIDs.swift`, read from the source.
    static func declaredSymptomIDs() throws -> [String] {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/TriageKnowledge/ClinicalIDs.swift")
        let text = try String(contentsOf: file, encoding: .utf8)
        var inside = false
        var found: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if !inside {
                inside = !line.hasPrefix(" ") && (line.contains("SymptomID") || line.contains("Tag == SymptomTag")) && line.hasSuffix("{")
                continue
            }
            if line == "}" {
                inside = false
                continue
            }
            guard line.contains("static let "), let open = line.firstIndex(of: "\"") else { continue }
            let rest = line[line.index(after: open)...]
            guard let close = rest.firstIndex(of: "\"") else { continue }
            found.append(String(rest[..<close]))
        }
        return found
    }

    @Test func everySymptomConstantIsRequired() throws {
        let declared = try Self.declaredSymptomIDs()
        #expect(declared.count >= 40)
        let named = SymptomID.named.map(\.rawValue)
        #expect(declared.filter { !named.contains($0) } == [])
        #expect(named.count == Set(named).count)
    }

    @Test func aMissingRequiredSymptomIsRefused() throws {
        let copy = try BrokenKnowledge()
        try copy.replace("vocabulary.json", "\"id\": \"palpitations\"", with: "\"id\": \"palpitations-gone\"")
        #expect(copy.loadError() == #"vocabulary.json: symptoms has no row "palpitations""#)
    }
}
