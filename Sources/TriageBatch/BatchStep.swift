/// One named step of the batch (STYLE §5, after Publish's `PublishingStep`): a name, as
/// progress and logs show it and as errors are tagged with, the path its errors are about, and
/// what it does to the run's ``BatchContext``.
///
/// Steps run one after the other on one of the batch's own threads (``WorkerThreads``), never
/// on Swift's cooperative pool, so they may block on files and SQLite.
struct BatchStep: Sendable {
    /// The step's name (`open the ledger`, `read`).
    var name: String
    /// The path an error of this step is about, when the error itself does not name one.
    var path: @Sendable (BatchContext) -> String?
    /// What the step does.
    var body: @Sendable (inout BatchContext) throws -> Void

    /// Creates a step.
    init(
        _ name: String, path: @escaping @Sendable (BatchContext) -> String? = { _ in nil },
        body: @escaping @Sendable (inout BatchContext) throws -> Void
    ) {
        self.name = name
        self.path = path
        self.body = body
    }
}
