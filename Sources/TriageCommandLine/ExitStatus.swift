import ArgumentParser
import TriageModel

/// How the executables end (SPEC §8, sysexits): the one place errors and outcomes become exit
/// statuses. The codes themselves are ``TriageError/Category/exitCode`` (the library needs
/// them too, for `run.json`).
package enum ExitStatus {
    /// EX_UNAVAILABLE (69): a part of the tool that the command needs is not installed.
    package static let unavailable = ExitCode(69)

    /// Parses the command line as `root`'s and runs the command it names; the one place where a
    /// ``TriageError`` becomes a message on stderr and its exit status.
    package static func main<Root: ParsableCommand>(_ root: Root.Type) async {
        do {
            var command = try root.parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(with: error, as: root)
        }
    }

    /// Ends the process for `error`: a ``TriageError`` prints its message (step, path, line,
    /// reason) and exits with its category's code (64 usage, 65 input, 73 output, 75 locked);
    /// anything else (a usage error, `--help`, an ``ExitCode``) goes to swift-argument-parser,
    /// which words it for `root`'s command line.
    package static func exit<Root: ParsableCommand>(with error: any Error, as root: Root.Type) -> Never {
        if let triage = error as? TriageError {
            Console.error(triage.description)
            root.exit(withError: ExitCode(triage.category.exitCode))
        }
        root.exit(withError: error)
    }

    /// The error that ends a command whose run went through with problems of `category`, the
    /// problems themselves already listed.
    package static func failure(_ category: TriageError.Category) -> ExitCode {
        ExitCode(category.exitCode)
    }
}
