import Foundation
import Testing

/// Journals in patients' own words, through the built binary (issue 10): a red flag written only
/// in a note counts, red flags that are all denied leave a short benign story self-care, and
/// symptom text nobody could read keeps the patient out of self-care.
@Suite struct FreeTextReadingTests {
    private static let header = "patient_id,date,location,twitch_count,symptoms,caffeine_mg,sleep_hours,notes"

    private func report(_ rows: [String]) throws -> [String: Any] {
        let folder = try BinaryRunner.temporaryFolder()
        try ([Self.header] + rows).joined(separator: "\n").appending("\n")
            .write(to: folder.appendingPathComponent("journal.csv"), atomically: true, encoding: .utf8)
        let output = try BinaryRunner.run(["report", folder.path, "--as-of", "2026-11-20", "--format", "json"])
        #expect(output.status == 0, "\(output.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
    }

    private static func days(_ count: Int, _ row: (Int) -> String) -> [String] {
        (0..<count).map { day in row(day) }
    }

    @Test func aRedFlagOnlyInANoteMakesTheReferralUrgent() throws {
        let rows = Self.days(8) { day in
            let note = day == 5 ? "\"Tired. My left hand looks thinner than the right, can't turn the key\"" : ""
            return "W001,2026-11-\(String(format: "%02d", 10 + day)),left hand,5,,150,7,\(note)"
        }
        let referral = try report(rows)
        #expect(referral["urgency"] as? String == "urgent")
        let findings = referral["findings"] as? [[String: Any]] ?? []
        let atrophy = findings.first { $0["id"] as? String == "atrophy" }
        #expect(atrophy?["present"] as? Bool == true)
        let evidence = (atrophy?["evidence"] as? [[String: Any]])?.first
        #expect(evidence?["field"] as? String == "note")
        #expect(evidence?["line"] as? Int == 7)
        #expect(evidence?["quote"] as? String == "My left hand looks thinner than the right, can't turn the key")
    }

    /// Issue 18: red flags only in lay words (frames), a comma-scoped negation and a hedge, each
    /// a finding with its quote; the hedged one says "possible".
    @Test func layWordsFramesAndAHedgeAreReadWithTheirQuotes() throws {
        let notes = [
            "\"no fever, my left foot slaps the floor\"", "tea goes the wrong way", "perhaps my right hand is weaker",
            "\"belt on a tighter notch, down half a stone\"", "", "",
        ]
        let rows = Self.days(6) { day in "W004,2026-11-\(String(format: "%02d", 10 + day)),left calf,4,,100,7,\(notes[day])" }
        let referral = try report(rows)
        let findings = referral["findings"] as? [[String: Any]] ?? []
        func finding(_ id: String) -> [String: Any]? { findings.first { $0["id"] as? String == id } }
        for (id, quote) in [
            ("foot-drop", "no fever, my left foot slaps the floor"), ("swallowing-difficulty", "tea goes the wrong way"),
            ("unexplained-weight-loss", "belt on a tighter notch, down half a stone"),
        ] {
            #expect(finding(id)?["present"] as? Bool == true, "\(id)")
            #expect((finding(id)?["evidence"] as? [[String: Any]])?.first?["quote"] as? String == quote, "\(id)")
        }
        let weakness = finding("weakness")
        #expect(weakness?["present"] as? Bool == true)
        #expect((weakness?["summary"] as? String)?.hasPrefix("Possible weakness (written with doubt)") == true)
        #expect((weakness?["summary"] as? String)?.contains("possible, \"perhaps my right hand is weaker\"") == true)
        #expect(referral["urgency"] as? String != "self-care")
    }

    @Test func redFlagsThatAreAllDeniedLeaveAShortBenignStorySelfCare() throws {
        let rows = Self.days(6) { day in
            let symptoms = ["no weakness", "none", "no numbness or tingling", "no trouble swallowing", "", "none"][day]
            let note = ["\"my brother has muscle wasting, scared of ALS\"", "", "afraid of weakness", "", "could it be ALS?", ""][day]
            return "W002,2026-11-\(String(format: "%02d", 10 + day)),left eyelid,\(6 - day),\(symptoms),400,5,\(note)"
        }
        let referral = try report(rows)
        #expect(referral["urgency"] as? String == "self-care")
        let findings = referral["findings"] as? [[String: Any]] ?? []
        for id in ["weakness", "atrophy", "swallowing-difficulty", "numbness"] {
            #expect(findings.first { $0["id"] as? String == id }?["present"] as? Bool == false, "\(id)")
        }
        #expect((referral["needsReview"] as? [Any])?.isEmpty == true)
    }

    @Test func unreadSymptomTextIsNeverSelfCare() throws {
        let rows = Self.days(5) { day in
            "W003,2026-11-\(String(format: "%02d", 10 + day)),right calf,3,\(day < 3 ? "funny buzzy thing" : "odd ticky feeling"),100,8,"
        }
        let referral = try report(rows)
        #expect(referral["urgency"] as? String == "routine")
        let tests = (referral["recommendations"] as? [[String: Any]] ?? []).compactMap { $0["test"] as? String }
        #expect(tests.contains("clinicianReview"))
        let review = referral["needsReview"] as? [[String: Any]] ?? []
        #expect(review.map { $0["text"] as? String } == ["funny buzzy thing", "odd ticky feeling"])
        #expect(review.map { $0["count"] as? Int } == [3, 2])
        #expect(review.first?["lines"] as? [Int] == [2, 3, 4])
        let weakness = (referral["findings"] as? [[String: Any]] ?? []).first { $0["id"] as? String == "weakness" }
        #expect(
            weakness?["summary"] as? String
                == "Weakness not recognised in 5 journal entries; 5 entries hold symptom text that was not understood.")
        let quality = referral["dataQuality"] as? [[String: Any]] ?? []
        #expect(quality.first?["count"] as? Int == 3)
        #expect(quality.first?["text"] as? String == "funny buzzy thing")
        #expect(quality.first?["message"] as? String == "symptom text not understood; kept for a clinician to read")
    }
}
