// libFuzzer target: the JSON tokenizer (`JSONScan`) and the FHIR JSON/NDJSON reader
// (`FHIRJSONReader`) over the same bytes (`make fuzz`; see Fuzz/README.md).
//
// Input: the first byte picks whether the rest is read as it is or as two NDJSON lines (the
// rest twice, joined by a line feed); every `~` becomes the sentinel `ZQX#SENTINEL`, which can
// only ever be a value.
//
// Beyond "no crash", every input checks that:
// - the scan's nesting never passes the tokenizer's limit and a failure has a line and a
//   column of 1 or more;
// - no diagnostic message holds the sentinel, every message is one line, every location
//   names the file; a rejected file has no records; every record has a patient id and a
//   finite value.
// Built without `-DFUZZING` (as `swift build` and `swift test` do) it only says how to run it.
import TriageIngest
import TriageKnowledge
import TriageModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The shipped knowledge, whose analytes the reader keeps results by.
let knowledge = try! Knowledge.bundled

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

let sentinel = "ZQX#SENTINEL"

/// Reads one input, checking the invariants above.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let data, count > 0 else { return 0 }
    let selector = data[0]
    var body: [UInt8] = []
    for byte in UnsafeBufferPointer(start: data + 1, count: count - 1) {
        if byte == 0x7E { body += sentinel.utf8 } else { body.append(byte) }
    }
    let file = selector & 1 == 0 ? body : body + [0x0A] + body
    let scan = file.withUnsafeBytes { JSONScan.scan($0) }
    check(scan.maximumDepth <= JSONScan.depthLimit, "depth \(scan.maximumDepth)")
    if let failure = scan.failure { check(failure.line >= 1 && failure.column >= 1, "failure position \(failure)") }
    let diagnostics: [Diagnostic]
    switch file.withUnsafeBytes({ FHIRJSONReader.read($0, file: "fuzz.json", options: ReadOptions(knowledge: knowledge)) }) {
    case .refused(let diagnostic):
        diagnostics = [diagnostic]
    case .read(let result):
        diagnostics = result.diagnostics
        if result.rejected { check(result.labs.isEmpty && result.demographics.isEmpty, "rejected with records") }
        for lab in result.labs {
            check(!lab.patientID.isEmpty && lab.loinc != nil, "lab record without patient id or code")
            check(lab.value.number.isFinite, "value not finite")
        }
        for patient in result.demographics { check(!patient.patientID.isEmpty, "patient without id") }
    }
    for diagnostic in diagnostics {
        let message = diagnostic.message
        check(!message.isEmpty && !message.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F },
              "message with a control character: \(message.debugDescription)")
        check(!message.contains(sentinel), "value in a message: \(message)")
        check(diagnostic.location.file == "fuzz.json", "location file \(diagnostic.location.file)")
        check((diagnostic.location.line ?? 1) >= 1 && (diagnostic.location.column ?? 1) >= 1, "location \(diagnostic.location)")
    }
    return 0
}

#if FUZZING
var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, { fuzzOne($0, $1) }))
#else
printError("FuzzJSONTokenizer: built without -DFUZZING; run it with `make fuzz`")
exit(64)
#endif
