import ArgumentParser
import Foundation
import TriageModel

/// How the executables end (SPEC §8, sysexits): the one place errors and outcomes become exit
/// statuses. The codes themselves are ``TriageError/Category/exitCode`` (the library needs
/// them too, for `run.json`); every error the library throws is a ``TriageError``, so the
/// commands map no error type themselves.
package enum ExitStatus {
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

    /// Parses the command line as `root`'s, runs the command it names and exits: a synchronous
    /// command on the calling thread (the main thread, from `main.swift`: a single report starts
    /// no worker thread and grows no second malloc arena page by page, SPEC §9), an asynchronous
    /// one on the concurrency runtime while the calling thread waits. A ``TriageError`` becomes
    /// its message on stderr and its exit status, as in ``main(_:)``; success is 0.
    package static func run<Root: ParsableCommand>(_ root: Root.Type) -> Never {
        let command: any ParsableCommand
        do {
            command = try root.parseAsRoot()
        } catch {
            exit(with: error, as: root)
        }
        if let asyncCommand = command as? AsyncParsableCommand {
            let handoff = Handoff(asyncCommand)
            Task.detached {
                do {
                    try await handoff.command.run()
                } catch {
                    exit(with: error, as: Root.self)
                }
                handoff.finished.signal()
            }
            handoff.finished.wait()
        } else {
            var command = command
            do {
                try command.run()
            } catch {
                exit(with: error, as: root)
            }
        }
        end(.success)
    }

    /// An asynchronous command handed to the concurrency runtime by the thread that parsed it,
    /// which then only waits for `finished`: the command is used by one thread at a time.
    private final class Handoff: @unchecked Sendable {
        var command: any AsyncParsableCommand
        let finished = DispatchSemaphore(value: 0)

        init(_ command: any AsyncParsableCommand) {
            self.command = command
        }
    }

    /// Ends the process for `error`: a ``TriageError`` prints its message (step, path, line,
    /// reason) and exits with its category's code (64 usage, 65 input, 69 unavailable,
    /// 70 software, 73 output, 75 locked, 78 configuration); anything else (a usage error,
    /// `--help`, an ``ExitCode``) goes to swift-argument-parser, which words it for `root`'s
    /// command line.
    ///
    /// An ``ExitCode`` (a run that went through with problems, already listed) ends the process
    /// with its code at once: swift-argument-parser would print nothing for it either, but would
    /// first build the command's usage text (SPEC §9: every report of an input with a problem).
    package static func exit<Root: ParsableCommand>(with error: any Error, as root: Root.Type) -> Never {
        if let triage = error as? TriageError {
            Console.error(triage.description)
            end(ExitCode(triage.category.exitCode))
        }
        if let code = error as? ExitCode { end(code) }
        root.exit(withError: error)
    }

    /// Ends the process with `code`, stdout and stderr flushed (as swift-argument-parser's exit does).
    private static func end(_ code: ExitCode) -> Never {
        Foundation.exit(code.rawValue)
    }

    /// The error that ends a command whose run went through with problems of `category`, the
    /// problems themselves already listed (a batch with unreadable input, 65; a `verify` that
    /// found differences, 1).
    package static func failure(_ category: TriageError.Category) -> ExitCode {
        ExitCode(category.exitCode)
    }
}
