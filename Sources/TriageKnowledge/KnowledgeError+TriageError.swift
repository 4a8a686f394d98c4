import Foundation
import TriageModel

extension TriageError {
    /// A knowledge table that cannot be used, as the configuration error a command stops with
    /// (`EX_CONFIG`, 78): `folder/file: row N (id): what is wrong; what was done`.
    ///
    /// - Parameters:
    ///   - error: what loading or validating the tables found.
    ///   - folder: the tables' folder as the user named it (a `/` is put between it and the
    ///     file), or nil when the folder itself was not found.
    ///   - outcome: what was done (`nothing written`).
    package init(_ error: KnowledgeError, folder: String?, outcome: String) {
        let prefix = folder.map { $0.hasSuffix("/") ? $0 : $0 + "/" } ?? ""
        self.init(.configuration("\(prefix)\(error.description); \(outcome)"))
    }
}

extension KnowledgeLoader {
    /// What a command says it did when a folder's tables do not validate.
    private static let folderOutcome = "the tables of --knowledge were not used and nothing was read"

    /// Loads and validates the tables in `folder` (`--knowledge DIR`, a clinic's edited copy).
    ///
    /// - Parameter folder: the folder as the user named it; messages name it so.
    /// - Throws: ``TriageError`` (configuration) naming the folder's file and row that does not
    ///   load or validate.
    package static func load(folder: String) throws(TriageError) -> Knowledge {
        do throws(KnowledgeError) {
            return try load(from: URL(fileURLWithPath: folder, isDirectory: true))
        } catch {
            throw TriageError(error, folder: folder, outcome: folderOutcome)
        }
    }

    /// Validates the tables in `folder` in full and writes their compiled form
    /// (``KnowledgeSnapshot/file``) and digest (`knowledge.validated`) beside them
    /// (`twitch-triage knowledge --compile DIR`, `make knowledge-stamp`).
    ///
    /// - Parameter folder: the tables' folder as the user named it.
    /// - Returns: the two files written, with the snapshot's size and the digest.
    /// - Throws: ``TriageError``: configuration naming the file and row that does not validate
    ///   (nothing written), or output when a file cannot be written.
    package static func compile(folder: String) throws(TriageError) -> (snapshot: String, bytes: Int, stamp: String, digest: String) {
        let directory = URL(fileURLWithPath: folder, isDirectory: true)
        let compiled: (snapshot: [UInt8], digest: String)
        do throws(KnowledgeError) {
            compiled = try KnowledgeSnapshot.compile(tablesIn: directory)
        } catch {
            throw TriageError(error, folder: directory.path, outcome: "nothing written")
        }
        let snapshot = directory.appendingPathComponent(KnowledgeSnapshot.file)
        let stamp = directory.appendingPathComponent(KnowledgeDigest.stampFile)
        do {
            try Data(compiled.snapshot).write(to: snapshot, options: .atomic)
            try Data((compiled.digest + "\n").utf8).write(to: stamp, options: .atomic)
        } catch {
            throw TriageError(.outputUnwritable(error.localizedDescription), path: directory.path)
        }
        return (snapshot.path, compiled.snapshot.count, stamp.path, compiled.digest)
    }
}

extension Knowledge {
    /// The tables shipped with the tool, for a command: ``bundled``, with shipped tables that
    /// cannot be loaded (a broken installation) as a configuration error naming the file.
    ///
    /// - Throws: ``TriageError`` (configuration).
    package static var shipped: Knowledge {
        get throws(TriageError) {
            do throws(KnowledgeError) {
                return try bundled
            } catch {
                throw TriageError(
                    error, folder: KnowledgeLoader.bundledDirectory()?.path,
                    outcome: "the shipped knowledge tables cannot be used (reinstall the tool with its resource folder); nothing was read")
            }
        }
    }
}
