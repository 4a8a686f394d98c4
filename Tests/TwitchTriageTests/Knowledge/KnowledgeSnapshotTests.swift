import Foundation
import Testing
import TriageModel
import TriageNormalise

@testable import TriageKnowledge

/// The compiled, pre-validated knowledge (``KnowledgeSnapshot``, SPEC §9): the shipped snapshot is
/// the one the shipped JSON tables compile to (a stale one fails here, so it cannot ship), it
/// loads exactly what the validated JSON load gives, its matcher reads every phrase as the
/// matcher compiled from the JSON does, and a snapshot that does not match its tables is never used.
@Suite struct KnowledgeSnapshotTests {
    /// The tables in the source tree (what ships), not the build's copy.
    private static let sourceDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/TriageKnowledge/Resources", isDirectory: true)

    private static let layPhrases = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Benchmarks/lay-phrases", isDirectory: true)

    private func digest(of directory: URL) throws -> String {
        try KnowledgeDigest.digest(KnowledgeDigest.files.map { ($0, try Data(contentsOf: directory.appendingPathComponent($0))) })
    }

    private func snapshot(in directory: URL) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: directory.appendingPathComponent(KnowledgeSnapshot.file)))
    }

    @Test func theShippedSnapshotIsTheOneTheShippedTablesCompileTo() throws {
        let compiled = try KnowledgeSnapshot.compile(tablesIn: Self.sourceDirectory)
        let shipped = try snapshot(in: Self.sourceDirectory)
        #expect(
            KnowledgeSnapshot.digest(of: shipped) == (try digest(of: Self.sourceDirectory)),
            "knowledge.snapshot is stale: `make knowledge-stamp`, then commit it and knowledge.validated")
        #expect(shipped == compiled.snapshot, "knowledge.snapshot is not what this build compiles the tables to: `make knowledge-stamp`")
        #expect(compiled.digest == (try digest(of: Self.sourceDirectory)))
    }

    @Test func theBuildsCopyIsTheShippedSnapshot() throws {
        let bundled = try #require(KnowledgeLoader.bundledDirectory())
        #expect(try snapshot(in: bundled) == (try snapshot(in: Self.sourceDirectory)))
    }

    @Test func theSnapshotLoadEqualsTheValidatedJSONLoad() throws {
        let validated = try KnowledgeLoader.load(from: Self.sourceDirectory)
        let compiled = try KnowledgeLoader.load(from: Self.sourceDirectory, trustingStamp: true)
        let matcher = try #require(compiled.compiled.matcher, "the shipped tables were not loaded from the snapshot")
        #expect(validated.compiled.matcher == nil)
        // Every field (Knowledge is Hashable over all its tables) and the matcher's every table.
        #expect(compiled == validated)
        #expect(compiled.hashValue == validated.hashValue)
        let fromJSON = ConceptMatcher(validated.vocabulary, sideWords: VocabularyIndex.sideWords, checking: false)
        #expect(KnowledgeSnapshot.bytesOf(matcher) == KnowledgeSnapshot.bytesOf(fromJSON))
        #expect(try Knowledge.bundled == validated)
        #expect(try Knowledge.bundled.compiled.matcher != nil)
    }

    /// Every phrase of the vocabulary and every lay phrase of the benchmark sets, read by both matchers.
    @Test func theCompiledMatcherReadsEveryPhraseAsTheJSONMatcherDoes() throws {
        let knowledge = try KnowledgeLoader.load(from: Self.sourceDirectory, trustingStamp: true)
        let compiled = try #require(knowledge.compiled.matcher)
        let fromJSON = ConceptMatcher(knowledge.vocabulary, sideWords: VocabularyIndex.sideWords, checking: false)
        let vocabulary = knowledge.vocabulary
        let reading = vocabulary.reading
        var phrases: [String] = []
        phrases += vocabulary.regions.flatMap { [$0.id.rawValue] + $0.synonyms }
        phrases += vocabulary.symptoms.flatMap { [$0.id.rawValue] + $0.synonyms + ($0.listOnly ?? []) }
        phrases += vocabulary.triggers.flatMap { [$0.id.rawValue] + $0.synonyms }
        phrases += vocabulary.medicationClasses.flatMap { $0.drugs + [$0.label] }
        for frame in vocabulary.frames {
            phrases += frame.subjects + frame.predicates
            for subject in frame.subjects {
                for predicate in frame.predicates { phrases.append("my \(subject) is \(predicate)") }
            }
        }
        phrases += reading.triggers.flatMap(\.phrases) + reading.equivalences.flatMap(\.phrases)
        for list in [
            reading.fillerWords, reading.noneTexts, reading.twitchWords, reading.diseaseNames, reading.statementStarts,
            reading.listJoiners, reading.listConjunctions, reading.inabilityCancels, reading.inabilityWords,
            reading.firstDegreeRelatives, reading.patientWords, reading.familyHistoryDiseases,
        ] {
            phrases += list.phrases
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.layPhrases.path).filter { $0.hasSuffix(".tsv") }.sorted()
        #expect(files.count >= 4)
        for file in files {
            let lines = try String(contentsOf: Self.layPhrases.appendingPathComponent(file), encoding: .utf8).split(separator: "\n")
                .dropFirst()
            phrases += lines.compactMap { $0.split(separator: "\t", omittingEmptySubsequences: false).first.map(String.init) }
        }
        #expect(phrases.count > 2_000)
        let kinds = Set(ConceptMention.Kind.allCases)
        var differences: [String] = []
        for phrase in phrases {
            // Each phrase alone, and inside a sentence with a negation before it.
            for text in [phrase, "no \(phrase) today, but my left arm twitches."] {
                if compiled.readUncached(text, kinds: kinds) != fromJSON.readUncached(text, kinds: kinds)
                    || compiled.listItemSymptom(text) != fromJSON.listItemSymptom(text)
                    || compiled.isNoneText(text) != fromJSON.isNoneText(text)
                {
                    differences.append(text)
                }
            }
        }
        #expect(differences.isEmpty, "read differently: \(differences.prefix(5))")
    }

    @Test func aSnapshotOfOtherTablesIsNotUsedAndTheTablesAreValidated() throws {
        let copy = try BrokenKnowledge()
        defer { try? FileManager.default.removeItem(at: copy.directory) }
        try copy.replace("red-flags.json", "\"weakness\"", with: "\"weaknes\"")
        // Even with the stamp made to match, the old snapshot is not this table's.
        try copy.write(KnowledgeDigest.stampFile, try digest(of: copy.directory) + "\n")
        #expect(KnowledgeSnapshot.digest(of: try snapshot(in: copy.directory)) != (try digest(of: copy.directory)))
        #expect(throws: KnowledgeError.self) { try KnowledgeLoader.load(from: copy.directory, trustingStamp: true) }
        do {
            _ = try KnowledgeLoader.load(from: copy.directory, trustingStamp: true)
        } catch {
            #expect(
                error.description
                    == #"red-flags.json: row 4 (progressive-weakness): names symptom "weaknes", which is not in vocabulary.json symptoms"#)
        }
    }

    @Test func anEditedTableIsReadFromTheJSONNotTheSnapshot() throws {
        let copy = try BrokenKnowledge()
        defer { try? FileManager.default.removeItem(at: copy.directory) }
        let shipped = try KnowledgeLoader.load(from: Self.sourceDirectory)
        let title = try #require(shipped.redFlags.first?.text)
        try copy.replace("red-flags.json", "\"\(title)\"", with: "\"\(title) (clinic wording)\"")
        let loaded = try KnowledgeLoader.load(from: copy.directory, trustingStamp: true)
        #expect(loaded.compiled.matcher == nil)
        #expect(loaded.redFlags.first?.text == "\(title) (clinic wording)")
        #expect(loaded == (try KnowledgeLoader.load(from: copy.directory)))
    }

    @Test func aCorruptSnapshotFallsBackToTheValidatedJSON() throws {
        let copy = try BrokenKnowledge()
        defer { try? FileManager.default.removeItem(at: copy.directory) }
        let bytes = try snapshot(in: copy.directory)
        let validated = try KnowledgeLoader.load(from: Self.sourceDirectory)
        // Cut short at a few places past the header (whose digest still matches), one byte more, and
        // one byte changed inside the tables (the checksum finds it).
        var changed = bytes
        changed[200] ^= 0xFF
        for broken in [Array(bytes.prefix(80)), Array(bytes.prefix(bytes.count / 2)), Array(bytes.dropLast()), bytes + [0], changed] {
            try Data(broken).write(to: copy.directory.appendingPathComponent(KnowledgeSnapshot.file))
            let loaded = try KnowledgeLoader.load(from: copy.directory, trustingStamp: true)
            #expect(loaded.compiled.matcher == nil)
            #expect(loaded == validated)
        }
    }

    @Test func aFolderGivenByPathNeverReadsItsSnapshot() throws {
        let copy = try BrokenKnowledge()
        defer { try? FileManager.default.removeItem(at: copy.directory) }
        let shipped = try KnowledgeLoader.load(from: Self.sourceDirectory)
        let title = try #require(shipped.redFlags.first?.text)
        try copy.replace("red-flags.json", "\"\(title)\"", with: "\"\(title) (clinic wording)\"")
        // A snapshot of the shipped tables that claims the edited tables' digest.
        let old = try snapshot(in: copy.directory)
        let oldDigest = try #require(KnowledgeSnapshot.digest(of: old))
        // The header: magic (4 bytes), format (4), the digest's length (4) and its 64 hex digits.
        let forged = Array(old.prefix(12)) + Array(try digest(of: copy.directory).utf8) + Array(old.dropFirst(12 + oldDigest.utf8.count))
        try Data(forged).write(to: copy.directory.appendingPathComponent(KnowledgeSnapshot.file))
        let byPath = try KnowledgeLoader.load(from: copy.directory)
        #expect(byPath.compiled.matcher == nil)
        #expect(byPath.redFlags.first?.text == "\(title) (clinic wording)")
    }

    @Test func theMatcherIsDroppedWhenTheVocabularyChanges() throws {
        var knowledge = try Knowledge.bundled
        #expect(knowledge.compiled.matcher != nil)
        knowledge.vocabulary.reading.maximumGapWords += 1
        #expect(knowledge.compiled.matcher == nil)
        let normaliser = Normaliser(knowledge: knowledge, asOf: LocalDate(iso: "2026-11-20")!)
        #expect(normaliser.concepts.rules.maximumGapWords == knowledge.vocabulary.reading.maximumGapWords)
    }
}

