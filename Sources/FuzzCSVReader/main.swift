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
import FuzzSupport
import TriageIngest
import TriageKnowledge
import TriageModel

/// The shipped knowledge, whose analytes the reader keeps results by.
let knowledge = try! Knowledge.bundled

let headers = [
    "",
    "patient_id,date,location,side,twitch_count,duration_min,at_rest,triggers,symptoms,weakness,caffeine_mg,sleep_hours,stress,alcohol_units,water_l,exercise,medications,notes\n",
    "patient_id,collected_at,test,loinc,value,unit,ref_low,ref_high,reference,flag,lab\n",
    "patient_id,birth_date,sex,display_name\n",
]

/// The offset just past the header record (the first record the scanner yields), or 0.
func headerEnd(_ bytes: UnsafeRawBufferPointer) -> Int {
    guard var scanner = try? CSVScanner(bytes) else { return 0 }
    var record = CSVRecord()
    guard scanner.next(into: &record), record.count > 0 else { return 0 }
    let last = record[record.count - 1]
    return last.end + (last.isQuoted ? 1 : 0)
}

FuzzDriver.run("FuzzCSVReader") { input in
    guard let selector = input.first else { return }
    var header = Array(headers[Int(selector & 3)].utf8)
    if selector & 4 != 0 { header = header.map { $0 == 0x2C ? 0x3B : $0 } }
    let file = plantingSentinels(UnsafeBufferPointer(rebasing: input.dropFirst()), after: header)
    let options = ReadOptions(knowledge: knowledge, dateOrder: selector & 8 != 0 ? .dmy : selector & 16 != 0 ? .mdy : nil)
    file.withUnsafeBytes { bytes in
        // A header name may be quoted in a message: the sentinel is a value only past the header.
        let planted = file.firstRange(of: Array(sentinel.utf8)).map { $0.lowerBound >= headerEnd(bytes) } ?? false
        let outcome = CSVFileReader.read(bytes, file: "fuzz.csv", options: options)
        guard let result = checkOutcome(outcome, file: "fuzz.csv", coded: false, sentinelAllowed: !planted) else { return }
        for lab in result.labs {
            if let low = lab.referenceLow, let high = lab.referenceHigh { check(low <= high, "reference range inverted") }
        }
    }
}
