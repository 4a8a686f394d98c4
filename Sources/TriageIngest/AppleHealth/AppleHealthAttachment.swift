import TriageModel

/// Gives an Apple Health export its patient (SPEC §3.9): the export names none, so it belongs
/// to the one patient whose other files are in the export's folder or below it. With no such
/// patient, or several, the export is reported and skipped; nothing is ever matched by name
/// or birth date.
///
/// Both the batch (``BatchPlan``) and `report` (``Ingestion``) read every other file first,
/// then attach each export with ``attach(_:path:to:)``.
package enum AppleHealthAttachment {
    /// Whether an outcome is a phone export waiting for its patient.
    package static func isExport(_ outcome: FileReadOutcome) -> Bool {
        if case .read(let result) = outcome, result.phone != nil { return true }
        return false
    }

    /// The patient an export at `path` belongs to, from the other files' paths and the
    /// patients each names; or the diagnostic that skips it.
    ///
    /// - Parameters:
    ///   - path: the export's path as discovery found it.
    ///   - display: the export's path as messages show it.
    ///   - files: every other file: its path (as discovery found it) and its patients.
    package static func patient(
        forExportAt path: String, display: String,
        files: [(path: String, patients: Set<PatientID>)]
    ) -> Result<PatientID, AttachmentFailure> {
        let folder = folder(of: path)
        var patients: Set<PatientID> = []
        for file in files where file.path != path && isInside(file.path, folder: folder) {
            patients.formUnion(file.patients)
        }
        guard patients.count == 1, let patient = patients.first else {
            return .failure(
                AttachmentFailure(
                    diagnostic: .error(
                        at: SourceLocation(file: display),
                        Messages.unattached(patients.count))))
        }
        return .success(patient)
    }

    /// Why an export was not attached.
    package struct AttachmentFailure: Error, Sendable, Hashable {
        /// The report: `file: …; file skipped`.
        package var diagnostic: Diagnostic
    }

    /// The export's outcome given to `patient`: the export, its `Me` demographics and its
    /// problems now name the patient, so they go to that patient's report. Any other outcome
    /// is returned as it is.
    package static func attach(_ outcome: FileReadOutcome, to patient: PatientID) -> FileReadOutcome {
        guard case .read(var result) = outcome, var export = result.phone else { return outcome }
        export.patientID = patient
        if export.birthDate != nil || export.sex != nil, let source = export.meSource {
            result.demographics.append(
                ExchangeRecords.demographics(
                    source: source, patientID: patient.rawValue,
                    birthDate: export.birthDate, sex: export.sex))
        }
        for index in result.diagnostics.indices { result.diagnostics[index].patientID = patient }
        result.phone = export
        return .read(result)
    }

    /// Attaches `outcome` (read from `path`) to its patient, or refuses it with the reason.
    package static func attach(
        _ outcome: FileReadOutcome, path: String, display: String,
        files: [(path: String, patients: Set<PatientID>)]
    ) -> FileReadOutcome {
        guard isExport(outcome) else { return outcome }
        switch patient(forExportAt: path, display: display, files: files) {
        case .success(let patient): return attach(outcome, to: patient)
        case .failure(let failure): return .refused(failure.diagnostic)
        }
    }

    /// The folder part of a path with its slash (`a/b/export.xml` → `a/b/`; `export.xml` → ``,
    /// the current folder).
    package static func folder(of path: String) -> Substring {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return path[...slash]
    }

    /// Whether `path` is in `folder` (as from ``folder(of:)``) or below it.
    package static func isInside(_ path: String, folder: Substring) -> Bool {
        path.hasPrefix(folder)
    }

    enum Messages {
        static func unattached(_ patients: Int) -> String {
            patients == 0
                ? "Apple Health export names no patient, and no patient's file is in its folder or below it; file skipped"
                : "Apple Health export names no patient, and the files in its folder or below it belong to \(patients) patients; file skipped"
        }
    }
}