/// ``SnapshotCodable`` over the shapes the tables use: a value reads back equal, and a short,
/// extended or damaged snapshot is a thrown ``SnapshotReader/Malformed``, never a crash.
@Suite struct SnapshotCodingTests {
    struct Inner: SnapshotCodable, Hashable {
        enum Tier: String, SnapshotCodable { case high, low }
        var tier: Tier
        var note: String?
        var values: [Double]

        init(tier: Tier, note: String?, values: [Double]) {
            self.tier = tier
            self.note = note
            self.values = values
        }

        init(snapshot reader: inout SnapshotReader) throws(SnapshotReader.Malformed) {
            tier = try reader.read()
            note = try reader.read()
            values = try reader.read()
        }

        func write(to writer: inout SnapshotWriter) {
            writer.write(tier)
            writer.write(note)
            writer.write(values)
        }
    }

    struct Outer: SnapshotCodable, Hashable {
        var name: String
        var count: Int
        var flag: Bool
        var maybe: Int?
        var maybeFlag: Bool?
        var words: [String]
        var holes: [String?]
        var nested: [[Int]]
        var inner: Inner
        var inners: [Inner]
        var optionalInner: Inner?
        var ids: [ConditionID]

        init(
            name: String, count: Int, flag: Bool, maybe: Int?, maybeFlag: Bool?, words: [String], holes: [String?], nested: [[Int]],
            inner: Inner, inners: [Inner], optionalInner: Inner?, ids: [ConditionID]
        ) {
            self.name = name
            self.count = count
            self.flag = flag
            self.maybe = maybe
            self.maybeFlag = maybeFlag
            self.words = words
            self.holes = holes
            self.nested = nested
            self.inner = inner
            self.inners = inners
            self.optionalInner = optionalInner
            self.ids = ids
        }

