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
/// The plan is the one way files become patients: `report` and the CDS Hooks service's night
/// (``Ingestion``) go through it too, with a ``Reader`` that keeps what it read for the
/// patient's turn instead of reading it again. Each file is split by patient
/// (``PatientRecordAssembler/parts(of:fileIndex:building:)``) and each patient's parts folded
/// into its record (``PatientRecordAssembler/record(id:parts:)``).
struct BatchPlan: Sendable {
    /// What the first read of a file found.
    enum FirstRead: Sendable {
        /// Problems that belong to no patient; `refused` when the file was refused whole.
        case unattributed([Diagnostic], refused: Bool)
        /// The file holds one patient only: read it again on the patient's turn (unless a
        /// reader that holds what it read kept it, ``Notes/held``).
        case own(patient: PatientID, hasTriageData: Bool)
        /// The file holds several patients (or none): its parts, kept packed, and its problems
        /// for no patient.
        case shared(PatientRecordAssembler.PackedParts, unattributed: [Diagnostic])
        /// A phone export, which names no patient: attached once every file has been read, and
        /// read again on its patient's turn (unless held).
        case export
        /// A FHIR file that named patients only as `Patient/ID`: read again once every file's
        /// Patient resources are known (``PatientReferenceTable``).
        case waiting
        /// What the file holds, and what else the plan learns of it (``Notes``): out of line,
        /// since in the batch only files with FHIR Patient resources have any.
        indirect case noted(FirstRead, Notes)
    }

    /// What a first read tells the plan besides whose data the file holds.
    struct Notes: Sendable {
        /// The FHIR Patient resources the file gives the run's table.
        var patientResources: [String: String] = [:]
        /// The file as read, fingerprinted, kept for its patient's turn by a reader that
        /// ``Reader/holds`` what it read (an `.own` file of a patient it builds, a phone export).
        var held: InputFileReader.Outcome?
        /// Whether a ``Reader/selection`` left other patients' rows unread: whose data the
        /// file holds is then learnt by reading it whole, if a phone export in its folder needs
        /// to know.
        var readInPart = false

        /// Whether there is nothing to note.
        var isEmpty: Bool { patientResources.isEmpty && held == nil && !readInPart }
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
            state = Mutex(
                State(
                    files: files, remaining: files.map(\.entries.count),
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
    /// The files kept as read for their patient's turn, by file index (none in the batch).
    var held: [Int: InputFileReader.Outcome]
    /// How the files were read, and are read again on a patient's turn.
    let reader: Reader

    /// Gathers the first reads (in path order) of `files` by `reader`. A `.waiting` file is
    /// read again once the run's Patient resources are all known
    /// (``Reader/firstRead(_:index:references:)`` with the table).
    init(files: [InputDiscovery.Found], reads firstReads: [FirstRead], reader: Reader) {
        var shared: [PatientRecordAssembler.PackedParts] = []
        var own: [PatientID: [OwnFile]] = [:]
        var unattributed: [Diagnostic] = []
        var refused = 0
        var owners: [(path: String, patients: Set<PatientID>)] = []
        var exports: [Int] = []
        var references = PatientReferenceTable()
        var held: [Int: InputFileReader.Outcome] = [:]
        // Files a selection read in part (their index, and their place in `owners`).
        var readInPart: Set<Int> = []
        var partOwners: [(owner: Int, file: Int)] = []
        func unnoted(_ read: FirstRead, at index: Int, addingResources: Bool) -> FirstRead {
            guard case .noted(let inner, let notes) = read else { return read }
            if addingResources { references.add(notes.patientResources) }
            if let outcome = notes.held { held[index] = outcome }
            if notes.readInPart { readInPart.insert(index) }
            return inner
        }
        var reads = firstReads.enumerated().map { unnoted($1, at: $0, addingResources: true) }
        var usesReferences: Set<Int> = []
        for index in reads.indices {
            guard case .waiting = reads[index] else { continue }
            usesReferences.insert(index)
            reads[index] = unnoted(reader.firstRead(files[index], index: index, references: references), at: index, addingResources: false)
        }
        for (index, read) in reads.enumerated() {
            switch read {
            case .unattributed(let diagnostics, let wasRefused):
                unattributed += diagnostics
                if wasRefused { refused += 1 }
            case .own(let patient, let hasTriageData):
                own[patient, default: []].append(
                    OwnFile(
                        index: index, found: files[index], hasTriageData: hasTriageData,
                        usesReferences: usesReferences.contains(index)))
                if readInPart.contains(index) { partOwners.append((owners.count, index)) }
                owners.append((files[index].path, [patient]))
            case .shared(let packed, let fileProblems):
                unattributed += fileProblems
                if !packed.entries.isEmpty { shared.append(packed) }
                if readInPart.contains(index) { partOwners.append((owners.count, index)) }
                owners.append((files[index].path, Set(packed.entries.map(\.patient))))
            case .export:
                exports.append(index)
            case .waiting, .noted:
                // Read again above; a reader that still cannot say is a file refused.
                unattributed.append(.error(at: SourceLocation(file: files[index].displayPath), Messages.unresolved))
                refused += 1
            }
        }
        // Each phone export goes to the one patient of its folder (SPEC §3.9), read again on
        // that patient's turn like a file of its own (unless held); with none or several it is
        // skipped.
        for index in exports {
            let file = files[index]
            if !partOwners.isEmpty {
                // Which patients a file read in part holds decides whose the export is: read it whole.
                let folder = AppleHealthAttachment.folder(of: file.path)
                partOwners.removeAll { part in
                    guard AppleHealthAttachment.isInside(files[part.file].path, folder: folder) else { return false }
                    owners[part.owner].patients = reader.patients(readingWhole: files[part.file])
                    return true
                }
            }
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
        self.held = held
        self.reader = reader
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

    /// A patient's turn: reads its own files again (or takes them as held) and folds them with
    /// its shared parts.
    ///
    /// - Returns: the record (nil for demographics only), the file it would be counted under
    ///   then, and problems met reading again (a file that changed or vanished since).
    func assemble(_ patient: PatientID) -> (record: PatientRecord?, firstFile: String, problems: [Diagnostic]) {
        var parts = shared.take(patient)
        var problems: [Diagnostic] = []
        for file in own[patient] ?? [] {
            // A held file was read once, the run's Patient resources already applied.
            let kept = held.isEmpty ? nil : held[file.index]
            var outcome = kept ?? InputFileReader.read(file.found, options: reader.options, maxFileSize: reader.maxFileSize)
            if file.isExport { outcome.outcome = AppleHealthAttachment.attach(outcome.outcome, to: patient) }
            if file.usesReferences, kept == nil { references.apply(to: &outcome) }
            let split = reader.assembler.parts(of: outcome, fileIndex: file.index)
            if let part = split.parts[patient] { parts.append(part) }
            problems += split.unattributed
            if split.parts.count != 1 || split.parts[patient] == nil {
                problems.append(.warning(at: SourceLocation(file: file.found.displayPath), Messages.changed))
            }
        }
        let first = PatientRecordAssembler.firstFile(parts.map(\.input.file))
        return (reader.assembler.record(id: patient, parts: parts), first, problems)
    }

    enum Messages {
        static let changed =
            "file changed while the run was reading it; only this patient's records in it were used, the rest wait for the next run"
        static let unresolved = "file could not be read again once the run's FHIR Patient resources were known; file skipped"
    }
}
