import TriageIngest
import TriageModel
import TriageNormalise

extension BatchRunner {
    /// Lists the input files (``BatchPlan/Reader/discover(_:)``).
    static let discoverStep = BatchStep(
        "discover", path: { $0.options.input },
        body: { context in
            let options = context.options
            let reader = BatchPlan.Reader(
                options: options.readOptions, maxFileSize: options.maxFileSize,
                assembler: PatientRecordAssembler(knowledge: context.knowledge, asOf: options.asOf),
                building: { options.shard?.contains(patientID: $0) ?? true })
            context.files = try reader.discover([options.input])
            context.reader = reader
        })

    /// Reads every file once, in parallel, to learn whose data it holds (``BatchPlan``).
    static let readStep = BatchStep("read") { context in
        guard let reader = context.reader else { return }
        let files = context.files
        let done = Counter()
        let events = context.events
        context.reads = reader.firstReads(of: files, jobs: context.options.jobs) {
            events(.progress(step: "read", done: done.increment(), total: files.count))
        }
        for read in context.reads {
            if case .unattributed(let diagnostics, refused: true) = read, let diagnostic = diagnostics.first {
                context.logger.warning("file refused", metadata: ["file": "\(diagnostic.location.file)"])
            }
        }
        context.logger.info("files read", metadata: ["files": "\(files.count)"])
    }

    /// Groups the files' parts by patient and picks this run's patients (its shard's).
    static let groupStep = BatchStep("group by patient") { context in
        guard let reader = context.reader else { return }
        let options = context.options
        let plan = BatchPlan(files: context.files, reads: context.reads, reader: reader)
        context.reads = []
        // The plan keeps the single-patient files it reads again; the list itself is let go
        // (a hundred thousand paths held to the end of the run otherwise).
        context.fileCount = context.files.count
        context.files = []
        context.unattributed = plan.unattributed
        context.filesRefused = plan.refusedFiles
        var folderNames: Set<String> = []
        for patient in plan.patients {
            if let shard = options.shard, !shard.contains(patientID: patient) {
                if let file = plan.demographicsOnlyFile(of: patient) { context.demographicsOnly[file, default: 0] += 1 }
            } else {
                var turn = PatientTurn(id: patient, previous: context.previous[patient])
                if let name = try? SafeFileName.make(patient.rawValue) { turn.folderTaken = !folderNames.insert(name).inserted }
                context.turns.append(turn)
            }
        }
        context.plan = plan
    }
}
