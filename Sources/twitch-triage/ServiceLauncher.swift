import ArgumentParser
import TriageCommandLine
import TriageModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `twitch-triage serve …` runs the CDS Hooks service, which is its own executable,
/// `twitch-triage-serve`, installed beside `twitch-triage`: the report, batch and other commands
/// then load no web server, TLS or HTTP client library at start (SPEC §9). The service replaces
/// this process (`execv`, same arguments), so its process id, signals (SIGTERM: graceful
/// shutdown), standard streams and exit status are the service's own.
enum ServiceLauncher {
    /// The service executable's file name.
    static let executableName = "twitch-triage-serve"

    /// The subcommand whose command lines go to the service.
    static let subcommand = "serve"

    /// The arguments after `serve` when the command line is `twitch-triage serve …`, else nil.
    static func serviceArguments(_ arguments: [String]) -> [String]? {
        guard arguments.count >= 2, arguments[1] == subcommand else { return nil }
        return Array(arguments.dropFirst(2))
    }

    /// Replaces this process with the service executable beside it, given `arguments`; returns
    /// never. When the executable is missing (or cannot be run), says so on stderr and exits 69
    /// (EX_UNAVAILABLE).
    static func exec(_ arguments: [String]) -> Never {
        let path = directoryOfThisExecutable() + "/" + executableName
        guard access(path, X_OK) == 0 else {
            ExitStatus.exit(
                with: TriageError(
                    .unavailable("twitch-triage serve: the service executable \(executableName) is not installed beside twitch-triage")),
                as: TwitchTriageCommand.self)
        }
        var argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) }
        argv.append(nil)
        execv(path, argv)
        let reason = String(cString: strerror(errno))
        ExitStatus.exit(
            with: TriageError(.unavailable("twitch-triage serve: the service executable \(path) could not be started: \(reason)")),
            as: TwitchTriageCommand.self)
    }

    /// The folder of the running executable: `/proc/self/exe`'s target (symbolic links resolved,
    /// wherever it was started from), else the folder of `argv[0]`.
    private static func directoryOfThisExecutable() -> String {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { readlink("/proc/self/exe", $0.baseAddress!, $0.count) }
        }
        let path: String
        if count > 0 && count < buffer.count {
            path = String(decoding: buffer[..<count], as: UTF8.self)
        } else {
            path = CommandLine.arguments.first ?? ""
        }
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "" : String(path[..<slash])
    }
}
