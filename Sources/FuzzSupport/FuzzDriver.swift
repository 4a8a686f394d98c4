#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// libFuzzer's driver for every fuzz target (`Sources/Fuzz*/main.swift`, `make fuzz`; see
// Fuzz/README.md). A target's main is one call, `FuzzDriver.run("FuzzX") { bytes in … }`,
// with the code under test and its invariants.
//
// Built with `-sanitize=fuzzer -DFUZZING`, `run` hands the process to libFuzzer's
// `LLVMFuzzerRunDriver`, which calls `LLVMFuzzerTestOneInput` (defined here, so that the
// link finds it) for each input: a plain `-sanitize=fuzzer` executable would exit at once, as
// SwiftPM's own `main` replaces libFuzzer's (NOTES.md). Built without `-DFUZZING` (as
// `swift build` and `swift test` do), `run` only says how to run the target.

#if FUZZING
    @_silgen_name("LLVMFuzzerRunDriver")
    private func llvmFuzzerRunDriver(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt

    /// libFuzzer's entry point: runs the target's test on one input.
    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
        FuzzDriver.test?(UnsafeBufferPointer(start: count == 0 ? nil : data, count: count))
        return 0
    }
#endif

/// Runs a fuzz target under libFuzzer.
package enum FuzzDriver {
    /// The target's test, set once by ``run(_:_:)`` before libFuzzer starts.
    nonisolated(unsafe) fileprivate static var test: ((UnsafeBufferPointer<UInt8>) -> Void)?

    /// Gives the process to libFuzzer, which calls `test` with each input (possibly empty)
    /// until it stops, then exits with libFuzzer's status; built without `-DFUZZING`, says
    /// how to run the target named `name` and exits 64.
    package static func run(_ name: String, _ test: @escaping (UnsafeBufferPointer<UInt8>) -> Void) -> Never {
        FuzzDriver.test = test
        #if FUZZING
            var argc = CommandLine.argc
            var argv = CommandLine.unsafeArgv
            exit(llvmFuzzerRunDriver(&argc, &argv, { fuzzOne($0, $1) }))
        #else
            printError("\(name): built without -DFUZZING; run it with `make fuzz`")
            exit(64)
        #endif
    }
}
