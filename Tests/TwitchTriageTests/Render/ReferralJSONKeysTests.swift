import Testing
import TriageKnowledge
import TriageModel
import TriageRender

/// SPEC §7's keys of this turn in `referral.json`: `findings[].certainty` and `history[]`.
@Suite struct ReferralJSONKeysTests {
    let knowledge = Knowledge.forTests

    func object(_ referral: Referral) throws -> [String: JSONValue] {
        guard case .object(let document) = ReferralJSON.value(referral) else { throw JSONKeyError.notAnObject }
        return document
    }

    enum JSONKeyError: Error { case notAnObject }

    @Test func aSymptomFindingCarriesItsCertaintyAndACountDoesNot() throws {
        var patient = PatientBuilder()
        patient.days(5, symptoms: [SymptomID.weakness])
        var referral = patient.referral(knowledge)
        let index = try #require(referral.findings.firstIndex { $0.id == FindingID.symptom(SymptomID.weakness) })
        referral.findings[index].certainty = .possible
        guard case .array(let findings)? = try object(referral)["findings"] else {
            Issue.record("no findings")
            return
        }
        let written = findings.compactMap { value -> (String, JSONValue?)? in
            guard case .object(let fields) = value, case .string(let id)? = fields["id"] else { return nil }
            return (id, fields["certainty"])
        }
        #expect(written.first { $0.0 == "weakness" }?.1 == .string("possible"))
        #expect(written.first { $0.0 == "twitch-span" }.map { $0.1 == nil } == true)
    }

    @Test func statedHistoryIsWrittenWithItsQuoteAndRelative() throws {
        var patient = PatientBuilder()
        patient.days(5)
        var referral = patient.referral(knowledge)
        #expect(try object(referral)["history"] == nil)
        referral.history = [
            Referral.HistoryItem(
                kind: .familyHistory, text: "ALS (father)", quote: "my father had ALS",
                source: SourceLocation(file: "j.csv", line: 3), firstDegree: true)
        ]
        let history = try object(referral)["history"]
        #expect(
            history
                == .array([
                    .object([
                        "kind": .string("familyHistory"), "text": .string("ALS (father)"),
                        "quote": .string("my father had ALS"), "file": .string("j.csv"),
                        "line": .number(3), "firstDegree": .bool(true),
                    ])
                ]))
    }
}
