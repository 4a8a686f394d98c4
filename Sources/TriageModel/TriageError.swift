import Foundation

/// The one error the tool shows a user when it cannot go on (STYLE §6, after Publish's
/// `PublishingError`): which step failed, on which path (and line, when there is one), and why.
///
/// Internal errors (a file that cannot be read or written, a folder that cannot be listed, the
/// lock held by another run, the ledger database that cannot be opened, a knowledge table or
/// code map that does not validate) carry their own types inside their layer and are converted
/// into this one where they leave the library (the batch's `init(wrapping:step:path:)` and
/// `init(converting:step:path:)`, the knowledge's and the code map's initialisers), their
/// messages unchanged; every library entry point a command calls throws only this type, so the
/// executables catch one type and `ExitStatus` maps its ``category`` to an exit code in one
/// place. Problems with one file or one patient are not errors but ``Diagnostic``s: they never
/// stop the others (SPEC §8).
///
/// The message is `path[:line]: what, and what was done (step: name)`; it never holds patient
/// values, names or ids (SPEC §10).
package struct TriageError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    package enum Reason: Sendable, Hashable {
        /// A flag, argument or patient id that cannot be used (`no patient … in the input`).
        case usage(String)
        /// An input path that does not exist or cannot be listed or read, with the operating
        /// system's reason.
        case inputUnreadable(String)
        /// The output cannot be written, with the operating system's reason.
        case outputUnwritable(String)
        /// The ledger database cannot be opened, read or written, with SQLite's reason.
        case ledger(String)
        /// Another run holds the lock on the output folder.
        case locked(pid: Int32?)
        /// A knowledge table, code map or service configuration (clients file, ledger of
        /// `--reports`) that cannot be used: the whole `what, and what was done`, as the part
        /// that checked it words it (a code map's problems one a line).
        case configuration(String)
        /// A part of the tool the command needs is not installed, cannot be started, or stopped
        /// working (the service executable, the service's listening socket): `what, and what was done`.
        case unavailable(String)
        /// An error the library has no wording for (a defect of the tool), as the error
        /// describes itself.
        case unexpected(String)
    }

    /// What kind of failure, for the exit status (SPEC §8: sysexits, README's table).
    package enum Category: Sendable, Hashable, CaseIterable {
        /// A comparison that ran and found differences (`verify`): 1, as `diff` and `cmp` exit.
        case differences
        /// Bad flags or arguments (`EX_USAGE`, 64).
        case usage
        /// Some input could not be read (`EX_DATAERR`, 65).
        case input
        /// A part of the tool is not installed or cannot be started (`EX_UNAVAILABLE`, 69).
        case unavailable
        /// An error the tool has no wording for, a defect (`EX_SOFTWARE`, 70).
        case software
        /// The output could not be written (`EX_CANTCREAT`, 73).
        case output
        /// Another run holds the lock (`EX_TEMPFAIL`, 75).
        case locked
        /// A knowledge table, code map or service configuration cannot be used (`EX_CONFIG`, 78).
        case configuration

        /// The exit code: the one table of them. The executables exit with it and `run.json`
        /// records it.
        package var exitCode: Int32 {
            switch self {
            case .differences: 1
            case .usage: 64
            case .input: 65
            case .unavailable: 69
            case .software: 70
            case .output: 73
            case .locked: 75
            case .configuration: 78
            }
        }
    }

    /// The step that raised it (`open the ledger`, `discover`), when a pipeline ran.
    package var step: String?
    /// The file or folder it is about, as the user named it.
    package var path: String?
    /// The 1-based line in ``path``, when there is one.
    package var line: Int?
    /// What went wrong.
    package var reason: Reason

    /// Creates an error.
    package init(_ reason: Reason, step: String? = nil, path: String? = nil, line: Int? = nil) {
        self.reason = reason
        self.step = step
        self.path = path
        self.line = line
    }

    /// The kind of failure, which picks the exit status.
    package var category: Category {
        switch reason {
        case .usage: .usage
        case .inputUnreadable: .input
        case .outputUnwritable, .ledger: .output
        case .locked: .locked
        case .configuration: .configuration
        case .unavailable: .unavailable
        case .unexpected: .software
        }
    }

    /// `path[:line]: what, and what was done (step: name)`.
    package var description: String {
        var text = ""
        if case .locked(let pid) = reason {
            text =
                "another batch\(pid.map { " (pid \($0))" } ?? "") is writing to \(path ?? "the output folder"); this run exits without reading or writing anything"
        } else if let path {
            text += path
            if let line { text += ":\(line)" }
            text += ": "
        }
        if let explanation = Self.explanation(of: reason) { text += explanation }
        if let step { text += " (step: \(step))" }
        return text
    }

    private static func explanation(of reason: Reason) -> String? {
        switch reason {
        case .usage(let text): text
        case .inputUnreadable(let why): "\(why); nothing read"
        case .outputUnwritable(let why): "cannot write the output: \(why); nothing more written"
        case .ledger(let why): "cannot use the ledger database: \(why); nothing more written, the next run redoes this one"
        case .locked: nil
        case .configuration(let text), .unavailable(let text): text
        case .unexpected(let what): "an error the tool has no wording for: \(what); stopped (a defect: please report it)"
        }
    }
}

extension TriageError: LocalizedError {
    /// The message as ``description`` writes it, so swift-argument-parser prints it as is.
    package var errorDescription: String? { description }
}
