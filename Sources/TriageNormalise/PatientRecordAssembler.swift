import TriageIngest
import TriageKnowledge
import TriageModel

/// Gathers what the readers got out of every file into one normalised record per patient
/// (SPEC §2: group by patient → normalise), in two moves: each file is split by patient
/// (``parts(of:fileIndex:building:)``), and each patient's parts, from any number of files, are
/// folded into its record (``record(id:parts:)``). The batch's plan (`BatchPlan` in
/// TriageBatch, through which `report` and the service read too) makes both moves, a patient at
/// a time.
///
/// Records dated after the as-of date are ignored with a warning (SPEC §2). A diagnostic that
/// names its patient goes to that patient; a file-level diagnostic (an unknown column, a
/// malformed tail) goes to every patient the file contributed to, and, when the file
/// contributed to no one, to the problems for no patient. Patients who appear only in a
/// patients file get no record: there is nothing to triage; the count is noted
/// (``demographicsOnlyWarnings(_:)``).
public struct PatientRecordAssembler: Sendable {
    let normaliser: Normaliser
    let asOf: LocalDate

    /// Creates an assembler.
    public init(knowledge: Knowledge, asOf: LocalDate) {
        self.normaliser = Normaliser(knowledge: knowledge, asOf: asOf)
        self.asOf = asOf
    }

    /// The file under which a patient with demographics only is counted: the first of its
    /// files in path order.
    package static func firstFile(_ files: [String]) -> String {
        files.min() ?? ""
    }

    /// One warning per file for the patients who have demographics but nothing to triage,
    /// counted under each one's first file (``firstFile(_:)``).
    package static func demographicsOnlyWarnings(_ counts: [String: Int]) -> [Diagnostic] {
        counts.sorted(by: { $0.key < $1.key }).map { file, count in
            .warning(
                at: SourceLocation(file: file),
                "\(count) patient\(count == 1 ? " has" : "s have") demographics but no journal or lab data; no report written")
        }
    }

    struct Builder {
        let id: PatientID
        var demographics: PatientDemographics?
        var journal: [JournalEntry] = []
        var labs: [LabResult] = []
        var otherResults: [Referral.OtherResult] = []
        var phoneDays: [PhoneDay] = []
        var diagnostics: [Diagnostic] = []
        var inputs: Set<InputFile> = []

        init(id: PatientID) { self.id = id }

        /// Whether nothing but demographics (and warnings about them) came in.
        var hadNoRowErrors: Bool { !diagnostics.contains { $0.severity == .error } }

        mutating func merge(_ incoming: PatientDemographics, diagnostics: inout [Diagnostic]) {
            guard var current = demographics else {
                demographics = incoming
                return
            }
            var conflicts: [String] = []
            if let birth = incoming.birthDate {
                if current.birthDate == nil {
                    current.birthDate = birth
                } else if current.birthDate != birth {
                    conflicts.append("birth date")
                }
            }
            if let age = incoming.age {
                if current.age == nil { current.age = age } else if current.age != age { conflicts.append("age") }
            }
            if let sex = incoming.sex {
                if current.sex == nil { current.sex = sex } else if current.sex != sex { conflicts.append("sex") }
            }
            if current.displayName == nil { current.displayName = incoming.displayName }
            if !conflicts.isEmpty {
                diagnostics.append(
                    .warning(
                        at: incoming.source,
                        "\(conflicts.joined(separator: " and ")) differs from \(current.source.description); the earlier value kept",
                        patientID: incoming.patientID))
            }
            demographics = current
        }

        func record() -> PatientRecord {
            let (labs, repeats) = LabDeduplication.deduplicated(labs.sorted { ($0.collected, $0.source) < ($1.collected, $1.source) })
            var journal = journal.sorted { ($0.timestamp, $0.source) < ($1.timestamp, $1.source) }
            let phoneDays = PhoneLifestyleMerge.days(phoneDays)
            PhoneLifestyleMerge.fill(&journal, from: phoneDays)
            var record = PatientRecord(
                id: id,
                demographics: demographics,
                journal: journal,
                labs: labs,
                diagnostics: Array(Set(diagnostics + repeats)).sorted(),
                inputs: inputs.sorted()
            )
            record.phoneDays = phoneDays
            record.otherResults = otherResults.sorted { lhs, rhs in
                if lhs.collected != rhs.collected, let left = lhs.collected, let right = rhs.collected { return left < right }
                if (lhs.collected == nil) != (rhs.collected == nil) { return lhs.collected != nil }
                return lhs.source < rhs.source
            }
            return record
        }
    }
}
