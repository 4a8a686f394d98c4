import TriageModel

extension ConceptMatcher {
    /// Turns the phrases found into mentions: NegEx and ConText per clause, regions attached to
    /// symptoms and sides to regions, and the clause quoted.
    func resolve(_ hits: [Hit], places: [Hit], reportPlaces: Bool, tokens: [FreeTextTokenizer.Token], text: String) -> [ConceptMention] {
        var mentions: [ConceptMention] = []
        var clause: [Hit] = []
        var clauseFrom = 0
        let bytes = Array(text.utf8)
        func flush(question: Bool, upTo end: Int) {
            defer {
                clause = []
                clauseFrom = end
            }
            let own = clause.filter { if case .concept = $0.payload { return true } else { return false } }
            let placed = places.filter { $0.start >= clauseFrom && $0.start < end }
            let concepts = (own + placed).sorted { ($0.start, $0.end) < ($1.start, $1.end) }
            guard !concepts.isEmpty else { return }
            // A trigger inside a frame's subject or predicate is part of it (`my foot doesn't lift`).
            let frameParts = own.flatMap { $0.frameParts ?? [] }
            let triggers = clause.compactMap { hit -> (hit: Hit, kind: ReadingRules.TriggerKind, direction: ReadingRules.Direction)? in
                guard case .trigger(let kind, let direction) = hit.payload, kind != .clauseEnd, kind != .pseudoNegation else { return nil }
                if frameParts.contains(where: { $0.lowerBound <= hit.start && hit.end <= $0.upperBound }) { return nil }
                // `can't … without …` negates nothing: an inability earlier in the clause cancels it.
                if kind == .negation, inabilityCancelKeys.contains(tokens[hit.start..<hit.end].map(\.stem).joined(separator: " ")),
                    (clauseFrom..<hit.start).contains(where: { inabilityStems.contains(tokens[$0].stem) })
                {
                    return nil
                }
                return (hit, kind, direction)
            }
            let window = rules.triggerWindowWords
            // The quote is the sentence (between punctuation), which can be longer than the clause.
            let quote = Self.sentence(bytes, around: tokens[concepts[0].start].start, tokens[concepts.map(\.end).max()! - 1].end)

            // Regions and the sides nearest to them.
            var regionSides: [Int: Set<JournalEntry.Side>] = [:]
            let regionHits = concepts.indices.filter {
                if case .concept(.region, _) = concepts[$0].payload { return true } else { return false }
            }
            for hit in concepts {
                guard case .concept(.side, let index) = hit.payload, let side = JournalEntry.Side(rawValue: names[.side]![Int(index)])
                else { continue }
                if let nearest = Self.nearest(to: hit, among: regionHits.map { concepts[$0] }) {
                    regionSides[regionHits[nearest], default: []].insert(side)
                }
            }
            func side(ofRegionAt position: Int) -> JournalEntry.Side? {
                guard let sides = regionSides[position] else { return nil }
                return sides.count == 1 ? sides.first! : .both
            }

            for (position, hit) in concepts.enumerated() {
                guard case .concept(let kind, let index) = hit.payload else { continue }
                if (kind == .region || kind == .side) && !reportPlaces { continue }
                var status = ConceptMention.Status.present
                var strength = 0
                var experiencers: [String] = []
                for trigger in triggers {
                    var reaches: Bool
                    switch trigger.direction {
                    case .forward:
                        reaches =
                            trigger.hit.end <= hit.start && hit.start - trigger.hit.end <= window
                            && !Self.statementBreak(in: tokens, from: trigger.hit.end, to: hit.start + 1)
                        // Inside a frame, before its later part: `my voice is not thick`,
                        // `lie flat fine, no breathlessness`.
                        if !reaches, let parts = hit.frameParts, trigger.hit.start >= hit.start,
                            trigger.hit.end <= parts.map(\.lowerBound).max()!
                        {
                            reaches = true
                        }
                    case .backward:
                        reaches =
                            trigger.hit.start >= hit.end && trigger.hit.start - hit.end <= window
                            && !Self.statementBreak(in: tokens, from: hit.end, to: trigger.hit.start + 1)
                    }
                    guard reaches else { continue }
                    // A phrase that names the patient (`asking me to repeat myself`) is the
                    // patient's, whoever observes it (SPEC §4.1).
                    if trigger.kind == .otherPerson, Self.namesThePatient(hit, tokens: tokens, bytes: bytes, words: patientWords) {
                        continue
                    }
                    let (candidate, rank): (ConceptMention.Status, Int)
                    switch trigger.kind {
                    case .otherPerson: (candidate, rank) = (.otherPerson, 5)
                    case .hypothetical: (candidate, rank) = (.hypothetical, 4)
                    case .negation: (candidate, rank) = (.negated, 3)
                    case .historical: (candidate, rank) = (.historical, 2)
                    case .possible: (candidate, rank) = (.possible, 1)
                    case .pseudoNegation, .clauseEnd: continue
                    }
                    if trigger.kind == .otherPerson {
                        experiencers.append(tokens[trigger.hit.start..<trigger.hit.end].map(\.word).joined(separator: " "))
                    }
                    if rank > strength { (status, strength) = (candidate, rank) }
                }
                // A question about the patient's own body is doubt, not a fear (`is my leg weaker?`).
                if question, strength == 0 { status = .possible }
                let id = names[kind]![Int(index)]
                var mention = ConceptMention(
                    kind: kind, id: id, status: status, approximate: hit.approximate, quote: quote,
                    region: nil, regionGroup: nil, side: nil,
                    experiencers: status == .otherPerson ? experiencers : [])
                switch kind {
                case .region:
                    mention.region = RegionID(rawValue: id)
                    mention.regionGroup = RegionGroupID(rawValue: regionGroups[Int(index)])
                    mention.side = side(ofRegionAt: position)
                case .symptom:
                    if let nearest = Self.nearest(to: hit, among: regionHits.map { concepts[$0] }) {
                        let regionPosition = regionHits[nearest]
                        if case .concept(.region, let regionIndex) = concepts[regionPosition].payload {
                            mention.region = RegionID(rawValue: names[.region]![Int(regionIndex)])
                            mention.regionGroup = RegionGroupID(rawValue: regionGroups[Int(regionIndex)])
                            mention.side = side(ofRegionAt: regionPosition)
                        }
                    }
                default:
                    break
                }
                mentions.append(mention)
            }
        }
        for hit in hits {
            if case .trigger(.clauseEnd, _) = hit.payload {
                flush(question: tokens[hit.start].isClauseEnd && hit.question, upTo: hit.start)
                clauseFrom = hit.end
                continue
            }
            clause.append(hit)
        }
        flush(question: false, upTo: tokens.count)
        return mentions
    }