        init(snapshot reader: inout SnapshotReader) throws(SnapshotReader.Malformed) {
            name = try reader.read()
            count = try reader.read()
            flag = try reader.read()
            maybe = try reader.read()
            maybeFlag = try reader.read()
            words = try reader.read()
            holes = try reader.read()
            nested = try reader.read()
            inner = try reader.read()
            inners = try reader.read()
            optionalInner = try reader.read()
            ids = try reader.read()
        }

        func write(to writer: inout SnapshotWriter) {
            writer.write(name)
            writer.write(count)
            writer.write(flag)
            writer.write(maybe)
            writer.write(maybeFlag)
            writer.write(words)
            writer.write(holes)
            writer.write(nested)
            writer.write(inner)
            writer.write(inners)
            writer.write(optionalInner)
            writer.write(ids)
        }
    }

    private let sample = Outer(
        name: "émile ✓", count: -42, flag: true, maybe: nil, maybeFlag: false, words: ["a", "", "a longer word than fifteen bytes"],
        holes: ["x", nil, ""], nested: [[1, 2], [], [3]], inner: .init(tier: .high, note: nil, values: [1.5, -0.0, .infinity]),
        inners: [.init(tier: .low, note: "n", values: [])], optionalInner: nil, ids: ["als", "bfs"])

