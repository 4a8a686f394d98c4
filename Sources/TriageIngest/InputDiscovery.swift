import Foundation
import TriageModel

/// Finds the input files under the paths a user named (SPEC §3.1).
///
/// A folder is walked recursively for names ending `.csv`, `.tsv`, `.txt`, `.xml`, `.json`,
/// `.ndjson` or `.hl7` in any case.
/// Hidden files and folders (a name starting with `.`) and names ending `.part`, `.tmp` or `~`
/// (files still being written) are skipped. A symbolic link is followed only when its target
/// lies inside the folder being walked. A file named directly is read whatever its name.
/// The result is sorted by display path, so every run sees the files in the same order.
package enum InputDiscovery {
    /// An input file found, with the path to open and the path to show.
    package struct Found: Sendable, Hashable, Comparable {
        /// The path to open.
        package var path: String
        /// The path relative to the input root (a named folder), or the file's name for a file
        /// named directly. Reports and messages use this, never the absolute path.
        package var displayPath: String

        package static func < (lhs: Found, rhs: Found) -> Bool {
            (lhs.displayPath, lhs.path) < (rhs.displayPath, rhs.path)
        }
    }

    /// Lists the input files under `paths`.
    ///
    /// - Throws: ``TriageError/Reason/inputUnreadable(_:)`` with the path as the user gave it
    ///   (or the folder's, relative to it) when a named path does not exist or cannot be listed;
    ///   the batch adds the step.
    /// - Parameter excluding: files never read as inputs, absolute and resolved
    ///   (``LabCodeMap/resolved(_:)``): the site's code map when it lies in the input folder.
    package static func files(under paths: [String], excluding: Set<String> = []) throws(TriageError) -> [Found] {
        var found: [Found] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw TriageError(.inputUnreadable("no such file or folder"), path: path)
            }
            if isDirectory.boolValue {
                let root = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
                try walk(folder: root, relative: "", root: root, into: &found)
            } else {
                found.append(Found(path: path, displayPath: URL(fileURLWithPath: path).lastPathComponent))
            }
        }
        if !excluding.isEmpty { found.removeAll { excluding.contains(LabCodeMap.resolved($0.path)) } }
        return found.sorted()
    }

    /// Whether a name is one discovery reads inside a folder.
    package static func isCandidate(name: String) -> Bool {
        if name.hasPrefix(".") || name.hasSuffix("~") { return false }
        let lower = name.lowercased()
        if lower.hasSuffix(".part") || lower.hasSuffix(".tmp") { return false }
        return candidateExtensions.contains { lower.hasSuffix($0) }
    }

    /// The name endings discovery reads (SPEC §3.1), compared in lowercase.
    static let candidateExtensions = [".csv", ".tsv", ".txt", ".xml", ".json", ".ndjson", ".hl7"]

    private static func walk(folder: String, relative: String, root: String, into found: inout [Found]) throws(TriageError) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            throw TriageError(.inputUnreadable("cannot list the folder"), path: relative.isEmpty ? folder : relative)
        }
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = folder + "/" + name
            let display = relative.isEmpty ? name : relative + "/" + name
            // One lstat says what the entry is; only a link costs more (SPEC §9: no thrown
            // "not a link" error and no second stat for every plain file).
            var entry = stat()
            guard lstat(path, &entry) == 0 else { continue }
            var target = path
            var isDirectory = entry.st_mode & S_IFMT == S_IFDIR
            if entry.st_mode & S_IFMT == S_IFLNK {
                guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: path) else { continue }
                let resolved = URL(fileURLWithPath: destination, relativeTo: URL(fileURLWithPath: folder, isDirectory: true))
                    .standardizedFileURL.resolvingSymlinksInPath().path
                guard resolved == root || resolved.hasPrefix(root + "/") else { continue }
                target = resolved
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: target, isDirectory: &isFolder) else { continue }
                isDirectory = isFolder.boolValue
            }
            if isDirectory {
                guard target == path else { continue }  // a link to a folder inside: its files are found there
                try walk(folder: path, relative: display, root: root, into: &found)
            } else if isCandidate(name: name) {
                found.append(Found(path: target, displayPath: display))
            }
        }
    }
}
