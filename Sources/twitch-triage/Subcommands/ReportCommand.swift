import ArgumentParser
import TriageBatch
import TriageCommandLine
import TriageModel

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

    @Argument(help: "Input files or folders.")
    var paths: [String]

    @Option(name: .long, help: "The patient id, when the input holds several.")
    var patient: String?

    @Option(name: .long, help: "Output format: json, markdown, html or fhir (a FHIR R4 Bundle).")
    var format: SinglePatientReport.Format = .json

    @OptionGroup var input: InputOptions

    @OptionGroup var tables: KnowledgeOptions

    func run() throws {
        let asOf = try input.asOfDate()
        let knowledge = try tables.load()
        let readOptions = try input.readOptions(knowledge: knowledge)
        let report = try SinglePatientReport.make(
            paths: paths, patient: patient.map(PatientID.init(rawValue:)), format: format,
            asOf: asOf, options: readOptions, knowledge: knowledge,
            maxFileSize: input.maxFileSizeBytes)
        for diagnostic in report.diagnostics { Console.error(diagnostic.description) }
        if report.referral != nil { Console.output(report.rendered) }
        switch report.outcome {
        case .ok: return
        case .inputProblems: throw ExitStatus.failure(.input)
        case .noPatient(let error): throw error
        }
    }
}

extension SinglePatientReport.Format: ExpressibleByArgument {}
