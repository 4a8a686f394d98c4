import Testing
import TriageKnowledge

/// The tokenizer's ASCII shortcuts answer as the Unicode properties do, for every scalar below
/// 0x80 and a few beyond it; and the reading matcher, built without the validator's checks, is
/// the same matcher.
@Suite struct TokenizerScalarTests {
    @Test func asciiLettersAndDigitsAsTheProperties() {
        for value in UInt32(0)..<0x80 {
            let scalar = Unicode.Scalar(value)!
            #expect(FreeTextTokenizer.isLetter(scalar) == scalar.properties.isAlphabetic, "\(value)")
            #expect(FreeTextTokenizer.isNumeric(scalar) == (scalar.properties.numericType != nil), "\(value)")
        }
        for scalar in ["é", "ß", "ª", "٣", "½", "\u{2019}"].map({ $0.unicodeScalars.first! }) {
            #expect(FreeTextTokenizer.isLetter(scalar) == scalar.properties.isAlphabetic)
            #expect(FreeTextTokenizer.isNumeric(scalar) == (scalar.properties.numericType != nil))
        }
    }

    @Test func theReadingMatcherReadsAsTheCheckingOne() throws {
        let vocabulary = try Knowledge.bundled.vocabulary
        let checking = ConceptMatcher(vocabulary, sideWords: VocabularyIndex.sideWords)
        let reading = ConceptMatcher(vocabulary, sideWords: VocabularyIndex.sideWords, checking: false)
        #expect(reading.wordIDs == checking.wordIDs)
        #expect(reading.names == checking.names)
        #expect(reading.collapsed.isEmpty && checking.collapsed.isEmpty)
    }
}
