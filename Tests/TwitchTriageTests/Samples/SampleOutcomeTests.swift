import Foundation
import Testing
import TriageBatch
import TriageEngine
import TriageIngest
import TriageKnowledge
import TriageModel

/// Reads the table of `Samples/README.md` (the outcome a clinician expects for each sample
/// patient) and checks the referrals the code writes against it.
@Suite struct SampleOutcomeTests {
    struct Expectation {
        var patient: String
        var urgency: String
        var tests: Set<String>
        var considerations: [String]
    }

    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let conditionIDs = [
        "ALS": "als", "BFS": "bfs", "peripheral neuropathy": "peripheral-neuropathy",
        "cervical radiculopathy": "cervical-radiculopathy", "multiple sclerosis": "multiple-sclerosis",
        "electrolyte imbalance": "electrolyte-imbalance", "vitamin deficiency": "vitamin-deficiency",
        "medication side effect": "medication-side-effect", "anxiety-related twitching": "anxiety-twitching",
        "lifestyle-related twitching": "lifestyle-twitching", "eyelid myokymia": "eyelid-myokymia",
    ]

    static func expectations() throws -> [Expectation] {
        let text = try String(contentsOf: root.appendingPathComponent("Samples/README.md"), encoding: .utf8)
        var rows: [Expectation] = []
        var inTable = false
        for line in text.split(separator: "\n").map(String.init) {
            if line.hasPrefix("| patient | story | expected urgency") {
                inTable = true
                continue
            }
            guard inTable else { continue }
            guard line.hasPrefix("|") else { if !rows.isEmpty { break } else { continue } }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 7, !cells[1].hasPrefix("---") else { continue }
            let list: (String) -> [String] = { $0 == "-" ? [] : $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
            rows.append(Expectation(patient: cells[1], urgency: cells[3], tests: Set(list(cells[4])), considerations: list(cells[5])))
        }
        return rows
    }

    @Test func everySamplePatientGetsTheOutcomeTheTableExpects() throws {
        let expectations = try Self.expectations()
        #expect(expectations.count >= 16)
        let knowledge = Knowledge.forTests
        let asOf = LocalDate(year: 2026, month: 11, day: 20)!
        // As `make run` reads them: with the samples' code map (SPEC §3.10).
        var options = ReadOptions(knowledge: knowledge)
        options.codeMap = try LabCodeMap.load(
            path: Self.root.appendingPathComponent("Samples/code-map.csv").path,
            analytes: knowledge.analyteIndex)
        let assembly = try Ingestion.run(
            paths: [Self.root.appendingPathComponent("Samples").path], options: options,
            knowledge: knowledge, asOf: asOf)
        let builder = ReferralBuilder(knowledge: knowledge)
        #expect(Set(assembly.patients.map(\.id.rawValue)) == Set(expectations.map(\.patient)))
        for expectation in expectations {
            guard let record = assembly.patients.first(where: { $0.id.rawValue == expectation.patient }) else {
                Issue.record("no record for \(expectation.patient)")
                continue
            }
            let referral = builder.referral(for: record, asOf: asOf)
            #expect(referral.urgency.rawValue == expectation.urgency, "\(expectation.patient): urgency \(referral.urgency.rawValue)")
            let tests = Set(referral.recommendations.map { $0.test.rawValue + ($0.region.map { " " + $0.rawValue } ?? "") })
            #expect(tests == expectation.tests, "\(expectation.patient): tests \(tests.sorted())")
            let considered = Set(referral.considerations.map(\.conditionID.rawValue))
            for name in expectation.considerations {
                let id = Self.conditionIDs[name] ?? name
                #expect(considered.contains(id), "\(expectation.patient): \(name) not considered; got \(considered.sorted())")
            }
        }
    }
}
