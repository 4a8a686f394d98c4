import ArgumentParser
import Foundation
import TriageIngest
import TriageKnowledge
import TriageModel

/// The flags every command that reads inputs shares.
struct InputOptions: ParsableArguments {
    @Option(name: .long, help: "The as-of date (YYYY-MM-DD); records after it are ignored. Default: today (UTC).")
    var asOf: String?

    @Option(name: .long, help: "How to read slash dates such as 10/01/2026: mdy or dmy. Without it they are refused.")
    var dateOrder: DateOrder?

    @Option(name: .long, help: "Refuse input files larger than this many MiB (default 256).")
    var maxFileSize = 256

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The site's map of local lab codes: a CSV with the header system,code,analyte,unit.",
            discussion:
                "Used by the HL7 v2, C-CDA, FHIR and lab CSV readers for codes that are not LOINC. Inside the input folder it is never read as an input, and run.json records it so that verify uses it too.",
            valueName: "file"))
    var codeMap: String?

    /// Checks the flags.
    func validate() throws {
        if maxFileSize < 1 { throw ValidationError("--max-file-size must be at least 1 (MiB).") }
    }

    /// The file-size limit in bytes.
    var maxFileSizeBytes: Int { maxFileSize << 20 }

    /// The as-of date: the flag's, or today's in UTC.
    func asOfDate() throws -> LocalDate {
        if let asOf {
            guard let date = LocalDate(iso: asOf) else { throw ValidationError("--as-of must be a date like 2026-11-20, not '\(asOf)'.") }
            return date
        }
        let days = Int((Date().timeIntervalSince1970 / 86_400).rounded(.down))
        return LocalDate(dayNumber: days)
    }

    /// Reader options from the flags, with the code map read and checked against `knowledge`.
    ///
    /// - Throws: ``TriageError`` (configuration) listing every problem of the code map as
    ///   `file:line: what`.
    func readOptions(knowledge: Knowledge) throws(TriageError) -> ReadOptions {
        var options = ReadOptions(knowledge: knowledge, dateOrder: dateOrder)
        if let codeMap {
            options.codeMap = try LabCodeMap.configured(path: codeMap, analytes: knowledge.analyteIndex)
        }
        return options
    }
}

extension DateOrder: ExpressibleByArgument {}
