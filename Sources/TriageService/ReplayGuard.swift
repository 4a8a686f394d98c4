import Synchronization

/// The `jti`s seen per issuer, each kept until its token's `exp` (SPEC §7.2): a token seen once
/// is refused the second time.
public final class ReplayGuard: Sendable {
    private struct State {
        var seen: [String: [String: Int64]] = [:]
        var count = 0
        var nextPurge: Int64 = 0
    }

    private let state = Mutex(State())

    /// Creates an empty guard.
    public init() {}

    /// Records `jti` for `iss` until `expiry` (seconds since the epoch); false when it was
    /// already recorded and has not expired.
    public func firstUse(iss: String, jti: String, expiry: Int64, now: Int64) -> Bool {
        state.withLock { state in
            if now >= state.nextPurge {
                for (issuer, ids) in state.seen {
                    let kept = ids.filter { $0.value > now }
                    state.count -= ids.count - kept.count
                    state.seen[issuer] = kept.isEmpty ? nil : kept
                }
                state.nextPurge = now + 30
            }
            if let until = state.seen[iss]?[jti], until > now { return false }
            if state.seen[iss]?[jti] == nil { state.count += 1 }
            state.seen[iss, default: [:]][jti] = expiry
            return true
        }
    }

    /// How many `jti`s are kept.
    public var count: Int { state.withLock { $0.count } }
}
