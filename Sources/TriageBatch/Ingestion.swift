import TriageIngest
import TriageKnowledge
import TriageModel
import TriageNormalise

/// The front of the pipeline for named paths, through the batch's own steps (``BatchPlan``):
/// discover → read → group by patient → each patient's turn (SPEC §2). Used by `report`
/// (``SinglePatientReport``) and the CDS Hooks service's night (``LiveEvaluation``); its reader
/// reads every file once (``BatchPlan/Reader/holds``).
package enum Ingestion {
    /// What the inputs came to.
    package struct Assembly: Sendable, Hashable {
        /// One record per patient with journal or lab data, sorted by id.
        package var patients: [PatientRecord]
        /// Problems that belong to no patient (a refused file, a file with no usable record),
        /// sorted.
        package var unattributed: [Diagnostic]
    }

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
    package static func run(
        paths: [String], options: ReadOptions, knowledge: Knowledge, asOf: LocalDate,
        maxFileSize: Int = .max, patient: PatientID? = nil
    ) throws(TriageError) -> Assembly {
        let reader = BatchPlan.Reader(
            holdingFor: patient, options: options, maxFileSize: maxFileSize,
            assembler: PatientRecordAssembler(knowledge: knowledge, asOf: asOf))
        let plan = try plan(paths, reader: reader)
        if let patient {
            let (record, _, problems) = plan.assemble(patient)
            return Assembly(patients: record.map { [$0] } ?? [], unattributed: (plan.unattributed + problems).sorted())
        }
        var patients: [PatientRecord] = []
        let unattributed = everyRecord(of: plan) { patients.append($0) }
        return Assembly(patients: patients, unattributed: unattributed)
    }

    /// The ids of every patient with journal or lab data under `paths`, sorted: the patients
    /// ``run(paths:options:knowledge:asOf:maxFileSize:patient:)`` gives records without a
    /// `patient`, built one at a time and let go (the records are not kept).
    ///
    /// - Throws: ``TriageError`` (input) when a path does not exist or cannot be listed.
    package static func patientsWithRecords(
        paths: [String], options: ReadOptions, knowledge: Knowledge, asOf: LocalDate,
        maxFileSize: Int = .max
    ) throws(TriageError) -> [PatientID] {
        let reader = BatchPlan.Reader(
            options: options, maxFileSize: maxFileSize,
            assembler: PatientRecordAssembler(knowledge: knowledge, asOf: asOf))
        var ids: [PatientID] = []
        _ = everyRecord(of: try plan(paths, reader: reader)) { ids.append($0.id) }
        return ids
    }

    /// The discover, read and group steps over `paths`, on the calling thread.
    private static func plan(_ paths: [String], reader: BatchPlan.Reader) throws(TriageError) -> BatchPlan {
        let files: [InputDiscovery.Found]
        do {
            files = try reader.discover(paths)
        } catch {
            throw TriageError(converting: error, step: nil)
        }
        return BatchPlan(files: files, reads: reader.firstReads(of: files, jobs: 1), reader: reader)
    }

    /// Every patient's turn, in id order: `body` gets each record; returns the problems for no
    /// patient with the count of patients with demographics only, sorted (as the batch's
    /// referrals step counts them).
    private static func everyRecord(of plan: BatchPlan, _ body: (PatientRecord) -> Void) -> [Diagnostic] {
        var unattributed = plan.unattributed
        var demographicsOnly: [String: Int] = [:]
        for patient in plan.patients {
            let (record, firstFile, problems) = plan.assemble(patient)
            unattributed += problems
            if let record { body(record) } else { demographicsOnly[firstFile, default: 0] += 1 }
        }
        return (unattributed + PatientRecordAssembler.demographicsOnlyWarnings(demographicsOnly)).sorted()
    }
}
