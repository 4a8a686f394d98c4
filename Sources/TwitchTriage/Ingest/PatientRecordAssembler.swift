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
        public var unattributed: [Diagnostic]
        /// Every input file read, in path order, with its fingerprint.
        public var inputs: [InputFile]
    }

    private let normaliser: Normaliser
    private let asOf: LocalDate

    /// Creates an assembler.
    public init(knowledge: Knowledge, asOf: LocalDate) {
        self.normaliser = Normaliser(knowledge: knowledge, asOf: asOf)
        self.asOf = asOf
    }

    /// Assembles the outcomes of reading every input file (in path order).
    public func assemble(_ outcomes: [InputFileReader.Outcome]) -> Assembly {
        var builders: [String: Builder] = [:]
        var unattributed: [Diagnostic] = []
        var demographicsOnly: [String: Int] = [:]

        for outcome in outcomes {
            let result: ReadResult
            switch outcome.outcome {
            case .refused(let diagnostic):
                unattributed.append(diagnostic)
                continue
            case .read(let read):
                result = read
            }
            var contributed: Set<String> = []
            var diagnostics = result.diagnostics

            for record in result.journal {
                if record.timestamp.date > asOf {
                    diagnostics.append(.warning(at: record.source, "entry dated after the as-of date \(asOf); entry ignored",
                                                patientID: record.patientID))
                    continue
                }
                let entry = normaliser.journalEntry(from: record, diagnostics: &diagnostics)
                builders[record.patientID, default: Builder(id: record.patientID)].journal.append(entry)
                contributed.insert(record.patientID)
            }
            for record in result.labs {
                if record.collected.date > asOf {
                    diagnostics.append(.warning(at: record.source, "result dated after the as-of date \(asOf); result ignored",
                                                patientID: record.patientID))
                    continue
                }
                contributed.insert(record.patientID)
                if let lab = normaliser.labResult(from: record, diagnostics: &diagnostics) {
                    builders[record.patientID, default: Builder(id: record.patientID)].labs.append(lab)
                } else {
                    _ = builders[record.patientID, default: Builder(id: record.patientID)]
                }
            }
            for demographics in result.demographics {
                var builder = builders[demographics.patientID] ?? Builder(id: demographics.patientID)
                builder.merge(demographics, diagnostics: &diagnostics)
                builders[demographics.patientID] = builder
                contributed.insert(demographics.patientID)
            }
            for diagnostic in diagnostics {
                if let patient = diagnostic.patientID {
                    builders[patient, default: Builder(id: patient)].diagnostics.append(diagnostic)
                    contributed.insert(patient)
                }
            }
            let fileLevel = diagnostics.filter { $0.patientID == nil }
            if contributed.isEmpty {
                unattributed += fileLevel
            }
            for patient in contributed {
                builders[patient, default: Builder(id: patient)].diagnostics += fileLevel
                builders[patient, default: Builder(id: patient)].inputs.insert(outcome.input)
            }
        }

        var patients: [PatientRecord] = []
        for id in builders.keys.sorted() {
            let builder = builders[id]!
            if builder.journal.isEmpty && builder.labs.isEmpty && builder.hadNoRowErrors {
                demographicsOnly[builder.inputs.sorted().first?.file ?? "", default: 0] += 1
                continue
            }
            patients.append(builder.record())
        }
        for (file, count) in demographicsOnly.sorted(by: { $0.key < $1.key }) {
            unattributed.append(.warning(at: SourceLocation(file: file),
                                         "\(count) patient\(count == 1 ? " has" : "s have") demographics but no journal or lab data; no report written"))
        }
        return Assembly(patients: patients, unattributed: unattributed.sorted(), inputs: outcomes.map(\.input))
    }

    private struct Builder {
        let id: String
        var demographics: PatientDemographics?
        var journal: [JournalEntry] = []
        var labs: [LabResult] = []
        var diagnostics: [Diagnostic] = []
        var inputs: Set<InputFile> = []

        init(id: String) { self.id = id }

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
            PatientRecord(
                id: id,
                demographics: demographics,
                journal: journal.sorted { ($0.timestamp, $0.source) < ($1.timestamp, $1.source) },
                labs: labs.sorted { ($0.collected, $0.source) < ($1.collected, $1.source) },
                diagnostics: Array(Set(diagnostics)).sorted(),
                inputs: inputs.sorted()
            )
        }
    }
}
