// libFuzzer target: the CSV readers (journal, lab and patients) through `CSVFileReader`
// (`make fuzz`; see Fuzz/README.md).
//
// Input: the first byte picks a header to put in front (none, journal, lab, patients; `,` or
// `;`) and the date order; the rest is the file. Every `~` in the rest becomes the sentinel
// `ZQX#SENTINEL`, planted in values.
//
// Beyond "no crash", every input checks that:
// - no diagnostic message holds the sentinel (messages name columns, never values), unless
//   the header line itself holds it (header names may be quoted);
// - every message is one line (no control characters), and every location names the file
//   with a line and column of 1 or more where given;
// - a rejected file has no records, every record has a non-empty patient id, and every number
//   read is finite and within its column's range.
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

let sentinel = Array("ZQX#SENTINEL".utf8)
let headers = [
    "", "patient_id,date,location,side,twitch_count,duration_min,at_rest,triggers,symptoms,weakness,caffeine_mg,sleep_hours,stress,alcohol_units,water_l,exercise,medications,notes\n",
    "patient_id,collected_at,test,loinc,value,unit,ref_low,ref_high,reference,flag,lab\n",
    "patient_id,birth_date,sex,display_name\n",
]

/// The offset of the first occurrence of `needle` in `haystack`, if any.
func firstIndex(of needle: [UInt8], in haystack: some Collection<UInt8>) -> Int? {
    let bytes = Array(haystack)
    guard bytes.count >= needle.count else { return nil }
    for start in 0...(bytes.count - needle.count) where bytes[start] == needle[0] {
        if bytes[start..<(start + needle.count)].elementsEqual(needle) { return start }
    }
    return nil
}

/// The offset just past the header record (the first record the scanner yields), or 0.
func headerEnd(_ bytes: UnsafeRawBufferPointer) -> Int {
    guard var scanner = try? CSVScanner(bytes) else { return 0 }
    var record = CSVRecord()
    guard scanner.next(into: &record), record.count > 0 else { return 0 }
    let last = record[record.count - 1]
    return last.end + (last.isQuoted ? 1 : 0)
}

func checkNumber(_ value: Double?, _ range: ClosedRange<Double>, _ name: String) {
    guard let value else { return }
    check(value.isFinite && range.contains(value), "\(name) \(value)")
}

/// Reads one input, checking the invariants above.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let data, count > 0 else { return 0 }
    let selector = data[0]
    var file = Array(headers[Int(selector & 3)].utf8)
    if selector & 4 != 0 { file = file.map { $0 == 0x2C ? 0x3B : $0 } }
    for byte in UnsafeBufferPointer(start: data + 1, count: count - 1) {
        if byte == 0x7E { file += sentinel } else { file.append(byte) }
    }
    let options = ReadOptions(knowledge: knowledge, dateOrder: selector & 8 != 0 ? .dmy : selector & 16 != 0 ? .mdy : nil)
    file.withUnsafeBytes { bytes in
        let planted = firstIndex(of: sentinel, in: file).map { $0 >= headerEnd(bytes) } ?? false
        let diagnostics: [Diagnostic]
        switch CSVFileReader.read(bytes, file: "fuzz.csv", options: options) {
        case .refused(let diagnostic):
            diagnostics = [diagnostic]
        case .read(let result):
            diagnostics = result.diagnostics
            if result.rejected { check(result.journal.isEmpty && result.labs.isEmpty && result.demographics.isEmpty, "rejected with records") }
            for entry in result.journal {
                check(!entry.patientID.isEmpty, "journal record without patient id")
                check((entry.twitchCount ?? 0) >= 0 && (0...3).contains(entry.weakness ?? 0), "count or weakness out of range")
                checkNumber(entry.durationMinutes, 0...Double.greatestFiniteMagnitude, "duration_min")
                checkNumber(entry.lifestyle.caffeineMilligrams, 0...Double.greatestFiniteMagnitude, "caffeine_mg")
                checkNumber(entry.lifestyle.alcoholUnits, 0...Double.greatestFiniteMagnitude, "alcohol_units")
                checkNumber(entry.lifestyle.waterLitres, 0...Double.greatestFiniteMagnitude, "water_l")
                checkNumber(entry.lifestyle.sleepHours, 0...24, "sleep_hours")
                checkNumber(entry.lifestyle.stress, 0...10, "stress")
            }
            for lab in result.labs {
                check(!lab.patientID.isEmpty && !lab.unit.text.isEmpty, "lab record without patient id or unit")
                check(lab.testName != nil || lab.loinc != nil, "lab record without test or loinc")
                checkNumber(lab.value.number, -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude, "value")
                let all = -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude
                checkNumber(lab.referenceLow, all, "ref_low")
                checkNumber(lab.referenceHigh, all, "ref_high")
                if let low = lab.referenceLow, let high = lab.referenceHigh { check(low <= high, "reference range inverted") }
            }
            for patient in result.demographics { check(!patient.patientID.isEmpty, "patient without id") }
        }
        for diagnostic in diagnostics {
            let message = diagnostic.message
            check(!message.isEmpty && !message.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F },
                  "message with a control character: \(message.debugDescription)")
            if planted { check(firstIndex(of: sentinel, in: message.utf8) == nil, "value in a message: \(message)") }
            let location = diagnostic.location
            check(location.file == "fuzz.csv", "location file \(location.file)")
            check((location.line ?? 1) >= 1 && (location.column ?? 1) >= 1, "location \(location)")
        }
    }
    return 0
}

#if FUZZING
var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, { fuzzOne($0, $1) }))
#else
printError("FuzzCSVReader: built without -DFUZZING; run it with `make fuzz`")
exit(64)
#endif
