// The entry point of `twitch-triage`: plain synchronous code, not an async main, so that a
// synchronous command (a single report) runs on the main thread (SPEC §9; TwitchTriageCommand.start()).
TwitchTriageCommand.start()
