import TriageIngest
import TriageKnowledge
import TriageModel

/// Gathers what the readers got out of every file into one normalised record per patient
/// (SPEC §2: group by patient → normalise).
///
/// Records dated after the as-of date are ignored with a warning (SPEC §2). A diagnostic that
/// names its patient goes to that patient; a file-level diagnostic (an unknown column, a
/// malformed tail) goes to every patient the file contributed to, and, when the file
/// contributed to no one, to ``Assembly/unattributed``. Patients who appear only in a patients
/// file get no record: there is nothing to triage; the count is noted in `unattributed`.
public struct PatientRecordAssembler: Sendable {
    /// The result of assembling.
    public struct Assembly: Sendable, Hashable {
        /// One record per patient with journal or lab data, sorted by id.
        public var patients: [PatientRecord]
        /// Problems that belong to no patient (a refused file, a file with no usable record).
        package var unattributed: [Diagnostic]
        /// Every input file read, in path order, with its fingerprint.
        package var inputs: [InputFile]
    }

    let normaliser: Normaliser
    let asOf: LocalDate

    /// Creates an assembler.
    public init(knowledge: Knowledge, asOf: LocalDate) {
        self.normaliser = Normaliser(knowledge: knowledge, asOf: asOf)
        self.asOf = asOf
    }

    /// Assembles the outcomes of reading every input file (in path order).
    ///
    /// The same as splitting each file with ``parts(of:fileIndex:building:)`` and folding each
    /// patient's parts with ``record(id:parts:)``, which is how the batch does it a patient at
    /// a time.
    package func assemble(_ outcomes: [InputFileReader.Outcome]) -> Assembly {
        fold(outcomes.enumerated().map { parts(of: $1, fileIndex: $0) }, inputs: outcomes.map(\.input))
    }

    /// Folds the files' splits (in path order) into records: one per patient the splits built
    /// and gave something to triage. Patients a split did not build
    /// (``parts(of:fileIndex:building:)``) get no record, but count, as in ``assemble(_:)``,
    /// in the warning about patients with demographics only; so the unattributed problems are
    /// the same whichever patients were built.
    ///
    /// - Parameters:
    ///   - building: the same choice of patients the splits were made with.
    ///   - countingDemographicsOnly: whether to warn, per file, about the patients with
    ///     demographics but nothing to triage; `report --patient` does not (a single-patient
    ///     report says nothing about other patients: ``Ingestion``).
    package func fold(_ splits: [FileParts], inputs: [InputFile], building: (PatientID) -> Bool = { _ in true },
                     countingDemographicsOnly: Bool = true) -> Assembly {
        var byPatient: [PatientID: [Part]] = [:]
        // The patients not built need only whether any part gives them something to triage,
        // and their first file: kept apart, unsorted (a report over a 100,000-patient export).
        var unbuilt: [PatientID: (hasTriageData: Bool, firstFile: String)] = [:]
        if countingDemographicsOnly { unbuilt.reserveCapacity(splits.reduce(0) { $0 + $1.parts.count }) }
        var unattributed: [Diagnostic] = []
        for split in splits {
            unattributed += split.unattributed
            for (patient, part) in split.parts {
                if building(patient) {
                    byPatient[patient, default: []].append(part)
                } else if !countingDemographicsOnly {
                    continue
                } else if let seen = unbuilt[patient] {
                    unbuilt[patient] = (seen.hasTriageData || part.hasTriageData, min(seen.firstFile, part.input.file))
                } else {
                    unbuilt[patient] = (part.hasTriageData, part.input.file)
                }
            }
        }
        var patients: [PatientRecord] = []
        var demographicsOnly: [String: Int] = [:]
        for (_, patient) in unbuilt where !patient.hasTriageData {
            demographicsOnly[patient.firstFile, default: 0] += 1
        }
        for id in byPatient.keys.sorted() {
            let parts = byPatient[id]!
            // For a built patient, having something to triage is having a record.
            guard parts.contains(where: \.hasTriageData) else {
                demographicsOnly[Self.firstFile(parts.map(\.input.file)), default: 0] += 1
                continue
            }
            if let record = record(id: id, parts: parts) { patients.append(record) }
        }
        if countingDemographicsOnly { unattributed += Self.demographicsOnlyWarnings(demographicsOnly) }
        return Assembly(patients: patients, unattributed: unattributed.sorted(), inputs: inputs)
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
            .warning(at: SourceLocation(file: file),
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
                if current.birthDate == nil { current.birthDate = birth } else if current.birthDate != birth { conflicts.append("birth date") }
            }
            if let age = incoming.age {
                if current.age == nil { current.age = age } else if current.age != age { conflicts.append("age") }
            }
            if let sex = incoming.sex {
                if current.sex == nil { current.sex = sex } else if current.sex != sex { conflicts.append("sex") }
            }
            if current.displayName == nil { current.displayName = incoming.displayName }
            if !conflicts.isEmpty {
                diagnostics.append(.warning(at: incoming.source,
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
