import Foundation

/// Compares two folders file by file, byte for byte: what `verify` and the golden tests share
/// (STYLE: the comparison lives in the library).
///
/// Hidden files and folders (the ledger in `.twitch-triage/`) are not compared.
package enum FolderComparison {
    /// One difference, named from the expected (committed) folder's side.
    package enum Difference: Sendable, Hashable, CustomStringConvertible {
        /// Written by the code (in the actual folder) but missing from the expected folder.
        case missing(String)
        /// In the expected folder but no longer written by the code.
        case extra(String)
        /// In both, with different bytes; `diff` shows the first differing lines.
        case changed(String, diff: String)

        /// One line, plus the diff for a changed file.
        package var description: String {
            switch self {
            case .missing(let path): "missing: \(path)"
            case .extra(let path): "extra: \(path)"
            case .changed(let path, let diff): "differs: \(path)\n\(diff)"
            }
        }
    }

    /// The differences between `expected` and `actual`, sorted by path.
    package static func compare(expected: String, actual: String) throws -> [Difference] {
        let left = try files(in: expected)
        let right = try files(in: actual)
        var differences: [Difference] = []
        for path in left.union(right).sorted() {
            switch (left.contains(path), right.contains(path)) {
            case (true, false): differences.append(.extra(path))
            case (false, true): differences.append(.missing(path))
            default:
                let old = try Data(contentsOf: URL(fileURLWithPath: expected + "/" + path))
                let new = try Data(contentsOf: URL(fileURLWithPath: actual + "/" + path))
                if old != new {
                    differences.append(
                        .changed(
                            path,
                            diff: unifiedDiff(
                                old: String(decoding: old, as: UTF8.self),
                                new: String(decoding: new, as: UTF8.self), path: path)))
                }
            }
        }
        return differences
    }

    /// The relative paths of the regular files under `root`, hidden ones left out.
    package static func files(in root: String) throws -> Set<String> {
        var result: Set<String> = []
        func walk(_ relative: String) throws {
            let folder = relative.isEmpty ? root : root + "/" + relative
            for name in try FileManager.default.contentsOfDirectory(atPath: folder) where !name.hasPrefix(".") {
                let path = relative.isEmpty ? name : relative + "/" + name
                var isDirectory: ObjCBool = false
                FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory)
                if isDirectory.boolValue { try walk(path) } else { result.insert(path) }
            }
        }
        try walk("")
        return result
    }

    /// A unified diff of the first differing region (3 lines of context, at most 20 lines each way).
    static func unifiedDiff(old: String, new: String, path: String) -> String {
        let a = old.split(separator: "\n", omittingEmptySubsequences: false)
        let b = new.split(separator: "\n", omittingEmptySubsequences: false)
        var start = 0
        while start < a.count, start < b.count, a[start] == b[start] { start += 1 }
        var endA = a.count
        var endB = b.count
        while endA > start, endB > start, a[endA - 1] == b[endB - 1] {
            endA -= 1
            endB -= 1
        }
        let from = max(0, start - 3)
        let removed = a[start..<min(endA, start + 20)]
        let added = b[start..<min(endB, start + 20)]
        var out = "--- expected/\(path)\n+++ actual/\(path)\n"
        out += "@@ -\(from + 1),\(start - from + removed.count) +\(from + 1),\(start - from + added.count) @@\n"
        for line in a[from..<start] { out += " \(line)\n" }
        for line in removed { out += "-\(line)\n" }
        for line in added { out += "+\(line)\n" }
        if endA - start > 20 || endB - start > 20 { out += "… (more differences in this file)\n" }
        return out
    }
}
