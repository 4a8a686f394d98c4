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
//   names the file; a rejected file has no records; every record has a patient id, a LOINC
//   code (or a local code resolved to an analyte) and a finite value and reference range.
import FuzzSupport
import TriageIngest
import TriageKnowledge
import TriageModel

/// The shipped knowledge, whose analytes the reader keeps results by.
let knowledge = try! Knowledge.bundled

FuzzDriver.run("FuzzJSONTokenizer") { input in
    guard let selector = input.first else { return }
    let body = plantingSentinels(UnsafeBufferPointer(rebasing: input.dropFirst()))
    let file = selector & 1 == 0 ? body : body + [0x0A] + body
    let scan = file.withUnsafeBytes { JSONScan.scan($0) }
    check(scan.maximumDepth <= JSONScan.depthLimit, "depth \(scan.maximumDepth)")
    if let failure = scan.failure { check(failure.line >= 1 && failure.column >= 1, "failure position \(failure)") }
    let outcome = file.withUnsafeBytes { FHIRJSONReader.read($0, file: "fuzz.json", options: ReadOptions(knowledge: knowledge)) }
    checkOutcome(outcome, file: "fuzz.json", coded: true)
}
