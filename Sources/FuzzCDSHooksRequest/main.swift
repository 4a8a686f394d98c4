// libFuzzer target: the CDS Hooks request decoder (`HookEvaluator.decode`) and the raw-range
// finder (`RawJSON`) that hands prefetched Observations to the batch's FHIR reader
// (`make fuzz`; see Fuzz/README.md).
//
// Beyond "no crash", every input checks that:
// - every range `RawJSON` gives lies inside the input and starts and ends where a value does;
// - for a request the decoder accepts, each raw `resource` that starts as an object ends as one.
// (A document with duplicate keys may decode differently from the raw ranges; the service then
// counts entries on both sides and, when they differ, says live labs were not checked.)
// Built without `-DFUZZING` (as `swift build` and `swift test` do) it only says how to run it.
import TriageService

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

#if FUZZING
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt
#endif

/// Stops the fuzzer with a message when an invariant does not hold (libFuzzer saves the input).
func check(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() {
        printError("invariant broken: \(message())")
        abort()
    }
}

/// Writes a line to standard error.
func printError(_ line: String) {
    var text = line + "\n"
    text.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
}

/// Reads one input, checking the invariants above.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let data, count > 0 else { return 0 }
    let body = Array(UnsafeBufferPointer(start: data, count: count))
    let request = HookEvaluator.decode(body)
    body.withUnsafeBufferPointer { bytes in
        let document = RawJSON.document(bytes)
        check(document.lowerBound >= 0 && document.upperBound <= bytes.count, "document range \(document) of \(bytes.count)")
        guard let prefetch = RawJSON.member("prefetch", in: bytes, object: document) else { return }
        check(prefetch.upperBound <= bytes.count && !prefetch.isEmpty, "prefetch range")
        guard let observations = RawJSON.member(HookEvaluator.observationsKey, in: bytes, object: prefetch) else { return }
        check(observations.upperBound <= prefetch.upperBound, "observations outside prefetch")
        let entry = RawJSON.member("entry", in: bytes, object: observations)
        let elements = entry.flatMap { RawJSON.elements(in: bytes, array: $0) }
        for element in elements ?? [] {
            check(element.lowerBound >= observations.lowerBound && element.upperBound <= observations.upperBound, "element outside")
            guard let resource = RawJSON.member("resource", in: bytes, object: element) else { continue }
            check(resource.upperBound <= element.upperBound, "resource outside its entry")
            if request != nil {
                check(bytes[resource.lowerBound] != UInt8(ascii: "{") || bytes[resource.upperBound - 1] == UInt8(ascii: "}"),
                      "resource object not closed")
            }
        }
    }
    return 0
}

#if FUZZING
var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, { fuzzOne($0, $1) }))
#else
printError("FuzzCDSHooksRequest: built without -DFUZZING; run it with `make fuzz`")
exit(64)
#endif
