import Foundation
import Synchronization

/// The batch's own threads, for work that blocks (reading files, creating and renaming them,
/// SQLite): Swift's cooperative thread pool has one thread per core and must never block, so the
/// batch keeps its I/O off it (SPEC §9, issue 14).
enum WorkerThreads {
    /// Runs `body` on a thread of its own and returns its result to the awaiting task.
    static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread { continuation.resume(with: Result { try body() }) }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    /// Maps `items` on `jobs` threads (the calling one and `jobs - 1` more), keeping the input
    /// order in the result, so the output is the same for any number of jobs. Blocks the
    /// calling thread, which must be one of the batch's own (``run(_:)``).
    ///
    /// Each thread takes the next chunk of items as it finishes one, so the load stays even to
    /// the end; a thread reads, builds and writes its patients while the other does the same,
    /// so reading, building and writing overlap on both cores.
    static func map<Item: Sendable, Output: Sendable>(
        _ items: [Item], jobs: Int,
        _ transform: @escaping @Sendable (Item) -> Output
    ) -> [Output] {
        guard jobs > 1, items.count > 1 else { return items.map(transform) }
        // Chunks amortise the hand-out; at most 32 items each keeps the end even (with 16
        // chunks per job, one core idled for seconds at the end of 100,000 patients).
        let chunkSize = max(1, min(items.count / (jobs * 8), 32))
        let chunkCount = (items.count + chunkSize - 1) / chunkSize
        let next = Atomic<Int>(0)
        let slots = Slots<[Output]>(count: chunkCount)
        @Sendable func work() {
            while true {
                let chunk = next.add(1, ordering: .relaxed).oldValue
                guard chunk < chunkCount else { return }
                let range = chunk * chunkSize..<min((chunk + 1) * chunkSize, items.count)
                slots.set(chunk, items[range].map(transform))
            }
        }
        let finished = DispatchSemaphore(value: 0)
        let helpers = min(jobs, chunkCount) - 1
        for _ in 0..<helpers {
            let thread = Thread {
                work()
                finished.signal()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        work()
        for _ in 0..<helpers { finished.wait() }
        return slots.take().flatMap { $0 ?? [] }
    }

    /// Results filled in by several threads, each slot once.
    private final class Slots<Value: Sendable>: Sendable {
        private let values: Mutex<[Value?]>

        init(count: Int) { values = Mutex([Value?](repeating: nil, count: count)) }

        func set(_ index: Int, _ value: Value) { values.withLock { $0[index] = value } }

        func take() -> [Value?] { values.withLock { $0 } }
    }
}
