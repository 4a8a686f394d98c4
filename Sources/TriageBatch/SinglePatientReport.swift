import TriageEngine
import TriageIngest
import TriageKnowledge
import TriageModel
import TriageRender

/// `report`: one patient's referral from named paths, made by the batch's own steps (discover,
/// read and group by patient through ``Ingestion``, the patient's turn, then the referral and
/// its rendering): the library's entry point, so the executable only parses its arguments,
/// prints what this returns and ends with its outcome.
package struct SinglePatientReport: Sendable {
    /// The output formats.
    package enum Format: String, Sendable, Hashable, CaseIterable {
        /// `referral.json`'s JSON.
        case json
        /// `referral.md`'s Markdown.
        case markdown
        /// `referral.html`'s page.
        case html
        /// `referral.fhir.json`'s FHIR R4 Bundle.
        case fhir

        /// `referral` in this format.
        package func render(_ referral: Referral, knowledge: Knowledge) -> String {
            switch self {
            case .json: ReferralJSON.render(referral)
            case .markdown: ReferralMarkdown.render(referral, knowledge: knowledge)
            case .html: ReferralHTML.render(referral, knowledge: knowledge)
            case .fhir: ReferralFHIR.render(referral, knowledge: knowledge)
            }
        }
    }

    /// How the report ended (SPEC §8).
    package enum Outcome: Sendable, Hashable {
        /// The referral is made and every input read (warnings allowed): exit 0.
        case ok
        /// The referral is made, and says that some input could not be read: exit 65.
        case inputProblems
        /// No patient could be picked: none in the input (input, 65), several and none chosen
        /// (usage, 64), or not the one chosen (usage, 64).
        case noPatient(TriageError)
    }

    /// The patient's referral; nil when no patient could be picked (``Outcome/noPatient(_:)``).
    package var referral: Referral?
    /// The referral in the format asked for; empty without a referral.
    package var rendered: String
    /// The problems to list, sorted: the patient's and those of no patient; without a patient
    /// picked from several (or none), those of no patient; nothing when the chosen patient is
    /// not in the input.
    package var diagnostics: [Diagnostic]
    /// How it ended.
    package var outcome: Outcome

    /// Makes the referral of `patient`, or of the one patient the input holds.
    ///
    /// - Parameters:
    ///   - paths: files or folders.
    ///   - patient: the patient; nil when the input holds one only.
    ///   - format: the format of ``rendered``.
    ///   - asOf: the as-of date; records after it are ignored with a warning.
    ///   - options: reader options.
    ///   - knowledge: the knowledge tables.
    ///   - maxFileSize: files larger than this are refused.
    /// - Throws: ``TriageError`` (input) when a path does not exist or cannot be listed.
    package static func make(
        paths: [String], patient: PatientID?, format: Format, asOf: LocalDate, options: ReadOptions,
        knowledge: Knowledge, maxFileSize: Int = .max
    ) throws(TriageError) -> SinglePatientReport {
        // With a patient, only that patient's records are built; the others' ids are needed
        // only to say which there are when it is not found.
        let assembly = try Ingestion.run(
            paths: paths, options: options, knowledge: knowledge, asOf: asOf,
            maxFileSize: maxFileSize, patient: patient)
        var record: PatientRecord
        if let patient {
            guard let found = assembly.patients.first(where: { $0.id == patient }) else {
                let ids = try Ingestion.patientsWithRecords(
                    paths: paths, options: options, knowledge: knowledge, asOf: asOf,
                    maxFileSize: maxFileSize
                ).map(\.rawValue)
                let found = ids.isEmpty ? "none" : ids.joined(separator: ", ")
                return SinglePatientReport(
                    noPatient: TriageError(.usage("no patient \(patient) in the input; patients found: \(found)")),
                    diagnostics: [])
            }
            record = found
        } else if assembly.patients.count == 1 {
            record = assembly.patients[0]
        } else {
            let ids = assembly.patients.map(\.id)
            let error =
                ids.isEmpty
                ? TriageError(.inputUnreadable("no patient data found in the input"))
                : TriageError(.usage("the input holds \(ids.count) patients; choose one with --patient: \(ids.joined(separator: ", "))"))
            return SinglePatientReport(noPatient: error, diagnostics: assembly.unattributed)
        }
        record.diagnostics = (record.diagnostics + assembly.unattributed).sorted()
        let referral = ReferralBuilder(knowledge: knowledge).referral(for: record, asOf: asOf)
        return SinglePatientReport(
            referral: referral, rendered: format.render(referral, knowledge: knowledge),
            diagnostics: record.diagnostics,
            outcome: record.diagnostics.contains { $0.severity == .error } ? .inputProblems : .ok)
    }

    private init(referral: Referral?, rendered: String, diagnostics: [Diagnostic], outcome: Outcome) {
        self.referral = referral
        self.rendered = rendered
        self.diagnostics = diagnostics
        self.outcome = outcome
    }

    private init(noPatient error: TriageError, diagnostics: [Diagnostic]) {
        self.init(referral: nil, rendered: "", diagnostics: diagnostics, outcome: .noPatient(error))
    }
}
