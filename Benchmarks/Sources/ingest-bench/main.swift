import CLibXML2
import TwitchTriage

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// ingest-bench MODE FILE [--runs N]
//
// Reads FILE once as a warm-up and then N times (default 3), and prints one line:
//   MODE FILE bytes=B median_s=T mb_s=R items=K [anon_rss_bytes_per_item=H] cpu_median_s=C cpu_mb_s=S
// where items counts what the mode produced (newlines, records, elements), as a sanity check
// that every mode read the whole file; the cpu_ figures are the median run's process CPU time
// (on shared cores, a wait for a core is in median_s but not in cpu_median_s). Run it under
// `/usr/bin/time -v` for the peak RSS.
//
// Modes, all over the same memory-mapped bytes (warm page cache):
//   newlines  bare byte scan: count newlines, one byte at a time (the brief's "bare byte scan")
//   csvscan   bare RFC 4180 byte scan: fields and records, quotes and doubled quotes honoured,
//             nothing stored (the "hand-written byte-level CSV scanner" row of SPEC §9)
//   sax2      bare libxml2 SAX2 push parser, 256 KiB chunks, the reader's safe options, empty
//             startElementNs / endElementNs / characters callbacks
//   csv       our CSV ingest into model records: CSVFileReader.read
//   xml       our XML ingest into model records: XMLFileReader.read
//   file      InputFileReader.read(bytes:file:options:): the above plus the file's SHA-256
//   jsonscan  bare JSON scan: structural characters outside strings, escapes honoured
//   hl7scan   bare HL7 v2 scan: segment ends and field separators
//   jsontokens our JSON tokenizer alone (JSONScan: every token, nothing kept), one document
//   fhirjson  our FHIR JSON / NDJSON ingest: FHIRJSONReader.read
//   hl7       our HL7 v2 ingest: HL7v2Reader.read
//   applehealth  our Apple Health export reader (per-day sums): XMLFileReader.read of an
//             export.xml, against `sax2`; items are the days read
//   layout    no file read: prints the in-line size (MemoryLayout stride) of the record types
//   (FHIR XML and C-CDA go through `xml`, against `sax2`)

func fail(_ message: String) -> Never {
    let line = "ingest-bench: " + message + "\n"
    _ = line.withCString { Glibc.write(2, $0, strlen($0)) }
    exit(64)
}

func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

/// The process's CPU time so far (user and system), in seconds: on cores shared with other
/// work the steadier figure, since a wait for a core is not counted.
func cpuNow() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

/// The reader options every read uses: the shipped knowledge's analytes (loaded once, at start).
let readOptions: ReadOptions = {
    do { return ReadOptions(knowledge: try KnowledgeLoader.loadBundled()) } catch { fail("the shipped knowledge does not load: \(error)") }
}()

var arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "layout" {
    print("layout LabRecord=\(MemoryLayout<LabRecord>.stride) JournalRecord=\(MemoryLayout<JournalRecord>.stride) "
          + "Term=\(MemoryLayout<Term>.stride) SourceLocation=\(MemoryLayout<SourceLocation>.stride) "
          + "LabResult=\(MemoryLayout<LabResult>.stride) JournalEntry=\(MemoryLayout<JournalEntry>.stride)")
    exit(0)
}
guard arguments.count >= 2 else { fail("usage: ingest-bench newlines|csvscan|sax2|csv|xml|file|jsonscan|jsontokens|hl7scan|fhirjson|hl7|applehealth FILE [--runs N] | layout") }
let mode = arguments[0]
let path = arguments[1]
var runs = 3
if arguments.count == 4, arguments[2] == "--runs", let n = Int(arguments[3]), n > 0 { runs = n }

