import TriageIngest
import TriageModel

extension PatientRecordAssembler {
    /// What one file gives one patient: normalised records, demographics, and the problems
    /// that belong to the patient (its own, and the file-level ones of a file it is in).
    package struct Part: Sendable, Hashable {
        /// The file's position in path order: demographics from several files merge in it.
        package var fileIndex: Int
        /// The file and its fingerprint.
        package var input: InputFile
        /// Journal entries dated on or before the as-of date, normalised.
        package var journal: [JournalEntry] = []
        /// Lab results dated on or before the as-of date that could be used.
        package var labs: [LabResult] = []
        /// Flagged results of analytes the knowledge does not read (SPEC §3.10).
        package var otherResults: [Referral.OtherResult] = []
        /// Demographics, in file order.
        package var demographics: [PatientDemographics] = []
        /// The days of an attached phone export, normalised.
        package var phoneDays: [PhoneDay] = []
        /// Problems: the patient's, and the file-level ones.
        package var diagnostics: [Diagnostic] = []
        /// For a patient the split did not build (``parts(of:fileIndex:building:)``): whether
        /// the file gives it a journal entry, a usable lab result or a row error, which it
        /// would otherwise have in ``journal``, ``labs`` or ``diagnostics``.
        package var hasUnbuiltTriageData = false

        /// Whether this part gives its patient something to triage: a journal entry, a usable
        /// lab result or a row error, built or not.
        package var hasTriageData: Bool {
            !journal.isEmpty || !labs.isEmpty || !otherResults.isEmpty || hasUnbuiltTriageData
                || diagnostics.contains { $0.severity == .error }
        }

        init(fileIndex: Int, input: InputFile) {
            self.fileIndex = fileIndex
            self.input = input
        }
    }

    /// One file's parts by patient, and the problems that belong to no patient (a refused
    /// file; the file-level problems of a file that gave no patient anything).
    public struct FileParts: Sendable, Hashable {
        /// Parts by patient id.
        package var parts: [PatientID: Part] = [:]
        /// Problems for no patient.
        package var unattributed: [Diagnostic] = []
    }

    /// Splits one file's outcome by patient, normalising its records. A record dated after
    /// the as-of date is ignored with a warning (SPEC §2); a diagnostic that names its patient
    /// goes to that patient; a file-level one to every patient the file contributes to.
    ///
    /// A patient `building` turns down gets a part all the same (so which patients a file
    /// holds, and its file-level problems, stay as they are), but its records are not
    /// normalised nor kept, and its own problems are left out: only whether it has something to
    /// triage is kept (``Part/hasUnbuiltTriageData``). `report --patient` and a batch shard
    /// build only their own patients this way.
    ///
    /// - Parameters:
    ///   - outcome: what reading the file came to.
    ///   - fileIndex: the file's position in path order.
    ///   - building: which patients to build; all by default.
    public func parts(
        of outcome: InputFileReader.Outcome, fileIndex: Int,
        building: (PatientID) -> Bool = { _ in true }
    ) -> FileParts {
        let result: ReadResult
        switch outcome.outcome {
        case .refused(let diagnostic):
            return FileParts(unattributed: [diagnostic])
        case .read(let read):
            result = read
        }
        var parts: [PatientID: Part] = [:]
        let empty = Part(fileIndex: fileIndex, input: outcome.input)
        var diagnostics = result.diagnostics

        for record in result.journal {
            if ignoredAfterAsOf(record.timestamp.date, "entry", at: record.source, of: record.patientID, &diagnostics) { continue }
            guard building(record.patientID) else {
                parts[record.patientID, default: empty].hasUnbuiltTriageData = true
                continue
            }
            let entry = normaliser.journalEntry(from: record, diagnostics: &diagnostics)
            parts[record.patientID, default: empty].journal.append(entry)
        }
        for record in result.labs {
            if ignoredAfterAsOf(record.collected.date, "result", at: record.source, of: record.patientID, &diagnostics) { continue }
            if let other = normaliser.otherResult(from: record) {
                if building(record.patientID) {
                    parts[record.patientID, default: empty].otherResults.append(other)
                } else {
                    parts[record.patientID, default: empty].hasUnbuiltTriageData = true
                }
                continue
            }
            guard building(record.patientID) else {
                if parts[record.patientID]?.hasUnbuiltTriageData != true {
                    parts[record.patientID, default: empty].hasUnbuiltTriageData = normaliser.givesTriageData(record)
                }
                continue
            }
            if let lab = normaliser.labResult(from: record, diagnostics: &diagnostics) {
                parts[record.patientID, default: empty].labs.append(lab)
            } else if parts[record.patientID] == nil {
                parts[record.patientID] = empty
            }
        }
        for other in result.otherResults {
            if ignoredAfterAsOf(other.result.collected?.date, "result", at: other.result.source, of: other.patientID, &diagnostics) {
                continue
            }
            if building(other.patientID) {
                parts[other.patientID, default: empty].otherResults.append(other.result)
            } else {
                parts[other.patientID, default: empty].hasUnbuiltTriageData = true
            }
        }
        for demographics in result.demographics {
            parts[demographics.patientID, default: empty].demographics.append(demographics)
        }
        if let export = result.phone, let patient = export.patientID {
            if building(patient) {
                parts[patient, default: empty].phoneDays = normaliser.phoneDays(
                    from: export, file: outcome.input.file,
                    diagnostics: &diagnostics)
            } else if parts[patient] == nil {
                parts[patient] = empty
            }
        }
        var fileLevel: [Diagnostic] = []
        for diagnostic in diagnostics {
            if let patient = diagnostic.patientID {
                if building(patient) {
                    parts[patient, default: empty].diagnostics.append(diagnostic)
                } else {
                    if diagnostic.severity == .error {
                        parts[patient, default: empty].hasUnbuiltTriageData = true
                    } else if parts[patient] == nil {
                        parts[patient] = empty
                    }
                }
            } else {
                fileLevel.append(diagnostic)
            }
        }
        if parts.isEmpty {
            // Rows a selection left out belong to other patients, who would have had parts
            // (every such row names its patient): the file-level problems are theirs.
            return result.omittedRecords > 0 ? FileParts() : FileParts(unattributed: fileLevel)
        }
        if !fileLevel.isEmpty {
            for patient in parts.keys { parts[patient]!.diagnostics += fileLevel }
        }
        return FileParts(parts: parts)
    }

