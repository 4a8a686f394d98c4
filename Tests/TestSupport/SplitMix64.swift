import Foundation

/// The tests' one source of randomness: SplitMix64 (Steele, Lea and Flood 2014), a small
/// generator whose whole state is one integer, so that a test that draws random cases draws
/// the same ones on every run, and a failure can be replayed.
///
/// A test takes its generator from ``forTest(defaultSeed:)`` and names ``reproduce`` in its
/// failure messages; `TWITCH_TRIAGE_TEST_SEED=<seed>` (decimal, or hexadecimal after `0x`)
/// replays a failure, or tries other cases.
package struct SplitMix64: RandomNumberGenerator {
    /// The environment variable that overrides every test's seed.
    package static let seedVariable = "TWITCH_TRIAGE_TEST_SEED"

    /// The seed the generator started from.
    package let seed: UInt64
    private var state: UInt64

    /// A generator that starts from `seed`.
    package init(seed: UInt64) {
        self.seed = seed
        state = seed
    }

    /// A generator for a test: seeded from ``seedVariable`` when it is set, else from
    /// `defaultSeed` (fixed per test, so that a run repeats the last one).
    package static func forTest(defaultSeed: UInt64) -> SplitMix64 {
        SplitMix64(seed: parse(ProcessInfo.processInfo.environment[seedVariable]) ?? defaultSeed)
    }

    /// How to replay what this generator drew, for a failure message.
    package var reproduce: String {
        "seed \(seed); replay with \(SplitMix64.seedVariable)=\(seed)"
    }

    /// The next 64 random bits.
    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A seed written in decimal, or in hexadecimal after `0x`; nil for anything else.
    static func parse(_ text: String?) -> UInt64? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        if text.hasPrefix("0x") { return UInt64(text.dropFirst(2), radix: 16) }
        return UInt64(text)
    }
}
