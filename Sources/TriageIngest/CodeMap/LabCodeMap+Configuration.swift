import TriageKnowledge
import TriageModel

extension TriageError {
    /// A code map that cannot be used, as the configuration error a command stops with
    /// (`EX_CONFIG`, 78): its problems one a line, `file:line[:column]: what`, as
    /// ``LabCodeMap/Refusal`` words them.
    package init(_ refusal: LabCodeMap.Refusal) {
        self.init(.configuration(refusal.description))
    }
}

extension LabCodeMap {
    /// Reads the code map a command was given (`--code-map FILE`), as ``load(path:analytes:)``.
    ///
    /// - Throws: ``TriageError`` (configuration) with every problem of the map.
    package static func configured(path: String, analytes: AnalyteIndex) throws(TriageError) -> LabCodeMap {
        do throws(Refusal) {
            return try load(path: path, analytes: analytes)
        } catch {
            throw TriageError(error)
        }
    }
}
