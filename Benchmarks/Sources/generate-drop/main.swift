import DropGenerator

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// generate-drop: synthetic nightly drops in the formats of Samples/, deterministic from a seed.
//
//   generate-drop drop   --patients N [--seed S] --out DIR
//       N patients, each with a 90-day journal (one file per patient, in one of the four CSV
//       apps or journal XML, in folders of 1,000) and 10 lab results in multi-patient lab files
//       (US CSV, SI ';' CSV with decimal commas, lab XML; 5,000 patients per file group), plus
//       multi-patient demographics CSVs. As-of date 2026-11-20.
//   generate-drop ingest --megabytes M [--seed S] --out DIR
//       Large multi-patient files of at least M MB each for the reader benchmarks: labs.xml,
//       labs.csv (US), labs-si.csv (';', decimal commas), journal.csv (TwitchLog, many
//       patients) and journal.xml (many <patient> elements, each followed by its entries).
//   generate-drop applehealth --megabytes M [--seed S] --out FILE
//       One Apple Health export.xml of at least M MB (AppleHealthWriter): a watch and phone
//       worn for years, mostly records the reader skips, and per day caffeine, water, sleep
//       stages, exercise minutes, some workouts and mindful sessions.
//
// The same seed gives the same bytes; patient k's data does not depend on N.

func usage() -> Never {
    DropGenerator.printError("usage: generate-drop drop --patients N [--seed S] --out DIR\n       generate-drop ingest --megabytes M [--seed S] --out DIR\n       generate-drop applehealth --megabytes M [--seed S] --out FILE")
    exit(64)
}

var arguments = Array(CommandLine.arguments.dropFirst())
guard let mode = arguments.first, mode == "drop" || mode == "ingest" || mode == "applehealth" else { usage() }
arguments.removeFirst()
var options: [String: String] = [:]
while arguments.count >= 2, arguments[0].hasPrefix("--") {
    options[String(arguments[0].dropFirst(2))] = arguments[1]
    arguments.removeFirst(2)
}
guard arguments.isEmpty, let out = options["out"] else { usage() }
let seed = UInt64(options["seed"] ?? "2026") ?? 2026

if mode == "drop" {
    guard let n = Int(options["patients"] ?? ""), n > 0 else { usage() }
    DropGenerator.writeDrop(patients: n, seed: seed, out: out)
} else if mode == "applehealth" {
    guard let megabytes = Int(options["megabytes"] ?? ""), megabytes > 0 else { usage() }
    DropGenerator.writeAppleHealthExport(bytes: megabytes * 1_000_000, seed: seed, path: out)
} else {
    guard let megabytes = Int(options["megabytes"] ?? ""), megabytes > 0 else { usage() }
    DropGenerator.writeIngestFiles(bytes: megabytes * 1_000_000, seed: seed, out: out)
}

