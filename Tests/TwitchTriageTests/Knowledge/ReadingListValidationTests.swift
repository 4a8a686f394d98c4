import Testing

@testable import TriageKnowledge

/// Every phrase list of the reading rules is checked by the validator, found by its type
/// (``ReadingRules/phraseLists``), so a list added to the type is checked without being named.
@Suite struct ReadingListValidationTests {
    nonisolated(unsafe) static let lists: [(name: String, path: WritableKeyPath<ReadingRules, ReadingRules.PhraseList>)] = [
        ("fillerWords", \.fillerWords), ("noneTexts", \.noneTexts), ("twitchWords", \.twitchWords),
        ("diseaseNames", \.diseaseNames), ("commonWords", \.commonWords), ("statementStarts", \.statementStarts),
        ("listJoiners", \.listJoiners), ("listConjunctions", \.listConjunctions), ("inabilityCancels", \.inabilityCancels),
        ("inabilityWords", \.inabilityWords), ("firstDegreeRelatives", \.firstDegreeRelatives), ("patientWords", \.patientWords),
        ("familyHistoryDiseases", \.familyHistoryDiseases),
    ]

    @Test func thePhraseListsAreEveryListOfTheTypeInOrder() throws {
        let reading = try Knowledge.bundled.vocabulary.reading
        #expect(reading.phraseLists.map(\.name) == Self.lists.map(\.name))
        for (name, path) in Self.lists { #expect(reading.phraseLists.first { $0.name == name }?.list == reading[keyPath: path]) }
    }

    @Test(arguments: ReadingListValidationTests.lists.map(\.name)) func anEmptyListIsRefused(name: String) throws {
        var knowledge = try Knowledge.bundled
        let path = try #require(Self.lists.first { $0.name == name }?.path)
        knowledge.vocabulary.reading[keyPath: path].phrases = []
        let error = #expect(throws: KnowledgeError.self) { try KnowledgeValidator(knowledge).validate() }
        #expect(error?.description.hasPrefix("vocabulary.json: reading.\(name) ") == true, "\(String(describing: error))")
        #expect(error?.description.hasSuffix("has an empty phrases") == true, "\(String(describing: error))")
    }
}
