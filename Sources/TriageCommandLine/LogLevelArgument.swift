import ArgumentParser
import Logging

/// `--log-level` of `batch` and `serve`: swift-log's level names (trace … critical).
extension Logger.Level: @retroactive ExpressibleByArgument {}
