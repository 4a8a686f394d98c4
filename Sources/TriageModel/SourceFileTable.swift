import Synchronization

/// A file of the run, as its index in the ``SourceFileTable``: four bytes where a path
/// `String` would be sixteen and a reference count, so that a record's several locations cost
/// no retain and no release (issue 12's compact record model).
public struct SourceFileID: Sendable, Hashable {
    /// The index in the table; the order files were first named, never shown.
    let index: UInt32

    /// The id of `path`, adding it to the table the first time it is named.
    package init(_ path: String) {
        self = SourceFileTable.shared.id(of: path)
    }

    init(index: UInt32) {
        self.index = index
    }

    /// The path relative to the input root, as it was named.
    package var path: String { SourceFileTable.shared.path(of: self) }
}

/// The table of files the process has named in a ``SourceLocation``: each path once, found by
/// its index.
///
/// A run is one process, so this is the run's file table. Paths are never removed: a run names
/// a few thousand files at most (a few dozen bytes each); a host that kept one process alive
/// over millions of distinct paths would see the table grow by that much.
final class SourceFileTable: Sendable {
    /// The one table of the process.
    package static let shared = SourceFileTable()

    private struct Storage {
        var paths: [String] = []
        var indices: [String: UInt32] = [:]
    }

    private let storage = Mutex(Storage())

    /// The id of `path`, added when new.
    package func id(of path: String) -> SourceFileID {
        storage.withLock { storage in
            if let index = storage.indices[path] { return SourceFileID(index: index) }
            let index = UInt32(truncatingIfNeeded: storage.paths.count)
            storage.paths.append(path)
            storage.indices[path] = index
            return SourceFileID(index: index)
        }
    }

    /// The path an id was made from.
    func path(of id: SourceFileID) -> String {
        storage.withLock { $0.paths[Int(id.index)] }
    }
}
