/// Looks up free text in the vocabulary (SPEC §4): body regions with their side, symptoms,
/// triggers, medication classes and exercise levels.
///
/// Built once from a ``Vocabulary`` (a dictionary per list, keyed by ``TermKey``); each lookup
/// is a few dictionary probes, no regular expressions. Matching is case-insensitive and treats
/// spaces, `-`, `_`, `/` and other punctuation alike. A lookup tries, in order:
/// 1. the whole text;
/// 2. for regions, the text without its side words (`left`, `right`, `both`, `bilateral`, `l`,
///    `r`, `lt`, `rt`, with `side`/`sides`/`sided`): `left forearm`, `forearm (R)`,
///    `both sides of neck`; `left and right` is both;
/// 3. the text without the filler words `the`, `my`, `of`, `on`, `in`, `at`, `a`;
/// 4. the last word without a plural `s` (`forearms` if no synonym lists it).
///
/// Medications also match a known drug name anywhere in the text (`prednisone 20 mg daily`),
/// two-word names before one-word names, words with digits ignored.
public struct VocabularyIndex: Sendable {
    /// A matched region.
    public struct RegionMatch: Sendable, Hashable {
        /// The region's id (`forearm`).
        public var region: String
        /// Its group (`upper limb`).
        public var group: String
        /// The side named inside the text, if any.
        public var side: JournalEntry.Side?
    }

    private let regions: [String: (id: String, group: String)]
    private let symptoms: [String: String]
    private let triggers: [String: String]
    private let medications: [String: String]

    /// The words for each side, which the ``ConceptMatcher`` reads as well.
    static let sideWords: [String: JournalEntry.Side] = [
        "left": .left, "l": .left, "lt": .left,
        "right": .right, "r": .right, "rt": .right,
        "both": .both, "bilateral": .both, "bilat": .both, "bilaterally": .both,
    ]
    private static let sideFillers: Set<String> = ["side", "sides", "sided", "and"]
    private static let fillers: Set<String> = ["the", "my", "of", "on", "in", "at", "a"]
    private static let exerciseWords: [String: JournalEntry.Exercise] = [
        "none": .none, "no": .none, "no exercise": .none, "rest": .none, "rest day": .none,
        "light": .light, "mild": .light, "easy": .light, "moderate": .light, "walk": .light, "walking": .light,
        "low": .light,
        "intense": .intense, "intensive": .intense, "hard": .intense, "heavy": .intense, "vigorous": .intense,
        "strenuous": .intense, "high": .intense,
    ]

    /// Builds the index. Where two entries of one list share a term the first wins; the loader's
    /// validation refuses such tables, so after loading there is none.
    public init(_ vocabulary: Vocabulary) {
        var regions: [String: (id: String, group: String)] = [:]
        for region in vocabulary.regions {
            for term in [region.id] + region.synonyms where regions[TermKey.key(term)] == nil {
                regions[TermKey.key(term)] = (region.id, region.group)
            }
        }
        self.regions = regions
        func table(_ entries: [(id: String, terms: [String])]) -> [String: String] {
            var table: [String: String] = [:]
            for entry in entries {
                for term in [entry.id] + entry.terms where table[TermKey.key(term)] == nil {
                    table[TermKey.key(term)] = entry.id
                }
            }
            return table
        }
        symptoms = table(vocabulary.symptoms.map { ($0.id, $0.synonyms) })
        triggers = table(vocabulary.triggers.map { ($0.id, $0.synonyms) })
        medications = table(vocabulary.medicationClasses.map { ($0.id, $0.drugs + [$0.label]) })
    }

    /// The region `text` names, with the side named inside it; nil when none matches.
    public func region(_ text: String) -> RegionMatch? {
        let words = TermKey.words(text)
        if let hit = Self.lookup(words, in: regions) { return RegionMatch(region: hit.id, group: hit.group, side: nil) }
        var sides: Set<JournalEntry.Side> = []
        var rest: [String] = []
        for word in words {
            if let side = Self.sideWords[word] { sides.insert(side) } else { rest.append(word) }
        }
        guard !sides.isEmpty else { return nil }
        rest.removeAll { Self.sideFillers.contains($0) }
        guard let hit = Self.lookup(rest, in: regions) else { return nil }
        let side: JournalEntry.Side = sides.count == 1 ? sides.first! : .both
        return RegionMatch(region: hit.id, group: hit.group, side: side)
    }

    /// The side `text` names (`left`, `R`, `both`, `bilateral`, `left and right`); nil otherwise.
    public func side(_ text: String) -> JournalEntry.Side? {
        let words = TermKey.words(text).filter { !Self.sideFillers.contains($0) }
        guard !words.isEmpty else { return nil }
        var sides: Set<JournalEntry.Side> = []
        for word in words {
            guard let side = Self.sideWords[word] else { return nil }
            sides.insert(side)
        }
        return sides.count == 1 ? sides.first! : .both
    }

    /// The symptom id `text` names (`pins and needles` → `tingling`); nil when none matches.
    public func symptom(_ text: String) -> String? {
        Self.lookup(TermKey.words(text), in: symptoms)
    }

    /// The trigger id `text` names (`coffee` → `caffeine`, `none`); nil when none matches.
    public func trigger(_ text: String) -> String? {
        Self.lookup(TermKey.words(text), in: triggers)
    }

    /// The medication class of the drug `text` names (`Ventolin inhaler` → `beta-agonists`);
    /// nil when the drug is not one the articles link to twitching.
    public func medicationClass(_ text: String) -> String? {
        let words = TermKey.words(text)
        if let hit = Self.lookup(words, in: medications) { return hit }
        let plain = words.filter { word in !word.unicodeScalars.contains { $0.properties.numericType != nil } }
        if plain.count >= 2 {
            for index in 0..<(plain.count - 1) {
                if let hit = medications[plain[index] + " " + plain[index + 1]] { return hit }
            }
        }
        for word in plain {
            if let hit = medications[word] { return hit }
        }
        return nil
    }

    /// The exercise level `text` names (`none`, `light`, `intense` and their synonyms; the
    /// journal's scale has no middle, so `moderate` reads as light).
    public func exercise(_ text: String) -> JournalEntry.Exercise? {
        Self.exerciseWords[TermKey.key(text)]
    }

    private static func lookup<Value>(_ words: [String], in table: [String: Value]) -> Value? {
        guard !words.isEmpty else { return nil }
        if let hit = table[words.joined(separator: " ")] { return hit }
        let trimmed = words.filter { !fillers.contains($0) }
        if trimmed.count != words.count, !trimmed.isEmpty, let hit = table[trimmed.joined(separator: " ")] { return hit }
        var singular = trimmed.isEmpty ? words : trimmed
        if let last = singular.last, last.count > 3, last.hasSuffix("s") {
            singular[singular.count - 1] = String(last.dropLast())
            if let hit = table[singular.joined(separator: " ")] { return hit }
        }
        return nil
    }
}