    private func encode(_ value: Outer) -> [UInt8] {
        var writer = SnapshotWriter()
        writer.write(value)
        return writer.bytes
    }

    /// Reads an `Outer` from all of `bytes` (bytes left over are malformed too).
    private func decode(_ bytes: [UInt8]) throws -> Outer {
        try bytes.withUnsafeBytes { raw in
            var reader = SnapshotReader(raw)
            let value: Outer = try reader.read()
            guard reader.position == raw.count else { throw SnapshotReader.Malformed(offset: reader.position) }
            return value
        }
    }

    @Test func aValueReadsBackEqual() throws {
        #expect(try decode(encode(sample)) == sample)
        var other = sample
        other.maybe = 3
        other.maybeFlag = nil
        other.optionalInner = other.inner
        other.ids = []
        #expect(try decode(encode(other)) == other)
        #expect(encode(other) != encode(sample))
    }

    @Test func everyTruncationIsAnErrorNotACrash() throws {
        let bytes = encode(sample)
        for length in 0..<bytes.count {
            #expect(throws: SnapshotReader.Malformed.self) { try decode(Array(bytes.prefix(length))) }
        }
        #expect(throws: SnapshotReader.Malformed.self) { try decode(bytes + [0]) }
    }

    @Test func aBadFlagOrPresenceByteOrAnUnknownCaseIsMalformed() throws {
        let bytes = encode(sample)
        // name: a 4-byte length and its bytes; then count (8 bytes), then the flag.
        let flag = 4 + "émile ✓".utf8.count + 8
        #expect(bytes[flag] == 1)
        var badFlag = bytes
        badFlag[flag] = 2
        #expect(throws: SnapshotReader.Malformed(offset: flag)) { try decode(badFlag) }
        // maybe: absent (0); a presence byte of 7 is neither absent nor present.
        #expect(bytes[flag + 1] == 0)
        var badPresence = bytes
        badPresence[flag + 1] = 7
        #expect(throws: SnapshotReader.Malformed(offset: flag + 1)) { try decode(badPresence) }
        // The inner tier "high" written as "hig\u{0}": not a case of the enum.
        let high = try #require(bytes.firstRange(of: Array("high".utf8)))
        var badCase = bytes
        badCase[high.upperBound - 1] = 0
        #expect(throws: SnapshotReader.Malformed(offset: high.lowerBound - 4)) { try decode(badCase) }
    }
}
