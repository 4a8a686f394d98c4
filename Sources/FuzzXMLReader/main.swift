// libFuzzer target: the XML readers (symptom journal, lab results, and every other XML kind
// a document without a root in front may be: FHIR, C-CDA, Apple Health) through
// `XMLFileReader` (`make fuzz`; see Fuzz/README.md).
//
// Input: the first byte picks a root to put in front (none, `symptomJournal` with a patient,
// `labResults`, `symptomJournal` alone), whether to close it at the end, and the date order;
// the rest is the document. Every `~` in the rest becomes the sentinel `ZQX#SENTINEL`, which
// cannot be part of an XML name, so it can only ever be a value.
//
// Beyond "no crash", every input checks that:
// - no diagnostic message holds the sentinel (messages name elements and attributes, never
//   values, and never quote libxml2's own messages);
// - every message is one line (no control characters), and every location names the file
//   with a line and column of 1 or more where given;
// - a rejected file has no records, every record has a non-empty patient id, and every number
//   read is finite and within its attribute's range; an Apple Health export's days are in
//   order, unattached, and their sums finite, at least 0 (sleep at most 24 hours).
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
let roots: [(open: String, close: String)] = [
    ("", ""),
    ("<symptomJournal version=\"1\"><patient id=\"P1\"/>\n", "</symptomJournal>\n"),
    ("<labResults version=\"1\">\n", "</labResults>\n"),
    ("<symptomJournal>\n", "</symptomJournal>\n"),
]

func checkNumber(_ value: Double?, _ range: ClosedRange<Double>, _ name: String) {
    guard let value else { return }
    check(value.isFinite && range.contains(value), "\(name) \(value)")
}

/// Reads one input, checking the invariants above.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let data, count > 0 else { return 0 }
    let selector = data[0]
    let root = roots[Int(selector & 3)]
    var file = Array(root.open.utf8)
    for byte in UnsafeBufferPointer(start: data + 1, count: count - 1) {
        if byte == 0x7E { file += sentinel.utf8 } else { file.append(byte) }
    }
    if selector & 4 != 0 { file += root.close.utf8 }
    let options = ReadOptions(knowledge: knowledge, dateOrder: selector & 8 != 0 ? .dmy : selector & 16 != 0 ? .mdy : nil)
    let diagnostics: [Diagnostic]
    switch file.withUnsafeBytes({ XMLFileReader.read($0, file: "fuzz.xml", options: options) }) {
    case .refused(let diagnostic):
        diagnostics = [diagnostic]
    case .read(let result):
        diagnostics = result.diagnostics
        if result.rejected { check(result.journal.isEmpty && result.labs.isEmpty && result.demographics.isEmpty, "rejected with records") }
        let atLeastZero = 0...Double.greatestFiniteMagnitude
        for entry in result.journal {
            check(!entry.patientID.isEmpty, "journal record without patient id")
            check((entry.twitchCount ?? 0) >= 0 && (0...3).contains(entry.weakness ?? 0), "count or weakness out of range")
            checkNumber(entry.durationMinutes, atLeastZero, "durationMin")
            checkNumber(entry.lifestyle.caffeineMilligrams, atLeastZero, "caffeineMg")
            checkNumber(entry.lifestyle.alcoholUnits, atLeastZero, "alcoholUnits")
            checkNumber(entry.lifestyle.waterLitres, atLeastZero, "waterL")
            checkNumber(entry.lifestyle.sleepHours, 0...24, "sleepHours")
            checkNumber(entry.lifestyle.stress, 0...10, "stress")
        }
        let all = -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude
        for lab in result.labs {
            check(!lab.patientID.isEmpty && !lab.unit.text.isEmpty, "lab record without patient id or unit")
            check(lab.testName != nil || lab.loinc != nil, "lab record without test or loinc")
            checkNumber(lab.value.number, all, "value")
            checkNumber(lab.referenceLow, all, "low")
            checkNumber(lab.referenceHigh, all, "high")
        }
        for patient in result.demographics { check(!patient.patientID.isEmpty, "patient without id") }
        if let phone = result.phone {
            check(phone.patientID == nil, "Apple Health export attached while read")
            check(zip(phone.days, phone.days.dropFirst()).allSatisfy { $0.date < $1.date }, "Apple Health days out of order")
            for day in phone.days {
                checkNumber(day.lifestyle.caffeineMilligrams, atLeastZero, "phone caffeine")
                checkNumber(day.lifestyle.waterLitres, atLeastZero, "phone water")
                checkNumber(day.lifestyle.sleepHours, 0...24, "phone sleep")
                checkNumber(day.exerciseMinutes, atLeastZero, "phone exercise")
                checkNumber(day.mindfulMinutes, atLeastZero, "phone mindful")
            }
        }
    }
    for diagnostic in diagnostics {
        let message = diagnostic.message
        check(!message.isEmpty && !message.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F },
              "message with a control character: \(message.debugDescription)")
        check(!message.contains(sentinel), "value in a message: \(message)")
        let location = diagnostic.location
        check(location.file == "fuzz.xml", "location file \(location.file)")
        check((location.line ?? 1) >= 1 && (location.column ?? 1) >= 1, "location \(location)")
    }
    return 0
}

#if FUZZING
var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, { fuzzOne($0, $1) }))
#else
printError("FuzzXMLReader: built without -DFUZZING; run it with `make fuzz`")
exit(64)
#endif
