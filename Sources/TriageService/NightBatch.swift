import Foundation
import Logging
import Synchronization
import TriageBatch
import TriageModel

/// The last completed batch of `--reports` (SPEC §7.2): its ledger's results (patient,
/// fingerprint, report folder), the patients' referral documents (read on first use and kept),
/// and, with `--in`, the night's records for re-evaluation (read once per batch). A newer
/// completed run replaces all of it at once (``refresh()``).
package final class NightBatch: Sendable {
    /// One batch's view.
    package final class Snapshot: Sendable {
        /// The ledger's run id.
        package let runID: Int64
        /// The batch's as-of date.
        package let asOf: LocalDate
        /// The ledger's results by patient id.
        package let results: [PatientID: Ledger.PreviousResult]
        /// The night's records by patient id (empty without `--in`).
        package let records: [PatientID: PatientRecord]
        /// Whether the night's inputs were read (`--in` given and readable).
        package let hasInputs: Bool
        private let documents = Mutex<[PatientID: ReferralDocuments]>([:])
        private let reports: String

        init(
            runID: Int64, asOf: LocalDate, results: [PatientID: Ledger.PreviousResult], records: [PatientID: PatientRecord],
            hasInputs: Bool, reports: String
        ) {
            self.runID = runID
            self.asOf = asOf
            self.results = results
            self.records = records
            self.hasInputs = hasInputs
            self.reports = reports
        }

        /// The patient's referral documents, read once.
        package func documents(of patientID: PatientID) -> ReferralDocuments? {
            if let kept = documents.withLock({ $0[patientID] }) { return kept }
            guard let folder = results[patientID]?.folder else { return nil }
            let base = URL(fileURLWithPath: reports).appendingPathComponent(folder)
            guard let json = try? Data(contentsOf: base.appendingPathComponent("referral.json")),
                let fhir = try? Data(contentsOf: base.appendingPathComponent("referral.fhir.json")),
                let parsed = try? ReferralDocuments(referralJSON: json, fhirJSON: fhir)
            else { return nil }
            documents.withLock { $0[patientID] = parsed }
            return parsed
        }
    }

    private let reports: String
    private let inputs: String?
    private let evaluation: LiveEvaluation
    private let logger: Logger
    private let current = Mutex<Snapshot?>(nil)

    /// Creates the view of `reports` (nothing is read until ``refresh()``).
    package init(reports: String, inputs: String?, evaluation: LiveEvaluation, logger: Logger) {
        self.reports = reports
        self.inputs = inputs
        self.evaluation = evaluation
        self.logger = logger
    }

    /// The batch in force, nil before any completed batch.
    package var snapshot: Snapshot? { current.withLock { $0 } }

    /// Reads the ledger; when its last completed run is not the one in force, loads it (and the
    /// night's inputs). Returns whether it changed.
    ///
    /// - Throws: the ledger's error when it cannot be opened or read.
    @discardableResult
    package func refresh() throws -> Bool {
        let ledger = try Ledger(output: reports)
        guard let run = try ledger.completedRuns().first else { return false }
        if current.withLock({ $0?.runID }) == run { return false }
        let results = try ledger.results(ofRun: run)
        let asOf = Self.asOf(reports: reports) ?? LocalDate(dayNumber: 0)
        var records: [PatientID: PatientRecord] = [:]
        var hasInputs = false
        if let inputs {
            do {
                records = try evaluation.nightRecords(paths: [inputs], asOf: asOf)
                hasInputs = true
            } catch {
                logger.error(
                    "night inputs not readable; live labs cannot be merged until the next batch",
                    metadata: ["path": "\(inputs)"])
            }
        }
        let snapshot = Snapshot(runID: run, asOf: asOf, results: results, records: records, hasInputs: hasInputs, reports: reports)
        current.withLock { $0 = snapshot }
        logger.info(
            "batch loaded", metadata: ["run": "\(run)", "patients": "\(results.count)", "inputs": "\(hasInputs ? records.count : 0)"])
        return true
    }

    /// The as-of date `run.json` records.
    static func asOf(reports: String) -> LocalDate? {
        struct Run: Decodable { var asOf: String }
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: reports).appendingPathComponent("run.json")),
            let run = try? JSONDecoder().decode(Run.self, from: data)
        else { return nil }
        return LocalDate(iso: run.asOf)
    }
}
