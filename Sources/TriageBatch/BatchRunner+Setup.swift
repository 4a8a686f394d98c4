import Foundation

extension BatchRunner {
    /// Takes the output folder's lock, creating the folder (SPEC §8: one run at a time).
    static let lockStep = BatchStep(
        "lock", path: { $0.options.output },
        body: { context in
            try AtomicFileWriter.makeDirectory(context.options.output)
            context.lock = try OutputLock(output: context.options.output)
        })

    /// Opens the ledger, cleans up after a killed run, reads the latest completed run and
    /// records the start of this one.
    static let ledgerStep = BatchStep(
        "open the ledger", path: { Ledger.path(in: $0.options.output) },
        body: { context in
            let ledger = try Ledger(output: context.options.output)
            if try ledger.lastRunIncomplete() { removeTemporaryFiles(in: context.options.output) }
            context.completedRuns = try ledger.completedRuns()
            context.previous = try context.completedRuns.first.map(ledger.results(ofRun:)) ?? [:]
            context.runID = try ledger.beginRun(
                asOf: context.options.asOf, knowledgeVersion: context.knowledge.version,
                shard: context.options.shard)
            context.ledger = ledger
        })

    /// Removes the temporary files a killed run left (`.name.tmp-PID`) in the output folder and
    /// its patient folders.
    static func removeTemporaryFiles(in output: String) {
        func clean(_ folder: String, depth: Int) {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
            for name in names {
                let path = folder + "/" + name
                if name.hasPrefix("."), name.contains(".tmp-") {
                    unlink(path)
                } else if depth > 0, !name.hasPrefix(".") {
                    var isDirectory: ObjCBool = false
                    if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                        clean(path, depth: depth - 1)
                    }
                }
            }
        }
        clean(output, depth: 1)
    }
}