    /// Whether the words of `hit` in the original text (fillers included) hold one of the
    /// words that name the patient.
    static func namesThePatient(_ hit: Hit, tokens: [FreeTextTokenizer.Token], bytes: [UInt8], words: Set<String>) -> Bool {
        guard !words.isEmpty, hit.start < hit.end, hit.end <= tokens.count else { return false }
        let from = tokens[hit.start].start
        let to = tokens[hit.end - 1].end
        guard from < to, to <= bytes.count else { return false }
        return FreeTextTokenizer.tokens(String(decoding: bytes[from..<to], as: UTF8.self)).contains { words.contains($0.word) }
    }

    /// The index in `candidates` of the hit nearest to `hit` (a later one wins a tie).
    static func nearest(to hit: Hit, among candidates: [Hit]) -> Int? {
        var best: (index: Int, distance: Int, after: Bool)?
        for (index, candidate) in candidates.enumerated() {
            let after = candidate.start >= hit.end
            let distance = after ? candidate.start - hit.end : max(0, hit.start - candidate.end)
            if best == nil || distance < best!.distance || (distance == best!.distance && after && !best!.after) {
                best = (index, distance, after)
            }
        }
        return best?.index
    }

    /// The sentence of `bytes` around the UTF-8 range `start..<end`: from the punctuation that
    /// ends a clause before it (`.`, `;`, `!`, `?`, `:` or a line break, as the tokenizer reads
    /// them) to the next one.
    package static func sentence(_ bytes: [UInt8], around start: Int, _ end: Int) -> String {
        func isEnd(_ index: Int) -> Bool {
            switch bytes[index] {
            case UInt8(ascii: ";"), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ":"), 0x0A, 0x0D: return true
            case UInt8(ascii: "."):
                let digitBefore = index > 0 && (0x30...0x39).contains(bytes[index - 1])
                let digitAfter = index + 1 < bytes.count && (0x30...0x39).contains(bytes[index + 1])
                return !(digitBefore && digitAfter)
            default: return false
            }
        }
        var first = start
        while first > 0, !isEnd(first - 1) { first -= 1 }
        var last = end
        while last < bytes.count, !isEnd(last) { last += 1 }
        return trimmed(bytes, from: first, to: last)
    }

    /// The text between two UTF-8 offsets, trimmed, at most 160 characters.
    static func trimmed(_ bytes: [UInt8], from start: Int, to end: Int) -> String {
        let slice = bytes[max(0, start)..<min(bytes.count, max(start, end))]
        var text = String(decoding: slice, as: UTF8.self).trimmingWhitespace()
        if text.count > 160 { text = String(text.prefix(159)) + "…" }
        return text
    }
}

extension String {
    /// The string without leading and trailing white space of any kind (Unicode's, so also the
    /// no-break space a French note puts before `:`), unlike `trimmingSpaces()`, which the
    /// readers use and which trims only ASCII spaces, tabs and line breaks, without a copy.
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
