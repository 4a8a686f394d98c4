import Foundation
import Testing

/// `twitch-triage serve …` runs the service executable `twitch-triage-serve` installed beside
/// `twitch-triage` (the other commands link no web server or HTTP client, SPEC §9).
@Suite("serve launches the service executable")
struct ServeLaunchTests {
    @Test("`twitch-triage serve --help` prints the service's own help, from the service executable")
    func helpReachesTheService() throws {
        let output = try BinaryRunner.run(["serve", "--help"])
        #expect(output.status == 0)
        #expect(output.stderr == "")
        // The options exist only in the service executable's parser.
        #expect(output.stdout.contains("USAGE: twitch-triage serve --reports <reports>"))
        for option in [
            "--clients <clients>", "--max-body <max-body>", "--insecure-no-auth", "--log-level <log-level>", "--knowledge <dir>",
        ] {
            #expect(output.stdout.contains(option), "\(option) missing from serve --help")
        }
    }

    @Test("the service's own usage errors come back with their exit status")
    func usageErrorFromTheService() throws {
        let output = try BinaryRunner.run(["serve", "--reports", "Reports"])
        #expect(output.status == 64)
        #expect(output.stderr.hasPrefix("Error: --clients is required (or --insecure-no-auth for a local demo without tokens).\n"))
        #expect(output.stderr.contains("Usage: twitch-triage serve --reports <reports>"))
        #expect(output.stdout == "")
    }

    @Test("twitch-triage without the service executable beside it: exit 69 and what is missing")
    func missingServiceExecutable() throws {
        // twitch-triage alone in a folder: a hard link (same file system; /proc/self/exe then names
        // this folder), else a copy.
        let installed = BinaryRunner.binary.resolvingSymlinksInPath()
        let folder = installed.deletingLastPathComponent().appendingPathComponent("serve-missing-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let alone = folder.appendingPathComponent("twitch-triage")
        do {
            try FileManager.default.linkItem(at: installed, to: alone)
        } catch {
            try FileManager.default.copyItem(at: installed, to: alone)
        }
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("twitch-triage-serve").path))
        for arguments in [["serve", "--help"], ["serve", "--reports", "Reports", "--insecure-no-auth"]] {
            let output = try BinaryRunner.run(arguments, executable: alone)
            #expect(output.status == 69)
            #expect(
                output.stderr == "twitch-triage serve: the service executable twitch-triage-serve is not installed beside twitch-triage\n")
            #expect(output.stdout == "")
        }
        // The other commands do not need it.
        let version = try BinaryRunner.run(["--version"], executable: alone)
        #expect(version.status == 0)
        #expect(!version.stdout.isEmpty)
    }
}
