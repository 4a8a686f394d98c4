import Foundation
import Testing
import TriageBatch
import TriageService

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif
#if canImport(Glibc)
    import Glibc
#endif

/// `twitch-triage serve` as a process: SIGTERM while feedback is coming in loses none that was
/// answered 200, and nothing secret or about a patient reaches its log, even at trace level.
@Suite("serve binary")
struct ServeBinaryTests {
    /// The binary next to the test bundle (`swift test` builds it), else under `.build/debug`.
    static let binary: URL = {
        var candidate = URL(fileURLWithPath: CommandLine.arguments[0])
        while candidate.path != "/" {
            candidate.deleteLastPathComponent()
            let binary = candidate.appendingPathComponent("twitch-triage")
            if FileManager.default.isExecutableFile(atPath: binary.path), !binary.hasDirectoryPath { return binary }
        }
        return ServiceHarness.packageRoot.appendingPathComponent(".build/debug/twitch-triage")
    }()

    @Test("SIGTERM during a stream of feedback loses no answered feedback; the log holds no token, no patient value")
    func sigtermKeepsFeedback() async throws {
        let harness = try await ServiceHarness.shared()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // A copy of the harness's batch, so this process has a ledger of its own.
        let reports = folder.appendingPathComponent("reports")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: harness.reports), to: reports)
        let log = folder.appendingPathComponent("serve.log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = [
            "serve", "--reports", reports.path, "--in", ServiceHarness.packageRoot.appendingPathComponent("Samples").path,
            "--insecure-no-auth", "--port", "0", "--log-level", "trace",
        ]
        let handle = try FileHandle(forWritingTo: log)
        process.standardError = handle
        process.standardOutput = handle
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        var port = 0
        for _ in 0..<600 where port == 0 {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            if let range = text.range(of: #"port=(\d+)"#, options: .regularExpression) {
                port = Int(text[range].dropFirst(5)) ?? 0
            } else {
                try await Task.sleep(for: .milliseconds(50))
            }
        }
        try #require(port != 0)
        let client = URLSession(configuration: .ephemeral)
        let boundPort = port
        let post: @Sendable (String, String) async -> Int = { path, body in
            guard let url = URL(string: "http://127.0.0.1:\(boundPort)" + path) else { return 0 }
            var request = URLRequest(url: url, timeoutInterval: 5)
            request.httpMethod = "POST"
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = Data(body.utf8)
            guard let (_, response) = try? await client.data(for: request) else { return 0 }
            return (response as? HTTPURLResponse)?.statusCode ?? 0
        }
        // A call with a FHIR token and a patient in it, for the log check.
        let call = String(decoding: ServiceHarness.request(mrn: "P002"), as: UTF8.self)
            .replacingOccurrences(
                of: #""context":"#,
                with:
                    #""fhirServer":"https://ehr.test/fhir","fhirAuthorization":{"access_token":"fhir-secret-4711","token_type":"Bearer","expires_in":300,"scope":"patient/Patient.read","subject":"cds"},"context":"#
            )
        #expect(await post("/cds-services/twitch-triage", call) == 200)
        // Eight calls in flight at every moment; SIGTERM after the 80th is sent, with eight still
        // in flight (a call sent after the signal may find the port closed: not counted).
        let total = 80
        let answered = await withTaskGroup(of: Int.self) { group in
            var next = 0
            var ok = 0
            for _ in 0..<8 {
                let index = next
                next += 1
                group.addTask { await Self.feedback(index, post: post) }
            }
            while let status = await group.next() {
                if status == 200 { ok += 1 }
                if next < total {
                    let index = next
                    next += 1
                    group.addTask { await Self.feedback(index, post: post) }
                    if next == total { kill(process.processIdentifier, SIGTERM) }
                }
            }
            return ok
        }
        process.waitUntilExit()
        try handle.close()
        client.invalidateAndCancel()
        #expect(process.terminationReason == .exit)
        #expect(answered >= total - 8)
        let stored = try Ledger(output: reports.path).feedbackSummary().feedbackItems
        #expect(stored >= answered)
        let text = try String(contentsOf: log, encoding: .utf8)
        for secret in ["fhir-secret-4711", "fhir-P002", "P002", "Practitioner/1"] {
            #expect(!text.contains(secret), "\(secret) in the log")
        }
        #expect(text.split(separator: "\n").allSatisfy { $0.contains("INSECURE") || !$0.contains(" twitch-triage.") })

        // `twitch-triage feedback` reads the same ledger.
        let summary = Process()
        summary.executableURL = Self.binary
        summary.arguments = ["feedback", reports.path]
        let output = folder.appendingPathComponent("feedback.txt")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        let outputHandle = try FileHandle(forWritingTo: output)
        summary.standardOutput = outputHandle
        try summary.run()
        summary.waitUntilExit()
        try outputHandle.close()
        let lines = try String(contentsOf: output, encoding: .utf8).split(separator: "\n")
        #expect(summary.terminationStatus == 0)
        #expect(lines.first == "rule\trecommendation\tissued\taccepted\toverridden\toverride reasons")
        #expect(lines.last == "feedback items: \(stored); about cards never issued: \(stored)")
    }

    static func feedback(_ index: Int, post: @Sendable (String, String) async -> Int) async -> Int {
        let second = String(format: "%02d", index % 60)
        let minute = String(format: "%02d", index / 60)
        return await post(
            "/cds-services/twitch-triage/feedback",
            """
            {"feedback":[{"card":"00000000-0000-5000-8000-\(String(format: "%012d", index))","outcome":"overridden","outcomeTimestamp":"2026-11-21T10:\(minute):\(second)Z"}]}
            """)
    }
}
