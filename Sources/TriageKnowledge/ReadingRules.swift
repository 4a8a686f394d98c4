/// How free text is read (SPEC §4.1), as data: the NegEx and ConText trigger phrases, the words
/// that mean the same to the matcher, the filler words it skips, the texts that mean "no
/// symptom", the words for twitching itself, the disease names that are never findings, and the
/// numbers that bound the reading. Part of `vocabulary.json` (`reading`), each list with its
/// sources.
package struct ReadingRules: Sendable, Hashable, Codable {
    /// What a trigger phrase does to the concepts in its clause.
    package enum TriggerKind: String, Sendable, Hashable, Codable, CaseIterable {
        /// The concept is explicitly absent (`no`, `denies`, `... has gone`).
        case negation
        /// Looks like a negation and negates nothing (`not only`, `no increase`).
        case pseudoNegation
        /// The concept is someone else's (`my brother has`, `family history of`).
        case otherPerson
        /// The concept is feared or asked about, not had (`afraid of`, `could it be`).
        case hypothetical
        /// The patient's own symptom written with doubt (`perhaps`, `I think`, `worried my`).
        case possible
        /// The symptom is over (`went away`, `used to have`).
        case historical
        /// Ends the clause: no trigger reaches past it (`but`, `however`).
        case clauseEnd
    }

    /// Which way a trigger reaches.
    package enum Direction: String, Sendable, Hashable, Codable {
        /// The concepts after it in the clause (`no weakness`).
        case forward
        /// The concepts before it in the clause (`the numbness has gone`).
        case backward
    }

    /// A list of trigger phrases of one kind and direction.
    package struct Trigger: Sendable, Hashable, Codable {
        /// What the phrases do.
        package var kind: TriggerKind
        /// Which way they reach (ignored for clause ends and pseudo-negations).
        package var direction: Direction
        /// The phrases, as written.
        package var phrases: [String]
        /// Where they come from.
        package var sources: [Source]
    }

    /// Phrases that all read as one word (`can't`, `unable to`, `struggling to` read as
    /// `cannot`), so that one vocabulary phrase covers them all.
    package struct Equivalence: Sendable, Hashable, Codable {
        /// The word they read as.
        package var canonical: String
        /// The phrases.
        package var phrases: [String]
        /// Where they come from.
        package var sources: [Source]
    }

    /// A list of phrases with its sources.
    package struct PhraseList: Sendable, Hashable, Codable {
        /// The phrases.
        package var phrases: [String]
        /// Where they come from.
        package var sources: [Source]
    }

    /// Trigger phrases.
    package var triggers: [Trigger]
    /// Phrases read as one word.
    package var equivalences: [Equivalence]
    /// Words skipped on both sides when phrases are matched (`the`, `my`, `of`).
    package var fillerWords: PhraseList
    /// Whole texts that mean "no symptom" (`none`, `nil`, `nothing else`).
    package var noneTexts: PhraseList
    /// Words for the twitching itself (`twitching`, `fasciculations`): understood, not a symptom.
    package var twitchWords: PhraseList
    /// Disease names (`ALS`, `multiple sclerosis`): kept as context, never findings.
    package var diseaseNames: PhraseList
    /// English words one edit from a vocabulary word (`waiting`, `cooking`): never read as a
    /// misspelling of it. Derived from a dictionary by `tools/derive_common_words.py`.
    package var commonWords: PhraseList
    /// Words that, first after a comma, start a new statement (`my`, `it`, `the`): a negation
    /// before the comma does not reach past it; any other comma keeps a list.
    package var statementStarts: PhraseList
    /// Words that join a list's items after a comma (`in`, `of`, `either`): they do not make
    /// the words after the comma a new statement.
    package var listJoiners: PhraseList
    /// The conjunctions of a list (`or`, `nor`, `and`): a stretch after a comma that holds one
    /// is a list item even with one word no phrase holds (`no cramps, tingling or pain`).
    package var listConjunctions: PhraseList
    /// Negation triggers that an inability before them in the clause cancels (`without`: `can't
    /// walk far without tripping` negates nothing), and the inability words themselves (the
    /// canonical word of the equivalences, `cannot`).
    package var inabilityCancels: PhraseList
    /// The words of an inability (`cannot`), as the equivalences write them.
    package var inabilityWords: PhraseList
    /// Relatives of the first degree (`mother`, `brother`): their MND, ALS or FTD is family history.
    package var firstDegreeRelatives: PhraseList
    /// Words that name the patient (`me`, `myself`): a concept whose own phrase holds one is the
    /// patient's, whoever is said to observe it (`my husband keeps asking me to repeat myself`).
    package var patientWords: PhraseList
    /// Disease names that, stated of a first-degree relative, support motor neuron disease.
    package var familyHistoryDiseases: PhraseList
    /// How many words may stand between a frame's subject and its predicate.
    package var frameWindowWords: Int
    /// Words of at least this many letters match a vocabulary word one edit away (SPEC §4.1: six).
    package var approximateMinimumLetters: Int
    /// How many words a trigger reaches within its clause.
    package var triggerWindowWords: Int
    /// How many unknown words may stand inside a vocabulary phrase (`can't *really* lift`).
    package var maximumGapWords: Int
    /// Where the numbers come from.
    package var sources: [Source]
    /// Every ``PhraseList`` of the rules with its property's name (`fillerWords`), in declaration
    /// order: what the validator checks, so a list added to the type is checked without being named
    /// again.
    package var phraseLists: [(name: String, list: PhraseList)] {
        Mirror(reflecting: self).children.compactMap { child in
            guard let label = child.label, let list = child.value as? PhraseList else { return nil }
            return (label, list)
        }
    }
}
