import TriageIngest
import TriageModel
import TriageNormalise

extension BatchPlan {
    /// How the plan reads files: the batch's discover and read steps, shared with `report` and
    /// the CDS Hooks service's night (``Ingestion``), which read through the same plan.
    ///
    /// The batch's reader keeps no file of one patient: it reads it again on the patient's
    /// turn, so memory never holds every journal (SPEC §9). `report` and the service read a
    /// file once: their reader ``holds`` the files of the patients it builds until their turn.
    struct Reader: Sendable {
        /// Reader options.
        let options: ReadOptions
        /// Files larger than this are refused.
        let maxFileSize: Int
        /// Splits files by patient and folds a patient's parts.
        let assembler: PatientRecordAssembler
        /// The patients whose records are built (a batch's shard, `report --patient`'s
        /// patient); the others' parts say only whether they have something to triage.
        let building: @Sendable (PatientID) -> Bool
        /// When given, multi-patient CSVs leave other patients' rows unread (SPEC §9: `report
        /// --patient` over a large lab export). Only with ``holds``: a file read in part is
        /// never read again.
        let selection: PatientSelection?
        /// Whether the `.own` files of the patients it builds, and phone exports, are kept as
        /// read for the patient's turn instead of read again then.
        let holds: Bool

        /// The batch's reader: builds `building`'s patients, keeps nothing it can read again.
        init(
            options: ReadOptions, maxFileSize: Int, assembler: PatientRecordAssembler,
            building: @escaping @Sendable (PatientID) -> Bool = { _ in true }
        ) {
            self.options = options
            self.maxFileSize = maxFileSize
            self.assembler = assembler
            self.building = building
            self.selection = nil
            self.holds = false
        }

        /// A reader that reads every file once and keeps what the patients it builds need:
        /// with `patient`, that patient only, its multi-patient CSVs read through a
        /// ``PatientSelection``; without, every patient.
        init(holdingFor patient: PatientID?, options: ReadOptions, maxFileSize: Int, assembler: PatientRecordAssembler) {
            self.options = options
            self.maxFileSize = maxFileSize
            self.assembler = assembler
            if let patient {
                self.building = { $0 == patient }
            } else {
                self.building = { _ in true }
            }
            self.selection = patient.flatMap { PatientSelection(patient: $0.rawValue) }
            self.holds = true
        }

        /// The discover step: the input files under `paths`, in path order, without the code
        /// map of ``options`` (never an input).
        ///
        /// - Throws: ``InputDiscovery/Failure`` when a path does not exist or cannot be listed.
        func discover(_ paths: [String]) throws -> [InputDiscovery.Found] {
            try InputDiscovery.files(under: paths, excluding: options.codeMap.resolvedPath.map { [$0] } ?? [])
        }

        /// The read step: the first read of every file (``firstRead(_:index:references:)``), on
        /// `jobs` threads (the calling one when 1), in path order; `done` is called after each.
        func firstReads(
            of files: [InputDiscovery.Found], jobs: Int,
            done: @escaping @Sendable () -> Void = {}
        ) -> [FirstRead] {
            WorkerThreads.map(Array(files.indices), jobs: jobs) { index in
                defer { done() }
                return firstRead(files[index], index: index)
            }
        }

        /// Reads one file for the plan: fingerprinted and normalised only when it is kept.
        ///
        /// A shared file's parts are built only for the patients ``building`` takes; the
        /// others' parts say only whether they have something to triage.
        /// With `references` (the run's complete table), a file that named patients as
        /// `Patient/ID` has them renamed first; without, such a file is `.waiting`.
        func firstRead(_ found: InputDiscovery.Found, index: Int, references: PatientReferenceTable? = nil) -> FirstRead {
            if holds {
                // Read once: fingerprinted as it is read (a large file on a thread of its own),
                // since it is kept whole or in parts.
                let outcome = InputFileReader.read(found, options: options, maxFileSize: maxFileSize, selection: selection)
                let sha256 = outcome.input.sha256
                return sorted(outcome, index: index, references: references) { sha256 }
            }
            return InputFileReader.withBytes(of: found, maxFileSize: maxFileSize) { bytes -> FirstRead in
                let outcome = InputFileReader.read(bytes: bytes, file: found.displayPath, options: options, fingerprint: false)
                return sorted(outcome, index: index, references: references) { InputFileReader.sha256(bytes) }
            } refused: { refusal in
                .unattributed([refusal], refused: true)
            }
        }

        /// What a file read holds for the plan; `sha256` gives its fingerprint, asked for only
        /// when the file is kept.
        private func sorted(
            _ read: InputFileReader.Outcome, index: Int, references: PatientReferenceTable?,
            sha256: () -> String
        ) -> FirstRead {
            var outcome = read
            var notes = Notes()
            func noted(_ read: FirstRead) -> FirstRead { notes.isEmpty ? read : .noted(read, notes) }
            func held(_ read: FirstRead) -> FirstRead {
                outcome.input.sha256 = sha256()
                notes.held = outcome
                return noted(read)
            }
            switch outcome.outcome {
            case .refused(let diagnostic):
                return .unattributed([diagnostic], refused: true)
            case .read(let result):
                if result.phone != nil { return holds ? held(.export) : .export }
                notes.patientResources = result.patientResources
                notes.readInPart = result.omittedRecords > 0
                if PatientReferenceTable.mayRename(outcome) {
                    guard let references else { return noted(.waiting) }
                    references.apply(to: &outcome)
                }
                guard case .read(let result) = outcome.outcome else { break }
                let patients = PatientRecordAssembler.patients(in: result)
                if patients.count == 1, let patient = patients.first {
                    let read = FirstRead.own(patient: patient, hasTriageData: assembler.hasTriageData(result))
                    return holds && building(patient) ? held(read) : noted(read)
                }
            }
            outcome.input.sha256 = sha256()
            let split = assembler.parts(of: outcome, fileIndex: index, building: building)
            // Kept until each patient's turn, packed: a few lists for the whole file, each of
            // its length (issue 23: memory and the heap's holes at 100,000 patients).
            return noted(.shared(PatientRecordAssembler.PackedParts(split.parts), unattributed: split.unattributed))
        }

        /// The patients a file names, read whole (a file a ``selection`` read in part, when a
        /// phone export in its folder needs to know whose it is).
        func patients(readingWhole found: InputDiscovery.Found) -> Set<PatientID> {
            let whole = InputFileReader.read(found, options: options, maxFileSize: maxFileSize)
            return Set(assembler.parts(of: whole, fileIndex: 0, building: { _ in false }).parts.keys)
        }
    }
}
