import Foundation
import Testing

/// Model is the bottom layer (issue 12): no Swift file under Sources/TwitchTriage/Model names a
/// top-level type declared in the layers above it (Ingest, Knowledge, Findings, Rules, Render,
/// Batch), outside comments.
@Suite struct ModelLayerTests {
    static let above = ["Ingest", "Knowledge", "Findings", "Rules", "Render", "Batch"]

    @Test func modelNamesNoTypeOfTheLayersAboveIt() throws {
        let sources = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/TwitchTriage")
        let declaration = try NSRegularExpression(pattern: #"^(?:public |private |fileprivate )?(?:final )?(?:struct|enum|class|protocol) ([A-Z][A-Za-z0-9]*)"#,
                                                  options: .anchorsMatchLines)
        var names: [String: String] = [:]
        for layer in Self.above {
            for file in try Self.swiftFiles(sources.appendingPathComponent(layer)) {
                let source = try String(contentsOf: file, encoding: .utf8)
                for match in declaration.matches(in: source, range: NSRange(source.startIndex..., in: source)) {
                    let name = String(source[Range(match.range(at: 1), in: source)!])
                    names[name] = names[name] ?? layer
                }
            }
        }
        #expect(names.count > 100, "the layers above Model were not found (\(names.count) types)")
        let model = try Self.swiftFiles(sources.appendingPathComponent("Model"))
        #expect(model.count > 20)
        let word = try NSRegularExpression(pattern: "[A-Za-z_][A-Za-z0-9_]*")
        for file in model {
            let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            for (index, line) in lines.enumerated() {
                let code = line.components(separatedBy: "//").first ?? ""
                for match in word.matches(in: code, range: NSRange(code.startIndex..., in: code)) {
                    let name = String(code[Range(match.range, in: code)!])
                    if let layer = names[name] {
                        Issue.record("Model/\(file.lastPathComponent):\(index + 1): names \(name), a type of \(layer)")
                    }
                }
            }
        }
    }

    private static func swiftFiles(_ directory: URL) throws -> [URL] {
        guard let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) else { return [] }
        return walker.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }.sorted { $0.path < $1.path }
    }
}
