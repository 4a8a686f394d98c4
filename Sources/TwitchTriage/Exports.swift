// The library product for other packages (Benchmarks/): every layer of twitch-triage, re-exported,
// as swift-nio's `NIO` module re-exports NIOCore and NIOPosix. Code inside this package imports
// the layer it needs instead.
@_exported import TriageBatch
@_exported import TriageEngine
@_exported import TriageIngest
@_exported import TriageKnowledge
@_exported import TriageModel
@_exported import TriageNormalise
@_exported import TriageRender
