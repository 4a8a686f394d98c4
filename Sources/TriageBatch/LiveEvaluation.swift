import Synchronization
import TriageEngine
import TriageIngest
import TriageKnowledge
import TriageModel
import TriageNormalise
import TriageRender

/// Re-evaluates one patient's referral with lab results the EHR holds beyond the night's inputs
/// (SPEC §7.2, the CDS Hooks service): the same readers, normalising, deduplication and rules as
/// the batch, with the knowledge loaded once.
///
/// The service keeps the night's records (``nightRecords(paths:asOf:maxFileSize:)``); a call's
/// prefetched Observations are read as a FHIR JSON Bundle by the batch's own reader
/// (``liveLabs(fhirJSON:name:patientID:nightAsOf:night:)``), and those newer than the night are
/// merged with the night's record (``referral(night:live:)``).
package struct LiveEvaluation: Sendable {
    /// Assemblers by as-of date: each builds its vocabulary matcher once (milliseconds), and a
    /// service's calls use a handful of dates (the night's, and the days since).
    private final class Assemblers: Sendable {
        private let kept = Mutex<[LocalDate: PatientRecordAssembler]>([:])

        func assembler(knowledge: Knowledge, asOf: LocalDate) -> PatientRecordAssembler {
            if let found = kept.withLock({ $0[asOf] }) { return found }
            let made = PatientRecordAssembler(knowledge: knowledge, asOf: asOf)
            kept.withLock { kept in
                if kept.count >= 8 { kept.removeAll() }
                kept[asOf] = made
            }
            return made
        }
    }

    /// The live lab results of one call, normalised, for one patient.
    package struct LiveLabs: Sendable, Hashable {
        /// Results newer than the night's batch: dated after its as-of date, or on it and not
        /// already among the night's results (same analyte and collection time).
        package var labs: [LabResult]
        /// The prefetch as provenance names it, with its SHA-256.
        package var input: InputFile
        /// Problems reading it (never values).
        package var diagnostics: [Diagnostic]
        /// The as-of date of the re-evaluation: the night's, or the newest live result's date
        /// when later.
        package var asOf: LocalDate
    }

    /// The knowledge tables, loaded once.
    package let knowledge: Knowledge
    /// Reader options (by default the batch's defaults, reading by ``knowledge``'s analytes).
    package let readOptions: ReadOptions
    private let builder: ReferralBuilder
    private let assemblers = Assemblers()

    /// Creates an evaluator.
    package init(knowledge: Knowledge, readOptions: ReadOptions? = nil) {
        self.knowledge = knowledge
        self.readOptions = readOptions ?? ReadOptions(knowledge: knowledge)
        self.builder = ReferralBuilder(knowledge: knowledge)
    }

    /// Reads the night's inputs (the drop the batch read) into one record per patient, by id,
    /// through the batch's own steps (``Ingestion``).
    ///
    /// - Throws: ``TriageError`` (input) when a path does not exist or cannot be listed.
    package func nightRecords(paths: [String], asOf: LocalDate, maxFileSize: Int = .max) throws(TriageError) -> [PatientID: PatientRecord] {
        let assembly = try Ingestion.run(paths: paths, options: readOptions, knowledge: knowledge, asOf: asOf, maxFileSize: maxFileSize)
        var records: [PatientID: PatientRecord] = [:]
        for record in assembly.patients { records[record.id] = record }
        return records
    }

    /// Reads a FHIR JSON Bundle of one patient's Observations (already narrowed to that patient
    /// and to final, amended or corrected results by the caller) as `patientID`'s lab results,
    /// keeping those newer than the night.
    ///
    /// - Parameters:
    ///   - bytes: the Bundle's JSON.
    ///   - name: the name provenance and problems give it (never a patient value).
    ///   - patientID: the batch's id of the patient.
    ///   - nightAsOf: the night's as-of date.
    ///   - night: the night's record of the patient, if the night's inputs are known.
    package func liveLabs(
        fhirJSON bytes: UnsafeRawBufferPointer, name: String, patientID: PatientID,
        nightAsOf: LocalDate, night: PatientRecord?
    ) -> LiveLabs {
        var outcome = InputFileReader.read(bytes: bytes, file: name, options: readOptions)
        var newest = nightAsOf
        if case .read(var result) = outcome.outcome {
            for index in result.labs.indices {
                result.labs[index].patientID = patientID
                newest = max(newest, result.labs[index].collected.date)
            }
            result.demographics = []
            result.patientResources = [:]
            result.referencedPatients = []
            result.diagnostics = result.diagnostics.map { diagnostic in
                var diagnostic = diagnostic
                if diagnostic.patientID != nil { diagnostic.patientID = patientID }
                return diagnostic
            }
            outcome.outcome = .read(result)
        }
        let assembler = assemblers.assembler(knowledge: knowledge, asOf: newest)
        let split = assembler.parts(of: outcome, fileIndex: Int.max)
        let part = split.parts[patientID]
        let seen = Set((night?.labs ?? []).map { NightKey(analyte: $0.analyte, collected: $0.collected) })
        let labs = (part?.labs ?? []).filter { lab in
            lab.collected.date > nightAsOf
                || (lab.collected.date == nightAsOf && !seen.contains(NightKey(analyte: lab.analyte, collected: lab.collected)))
        }
        let latest = labs.map(\.collected.date).max().map { max($0, nightAsOf) } ?? nightAsOf
        return LiveLabs(labs: labs, input: outcome.input, diagnostics: (part?.diagnostics ?? []) + split.unattributed, asOf: latest)
    }

    private struct NightKey: Hashable {
        var analyte: AnalyteID
        var collected: Timestamp
    }

    /// The referral of the night's record with the live results merged in (sorted and
    /// deduplicated as the batch does), as of ``LiveLabs/asOf``.
    package func referral(night: PatientRecord, live: LiveLabs) -> Referral {
        var record = night
        let merged = (night.labs + live.labs).sorted { ($0.collected, $0.source) < ($1.collected, $1.source) }
        let (labs, repeats) = LabDeduplication.deduplicated(merged)
        record.labs = labs
        record.diagnostics = Array(Set(night.diagnostics + repeats + live.diagnostics)).sorted()
        record.inputs = Array(Set(night.inputs + [live.input])).sorted()
        return builder.referral(for: record, asOf: live.asOf)
    }

    /// The ServiceRequests `referral.fhir.json` would hold for `referral` (§7.1), by id, as JSON
    /// values: what the service needs of a re-evaluated referral, without writing and parsing
    /// the whole Bundle.
    package func serviceRequests(of referral: Referral) -> [String: JSONValue] {
        guard case .object(let bundle) = ReferralFHIR.bundle(referral, knowledge: knowledge), case .array(let entries)? = bundle["entry"]
        else {
            return [:]
        }
        var out: [String: JSONValue] = [:]
        for entry in entries {
            guard case .object(let members) = entry, case .object(let resource)? = members["resource"],
                resource["resourceType"] == .string("ServiceRequest"), case .string(let id)? = resource["id"]
            else { continue }
            out[id] = .object(resource)
        }
        return out
    }

    /// The id `referral.fhir.json` gives the ServiceRequest of a recommended order (§7.1):
    /// `test` as `recommendations[].test` writes it, with the MRI's region or the blood
    /// analyte. The service finds an order's ServiceRequest by it.
    package static func serviceRequestID(patientID: PatientID, test: CatalogueTestID, region: VariantID?, analyte: AnalyteID?) -> String {
        let key =
            test == Recommendation.Test.bloodWork.id
            ? "request|bloodWork|\(analyte?.rawValue ?? "")" : "request|\(test.rawValue)|\(region?.rawValue ?? "")"
        return ReferralFHIR.id(patientID, key, prefix: "req")
    }
}
