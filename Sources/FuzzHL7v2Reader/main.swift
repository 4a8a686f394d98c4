// libFuzzer target: the HL7 v2 reader (`HL7v2Reader`) (`make fuzz`; see Fuzz/README.md).
//
// Input: the first byte picks a header to put in front (none, an ORU^R01 MSH with the usual
// encoding characters, one with others, a batch's FHS) and whether to wrap the input in MLLP
// framing; every `~` in the rest becomes the sentinel `ZQX#SENTINEL` (so the fuzzer
// writes repetitions only in the second header, whose separator is `%`).
//
// Beyond "no crash", every input checks that no diagnostic message holds the sentinel, every
// message is one line, every location names the file with a line (and column) of 1 or more,
// every record has a patient id, a LOINC code (or a local code resolved to an analyte) and a
// finite value and reference range, and a rejected file has no records.
import FuzzSupport
import TriageIngest
import TriageKnowledge
import TriageModel

/// The shipped knowledge, whose analytes the reader keeps results by.
let knowledge = try! Knowledge.bundled

let headers = [
    "",
    "MSH|^~\\&|LAB||EHR||20261002||ORU^R01|1|P|2.5\rPID|1||P1^^^^MR\rOBR|1||||||20261002\r",
    "MSH#$%!@#LAB##EHR##20261002##ORU$R01#1#P#2.3\nPID#1##P1$$$$MR\n",
    "FHS|^~\\&|LAB\r\nBHS|^~\\&|LAB\r\n",
]

FuzzDriver.run("FuzzHL7v2Reader") { input in
    guard let selector = input.first else { return }
    let framed = selector & 4 != 0
    var file = plantingSentinels(
        UnsafeBufferPointer(rebasing: input.dropFirst()),
        after: (framed ? [0x0B] : []) + Array(headers[Int(selector & 3)].utf8))
    if framed { file += [0x1C, 0x0D] }
    let outcome = file.withUnsafeBytes { HL7v2Reader.read($0, file: "fuzz.hl7", options: ReadOptions(knowledge: knowledge)) }
    checkOutcome(outcome, file: "fuzz.hl7", coded: true)
}
