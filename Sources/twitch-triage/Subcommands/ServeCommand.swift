import ArgumentParser

/// `twitch-triage serve`: the CDS Hooks service (SPEC §7.2) beside the nightly batch. Its command
/// lines never reach this type: ``TwitchTriageCommand/main()`` hands them to the service
/// executable first (``ServiceLauncher``); this entry lists `serve` in `twitch-triage --help`.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: ServiceLauncher.subcommand,
        abstract: "Answer CDS Hooks calls with the night's referral as a card.",
        discussion: """
            Runs the CDS Hooks service, \(ServiceLauncher.executableName), installed beside twitch-triage, with the same \
            arguments; `twitch-triage serve --help` lists its options.
            """
    )

    /// Everything after `serve`, for the service.
    @Argument(parsing: .captureForPassthrough, help: "The service's options (`twitch-triage serve --help`).")
    var arguments: [String] = []

    func run() throws {
        ServiceLauncher.exec(arguments)
    }
}
