import Synchronization
import TriageIngest
import TriageModel
import TriageNormalise

/// How the batch reads a night's drop without holding every record in memory (SPEC §8, §9: a
/// hundred thousand patients in under 1 GB).
///
/// Every file is read once, in parallel, to learn whose data it holds. A file shared by
/// several patients (a laboratory's or the registration system's export) is split by patient
/// and kept, normalised. A file that holds one patient only (typically a journal export) is
/// dropped at once and read again when that patient's turn comes; the patient's report is
/// then built and written and its records let go. Memory holds the shared files and the
/// patients in flight, not every journal.
///
/// The records a patient ends up with, and so every report, the worklist and the ledger, are
/// exactly those of ``PatientRecordAssembler/assemble(_:)`` over all files: the same split
/// (``PatientRecordAssembler/parts(of:fileIndex:)``) and fold
/// (``PatientRecordAssembler/record(id:parts:)``).
struct BatchPlan: Sendable {
    /// What the first read of a file found.
    enum FirstRead: Sendable {
        /// Problems that belong to no patient; `refused` when the file was refused whole.
        case unattributed([Diagnostic], refused: Bool)
        /// The file holds one patient only: read it again on the patient's turn.
        case own(patient: PatientID, hasTriageData: Bool)
        /// The file holds several patients (or none): its parts, kept packed, and its problems
        /// for no patient.
        case shared(PatientRecordAssembler.PackedParts, unattributed: [Diagnostic])
        /// A phone export, which names no patient: attached once every file has been read.
        case export
        /// A FHIR file that named patients only as `Patient/ID`: read again once every file's
        /// Patient resources are known (``PatientReferenceTable``).
        case waiting
        /// What the file holds, and the FHIR Patient resources it gives the run's table.
        indirect case withPatientResources([String: String], FirstRead)
    }

    /// A file that holds one patient only.
    struct OwnFile: Sendable {
        var index: Int
        var found: InputDiscovery.Found
        /// Whether it gives the patient a journal entry, a usable lab result or a row error.
        var hasTriageData: Bool
        /// Whether it is a phone export attached to the patient (read again, it is attached
        /// again).
        var isExport = false
        /// Whether its patient ids come through the run's Patient resources (read again, they
        /// are renamed again).
        var usesReferences = false
    }

    /// Shared files' parts by patient, each taken once, on the patient's turn.
    ///
    /// Each file's parts stay packed (``PatientRecordAssembler/PackedParts``) and are let go
    /// together once the file's last patient has been taken: nothing is freed one patient at a
    /// time, which at 100,000 patients left the heap full of holes that every later allocation
    /// searched (issue 23).
    final class SharedParts: Sendable {
        /// One patient's part: the file (its position among the shared files) and the entry.
        private struct Location: Sendable {
            var file: Int
            var entry: Int
        }

        private struct State: Sendable {
            /// The shared files' packed parts; nil once every patient of a file has been taken.
            var files: [PatientRecordAssembler.PackedParts?]
            /// Patients not yet taken, per file.
            var remaining: [Int]
            /// Every patient's locations, patient after patient, in file order.
            var locations: [Location]
            /// Each patient's range in `locations`, removed when taken.
            var index: [PatientID: Range<Int>]
        }

        private let state: Mutex<State>
        /// Every patient with a part, sorted by id.
        let patients: [PatientID]

        init(_ files: [PatientRecordAssembler.PackedParts]) {
            var found: [(patient: PatientID, location: Location)] = []
            found.reserveCapacity(files.reduce(0) { $0 + $1.entries.count })
            for (file, packed) in files.enumerated() {
                for (entry, part) in packed.entries.enumerated() {
                    found.append((part.patient, Location(file: file, entry: entry)))
                }
            }
            // A patient's locations in file order (a file has one entry per patient).
            found.sort { ($0.patient, $0.location.file) < ($1.patient, $1.location.file) }
            var index: [PatientID: Range<Int>] = [:]
            var patients: [PatientID] = []
            index.reserveCapacity(found.count)
            var start = 0
            while start < found.count {
                var end = start + 1
                while end < found.count && found[end].patient == found[start].patient { end += 1 }
                index[found[start].patient] = start..<end
                patients.append(found[start].patient)
                start = end
            }
            self.patients = patients
            state = Mutex(State(files: files, remaining: files.map(\.entries.count),
                                locations: found.map(\.location), index: index))
        }

