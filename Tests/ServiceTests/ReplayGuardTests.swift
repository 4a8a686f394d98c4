import Testing

@testable import TriageService

/// The replay guard's time buckets (SPEC §7.2 `jti`): a token's `jti` is refused a second time
/// until its `exp`, forgotten after, and never let through early, whatever the bucket width or
/// the span of `exp`s.
@Suite("Replay guard")
struct ReplayGuardTests {
    let iss = "https://ehr.test/"

    @Test("a jti replayed before its exp is refused, at every second up to it")
    func refusedBeforeExpiry() {
        let guardian = ReplayGuard(bucketSeconds: 10)
        #expect(guardian.firstUse(iss: iss, jti: "a", expiry: 1_000_025, now: 1_000_000))
        for now in Int64(1_000_000)..<1_000_025 {
            #expect(!guardian.firstUse(iss: iss, jti: "a", expiry: 1_000_025, now: now), "replay at \(now)")
        }
        // The same jti in a token with another exp is a replay too.
        #expect(!guardian.firstUse(iss: iss, jti: "a", expiry: 1_000_090, now: 1_000_024))
        // Another issuer's "a" is another id.
        #expect(guardian.firstUse(iss: "https://other.test/", jti: "a", expiry: 1_000_025, now: 1_000_001))
    }

    @Test("after its exp a jti is no longer kept, and its bucket is gone")
    func forgottenAfterExpiry() {
        let guardian = ReplayGuard(bucketSeconds: 1)
        for index in 0..<100 {
            #expect(guardian.firstUse(iss: iss, jti: "t\(index)", expiry: 2_000 + Int64(index % 30), now: 1_990))
        }
        #expect(guardian.count == 100)
        #expect(guardian.bucketCount == 30)
        // At 2_015 the exps 2_000...2_015 have passed: 16 of 30 buckets dropped, with their
        // 10 × 4 + 6 × 3 ids (index % 30 below 10: four ids each, else three).
        #expect(guardian.firstUse(iss: iss, jti: "other", expiry: 2_100, now: 2_015))
        #expect(guardian.count == 100 - 58 + 1)
        #expect(guardian.bucketCount == 30 - 16 + 1)
        #expect(guardian.firstUse(iss: iss, jti: "later", expiry: 2_100, now: 2_030))
        #expect(guardian.count == 2)
        #expect(guardian.bucketCount == 1)
        // An expired id is accepted again (its exp has passed: the verifier refuses it first).
        #expect(guardian.firstUse(iss: iss, jti: "t0", expiry: 2_090, now: 2_030))
        #expect(!guardian.firstUse(iss: iss, jti: "t0", expiry: 2_090, now: 2_031))
    }

    @Test("an id recorded again with a later exp survives the drop of its old bucket")
    func reRecordedSurvives() {
        let guardian = ReplayGuard(bucketSeconds: 5)
        #expect(guardian.firstUse(iss: iss, jti: "x", expiry: 103, now: 100))
        // Its exp passed, its bucket (100, 105] not yet dropped: accepted again, until 200.
        #expect(guardian.firstUse(iss: iss, jti: "x", expiry: 200, now: 104))
        // Bucket (100, 105] dropped now; x must stay.
        #expect(!guardian.firstUse(iss: iss, jti: "x", expiry: 200, now: 106))
        #expect(!guardian.firstUse(iss: iss, jti: "x", expiry: 200, now: 199))
        #expect(guardian.firstUse(iss: iss, jti: "x", expiry: 300, now: 200))
    }

    @Test("a token with an exp far beyond the others is still refused on replay after many drops")
    func farExpiry() {
        let guardian = ReplayGuard(bucketSeconds: 1)
        let far: Int64 = 50_000_000
        #expect(guardian.firstUse(iss: iss, jti: "far", expiry: far, now: 1_000))
        // Calls every few seconds, then a long pause (more seconds than buckets), then more.
        for now in stride(from: Int64(1_001), to: 1_200, by: 3) {
            #expect(guardian.firstUse(iss: iss, jti: "n\(now)", expiry: now + 5, now: now))
            #expect(!guardian.firstUse(iss: iss, jti: "far", expiry: far, now: now))
        }
        #expect(!guardian.firstUse(iss: iss, jti: "far", expiry: far, now: 9_000_000))
        #expect(!guardian.firstUse(iss: iss, jti: "far", expiry: far, now: far - 1))
        #expect(guardian.count == 1)
        #expect(guardian.firstUse(iss: iss, jti: "far", expiry: far + 60, now: far))
    }

    @Test("the clock going back does not let a replay through, and what it recorded is dropped later")
    func clockBack() {
        let guardian = ReplayGuard(bucketSeconds: 1)
        #expect(guardian.firstUse(iss: iss, jti: "a", expiry: 1_100, now: 1_000))
        // The clock steps back 500 s: a token recorded then expires before buckets already dropped.
        #expect(guardian.firstUse(iss: iss, jti: "b", expiry: 560, now: 500))
        #expect(!guardian.firstUse(iss: iss, jti: "b", expiry: 560, now: 501))
        #expect(!guardian.firstUse(iss: iss, jti: "a", expiry: 1_100, now: 502))
        #expect(guardian.firstUse(iss: iss, jti: "c", expiry: 2_000, now: 1_500))
        #expect(guardian.count == 1)
        #expect(guardian.bucketCount == 1)
    }

    @Test("an exp not after now is refused and not kept")
    func expired() {
        let guardian = ReplayGuard()
        #expect(!guardian.firstUse(iss: iss, jti: "old", expiry: 100, now: 100))
        #expect(guardian.count == 0)
    }
}
