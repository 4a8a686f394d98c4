import Foundation
import Testing

@Suite struct ReportCommandTests {
    let journal = #"""
        patient_id,date,location,twitch_count,weakness,notes
        E001,2026-10-01,right forearm,4,0,after yard work
        E001,2026-10-02,right forearm,5,0,
        E001,2026-10-03,right forearm,3,0,"coffee, then ""twitchy"""

        """#

    private func folder(_ files: [String: String]) throws -> URL {
        let folder = try BinaryRunner.temporaryFolder()
        for (name, text) in files { try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return folder
    }

    @Test func helpListsTheCommands() throws {
        let output = try BinaryRunner.run(["--help"])
        #expect(output.status == 0)
        for command in ["report", "batch", "verify", "knowledge"] { #expect(output.stdout.contains(command)) }
        let report = try BinaryRunner.run(["report", "--help"])
        #expect(report.status == 0)
        #expect(report.stdout.contains("--patient"))
        #expect(report.stdout.contains("--as-of"))
    }

    @Test func knowledgePrintsEveryTableWithSources() throws {
        let markdown = try BinaryRunner.run(["knowledge"])
        #expect(markdown.status == 0)
        for article in ["arm-twitching-guide", "arm-twitching-causes", "random-twitches", "neurologist-guide"] {
            #expect(markdown.stdout.contains(article))
        }
        let json = try BinaryRunner.run(["knowledge", "--format", "json"])
        #expect(json.status == 0)
        #expect((try? JSONSerialization.jsonObject(with: Data(json.stdout.utf8))) != nil)
    }

    @Test func onePatientPrintsTheReferralJSON() throws {
        let input = try folder(["journal.csv": journal])
        let output = try BinaryRunner.run(["report", input.path, "--as-of", "2026-11-20"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stderr == "")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        #expect(json["schemaVersion"] as? String == "1")
        #expect(json["asOf"] as? String == "2026-11-20")
        #expect((json["patient"] as? [String: Any])?["id"] as? String == "E001")
        let window = try #require(json["window"] as? [String: Any])
        #expect(window["first"] as? String == "2026-10-01")
        #expect(window["entries"] as? Int == 3)
        #expect(json["urgency"] as? String == "self-care")
        let inputs = try #require((json["provenance"] as? [String: Any])?["inputs"] as? [[String: Any]])
        #expect(inputs.first?["file"] as? String == "journal.csv")
        #expect((inputs.first?["sha256"] as? String)?.count == 64)
        #expect(output.stdout.contains("coffee, then \\\"twitchy\\\""))
    }

    @Test func formatFHIRPrintsTheBundle() throws {
        let input = try folder(["journal.csv": journal])
        let output = try BinaryRunner.run(["report", input.path, "--as-of", "2026-11-20", "--format", "fhir"])
        #expect(output.status == 0, "\(output.stderr)")
        let bundle = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        #expect(bundle["resourceType"] as? String == "Bundle" && bundle["type"] as? String == "collection")
        let first = (bundle["entry"] as? [[String: Any]])?.first?["resource"] as? [String: Any]
        #expect(first?["resourceType"] as? String == "Patient")
    }

    @Test func severalPatientsWithoutPatientExit64NamingThem() throws {
        let input = try folder(["journal.csv": journal + "E002,2026-10-01,left calf,2,0,\n"])
        let output = try BinaryRunner.run(["report", input.path, "--as-of", "2026-11-20"])
        #expect(output.status == 64)
        #expect(output.stderr.contains("the input holds 2 patients; choose one with --patient: E001, E002"))
        let chosen = try BinaryRunner.run(["report", input.path, "--as-of", "2026-11-20", "--patient", "E002", "--format", "markdown"])
        #expect(chosen.status == 0)
        #expect(chosen.stdout.hasPrefix("# Referral summary: E002"))
        let unknown = try BinaryRunner.run(["report", input.path, "--as-of", "2026-11-20", "--patient", "E999"])
        #expect(unknown.status == 64)
    }

    @Test func aBadRowIsReportedWithFileLineColumnAndExit65() throws {
        let input = try folder(["journal.csv": journal + "E001,10/04/2026,right forearm,2,0,\n"])
        let output = try BinaryRunner.run(["report", input.path, "--as-of", "2026-11-20"])
        #expect(output.status == 65)
        #expect(output.stderr.contains("journal.csv:5:6: "))
        #expect(output.stdout.contains("\"dataQuality\""))
    }

    @Test func badFlagsAreUsageErrors() throws {
        let input = try folder(["journal.csv": journal])
        #expect(try BinaryRunner.run(["report", input.path, "--as-of", "yesterday"]).status == 64)
        #expect(try BinaryRunner.run(["report", input.path, "--format", "pdf"]).status == 64)
        let missing = try BinaryRunner.run(["report", "/nonexistent/path"])
        #expect(missing.status == 65)
        #expect(missing.stderr == "/nonexistent/path: no such file or folder; nothing read\n")
    }

    @Test func htmlFormatIsSelfContained() throws {
        let input = try folder(["journal.csv": journal])
        let output = try BinaryRunner.run(["report", input.path, "--as-of", "2026-11-20", "--format", "html"])
        #expect(output.status == 0)
        #expect(output.stdout.hasPrefix("<!DOCTYPE html>"))
        #expect(!output.stdout.contains("<script"))
    }
}