        /// Removes and returns the patient's parts, in file order.
        func take(_ patient: PatientID) -> [PatientRecordAssembler.Part] {
            // The files' lists are copied (retained) under the lock; the parts are cut outside
            // it, and a file let go here is freed when the last of these copies goes.
            let found = state.withLock { state -> [(PatientRecordAssembler.PackedParts, Int)] in
                guard let range = state.index.removeValue(forKey: patient) else { return [] }
                var found: [(PatientRecordAssembler.PackedParts, Int)] = []
                found.reserveCapacity(range.count)
                for location in state.locations[range] {
                    guard let packed = state.files[location.file] else { continue }
                    found.append((packed, location.entry))
                    state.remaining[location.file] -= 1
                    if state.remaining[location.file] == 0 { state.files[location.file] = nil }
                }
                return found
            }
            return found.map { packed, entry in packed.part(entry) }
        }
    }

    /// Every patient with any data, sorted by id.
    var patients: [PatientID]
    /// Parts from shared files.
    package var shared: SharedParts
    /// Single-patient files by patient.
    var own: [PatientID: [OwnFile]]
    /// Problems for no patient, in file order.
    var unattributed: [Diagnostic]
    /// Files refused whole.
    var refusedFiles: Int
    /// The run's FHIR Patient resources, for the files that name patients as `Patient/ID`.
    var references: PatientReferenceTable

    /// Reads one file for the plan: fingerprinted and normalised only when it is kept.
    ///
    /// A shared file's parts are built only for the patients `building` takes (this run's
    /// shard); the others' parts say only whether they have something to triage.
    /// With `references` (the run's complete table), a file that named patients as `Patient/ID`
    /// has them renamed first; without, such a file is `.waiting`.
    static func firstRead(_ found: InputDiscovery.Found, index: Int, options: ReadOptions, maxFileSize: Int,
                          assembler: PatientRecordAssembler, building: (PatientID) -> Bool = { _ in true },
                          references: PatientReferenceTable? = nil) -> FirstRead {
        InputFileReader.withBytes(of: found, maxFileSize: maxFileSize) { bytes -> FirstRead in
            var outcome = InputFileReader.read(bytes: bytes, file: found.displayPath, options: options, fingerprint: false)
            var resources: [String: String] = [:]
            func tagged(_ read: FirstRead) -> FirstRead { resources.isEmpty ? read : .withPatientResources(resources, read) }
            switch outcome.outcome {
            case .refused(let diagnostic):
                return .unattributed([diagnostic], refused: true)
            case .read(let result):
                if result.phone != nil { return .export }
                resources = result.patientResources
                if PatientReferenceTable.mayRename(outcome) {
                    guard let references else { return tagged(.waiting) }
                    references.apply(to: &outcome)
                }
                guard case .read(let result) = outcome.outcome else { break }
                let patients = PatientRecordAssembler.patients(in: result)
                if patients.count == 1, let patient = patients.first {
                    return tagged(.own(patient: patient, hasTriageData: assembler.hasTriageData(result)))
                }
            }
            outcome.input.sha256 = InputFileReader.sha256(bytes)
            let split = assembler.parts(of: outcome, fileIndex: index, building: building)
            // Kept until each patient's turn, packed: a few lists for the whole file, each of
            // its length (issue 23: memory and the heap's holes at 100,000 patients).
            return tagged(.shared(PatientRecordAssembler.PackedParts(split.parts), unattributed: split.unattributed))
        } refused: { refusal in
            .unattributed([refusal], refused: true)
        }
    }

