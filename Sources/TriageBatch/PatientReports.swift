import TriageEngine
import TriageIngest
import TriageModel
import TriageRender

#if canImport(Glibc)
    import Glibc
#endif

/// A patient's reports in the batch: the build-and-write of one patient's turn (the files are
/// the ones ``ReferralOutputs`` lists).
package enum PatientReports {
    /// Builds and writes one patient's reports, unless the ledger shows the same fingerprint
    /// and the reports are on disk.
    package static func build(
        _ record: PatientRecord, fingerprint: String, previous: Ledger.PreviousResult?,
        builder: ReferralBuilder, asOf: LocalDate, output: String, full: Bool,
        folderTaken: Bool = false
    ) -> PatientOutcome {
        if folderTaken {
            let referral = builder.referral(for: record, asOf: asOf)
            let problem = WriteProblem(
                diagnostic: .error(
                    at: SourceLocation(file: record.inputs.first?.file ?? "input"),
                    "patient id makes the same folder name as another patient's; no report written", patientID: record.id),
                isOutputFailure: false)
            return PatientOutcome(
                result: Ledger.Result(
                    patientID: record.id, fingerprint: fingerprint, urgency: referral.urgency, folder: nil,
                    headline: referral.headline, tests: tests(referral)),
                unreadable: referral.dataQuality.filter { $0.severity == .error }.reduce(0) { $0 + $1.count },
                rewrote: false, problem: problem, summary: Worklist.Summary(referral, knowledge: builder.knowledge))
        }
        if !full, let previous, previous.fingerprint == fingerprint, let folder = previous.folder,
            reportsExist(output + "/" + folder)
        {
            return PatientOutcome(
                result: Ledger.Result(
                    patientID: record.id, fingerprint: fingerprint,
                    urgency: previous.urgency, folder: folder, headline: previous.headline,
                    tests: previous.tests),
                unreadable: record.diagnostics.filter { $0.severity == .error }.count,
                rewrote: false, problem: nil)
        }
        let referral = builder.referral(for: record, asOf: asOf)
        let outputs = ReferralOutputs(knowledge: builder.knowledge)
        let write = write(referral, outputs: outputs, output: output, full: full)
        var result = Ledger.Result(
            patientID: record.id, fingerprint: fingerprint, urgency: referral.urgency,
            folder: nil, headline: referral.headline, tests: tests(referral))
        let unreadable = referral.dataQuality.filter { $0.severity == .error }.reduce(0) { $0 + $1.count }
        let summary = outputs.summary(referral)
        switch write {
        case .success(let (folder, rewrote)):
            result.folder = folder
            return PatientOutcome(result: result, unreadable: unreadable, rewrote: rewrote, problem: nil, summary: summary)
        case .failure(let problem):
            return PatientOutcome(result: result, unreadable: unreadable, rewrote: false, problem: problem, summary: summary)
        }
    }

    /// Whether a patient folder holds every report ``ReferralOutputs`` names (the one list of
    /// the per-patient files).
    static func reportsExist(_ folder: String) -> Bool {
        ReferralOutputs.names.allSatisfy { access(folder + "/" + $0, F_OK) == 0 }
    }

    /// The tests of a referral as the worklist lists them.
    static func tests(_ referral: Referral) -> [String] {
        var seen: Set<String> = []
        return referral.recommendations.map(Worklist.testLabel).filter { seen.insert($0).inserted }
    }

    /// Writes a patient's reports; returns the folder and whether anything was rewritten.
    package static func write(_ referral: Referral, outputs: ReferralOutputs, output: String, full: Bool) -> Result<
        (String, Bool), WriteProblem
    > {
        let folder: String
        do {
            folder = try SafeFileName.make(referral.patient.id.rawValue)
        } catch {
            return .failure(
                WriteProblem(
                    diagnostic: .error(
                        at: SourceLocation(file: referral.inputs.first?.file ?? "input"),
                        "patient id cannot be a folder name (\(error)); no report written",
                        patientID: referral.patient.id),
                    isOutputFailure: false))
        }
        let path = output + "/" + folder
        do {
            try AtomicFileWriter.makeDirectory(path)
            var rewrote = false
            for file in outputs.files(referral) {
                rewrote = try writeIfChanged(file.text, to: path + "/" + file.name, full: full) || rewrote
            }
            return .success((folder, rewrote))
        } catch {
            return .failure(
                WriteProblem(
                    diagnostic: .error(
                        at: SourceLocation(file: folder), "cannot write the reports (\(error)); patient skipped",
                        patientID: referral.patient.id),
                    isOutputFailure: true))
        }
    }

    /// Writes `text` unless the file already holds exactly it (or `full`); returns whether it wrote.
    @discardableResult
    package static func writeIfChanged(_ text: String, to path: String, full: Bool) throws -> Bool {
        if !full, let existing = try? FileBytes(path: path), existing.bytes.elementsEqual(text.utf8) { return false }
        try AtomicFileWriter.write(text, to: path)
        return true
    }

    /// Writes what `write` hands its sink, piece by piece, unless the file already holds exactly
    /// it (or `full`); returns whether it wrote (``StreamedFileWriter``).
    @discardableResult
    package static func writeIfChanged(to path: String, full: Bool, _ write: (WorklistRenderer.TextSink) -> Void) throws -> Bool {
        let file = try StreamedFileWriter(path: path, full: full)
        write { file.write($0) }
        return try file.finish()
    }
}

/// One patient's turn in the referral step.
package struct PatientTurn: Sendable {
    /// The patient id.
    package var id: PatientID
    /// The patient's line in the latest completed run.
    var previous: Ledger.PreviousResult?
    /// Set when an earlier patient id (in id order) makes the same folder name (`a/b` and
    /// `a_b`): this patient's reports are then not written, the same way for any `--jobs`.
    var folderTaken = false
}

/// One patient's output of the referral step.
package struct PatientOutcome: Sendable {
    /// The patient's line for the ledger and the worklist.
    var result: Ledger.Result
    /// Records that could not be read.
    var unreadable: Int
    /// Whether any report was rewritten.
    var rewrote: Bool
    /// Why the reports were not written, if so.
    var problem: WriteProblem?
    /// The worklist's view of the referral; nil when the ledger's copy was kept.
    var summary: Worklist.Summary?
}

/// Why a patient's reports were not written: an id that cannot be a folder name (an input
/// problem) or a failed write (an output problem, exit 73).
package struct WriteProblem: Error, Sendable {
    /// The problem as the run lists it.
    var diagnostic: Diagnostic
    /// Whether it is the output's fault.
    var isOutputFailure: Bool
}
