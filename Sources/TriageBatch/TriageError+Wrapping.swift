import GRDB
import TriageIngest
import TriageModel

extension TriageError {
    /// Converts one of the library's internal errors into the user-facing one, keeping its
    /// path and reason; nil for an error it does not know (which then goes out unchanged).
    ///
    /// - Parameters:
    ///   - error: ``AtomicFileWriter/Failure`` (output), ``FileBytes/Failure`` (input),
    ///     ``OutputLock/Held`` (lock), GRDB's `DatabaseError` (ledger), or a ``TriageError``
    ///     (given the step and path it lacks: input discovery's, the code map's).
    ///   - step: the step that raised it.
    ///   - path: the path it is about, when the error itself does not say.
    package init?(wrapping error: any Error, step: String?, path: String? = nil) {
        switch error {
        case var known as TriageError:
            known.step = known.step ?? step
            known.path = known.path ?? path
            self = known
        case let failure as AtomicFileWriter.Failure:
            self.init(.outputUnwritable(failure.reason), step: step, path: failure.path)
        case let failure as FileBytes.Failure:
            self.init(.inputUnreadable(failure.reason), step: step, path: path)
        case let held as OutputLock.Held:
            self.init(.locked(pid: held.pid), step: step, path: held.output)
        case let database as DatabaseError:
            // SQLite's own message names no value (the statements bind their arguments).
            let message = database.message ?? "\(database.resultCode)"
            self.init(.ledger("\(message) (SQLite error \(database.extendedResultCode.rawValue))"), step: step, path: path)
        default:
            return nil
        }
    }

    /// Converts any error into the user-facing one: as ``init(wrapping:step:path:)`` does, and
    /// an error it does not know as ``Reason/unexpected(_:)`` (`EX_SOFTWARE`, a defect), so that
    /// nothing but a ``TriageError`` leaves the library.
    package init(converting error: any Error, step: String?, path: String? = nil) {
        self =
            TriageError(wrapping: error, step: step, path: path)
            ?? TriageError(.unexpected(String(describing: error)), step: step, path: path)
    }
}
