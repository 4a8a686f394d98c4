import ArgumentParser
import TriageBatch
import TriageCommandLine
import TriageEngine
import TriageModel
import TriageRender

/// `twitch-triage report <paths…>`: one patient's referral on stdout.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Print one patient's referral summary.",
        discussion: """
        Reads the journal, lab and patient files under the given paths (files or folders) and prints \
        the referral of one patient. With several patients in the input, --patient says which. \
        Problems with the input go to stderr as file:line:column: message. Exit codes: 0 done, \
        64 usage (several patients and no --patient, an unknown patient), 65 some input could not \
        be read (the referral is still printed, and says so), 78 the knowledge tables of --knowledge \
        or the code map of --code-map cannot be used.
        """
    )

    /// Output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json, markdown, html, fhir
    }

    @Argument(help: "Input files or folders.")
    var paths: [String]

    @Option(name: .long, help: "The patient id, when the input holds several.")
    var patient: String?

    @Option(name: .long, help: "Output format: json, markdown, html or fhir (a FHIR R4 Bundle).")
    var format: Format = .json

    @OptionGroup var input: InputOptions

    @OptionGroup var tables: KnowledgeOptions

    func run() throws {
        let asOf = try input.asOfDate()
        let knowledge = try tables.load()
        let readOptions = try input.readOptions(knowledge: knowledge)
        // With --patient, only that patient's records are built; the others' ids are needed only
        // to say which there are when it is not found.
        var assembly = try Ingestion.run(paths: paths, options: readOptions, knowledge: knowledge, asOf: asOf,
                                         maxFileSize: input.maxFileSizeBytes, patient: patient)
        if let patient, !assembly.patients.contains(where: { $0.id == patient }) {
            assembly = try Ingestion.run(paths: paths, options: readOptions, knowledge: knowledge, asOf: asOf,
                                         maxFileSize: input.maxFileSizeBytes)
        }
        let ids = assembly.patients.map(\.id)
        let chosen: PatientRecord
        if let patient {
            guard let record = assembly.patients.first(where: { $0.id == patient }) else {
                throw TriageError(.usage("no patient \(patient) in the input; patients found: \(ids.isEmpty ? "none" : ids.joined(separator: ", "))"))
            }
            chosen = record
        } else if ids.count == 1 {
            chosen = assembly.patients[0]
        } else {
            for diagnostic in assembly.unattributed { Console.error(diagnostic.description) }
            throw ids.isEmpty ? TriageError(.inputUnreadable("no patient data found in the input"))
                : TriageError(.usage("the input holds \(ids.count) patients; choose one with --patient: \(ids.joined(separator: ", "))"))
        }
        var record = chosen
        record.diagnostics = (record.diagnostics + assembly.unattributed).sorted()
        let referral = ReferralBuilder(knowledge: knowledge).referral(for: record, asOf: asOf)
        for diagnostic in record.diagnostics { Console.error(diagnostic.description) }
        switch format {
        case .json: Console.output(ReferralJSON.render(referral))
        case .markdown: Console.output(ReferralMarkdown.render(referral, knowledge: knowledge))
        case .html: Console.output(ReferralHTML.render(referral, knowledge: knowledge))
        case .fhir: Console.output(ReferralFHIR.render(referral, knowledge: knowledge))
        }
        if record.diagnostics.contains(where: { $0.severity == .error }) { throw ExitStatus.failure(.input) }
    }
}
