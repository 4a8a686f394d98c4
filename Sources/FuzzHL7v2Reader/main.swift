// libFuzzer target: the HL7 v2 reader (`HL7v2Reader`) (`make fuzz`; see Fuzz/README.md).
//
// Input: the first byte picks a header to put in front (none, an ORU^R01 MSH with the usual
// encoding characters, one with others, a batch's FHS) and whether to wrap the input in MLLP
// framing; every `~` in the rest becomes the sentinel `ZQX#SENTINEL` (so the fuzzer
// writes repetitions only in the second header, whose separator is `%`).
//
// Beyond "no crash", every input checks that no diagnostic message holds the sentinel, every
// message is one line, every location names the file with a line (and column) of 1 or more,
// every record has a patient id, a LOINC code and a finite value.
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
let headers = [
    "",
    "MSH|^~\\&|LAB||EHR||20261002||ORU^R01|1|P|2.5\rPID|1||P1^^^^MR\rOBR|1||||||20261002\r",
    "MSH#$%!@#LAB##EHR##20261002##ORU$R01#1#P#2.3\nPID#1##P1$$$$MR\n",
    "FHS|^~\\&|LAB\r\nBHS|^~\\&|LAB\r\n",
]

/// Reads one input, checking the invariants above.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let data, count > 0 else { return 0 }
    let selector = data[0]
    var file: [UInt8] = selector & 4 != 0 ? [0x0B] : []
    file += headers[Int(selector & 3)].utf8
    for byte in UnsafeBufferPointer(start: data + 1, count: count - 1) {
        if byte == 0x7E { file += sentinel.utf8 } else { file.append(byte) }
    }
    if selector & 4 != 0 { file += [0x1C, 0x0D] }
    let diagnostics: [Diagnostic]
    switch file.withUnsafeBytes({ HL7v2Reader.read($0, file: "fuzz.hl7", options: ReadOptions(knowledge: knowledge)) }) {
    case .refused(let diagnostic):
        diagnostics = [diagnostic]
    case .read(let result):
        diagnostics = result.diagnostics
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
        check(diagnostic.location.file == "fuzz.hl7", "location file \(diagnostic.location.file)")
        check((diagnostic.location.line ?? 1) >= 1 && (diagnostic.location.column ?? 1) >= 1, "location \(diagnostic.location)")
    }
    return 0
}

#if FUZZING
var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, { fuzzOne($0, $1) }))
#else
printError("FuzzHL7v2Reader: built without -DFUZZING; run it with `make fuzz`")
exit(64)
#endif