/// The anonymous resident memory now (`RssAnon` of /proc/self/status, bytes): the heap, not
/// the mapped input file.
func heapInUse() -> Int {
    guard let file = fopen("/proc/self/status", "r") else { return 0 }
    defer { fclose(file) }
    var buffer = [CChar](repeating: 0, count: 256)
    while fgets(&buffer, 256, file) != nil {
        let line = String(cString: buffer)
        if line.hasPrefix("RssAnon:") {
            let digits = line.dropFirst(8).filter(\.isNumber)
            return (Int(digits) ?? 0) * 1024
        }
    }
    return 0
}

/// One read of the file in the chosen mode; returns the item count and the heap bytes the
/// result held while it was alive: anonymous resident memory, less the file's own bytes (measured
/// before the result is dropped).
func once() -> Int { onceMeasured().items }

func onceMeasured() -> (items: Int, heldBytes: Int) {
    let mapped: FileBytes
    do { mapped = try FileBytes(path: path) } catch { fail("cannot map \(path): \(error)") }
    let before = heapInUse() // after the file's bytes are in memory: they are not the records
    return withExtendedLifetime(mapped) { () -> (items: Int, heldBytes: Int) in
        let bytes = mapped.bytes
        switch mode {
        case "newlines": return (BareScans.newlines(bytes), 0)
        case "csvscan": return (BareScans.csvFields(bytes), 0)
        case "sax2": return (BareScans.sax2(bytes, path: path), 0)
        case "jsonscan": return (BareScans.jsonStructure(bytes), 0)
        case "jsontokens": return (JSONScan.scan(bytes).tokens, 0)
        case "hl7scan": return (BareScans.hl7Fields(bytes), 0)
        case "applehealth":
            guard case .read(let result) = XMLFileReader.read(bytes, file: "bench", options: readOptions),
                  let export = result.phone else { fail("\(path) was not read as an Apple Health export") }
            if let cut = export.cutShortAt { fail("\(path): export cut short at \(cut)") }
            return (export.days.count, 0)
        case "csv", "xml", "file", "fhirjson", "hl7":
            let outcome: FileReadOutcome
            switch mode {
            case "csv": outcome = CSVFileReader.read(bytes, file: "bench", options: readOptions)
            case "xml": outcome = XMLFileReader.read(bytes, file: "bench", options: readOptions)
            case "fhirjson": outcome = FHIRJSONReader.read(bytes, file: "bench", options: readOptions)
            case "hl7": outcome = HL7v2Reader.read(bytes, file: "bench", options: readOptions)
            default: outcome = InputFileReader.read(bytes: bytes, file: "bench", options: readOptions).outcome
            }
            guard case .read(let result) = outcome else { fail("\(path) was refused: \(outcome)") }
            let errors = result.diagnostics.filter { $0.severity == .error }.count
            if errors > 0 { fail("\(path): \(errors) row errors, first: \(result.diagnostics.first { $0.severity == .error }!)") }
            let held = heapInUse() - before
            return withExtendedLifetime(result) { (result.journal.count + result.labs.count + result.demographics.count, held) }
        default: fail("unknown mode \(mode)")
        }
    }
}

let warmUp = onceMeasured() // warm-up; its result's heap is the bytes per record
var items = warmUp.items
var times: [Double] = []
var cpuTimes: [Double] = []
for _ in 0..<runs {
    let start = now(), cpuStart = cpuNow()
    items = once()
    times.append(now() - start)
    cpuTimes.append(cpuNow() - cpuStart)
}
times.sort()
cpuTimes.sort()
let median = times[times.count / 2]
let cpuMedian = cpuTimes[cpuTimes.count / 2]
var size = stat()
stat(path, &size)
let megabytes = Double(size.st_size) / 1e6
let perItem = items > 0 && warmUp.heldBytes > 0 ? " anon_rss_bytes_per_item=\(warmUp.heldBytes / items)" : ""
print("\(mode) \(path) bytes=\(size.st_size) median_s=\(median) mb_s=\(megabytes / median) items=\(items)" + perItem
      + " cpu_median_s=\(cpuMedian) cpu_mb_s=\(megabytes / cpuMedian)")
