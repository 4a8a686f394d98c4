import TriageModel

/// The compiled phrase matcher behind every free-text field (SPEC §4.1): finds each vocabulary
/// phrase anywhere in a text, on word boundaries, longest match first, and reads the negation
/// and context around it.
///
/// Built once per run from the ``Vocabulary`` (regions, sides, symptoms, triggers, drug names,
/// disease names, twitch words) and its ``ReadingRules`` (trigger phrases, equivalences,
/// fillers). Every phrase is tokenised and stemmed by ``FreeTextTokenizer``, rewritten through
/// the equivalences (`unable to` → `cannot`), stripped of filler words, and inserted as a path
/// of word ids into one trie; reading a text is one pass over its words, walking the trie from
/// each word and keeping the longest phrase that ends on a node of a kind the field reads.
/// Inside a phrase, up to ``ReadingRules/maximumGapWords`` words the vocabulary does not know
/// may stand (`can't really lift the kettle`). A word of at least
/// ``ReadingRules/approximateMinimumLetters`` letters that the vocabulary does not know matches
/// a vocabulary word one edit away (a deletion index, checked with the optimal string alignment
/// distance), and the match is marked approximate.
///
/// Then, clause by clause (see ``FreeTextTokenizer`` and the `clauseEnd` triggers), NegEx
/// (Chapman et al. 2001) and ConText (Harkema et al. 2009): a concept within
/// ``ReadingRules/triggerWindowWords`` words after a forward trigger, or before a backward one,
/// is negated, someone else's or hypothetical (in that order of strength: someone else's
/// before hypothetical before negated); a pseudo-negation negates nothing; a question is
/// hypothetical. A symptom takes the nearest region named in its clause, a region the nearest
/// side.
///
/// Issue 18 (SPEC §4.1): frames beside the phrases (a body part, function or task and the
/// change that makes it a symptom, in one sentence in either order; ``FrameIndex``), a comma
/// that starts a new statement ending a trigger's reach while a list keeps it, possible
/// (`perhaps`, `I think`, a question about the patient's own body) and historical (`went away`,
/// `used to have`) statuses, and the people named with someone else's concept.
package struct ConceptMatcher: Sendable {
    enum Payload: Hashable, Sendable {
        case concept(ConceptMention.Kind, Int32)
        case trigger(ReadingRules.TriggerKind, ReadingRules.Direction)
    }

    struct EdgeKey: Hashable, Sendable {
        var node: Int32
        var word: Int32
    }

    struct EquivalenceKey: Hashable, Sendable {
        var node: Int32
        var stem: String
    }

    // The compiled tables are internal, not private, so that ConceptMatcher+Snapshot.swift can
    // write them into the knowledge snapshot and read them back.

    /// Word ids by stem, for every word of every phrase.
    package var wordIDs: [String: Int32] = [:]
    /// Raw words of concept phrases (not of triggers or fillers) with their stem's id: the
    /// only words a misspelling can be read as.
    var conceptWords: [String: Int32] = [:]
    /// Each concept word and its one-letter deletions, to the words they come from.
    var deletionIndex: [String: [String]] = [:]
    var edges: [EdgeKey: Int32] = [:]
    var terminals: [Int32: [Payload]] = [:]
    var nodeCount: Int32 = 1
    var equivalenceEdges: [EquivalenceKey: Int32] = [:]
    var equivalenceTerminals: [Int32: String] = [:]
    var equivalenceNodeCount: Int32 = 1
    var fillerStems: Set<String> = []
    var commonWords: Set<String> = []
    /// Words that name the patient (``ReadingRules/patientWords``), as the tokenizer writes them.
    var patientWords: Set<String> = []
    /// Word ids of the side words, which may stand inside a phrase (`dragging my *right* foot`).
    var sideWordIDs: Set<Int32> = []
    /// The frames, compiled.
    var frameIndex: FrameIndex
    /// Stems of the words that, first after a comma, start a new statement.
    var statementStartStems: Set<String> = []
    /// Stems of the words that join a list's items (`in`, `of`): not a new statement.
    var listJoinerStems: Set<String> = []
    /// Stems of the conjunctions of a list (`or`, `nor`, `and`).
    var listConjunctionStems: Set<String> = []
    /// Stem sequences of the negation triggers an earlier inability cancels, and the inability stems.
    var inabilityCancelKeys: Set<String> = []
    var inabilityStems: Set<String> = []
    var noneKeys: Set<String> = []
    var listItems: [String: String] = [:]
    /// The ids of each kind's entries, by payload index.
    package var names: [ConceptMention.Kind: [String]] = [:]
    var regionGroups: [String] = []
    package let rules: ReadingRules
    /// Readings already made (a reading is a pure function of the text and the kinds).
    private let cache = ReadingCache()
    /// Phrases that, as the matcher compares them, name two entries of one list (the validator
    /// refuses knowledge with any).
    private(set) var collisions: [(kind: ConceptMention.Kind, phrase: String, first: String, second: String)] = []
    /// Phrases of several words that fillers and equivalences shrink to one word their list does
    /// not hold alone (`looking for` → `look`, `trouble getting up` → `cannot`): the matcher would
    /// read that one word everywhere, so the validator refuses them.
    package private(set) var collapsed: [(list: String, phrase: String)] = []

    /// Compiles the matcher.
    ///
    /// - Parameters:
    ///   - vocabulary: the loaded vocabulary with its reading rules.
    ///   - sideWords: the words for each side (`left`, `lt`, `bilateral`).
    ///   - checking: whether to list the phrases that shrink to one word (``collapsed``), which
    ///     only the validator reads; the reading matcher skips that work (a third of the build).
    package init(_ vocabulary: Vocabulary, sideWords: [String: JournalEntry.Side], checking: Bool = true) {
        rules = vocabulary.reading
        frameIndex = FrameIndex(frames: [], symptomIndex: [:], window: 0) { _ in [] }
        fillerStems = Set(rules.fillerWords.phrases.flatMap { FreeTextTokenizer.tokens($0).map(\.stem) })
        commonWords = Set(rules.commonWords.phrases)
        patientWords = Set(rules.patientWords.phrases.flatMap { FreeTextTokenizer.tokens($0).map(\.word) })
        for equivalence in rules.equivalences {
            for phrase in equivalence.phrases { insertEquivalence(phrase, canonical: FreeTextTokenizer.stem(equivalence.canonical)) }
        }
        func add(_ kind: ConceptMention.Kind, _ id: String, _ phrases: [String], idIsPhrase: Bool = true) {
            var list = names[kind, default: []]
            let index = Int32(list.count)
            list.append(id)
            names[kind] = list
            let all = idIsPhrase ? [id] + phrases : phrases
            if checking { checkCollapse(all, list: "\(kind.rawValue) \(id)") }
            for phrase in all { insert(phrase, .concept(kind, index)) }
        }
        for region in vocabulary.regions {
            add(.region, region.id.rawValue, region.synonyms)
            regionGroups.append(region.group.rawValue)
        }
        for side in [JournalEntry.Side.left, .right, .both] {
            add(.side, side.rawValue, sideWords.filter { $0.value == side }.map(\.key).sorted())
        }
        for symptom in vocabulary.symptoms { add(.symptom, symptom.id.rawValue, symptom.synonyms, idIsPhrase: symptom.idIsPhrase ?? true) }
        for trigger in vocabulary.triggers { add(.trigger, trigger.id.rawValue, trigger.synonyms) }
        for medication in vocabulary.medicationClasses { add(.medication, medication.id.rawValue, medication.drugs + [medication.label]) }
        for name in rules.diseaseNames.phrases { add(.disease, name, []) }
        add(.twitch, "twitching", rules.twitchWords.phrases)
        for trigger in rules.triggers {
            if checking { checkCollapse(trigger.phrases, list: "reading.triggers \(trigger.kind.rawValue) \(trigger.direction.rawValue)") }
            for phrase in trigger.phrases { insert(phrase, .trigger(trigger.kind, trigger.direction), conceptWord: false) }
        }
        noneKeys = Set(rules.noneTexts.phrases.map { phraseKey($0) })
        for symptom in vocabulary.symptoms {
            for phrase in symptom.listOnly ?? [] where listItems[phraseKey(phrase)] == nil {
                listItems[phraseKey(phrase)] = symptom.id.rawValue
            }
        }
        sideWordIDs = Set(sideWords.keys.compactMap { wordIDs[FreeTextTokenizer.stem($0)] })
        statementStartStems = Set(rules.statementStarts.phrases.flatMap { FreeTextTokenizer.tokens($0).map(\.stem) })
        listJoinerStems = Set(rules.listJoiners.phrases.flatMap { FreeTextTokenizer.tokens($0).map(\.stem) })
        listConjunctionStems = Set(rules.listConjunctions.phrases.flatMap { FreeTextTokenizer.tokens($0).map(\.stem) })
        inabilityCancelKeys = Set(rules.inabilityCancels.phrases.map { FreeTextTokenizer.tokens($0).map(\.stem).joined(separator: " ") })
        inabilityStems = Set(rules.inabilityWords.phrases.flatMap { FreeTextTokenizer.tokens($0).map(\.stem) })
        let symptomIndex = Dictionary((names[.symptom] ?? []).enumerated().map { ($1, Int32($0)) }, uniquingKeysWith: { first, _ in first })
        let compiler = self
        frameIndex = FrameIndex(frames: vocabulary.frames, symptomIndex: symptomIndex, window: rules.frameWindowWords) {
            compiler.stems($0).map(\.stem)
        }
    }

    // MARK: compiling

    private mutating func checkCollapse(_ phrases: [String], list: String) {
        let single = Set(phrases.filter { FreeTextTokenizer.tokens($0).count == 1 }.flatMap { stems($0).map(\.stem) })
        for phrase in phrases where FreeTextTokenizer.tokens(phrase).count > 1 {
            let compiled = stems(phrase)
            if compiled.count == 1, !single.contains(compiled[0].stem) { collapsed.append((list, phrase)) }
        }
    }

    private mutating func insertEquivalence(_ phrase: String, canonical: String) {
        var node: Int32 = 0
        for token in FreeTextTokenizer.tokens(phrase) where !token.isClauseEnd {
            node = Self.child(EquivalenceKey(node: node, stem: token.stem), in: &equivalenceEdges, count: &equivalenceNodeCount)
        }
        if node != 0 { equivalenceTerminals[node] = canonical }
    }

    /// The node that `key` (a node and the word after it) leads to in a trie of `edges`, added as
    /// node `count`, which then grows, when the trie has no such edge yet.
    private static func child<Key: Hashable>(_ key: Key, in edges: inout [Key: Int32], count: inout Int32) -> Int32 {
        if let next = edges[key] { return next }
        edges[key] = count
        count += 1
        return count - 1
    }

    /// The stems of a phrase after equivalences and fillers.
    private func stems(_ text: String) -> [(stem: String, word: String)] {
        rewrite(FreeTextTokenizer.tokens(text)).filter { !$0.isClauseEnd && !fillerStems.contains($0.stem) }.map { ($0.stem, $0.word) }
    }

    private func phraseKey(_ text: String) -> String { stems(text).map(\.stem).joined(separator: " ") }

    private mutating func insert(_ phrase: String, _ payload: Payload, conceptWord: Bool = true) {
        let words = stems(phrase)
        guard !words.isEmpty else { return }
        var node: Int32 = 0
        for (stem, word) in words {
            let id: Int32
            if let known = wordIDs[stem] {
                id = known
            } else {
                id = Int32(wordIDs.count)
                wordIDs[stem] = id
            }
            if conceptWord, conceptWords[word] == nil {
                conceptWords[word] = id
                if word.count + 1 >= rules.approximateMinimumLetters {
                    for variant in Self.deletions(word) + [word] where !(deletionIndex[variant]?.contains(word) ?? false) {
                        deletionIndex[variant, default: []].append(word)
                    }
                }
            }
            node = Self.child(EdgeKey(node: node, word: id), in: &edges, count: &nodeCount)
        }
        if case .concept(let kind, let index) = payload, kind != .disease,
            let clash = terminals[node]?.first(where: {
                if case .concept(kind, let other) = $0, other != index { return true } else { return false }
            }),
            case .concept(_, let other) = clash
        {
            collisions.append((kind, phrase, names[kind]![Int(other)], names[kind]![Int(index)]))
            return
        }
        if !(terminals[node]?.contains(payload) ?? false) { terminals[node, default: []].append(payload) }
    }

    private static func deletions(_ word: String) -> [String] {
        let scalars = Array(word.unicodeScalars)
        guard scalars.count > 1 else { return [] }
        return (0..<scalars.count).map { index in
            var copy = scalars
            copy.remove(at: index)
            return String(String.UnicodeScalarView(copy))
        }
    }

    // MARK: reading

    /// Rewrites equivalent phrases into their canonical word, longest first.
    private func rewrite(_ tokens: [FreeTextTokenizer.Token]) -> [FreeTextTokenizer.Token] {
        guard !equivalenceTerminals.isEmpty else { return tokens }
        var out: [FreeTextTokenizer.Token] = []
        out.reserveCapacity(tokens.count)
        var index = 0
        while index < tokens.count {
            var node: Int32 = 0
            var best: (end: Int, canonical: String)?
            var cursor = index
            while cursor < tokens.count, !tokens[cursor].isClauseEnd,
                let next = equivalenceEdges[EquivalenceKey(node: node, stem: tokens[cursor].stem)]
            {
                node = next
                cursor += 1
                if let canonical = equivalenceTerminals[node] { best = (cursor, canonical) }
            }
            if let best {
                var merged = tokens[index]
                merged.end = tokens[best.end - 1].end
                merged.word = best.canonical
                merged.stem = best.canonical
                out.append(merged)
                index = best.end
            } else {
                out.append(tokens[index])
                index += 1
            }
        }
        return out
    }

    /// The vocabulary word `word` is one edit from, if exactly one best candidate exists.
    private func approximate(_ word: String) -> Int32? {
        guard word.count >= rules.approximateMinimumLetters, !commonWords.contains(word),
            word.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic })
        else { return nil }
        var candidates: Set<String> = Set(deletionIndex[word] ?? [])
        for variant in Self.deletions(word) { candidates.formUnion(deletionIndex[variant] ?? []) }
        let close = candidates.filter { $0 != word && Self.withinOneEdit($0, word) }.sorted()
        guard let first = close.first else { return nil }
        let ids = Set(close.compactMap { conceptWords[$0] })
        return ids.count == 1 ? conceptWords[first] : nil
    }

    /// Whether the optimal string alignment distance of two words is at most 1.
    package static func withinOneEdit(_ lhs: String, _ rhs: String) -> Bool {
        let a = Array(lhs.unicodeScalars)
        let b = Array(rhs.unicodeScalars)
        if abs(a.count - b.count) > 1 { return false }
        if a.count == b.count {
            let differences = (0..<a.count).filter { a[$0] != b[$0] }
            if differences.count <= 1 { return true }
            if differences.count == 2, differences[1] == differences[0] + 1 {
                let i = differences[0]
                return a[i] == b[i + 1] && a[i + 1] == b[i]
            }
            return false
        }
        let (long, short) = a.count > b.count ? (a, b) : (b, a)
        var i = 0
        var j = 0
        var skipped = false
        while i < long.count, j < short.count {
            if long[i] == short[j] {
                i += 1
                j += 1
                continue
            }
            if skipped { return false }
            skipped = true
            i += 1
        }
        return true
    }

    /// The symptom `text` names as a whole item of a symptoms list (`writing`: fine-motor
    /// difficulty), from the vocabulary's `listOnly` words; nil otherwise.
    package func listItemSymptom(_ text: String) -> SymptomID? {
        listItems[cache.phraseKey(text) { phraseKey(text) }].map(SymptomID.init(rawValue:))
    }

    /// Whether `text` as a whole means "no symptom" (`none`, `nil`, `nothing else`).
    package func isNoneText(_ text: String) -> Bool { noneKeys.contains(cache.phraseKey(text) { phraseKey(text) }) }

    /// Reads `text`: every concept of the given kinds, with its status, region and quote.
    ///
    /// - Parameters:
    ///   - text: what the patient wrote.
    ///   - kinds: the lists this field reads (a location reads regions, sides and symptoms).
    package func read(_ text: String, kinds: Set<ConceptMention.Kind>) -> [ConceptMention] {
        cache.reading(text, kinds: kinds) { readUncached(text, kinds: kinds) }
    }

    /// Reads `text` without the cache.
    package func readUncached(_ text: String, kinds: Set<ConceptMention.Kind>) -> [ConceptMention] {
        var tokens: [FreeTextTokenizer.Token] = []
        var pendingComma: (Bool, Bool)?
        let raw = rewrite(FreeTextTokenizer.tokens(text))
        // Whether each comma's stretch holds a list conjunction (`tingling or pain`).
        var conjunctionAfter = [Bool](repeating: false, count: raw.count)
        var stretchStart: Int?
        for index in raw.indices {
            if raw[index].isClauseEnd {
                stretchStart = nil
                continue
            }
            if raw[index].afterComma { stretchStart = index }
            if let start = stretchStart, listConjunctionStems.contains(raw[index].stem) { conjunctionAfter[start] = true }
        }
        var pendingConjunction = false
        for (position, var token) in raw.enumerated() {
            if token.afterComma {
                pendingComma = (true, statementStartStems.contains(token.stem))
                pendingConjunction = conjunctionAfter[position]
            }
            if token.isClauseEnd {
                pendingComma = nil
                tokens.append(token)
                continue
            }
            guard !fillerStems.contains(token.stem) else { continue }
            if let (comma, starts) = pendingComma {
                token.afterComma = comma
                token.startsStatement = starts
                token.listConjunction = pendingConjunction
                pendingComma = nil
            }
            tokens.append(token)
        }
        guard !tokens.isEmpty else { return [] }
        var ids: [Int32] = []
        var guessed: [Bool] = []
        ids.reserveCapacity(tokens.count)
        for token in tokens {
            if token.isClauseEnd {
                ids.append(-1)
                guessed.append(false)
            } else if let id = wordIDs[token.stem] {
                ids.append(id)
                guessed.append(false)
            } else if let guess = approximate(token.word) {
                ids.append(guess)
                guessed.append(true)
            } else {
                ids.append(-1)
                guessed.append(false)
            }
        }
        let placeKinds: Set<ConceptMention.Kind> = [.region, .side]
        var hits = pass(tokens: tokens, ids: ids, guessed: guessed, kinds: kinds.subtracting(placeKinds), withClauseEnds: true)
        // Regions and sides in a pass of their own, so that a region inside a symptom's phrase
        // (`arm feels heavy`) is still found and attached.
        let places =
            kinds.isDisjoint(with: placeKinds) && !kinds.contains(.symptom)
            ? []
            : pass(tokens: tokens, ids: ids, guessed: guessed, kinds: placeKinds, withClauseEnds: false)
        if kinds.contains(.symptom) { hits = addFrames(to: hits, tokens: tokens) }
        markStatements(&tokens, hits: hits + places)
        return resolve(hits, places: places, reportPlaces: !kinds.isDisjoint(with: placeKinds), tokens: tokens, text: text)
    }

    /// One left-to-right pass: the longest phrase of `kinds` (or trigger) from each word.
    private func pass(
        tokens: [FreeTextTokenizer.Token], ids: [Int32], guessed: [Bool], kinds: Set<ConceptMention.Kind>,
        withClauseEnds: Bool
    ) -> [Hit] {
        var hits: [Hit] = []
        var index = 0
        while index < tokens.count {
            if tokens[index].isClauseEnd {
                if withClauseEnds {
                    hits.append(
                        Hit(
                            payload: .trigger(.clauseEnd, .forward), start: index, end: index + 1, approximate: false,
                            question: tokens[index].isQuestion))
                }
                index += 1
                continue
            }
            if let hit = longest(from: index, tokens: tokens, ids: ids, guessed: guessed, kinds: kinds),
                withClauseEnds || { if case .concept = hit.payload { return true } else { return false } }()
            {
                hits.append(hit)
                index = hit.end
            } else {
                index += 1
            }
        }
        return hits
    }

    struct Hit {
        var payload: Payload
        var start: Int
        var end: Int
        var approximate: Bool
        var question: Bool = false
        /// For a frame, where its subject and predicate stand.
        var frameParts: [Range<Int>]? = nil
        /// For a frame, where its predicate stands (a negation before it inside the frame reaches it).
        var predicate: Range<Int>? = nil
    }

    private func longest(
        from start: Int, tokens: [FreeTextTokenizer.Token], ids: [Int32], guessed: [Bool],
        kinds: Set<ConceptMention.Kind>
    ) -> Hit? {
        var node: Int32 = 0
        var cursor = start
        var gaps = 0
        var approximate = false
        var best: Hit?
        while cursor < tokens.count, !tokens[cursor].isClauseEnd {
            let id = ids[cursor]
            let isApproximate = guessed[cursor]
            if id >= 0, let next = edges[EdgeKey(node: node, word: id)] {
                node = next
                cursor += 1
                approximate = approximate || isApproximate
                if let payloads = terminals[node], let payload = Self.pick(payloads, kinds: kinds) {
                    best = Hit(payload: payload, start: start, end: cursor, approximate: approximate)
                }
                continue
            }
            if node != 0, id < 0 || isApproximate || sideWordIDs.contains(id), gaps < rules.maximumGapWords {
                gaps += 1
                cursor += 1
                continue
            }
            break
        }
        return best
    }

    private static func pick(_ payloads: [Payload], kinds: Set<ConceptMention.Kind>) -> Payload? {
        for payload in payloads {
            if case .concept(let kind, _) = payload, kinds.contains(kind) { return payload }
        }
        for payload in payloads {
            if case .trigger = payload { return payload }
        }
        return nil
    }
}
