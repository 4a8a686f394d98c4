/// The front of the pipeline for named paths: discover → read → group by patient → normalise
/// (SPEC §2). Used by `report`, and by `batch` per shard of files.
public enum Ingestion {
    /// Discovers, reads and assembles the inputs under `paths`.
    ///
    /// - Parameters:
    ///   - paths: files or folders.
    ///   - options: reader options.
    ///   - knowledge: the knowledge tables.
    ///   - asOf: the as-of date; records after it are ignored with a warning.
    ///   - maxFileSize: files larger than this are refused.
    /// - Throws: ``TriageError`` (input) when a path does not exist or cannot be listed.
    public static func run(paths: [String], options: ReadOptions, knowledge: Knowledge, asOf: LocalDate,
                           maxFileSize: Int = .max) throws -> PatientRecordAssembler.Assembly {
        let files: [InputDiscovery.Found]
        do {
            files = try InputDiscovery.files(under: paths)
        } catch {
            throw TriageError(wrapping: error, step: nil) ?? error
        }
        let outcomes = files.map { InputFileReader.read($0, options: options, maxFileSize: maxFileSize) }
        return PatientRecordAssembler(knowledge: knowledge, asOf: asOf).assemble(outcomes)
    }
}
