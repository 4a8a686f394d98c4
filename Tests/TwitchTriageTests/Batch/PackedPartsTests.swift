import Foundation
import Testing
import TriageIngest
import TriageKnowledge
import TriageModel
import TriageNormalise

/// A file's parts packed for the batch (issue 23) give back exactly the parts the split made.
@Suite struct PackedPartsTests {
    static let asOf = LocalDate(year: 2026, month: 11, day: 20)!

    /// Packs the split of `outcome` and checks every entry against the split.
    static func expectSameParts(
        _ outcome: InputFileReader.Outcome, fileIndex: Int, building: (PatientID) -> Bool = { _ in true },
        _ comment: Comment
    ) {
        let assembler = PatientRecordAssembler(knowledge: Knowledge.forTests, asOf: asOf)
        let split = assembler.parts(of: outcome, fileIndex: fileIndex, building: building)
        let packed = PatientRecordAssembler.PackedParts(split.parts)
        #expect(packed.entries.map(\.patient) == split.parts.keys.sorted(), comment)
        for (index, entry) in packed.entries.enumerated() {
            #expect(packed.part(index) == split.parts[entry.patient], "\(entry.patient): \(comment)")
        }
    }

    @Test func everySampleFileGivesBackItsParts() throws {
        let samples = SinglePatientIngestionTests.root.appendingPathComponent("Samples").path
        var sharedFiles = 0
        for (index, file) in try InputDiscovery.files(under: [samples]).enumerated() {
            let outcome = InputFileReader.read(file, options: ReadOptions.forTests())
            if case .read(let result) = outcome.outcome, PatientRecordAssembler.patients(in: result).count > 1 { sharedFiles += 1 }
            Self.expectSameParts(outcome, fileIndex: index, "\(file.path)")
            // A shard's split: the patients not built keep only whether they have something to triage.
            Self.expectSameParts(outcome, fileIndex: index, building: { $0.rawValue.hasSuffix("1") }, "\(file.path), some built")
        }
        #expect(sharedFiles > 0)
    }

    @Test func everyFileOfTheHostileCorpusGivesBackItsParts() throws {
        for (index, name) in try HostileCorpus.committedFiles().enumerated() {
            let file = try #require(InputDiscovery.files(under: ["\(HostileCorpus.folder)/\(name)"]).first)
            Self.expectSameParts(InputFileReader.read(file, options: ReadOptions.forTests()), fileIndex: index, "\(name)")
        }
    }

    /// Several patients with journal entries, results, demographics, row errors and a
    /// file-level problem, interleaved: each gets its own back, nothing of a neighbour's.
    @Test func interleavedPatientsEachGetTheirOwn() {
        let text =
            "patient_id,collected_at,test,loinc,value,unit,colour\n"
            + "G2,2026-10-02,sodium,2951-2,140,mmol/L,red\n"
            + "G1,2026-10-02,potassium,2823-3,3.1,mmol/L,\n"
            + "G3,2026-10-02,sodium,2951-2,not a number,mmol/L,\n"
            + "G1,2026-10-03,magnesium,19123-9,1.5,mg/dL,\n"
            + "G2,2026-12-02,sodium,2951-2,139,mmol/L,\n"
        let outcome = Array(text.utf8).withUnsafeBytes {
            InputFileReader.read(bytes: $0, file: "labs.csv", options: ReadOptions.forTests())
        }
        Self.expectSameParts(outcome, fileIndex: 3, "interleaved")
        let assembler = PatientRecordAssembler(knowledge: Knowledge.forTests, asOf: Self.asOf)
        let packed = PatientRecordAssembler.PackedParts(assembler.parts(of: outcome, fileIndex: 3).parts)
        #expect(packed.entries.map(\.patient) == ["G1", "G2", "G3"])
        #expect(packed.part(0).labs.map(\.analyte) == ["potassium", "magnesium"])
        #expect(packed.part(1).labs.map(\.analyte) == ["sodium"])
        #expect(packed.part(2).labs.isEmpty)
        #expect(packed.part(2).diagnostics.contains { $0.severity == .error })
    }

    @Test func noPartsPackToNothing() {
        let packed = PatientRecordAssembler.PackedParts([:])
        #expect(packed.entries.isEmpty)
    }
}
