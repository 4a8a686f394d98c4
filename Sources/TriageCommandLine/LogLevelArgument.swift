import ArgumentParser
import Logging

/// `--log-level` of `batch` and `serve`: swift-log's level names (trace … critical).
// swift-format-ignore: AvoidRetroactiveConformances
// Neither swift-log nor swift-argument-parser can declare it; this executable-side module is the
// only place that uses both, so the conformance cannot clash with another.
extension Logger.Level: @retroactive ExpressibleByArgument {}
