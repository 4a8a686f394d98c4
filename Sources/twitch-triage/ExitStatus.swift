import ArgumentParser
import TwitchTriage

/// How the executable ends (SPEC §8, sysexits): the one place errors and outcomes become exit
/// statuses. The codes themselves are ``TriageError/Category/exitCode`` (the library needs
/// them too, for `run.json`).
enum ExitStatus {
    /// Ends the process for `error`: a ``TriageError`` prints its message (step, path, line,
    /// reason) and exits with its category's code (64 usage, 65 input, 73 output, 75 locked);
    /// anything else (a usage error, `--help`, an ``ExitCode``) goes to swift-argument-parser.
    static func exit(with error: any Error) -> Never {
        if let triage = error as? TriageError {
            Console.error(triage.description)
            TwitchTriageCommand.exit(withError: ExitCode(triage.category.exitCode))
        }
        TwitchTriageCommand.exit(withError: error)
    }

    /// The error that ends a command whose run went through with problems of `category`, the
    /// problems themselves already listed.
    static func failure(_ category: TriageError.Category) -> ExitCode {
        ExitCode(category.exitCode)
    }
}
