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
    ///   - patient: when given, only this patient's records are normalised and built (the
    ///     assembly then holds its record only, if it has one); the problems for no patient are
    ///     the same as without it.
    /// - Throws: ``TriageError`` (input) when a path does not exist or cannot be listed.
    public static func run(paths: [String], options: ReadOptions, knowledge: Knowledge, asOf: LocalDate,
                           maxFileSize: Int = .max, patient: String? = nil) throws -> PatientRecordAssembler.Assembly {
        let files: [InputDiscovery.Found]
        do {
            files = try InputDiscovery.files(under: paths)
        } catch {
            throw TriageError(wrapping: error, step: nil) ?? error
        }
        let assembler = PatientRecordAssembler(knowledge: knowledge, asOf: asOf)
        let building: (String) -> Bool = { id in patient.map { $0 == id } ?? true }
        var inputs: [InputFile] = []
        // Each file is split as soon as it is read, so only one file's records are held at once.
        let splits = files.enumerated().map { index, file in
            let outcome = InputFileReader.read(file, options: options, maxFileSize: maxFileSize)
            inputs.append(outcome.input)
            return assembler.parts(of: outcome, fileIndex: index, building: building)
        }
        return assembler.fold(splits, inputs: inputs, building: building)
    }
}
