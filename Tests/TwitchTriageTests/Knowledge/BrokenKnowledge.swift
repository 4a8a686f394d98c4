import Foundation
import Testing
import TriageKnowledge

/// A copy of the shipped tables in a temporary folder, to break one thing and load.
struct BrokenKnowledge {
    let directory: URL

    init() throws {
        let source = try #require(KnowledgeLoader.bundledDirectory())
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("knowledge-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: source, to: directory)
    }

    /// Replaces the first occurrence of `old` in `file`; fails the test when it is not there.
    func replace(_ file: String, _ old: String, with new: String) throws {
        let url = directory.appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        let range = try #require(text.range(of: old), "\(old) not in \(file)")
        try text.replacingCharacters(in: range, with: new).write(to: url, atomically: true, encoding: .utf8)
    }

    /// Rewrites `file` through `change` on its parsed JSON.
    func edit(_ file: String, _ change: (inout Any) throws -> Void) throws {
        let url = directory.appendingPathComponent(file)
        var json = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
        try change(&json)
        try JSONSerialization.data(withJSONObject: json).write(to: url)
    }

    /// Rewrites one row of a table that is a list.
    func editRow(_ file: String, id: String, _ change: (inout [String: Any]) throws -> Void) throws {
        try edit(file) { json in
            var rows = try #require(json as? [[String: Any]])
            let index = try #require(rows.firstIndex { $0["id"] as? String == id })
            try change(&rows[index])
            json = rows
        }
    }

    /// Writes raw text over a file.
    func write(_ file: String, _ text: String) throws {
        try text.write(to: directory.appendingPathComponent(file), atomically: true, encoding: .utf8)
    }

    /// Removes a file.
    func remove(_ file: String) throws {
        try FileManager.default.removeItem(at: directory.appendingPathComponent(file))
    }

    /// The message loading the copy fails with; nil when it loads.
    func loadError() -> String? {
        defer { try? FileManager.default.removeItem(at: directory) }
        do {
            _ = try KnowledgeLoader.load(from: directory)
            return nil
        } catch {
            return error.description
        }
    }
}

extension Array where Element == [String: Any] {
    /// The index of the row with `id`.
    func index(of id: String) -> Int? { firstIndex { $0["id"] as? String == id } }
}
