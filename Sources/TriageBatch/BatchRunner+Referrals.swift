import Synchronization
import TriageEngine
import TriageIngest
import TriageModel
import TriageNormalise

extension BatchRunner {
    /// Each patient's turn, in parallel: read its own files again, fold them with its shared
    /// parts, build the referral and write the reports (``PatientReports``).
    static let referralsStep = BatchStep(
        "referrals and reports", path: { $0.options.output },
        body: { context in
            guard let plan = context.plan else { return }
            let options = context.options
            let knowledgeVersion = context.knowledge.version
            let builder = ReferralBuilder(knowledge: context.knowledge)
            let events = context.events
            let done = Counter()
            let total = context.turns.count
            let steps = WorkerThreads.map(context.turns, jobs: options.jobs) { turn -> PatientStep in
                defer { events(.progress(step: "referrals and reports", done: done.increment(), total: total)) }
                let (record, firstFile, readProblems) = plan.assemble(turn.id)
                guard let record else { return PatientStep(outcome: nil, firstFile: firstFile, problems: readProblems) }
                let outcome = PatientReports.build(
                    record, fingerprint: fingerprint(record, options: options, knowledgeVersion: knowledgeVersion),
                    previous: turn.previous, builder: builder, asOf: options.asOf,
                    output: options.output, full: options.full, folderTaken: turn.folderTaken)
                return PatientStep(outcome: outcome, firstFile: firstFile, problems: readProblems + record.diagnostics)
            }
            context.plan = nil
            context.outcomes.reserveCapacity(steps.count)
            for step in steps {
                context.patientProblems += step.problems
                if let outcome = step.outcome {
                    context.outcomes.append(outcome)
                } else {
                    context.demographicsOnly[step.firstFile, default: 0] += 1
                }
            }
            context.unattributed += PatientRecordAssembler.demographicsOnlyWarnings(context.demographicsOnly)
            context.unattributed.sort()
        })

    /// What a patient's turn came to: its outcome (nil when it had demographics only, counted
    /// under `firstFile`), and its problems for the run summary.
    struct PatientStep: Sendable {
        var outcome: PatientOutcome?
        var firstFile: String
        var problems: [Diagnostic]
    }

    /// What a patient's report is made from: the SHA-256 of the patient id, the fingerprints of
    /// every file that contributed, the knowledge and tool versions, the as-of date and the
    /// date order. The same fingerprint means the same report.
    static func fingerprint(_ record: PatientRecord, options: BatchOptions, knowledgeVersion: String) -> String {
        var text =
            "\(record.id)\u{0}\(knowledgeVersion)\u{0}\(ToolInfo.version)\u{0}\(options.asOf)\u{0}\(options.readOptions.dateOrder?.rawValue ?? "")"
        if !options.readOptions.codeMap.sha256.isEmpty { text += "\u{0}code map\u{0}\(options.readOptions.codeMap.sha256)" }
        for input in record.inputs { text += "\u{0}\(input.file)\u{0}\(input.sha256)" }
        return text.withUTF8 { InputFileReader.sha256(UnsafeRawBufferPointer($0)) }
    }
}

/// A thread-safe counter for progress.
final class Counter: Sendable {
    private let value = Atomic<Int>(0)

    /// Adds one and returns the new count.
    func increment() -> Int { value.add(1, ordering: .relaxed).newValue }
}
