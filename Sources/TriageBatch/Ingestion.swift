import TriageIngest
import TriageKnowledge
import TriageModel
import TriageNormalise

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
    ///     assembly then holds its record only, if it has one). A single-patient report is about
    ///     that patient: the problems for no patient are those of a full read (refused files,
    ///     rows no patient can claim, file-level problems of files that belong to no patient)
    ///     except the count of patients with demographics but nothing to triage, which is the
    ///     batch's and is left out. Multi-patient lab and journal CSVs are read through a
    ///     ``PatientSelection``, which leaves other patients' rows unparsed (SPEC §9).
    /// - Throws: ``TriageError`` (input) when a path does not exist or cannot be listed.
    public static func run(paths: [String], options: ReadOptions, knowledge: Knowledge, asOf: LocalDate,
                           maxFileSize: Int = .max, patient: String? = nil) throws -> PatientRecordAssembler.Assembly {
        let files: [InputDiscovery.Found]
        do {
            files = try InputDiscovery.files(under: paths, excluding: options.codeMap.resolvedPath.map { [$0] } ?? [])
        } catch {
            throw TriageError(converting: error, step: nil)
        }
        let assembler = PatientRecordAssembler(knowledge: knowledge, asOf: asOf)
        let building: (String) -> Bool = { id in patient.map { $0 == id } ?? true }
        var inputs: [InputFile] = []
        // Each file is split as soon as it is read, so only one file's records are held at once;
        // a phone export (per-day sums, small) waits until every other file has said whose it
        // is, then goes to the one patient of its folder (SPEC §3.9).
        // So does a FHIR file that named patients only as `Patient/ID`: it waits for every
        // file's Patient resources (``PatientReferenceTable``).
        var splits: [PatientRecordAssembler.FileParts] = []
        var owners: [(path: String, patients: Set<String>)] = []
        var exports: [(index: Int, file: InputDiscovery.Found, outcome: InputFileReader.Outcome)] = []
        var references = PatientReferenceTable()
        var waiting: [(index: Int, file: InputDiscovery.Found, outcome: InputFileReader.Outcome)] = []
        let selection = patient.flatMap { PatientSelection(patient: $0) }
        // Files a selection read only in part: their patients, for an Apple Health export in
        // their folder, need a full read (only then).
        var partial: [Int: InputDiscovery.Found] = [:]
        for (index, file) in files.enumerated() {
            let outcome = InputFileReader.read(file, options: options, maxFileSize: maxFileSize, selection: selection)
            inputs.append(outcome.input)
            if case .read(let result) = outcome.outcome { references.add(result.patientResources) }
            if AppleHealthAttachment.isExport(outcome.outcome) {
                exports.append((index, file, outcome))
                splits.append(PatientRecordAssembler.FileParts())
                continue
            }
            if PatientReferenceTable.mayRename(outcome) {
                waiting.append((index, file, outcome))
                splits.append(PatientRecordAssembler.FileParts())
                continue
            }
            let split = assembler.parts(of: outcome, fileIndex: index, building: building)
            if case .read(let result) = outcome.outcome, result.omittedRecords > 0 { partial[owners.count] = file }
            owners.append((file.path, Set(split.parts.keys)))
            splits.append(split)
        }
        for file in waiting {
            var outcome = file.outcome
            references.apply(to: &outcome)
            let split = assembler.parts(of: outcome, fileIndex: file.index, building: building)
            owners.append((file.file.path, Set(split.parts.keys)))
            splits[file.index] = split
        }
        for export in exports {
            let folder = AppleHealthAttachment.folder(of: export.file.path)
            for (owner, file) in partial where AppleHealthAttachment.isInside(file.path, folder: folder) {
                // Which patients the file holds decides whose the export is: read it whole.
                let whole = InputFileReader.read(file, options: options, maxFileSize: maxFileSize)
                owners[owner].patients = Set(assembler.parts(of: whole, fileIndex: 0, building: { _ in false }).parts.keys)
                partial[owner] = nil
            }
            var outcome = export.outcome
            outcome.outcome = AppleHealthAttachment.attach(outcome.outcome, path: export.file.path,
                                                           display: export.file.displayPath, files: owners)
            splits[export.index] = assembler.parts(of: outcome, fileIndex: export.index, building: building)
        }
        return assembler.fold(splits, inputs: inputs, building: building, countingDemographicsOnly: patient == nil)
    }
}
