import Foundation
import Testing

/// Red flags of SPEC §6.1 written in patients' own words, through the built binary (issue 20):
/// the tier, the first step, who acts and the quote on the page.
@Suite struct RedFlagEndToEndTests {
    private static let header = "patient_id,date,location,twitch_count,symptoms,caffeine_mg,sleep_hours,notes"

    private func report(_ rows: [String]) throws -> (json: [String: Any], markdown: String) {
        let folder = try BinaryRunner.temporaryFolder()
        try ([Self.header] + rows).joined(separator: "\n").appending("\n")
            .write(to: folder.appendingPathComponent("journal.csv"), atomically: true, encoding: .utf8)
        let json = try BinaryRunner.run(["report", folder.path, "--as-of", "2026-11-20", "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let markdown = try BinaryRunner.run(["report", folder.path, "--as-of", "2026-11-20", "--format", "markdown"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        return (object, markdown.stdout)
    }

    private static func rows(_ id: String, note: String, days: Int = 6, location: String = "left calf") -> [String] {
        (0..<days).map { day in
            "\(id),2026-11-\(String(format: "%02d", 10 + day)),\(location),4,,100,7,\(day == days - 1 ? "\"\(note)\"" : "")"
        }
    }

    private func recommendations(_ json: [String: Any]) -> [[String: Any]] { json["recommendations"] as? [[String: Any]] ?? [] }

    @Test func breathlessLyingFlatInLayWordsIsABreathingAssessmentToday() throws {
        let (json, markdown) = try report(Self.rows("E001", note: "I get breathless lying flat at night now"))
        #expect(json["urgency"] as? String == "urgent")
        #expect(json["sameDay"] as? Bool == true)
        let first = try #require(recommendations(json).first)
        #expect(first["test"] as? String == "sameDayAssessment")
        #expect(first["who"] as? String == "emergency department")
        #expect(first["timeframe"] as? String == "today, within hours")
        #expect(markdown.contains("breathless lying flat"))
    }

    @Test func cannotSwallowWaterIsTheEmergencyDepartmentToday() throws {
        let (json, _) = try report(Self.rows("E002", note: "can't swallow water since this morning"))
        #expect(json["sameDay"] as? Bool == true)
        let tests = recommendations(json).compactMap { $0["test"] as? String }
        #expect(tests.contains("sameDayAssessment") && tests.contains("swallowAssessment"))
    }

    @Test func aFootThatDragsIsExaminedWithinAWeek_EMGOnlyIfItFindsSomething() throws {
        let (json, _) = try report(Self.rows("E003", note: "my right foot drags when I walk"))
        #expect(json["urgency"] as? String == "urgent")
        #expect(json["sameDay"] as? Bool == false)
        let exam = try #require(recommendations(json).first { $0["test"] as? String == "neurologyExam" })
        #expect(exam["who"] as? String == "GP")
        #expect(exam["timeframe"] as? String == "within a week by the GP, or neurology within 2 weeks, by the local pathway")
        let emg = try #require(recommendations(json).first { $0["test"] as? String == "EMG" })
        #expect(emg["when"] as? String == "if the examination finds weakness, wasting or reflex change")
    }

    @Test func numbAroundTheBottomIsCaudaEquinaToday() throws {
        let (json, _) = try report(Self.rows("E004", note: "numb around my bottom and lower back aches", location: "back"))
        #expect(json["sameDay"] as? Bool == true)
        let first = try #require(recommendations(json).first)
        #expect((first["detail"] as? String)?.hasPrefix("Emergency department today: saddle numbness") == true)
    }

    @Test func anErectionLostWithBackAndLegPainIsCaudaEquinaToday() throws {
        let note = "my back's killing me down the left leg and I can't get an erection since Tuesday"
        let (json, markdown) = try report(Self.rows("E006", note: note, location: "back"))
        #expect(json["sameDay"] as? Bool == true)
        let first = try #require(recommendations(json).first)
        #expect(first["test"] as? String == "sameDayAssessment")
        #expect(first["who"] as? String == "emergency department")
        #expect(
            first["detail"] as? String
                == "Emergency department today: sexual function change with back or leg symptoms may be cauda equina syndrome (an MRI of the lumbar spine there, the same day)."
        )
        #expect(markdown.contains("can't get an erection since Tuesday"))
    }

    @Test func numbDownThereDuringSexWithoutBackOrLegSymptomsIsStillCaudaEquinaToday() throws {
        // Saddle numbness is enough on its own; the sexual function change is named beside it.
        let (json, _) = try report(Self.rows("E007", note: "numb down there when we have sex", location: "right eyelid"))
        #expect(json["sameDay"] as? Bool == true)
        let first = try #require(recommendations(json).first)
        #expect((first["detail"] as? String)?.hasPrefix("Emergency department today: saddle numbness") == true)
    }

    @Test func aHedgedBedroomProblemIsAPhoneCallToday() throws {
        let (json, _) = try report(Self.rows("E008", note: "maybe my erections are weaker", location: "left calf"))
        #expect(json["sameDay"] as? Bool == false)
        let call = try #require(
            recommendations(json).first { ($0["detail"] as? String)?.contains("possible sexual function change") == true })
        #expect(call["test"] as? String == "clinicianReview")
        #expect(call["timeframe"] as? String == "today: a clinician phones the patient")
    }

    @Test func noProblemsInTheBedroomAndAnOldDiagnosisOnTheMedicineListRaiseNothing() throws {
        let folder = try BinaryRunner.temporaryFolder()
        let rows =
            ["patient_id,date,location,twitch_count,symptoms,medications,notes"]
            + (0..<6).map {
                "E009,2026-11-\(10 + $0),left calf,4,,sildenafil for erectile dysfunction,\($0 == 5 ? "no problems in the bedroom" : "")"
            }
        try rows.joined(separator: "\n").appending("\n").write(
            to: folder.appendingPathComponent("journal.csv"), atomically: true, encoding: .utf8)
        let run = try BinaryRunner.run(["report", folder.path, "--as-of", "2026-11-20", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(json["sameDay"] as? Bool == false)
        let findings = json["findings"] as? [[String: Any]] ?? []
        #expect(!findings.contains { $0["id"] as? String == "sexual-function-change" && $0["present"] as? Bool == true })
        #expect(!recommendations(json).contains { $0["rule"] as? String == "cauda-equina" })
    }

    @Test func speechAndSwallowingChangeIsQueryMNDWithNeurologysWorkUp() throws {
        let (json, _) = try report(Self.rows("E005", note: "my speech is slurred and I keep choking on my tea", location: "right forearm"))
        #expect(json["queryMND"] as? Bool == true)
        let mri = try #require(recommendations(json).first { $0["test"] as? String == "MRI" })
        #expect(mri["region"] as? String == "brain")
        #expect(mri["when"] as? String == "neurology's proposed work-up: never delays the referral")
        #expect(recommendations(json).contains { $0["test"] as? String == "NCS" })
    }
}
