/// The vocabulary's frames (SPEC §4.1) compiled for the ``ConceptMatcher``: each subject and
/// predicate as a sequence of stems, indexed by its first stem, so a clause is scanned once.
///
/// A frame matches when one of its subjects and one of its predicates both stand in one
/// sentence, in either order, apart by at most ``ReadingRules/frameWindowWords`` words, and no
/// comma stands between them. Frame words have ids of their own,
/// apart from the phrase trie's, so that adding a frame never changes how a phrase matches.
struct FrameIndex: Sendable {
    /// One subject or predicate of a frame.
    struct Part: Sendable, Hashable {
        var frame: Int
        var isSubject: Bool
        var stems: [String]
    }

    /// A part found in a text, in token positions.
    struct Found: Sendable, Hashable {
        var frame: Int
        var isSubject: Bool
        var start: Int
        var end: Int
    }

    /// A frame found in a text: the symptom's index and where its subject and predicate stand.
    struct Match: Sendable, Hashable {
        var frame: Int
        var symptom: Int32
        var subject: Range<Int>
        var predicate: Range<Int>
        var start: Int { min(subject.lowerBound, predicate.lowerBound) }
        var end: Int { max(subject.upperBound, predicate.upperBound) }
    }

    var partsByFirstStem: [String: [Part]] = [:]
    /// The symptom index of each frame (-1 where the concept is not a symptom id).
    var symptoms: [Int32] = []
    /// Frame parts that compile to no word (all fillers): the validator refuses them.
    private(set) var emptyParts: [(frame: String, part: String)] = []
    /// Frame parts of several words that shrink to one word under the fillers and equivalences
    /// (`in the evening` → `in`): the frame would read that one word everywhere, so the
    /// validator refuses them.
    private(set) var collapsedParts: [(frame: String, part: String)] = []
    /// Frames whose concept is not a symptom id: the validator refuses them.
    private(set) var unknownConcepts: [String] = []
    /// Frames without a subject or a predicate: the validator refuses them.
    private(set) var incomplete: [String] = []
    let window: Int

    init(frames: [Vocabulary.Frame], symptomIndex: [String: Int32], window: Int, stems: (String) -> [String]) {
        self.window = window
        for (index, frame) in frames.enumerated() {
            // The matcher's tables hold every kind's ids as text.
            let concept = frame.concept.rawValue
            guard let symptom = symptomIndex[concept] else {
                unknownConcepts.append(concept)
                symptoms.append(-1)
                continue
            }
            symptoms.append(symptom)
            if frame.subjects.isEmpty || frame.predicates.isEmpty { incomplete.append(concept) }
            for (isSubject, phrases) in [(true, frame.subjects), (false, frame.predicates)] {
                for phrase in phrases {
                    let compiled = stems(phrase)
                    guard let first = compiled.first else {
                        emptyParts.append((concept, phrase))
                        continue
                    }
                    if compiled.count == 1, FreeTextTokenizer.tokens(phrase).count > 1 { collapsedParts.append((concept, phrase)) }
                    let part = Part(frame: index, isSubject: isSubject, stems: compiled)
                    if !(partsByFirstStem[first]?.contains(part) ?? false) { partsByFirstStem[first, default: []].append(part) }
                }
            }
        }
    }

    /// Every frame part that stands in `tokens`, longest first at each position.
    func parts(in tokens: [FreeTextTokenizer.Token]) -> [Found] {
        var found: [Found] = []
        for index in tokens.indices where !tokens[index].isClauseEnd {
            guard let candidates = partsByFirstStem[tokens[index].stem] else { continue }
            for part in candidates {
                let end = index + part.stems.count
                guard end <= tokens.count else { continue }
                var equal = true
                for offset in 1..<max(1, part.stems.count)
                where tokens[index + offset].isClauseEnd || tokens[index + offset].stem != part.stems[offset] {
                    equal = false
                    break
                }
                if equal { found.append(Found(frame: part.frame, isSubject: part.isSubject, start: index, end: end)) }
            }
        }
        return found
    }

    /// The frames of `tokens`: for each frame and sentence, the nearest subject and predicate
    /// pair within the window, neither crossing a sentence end or a statement comma, nor
    /// overlapping each other. `blocked` says whether a part may not be used (it cuts through a
    /// trigger phrase such as `can't remember`).
    package func matches(in tokens: [FreeTextTokenizer.Token], blocked: (Found) -> Bool) -> [Match] {
        let found = parts(in: tokens).filter { !blocked($0) }
        guard !found.isEmpty else { return [] }
        // Stretch number of each token: punctuation and commas start a new one (a frame's two
        // parts stand between the same commas: `neck stiff after painting, pain down my arm`
        // is not a stiff arm).
        var sentence = [Int](repeating: 0, count: tokens.count)
        var current = 0
        for index in tokens.indices {
            if tokens[index].isClauseEnd || tokens[index].afterComma { current += 1 }
            sentence[index] = current
        }
        var best: [Int: [Int: Match]] = [:]  // frame → sentence → match
        var distances: [Int: [Int: Int]] = [:]
        let subjects = found.filter(\.isSubject)
        let predicates = found.filter { !$0.isSubject }
        for subject in subjects {
            for predicate in predicates where predicate.frame == subject.frame {
                guard symptoms[subject.frame] >= 0,
                    subject.end <= predicate.start || predicate.end <= subject.start,
                    sentence[min(subject.start, predicate.start)] == sentence[max(subject.end, predicate.end) - 1]
                else { continue }
                let distance = subject.end <= predicate.start ? predicate.start - subject.end : subject.start - predicate.end
                guard distance <= window else { continue }
                let key = sentence[subject.start]
                if let known = distances[subject.frame]?[key], known <= distance { continue }
                distances[subject.frame, default: [:]][key] = distance
                best[subject.frame, default: [:]][key] = Match(
                    frame: subject.frame, symptom: symptoms[subject.frame],
                    subject: subject.start..<subject.end,
                    predicate: predicate.start..<predicate.end)
            }
        }
        return best.values.flatMap(\.values).sorted { ($0.start, $0.end, $0.frame) < ($1.start, $1.end, $1.frame) }
    }
}
