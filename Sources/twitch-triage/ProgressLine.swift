import Synchronization
import TriageBatch
import TriageCommandLine

#if canImport(Glibc)
    import Glibc
#endif

/// A single updating line on stderr (`\r`), only when stderr is a terminal and not `--quiet`:
/// the step's name, its items done of the total, rate and time left. Counts and step names
/// only, never patient data.
final class ProgressLine: Sendable {
    private struct State {
        var step = ""
        var done = (0, 0)
        var start = ProgressLine.now()
        var lastDraw = 0.0
        var stepStart = ProgressLine.now()
    }

    private let enabled: Bool
    private let state = Mutex(State())

    init(enabled: Bool) { self.enabled = enabled }

    /// Takes a batch event.
    func handle(_ event: BatchEvent) {
        guard enabled else { return }
        state.withLock { state in
            switch event {
            case .step(let index, let count, let name):
                state.step = "[\(index)/\(count)] \(name)"
                state.done = (0, 0)
                state.stepStart = Self.now()
                state.lastDraw = 0
            case .progress(_, let done, let total): state.done = (done, total)
            }
            let now = Self.now()
            guard now - state.lastDraw >= 0.1 else { return }
            state.lastDraw = now
            var line = state.step
            let (done, total) = state.done
            if total > 0 { line += "  \(done)/\(total)" }
            let elapsed = now - state.stepStart
            if done > 0, elapsed > 0.5 {
                let rate = Double(done) / elapsed
                line += "  \(Int(rate))/s  ETA \(Int((Double(total - done) / rate).rounded()))s"
            }
            Console.errorRaw("\r\u{1B}[2K" + line)
        }
    }

    /// Clears the line.
    func finish() {
        guard enabled else { return }
        Console.errorRaw("\r\u{1B}[2K")
    }

    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
