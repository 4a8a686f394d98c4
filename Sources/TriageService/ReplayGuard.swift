import Crypto
import Synchronization

/// The `jti`s seen per issuer, each kept until its token's `exp` (SPEC §7.2): a token seen once
/// is refused the second time, until it expires.
///
/// Bounded by design, with no walk of the whole set: each (iss, jti) is kept as a fixed-size
/// 128-bit digest (no allocation per id) in one table for the look-up, and in the time bucket
/// of its `exp` (`bucketSeconds` wide, keyed by the bucket's number, so any `exp` has a bucket:
/// there is no span to fall outside of). Each call drops the buckets whose every `exp` has
/// passed, in order; an id is removed from the table only when its recorded `exp` has passed,
/// so a replay before `exp` is always refused. The set holds at most the ids of the tokens
/// accepted over the longest token life the verifier allows (``TokenVerifier``: `exp` at most
/// an hour ahead), and each second's purge costs about one second's calls.
package final class ReplayGuard: Sendable {
    /// A (iss, jti) pair: the first 128 bits of SHA-256 over the issuer's length, the issuer
    /// and the `jti`.
    struct ID: Hashable {
        let high: UInt64
        let low: UInt64

        init(iss: String, jti: String) {
            var hasher = SHA256()
            withUnsafeBytes(of: UInt64(iss.utf8.count).littleEndian) { hasher.update(bufferPointer: $0) }
            hasher.update(data: Array(iss.utf8))
            hasher.update(data: Array(jti.utf8))
            var high: UInt64 = 0
            var low: UInt64 = 0
            for (offset, byte) in hasher.finalize().prefix(16).enumerated() {
                if offset < 8 { high = high << 8 | UInt64(byte) } else { low = low << 8 | UInt64(byte) }
            }
            self.high = high
            self.low = low
        }
    }

    private struct State {
        /// Each kept id and its `exp`.
        var expiry: [ID: Int64] = [:]
        /// Bucket number (`exp` divided by the width, rounded up) → the ids recorded with an
        /// `exp` in it.
        var buckets: [Int64: [ID]] = [:]
        /// Every bucket up to this number has been dropped.
        var droppedThrough: Int64?
    }

    private let state = Mutex(State())
    /// The width of a bucket, in seconds.
    package let bucketSeconds: Int64

    /// Creates an empty guard whose buckets are `bucketSeconds` wide (at least 1).
    package init(bucketSeconds: Int64 = 1) {
        self.bucketSeconds = max(1, bucketSeconds)
    }

    /// Records `jti` for `iss` until `expiry` (seconds since the epoch); false when it was
    /// already recorded and has not expired, or when `expiry` is not after `now` (an expired
    /// token is never a first use).
    package func firstUse(iss: String, jti: String, expiry: Int64, now: Int64) -> Bool {
        let id = ID(iss: iss, jti: jti)
        let width = bucketSeconds
        return state.withLock { state in
            Self.dropExpired(&state, now: now, width: width)
            guard expiry > now else { return false }
            if let until = state.expiry[id], until > now { return false }
            state.expiry[id] = expiry
            // Bucket b holds the exps in ((b - 1) * width, b * width]: dropped once b * width <= now.
            let bucket = expiry / width + (expiry % width == 0 ? 0 : 1)
            // The clock went back past a dropped bucket: drop it again when its time comes.
            if let through = state.droppedThrough, bucket <= through { state.droppedThrough = bucket - 1 }
            state.buckets[bucket, default: []].append(id)
            return true
        }
    }

    /// Drops the buckets whose every `exp` is at or before `now`, and from the table each of
    /// their ids whose recorded `exp` has passed (an id recorded again later, with a later
    /// `exp`, stays).
    private static func dropExpired(_ state: inout State, now: Int64, width: Int64) {
        let last = now / width  // bucket `last` ends at last * width <= now
        guard let through = state.droppedThrough else {
            state.droppedThrough = last
            for bucket in state.buckets.keys where bucket <= last { drop(bucket, from: &state, now: now) }
            return
        }
        guard last > through else { return }
        if last - through <= Int64(state.buckets.count) {
            for bucket in (through + 1)...last { drop(bucket, from: &state, now: now) }
        } else {
            // A long pause between calls: fewer buckets than seconds passed.
            for bucket in Array(state.buckets.keys) where bucket <= last { drop(bucket, from: &state, now: now) }
        }
        state.droppedThrough = last
    }

    private static func drop(_ bucket: Int64, from state: inout State, now: Int64) {
        guard let ids = state.buckets.removeValue(forKey: bucket) else { return }
        for id in ids {
            if let until = state.expiry[id], until <= now { state.expiry[id] = nil }
        }
    }

    /// How many `jti`s are kept.
    package var count: Int { state.withLock { $0.expiry.count } }

    /// How many time buckets hold them.
    package var bucketCount: Int { state.withLock { $0.buckets.count } }
}