    /// Gathers the first reads (in path order). `readAgain` reads a `.waiting` file once the
    /// run's Patient resources are all known (``firstRead(_:index:options:maxFileSize:assembler:building:references:)``
    /// with the table).
    init(files: [InputDiscovery.Found], reads firstReads: [FirstRead],
         readAgain: (Int, PatientReferenceTable) -> FirstRead) {
        var shared: [PatientRecordAssembler.PackedParts] = []
        var own: [PatientID: [OwnFile]] = [:]
        var unattributed: [Diagnostic] = []
        var refused = 0
        var owners: [(path: String, patients: Set<PatientID>)] = []
        var exports: [Int] = []
        var references = PatientReferenceTable()
        var reads = firstReads.map { read -> FirstRead in
            guard case .withPatientResources(let resources, let inner) = read else { return read }
            references.add(resources)
            return inner
        }
        var usesReferences: Set<Int> = []
        for index in reads.indices {
            guard case .waiting = reads[index] else { continue }
            usesReferences.insert(index)
            reads[index] = readAgain(index, references)
            if case .withPatientResources(_, let inner) = reads[index] { reads[index] = inner }
        }
        for (index, read) in reads.enumerated() {
            switch read {
            case .unattributed(let diagnostics, let wasRefused):
                unattributed += diagnostics
                if wasRefused { refused += 1 }
            case .own(let patient, let hasTriageData):
                own[patient, default: []].append(OwnFile(index: index, found: files[index], hasTriageData: hasTriageData,
                                                         usesReferences: usesReferences.contains(index)))
                owners.append((files[index].path, [patient]))
            case .shared(let packed, let fileProblems):
                unattributed += fileProblems
                if !packed.entries.isEmpty { shared.append(packed) }
                owners.append((files[index].path, Set(packed.entries.map(\.patient))))
            case .export:
                exports.append(index)
            case .waiting, .withPatientResources:
                // Read again above; a reader that still cannot say is a file refused.
                unattributed.append(.error(at: SourceLocation(file: files[index].displayPath), Messages.unresolved))
                refused += 1
            }
        }
        // Each phone export goes to the one patient of its folder (SPEC §3.9), read again on
        // that patient's turn like a file of its own; with none or several it is skipped.
        for index in exports {
            let file = files[index]
            switch AppleHealthAttachment.patient(forExportAt: file.path, display: file.displayPath, files: owners) {
            case .success(let patient):
                own[patient, default: []].append(OwnFile(index: index, found: file, hasTriageData: false, isExport: true))
                own[patient]!.sort { $0.index < $1.index }
            case .failure(let failure):
                unattributed.append(failure.diagnostic)
                refused += 1
            }
        }
        self.shared = SharedParts(shared)
        patients = Set(self.shared.patients).union(own.keys).sorted()
        self.own = own
        self.unattributed = unattributed
        refusedFiles = refused
        self.references = references
    }

    /// For a patient whose report this run does not build (another shard's): whether it has
    /// demographics only, and if so the file it is counted under. Takes its shared parts.
    func demographicsOnlyFile(of patient: PatientID) -> String? {
        let parts = shared.take(patient)
        let files = own[patient] ?? []
        if files.contains(where: \.hasTriageData) { return nil }
        if parts.contains(where: \.hasTriageData) { return nil }
        return PatientRecordAssembler.firstFile(parts.map(\.input.file) + files.map(\.found.displayPath))
    }

    /// A patient's turn: reads its own files again and folds them with its shared parts.
    ///
    /// - Returns: the record (nil for demographics only), the file it would be counted under
    ///   then, and problems met reading again (a file that changed or vanished since).
    func assemble(_ patient: PatientID, options: ReadOptions, maxFileSize: Int,
                  assembler: PatientRecordAssembler) -> (record: PatientRecord?, firstFile: String, problems: [Diagnostic]) {
        var parts = shared.take(patient)
        var problems: [Diagnostic] = []
        for file in own[patient] ?? [] {
            var outcome = InputFileReader.read(file.found, options: options, maxFileSize: maxFileSize)
            if file.isExport { outcome.outcome = AppleHealthAttachment.attach(outcome.outcome, to: patient) }
            if file.usesReferences { references.apply(to: &outcome) }
            let split = assembler.parts(of: outcome, fileIndex: file.index)
            if let part = split.parts[patient] { parts.append(part) }
            problems += split.unattributed
            if split.parts.count != 1 || split.parts[patient] == nil {
                problems.append(.warning(at: SourceLocation(file: file.found.displayPath), Messages.changed))
            }
        }
        let first = PatientRecordAssembler.firstFile(parts.map(\.input.file))
        return (assembler.record(id: patient, parts: parts), first, problems)
    }

    enum Messages {
        static let changed = "file changed while the run was reading it; only this patient's records in it were used, the rest wait for the next run"
        static let unresolved = "file could not be read again once the run's FHIR Patient resources were known; file skipped"
    }
}