    /// Whether a record dated `date` lies after the as-of date, and is then ignored with a
    /// warning that names it `record` (SPEC §2); a record without a date is kept.
    private func ignoredAfterAsOf(
        _ date: LocalDate?, _ record: String, at source: SourceLocation, of patient: PatientID,
        _ diagnostics: inout [Diagnostic]
    ) -> Bool {
        guard let date, date > asOf else { return false }
        diagnostics.append(.warning(at: source, NormaliserMessages.afterAsOf(record, asOf: asOf), patientID: patient))
        return true
    }

    /// The patients a file's records and problems name: the keys ``parts(of:fileIndex:)``
    /// would give, found without normalising anything.
    package static func patients(in result: ReadResult) -> Set<PatientID> {
        var patients = Set(result.journal.map(\.patientID))
        for record in result.labs { patients.insert(record.patientID) }
        for other in result.otherResults { patients.insert(other.patientID) }
        for demographics in result.demographics { patients.insert(demographics.patientID) }
        for diagnostic in result.diagnostics { if let patient = diagnostic.patientID { patients.insert(patient) } }
        return patients
    }

    /// Whether a file gives its patients something to triage: a journal entry or a usable lab
    /// result on or before the as-of date, or a row error; the same answer as asking whether
    /// ``parts(of:fileIndex:)`` gives a part with entries, results or an error, but normalising
    /// lab results only when the file has no journal entry or error.
    package func hasTriageData(_ result: ReadResult) -> Bool {
        if result.journal.contains(where: { $0.timestamp.date <= asOf }) { return true }
        if result.diagnostics.contains(where: { $0.severity == .error }) { return true }
        if result.otherResults.contains(where: { ($0.result.collected?.date).map { $0 <= asOf } ?? true }) { return true }
        for record in result.labs where record.collected.date <= asOf {
            if normaliser.otherResult(from: record) != nil { return true }
            var diagnostics: [Diagnostic] = []
            if normaliser.labResult(from: record, diagnostics: &diagnostics) != nil { return true }
            if diagnostics.contains(where: { $0.severity == .error }) { return true }
        }
        return false
    }

    /// Folds one patient's parts (from any number of files, in any order) into its record; nil
    /// when the patient has nothing to triage (no journal entry, no lab result, no row error:
    /// demographics only).
    package func record(id: PatientID, parts: [Part]) -> PatientRecord? {
        var builder = Builder(id: id)
        for part in parts.sorted(by: { $0.fileIndex < $1.fileIndex }) {
            builder.journal += part.journal
            builder.labs += part.labs
            builder.otherResults += part.otherResults
            builder.phoneDays += part.phoneDays
            var conflicts: [Diagnostic] = []
            for demographics in part.demographics {
                builder.merge(demographics, diagnostics: &conflicts)
            }
            builder.diagnostics += conflicts
            builder.diagnostics += part.diagnostics
            builder.inputs.insert(part.input)
        }
        if builder.journal.isEmpty && builder.labs.isEmpty && builder.otherResults.isEmpty && builder.hadNoRowErrors { return nil }
        return builder.record()
    }
}
