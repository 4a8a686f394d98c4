extension ConceptMatcher {
    /// Adds the frames found in `tokens` to the phrase hits (SPEC §4.1 "Phrases and frames").
    ///
    /// A frame part may not cut through a trigger phrase it does not hold whole (`can't` inside
    /// `can't remember` is a verb of knowing, never an inability). A frame is dropped where its
    /// clause already holds a phrase of the same symptom; a phrase of another symptom inside the
    /// frame's subject or predicate gives way to the frame, which says more (`my cough is weak`
    /// is a weak cough, not limb weakness).
    func addFrames(to hits: [Hit], tokens: [FreeTextTokenizer.Token]) -> [Hit] {
        let triggers = hits.filter { if case .trigger(let kind, _) = $0.payload, kind != .clauseEnd { return true } else { return false } }
        let matches = frameIndex.matches(in: tokens) { part in
            triggers.contains { trigger in
                trigger.start < part.end && part.start < trigger.end && !(part.start <= trigger.start && trigger.end <= part.end)
            }
        }
        guard !matches.isEmpty else { return hits }
        var clauseOf = [Int](repeating: 0, count: tokens.count + 1)
        var clause = 0
        var ends = Set<Int>()
        for hit in hits { if case .trigger(.clauseEnd, _) = hit.payload { ends.insert(hit.start) } }
        for index in 0...tokens.count {
            if ends.contains(index) { clause += 1 }
            clauseOf[index] = clause
        }
        var result = hits
        var removed = Set<Int>()
        var added: [Hit] = []
        let phrases = hits.filter { if case .concept(.symptom, _) = $0.payload { return true } else { return false } }
        for match in matches {
            // A phrase over both parts already says what those words mean (`short of breath` is
            // not the frame `breath` × `short`).
            let parts = [match.subject, match.predicate]
            if phrases.contains(where: { hit in
                parts.allSatisfy { $0.lowerBound < hit.end && hit.start < $0.upperBound }
            }) {
                continue
            }
            let sameSymptom = hits.contains { hit in
                guard case .concept(.symptom, let index) = hit.payload, index == match.symptom else { return false }
                return clauseOf[hit.start] == clauseOf[match.start] || (hit.start < match.end && match.start < hit.end)
            }
            if sameSymptom
                || added.contains(where: { $0.payload == .concept(.symptom, match.symptom) && $0.start < match.end && match.start < $0.end }
                )
            {
                continue
            }
            for (position, hit) in hits.enumerated() {
                guard case .concept(.symptom, _) = hit.payload else { continue }
                // A phrase of another symptom inside one part gives way to the frame (`weak` in
                // `my cough is weak`); a phrase that reaches past the part keeps its own meaning
                // (`feels numb`, `suddenly went weak`, `weaker every day`), beside the frame's.
                let inside = [match.subject, match.predicate].contains { $0.lowerBound <= hit.start && hit.end <= $0.upperBound }
                if inside { removed.insert(position) }
            }
            added.append(
                Hit(
                    payload: .concept(.symptom, match.symptom), start: match.start, end: match.end, approximate: false,
                    frameParts: [match.subject, match.predicate], predicate: match.predicate))
        }
        result = result.enumerated().filter { !removed.contains($0.offset) }.map(\.element) + added
        return result.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
    }

    /// Marks the commas that start a new statement (SPEC §4.1 scope): a comma followed by a word
    /// of ``ReadingRules/statementStarts`` (`my`, `it`), by a frame, or by a word no phrase holds
    /// other than the words that join a list's items (``ReadingRules/listJoiners``: `in`, `of`);
    /// with a list's conjunction in it (``ReadingRules/listConjunctions``: `tingling or pain`),
    /// by two such words.
    /// Any other comma keeps a list (`no cramps, tingling, choking or falls`).
    func markStatements(_ tokens: inout [FreeTextTokenizer.Token], hits: [Hit]) {
        var covered = [Bool](repeating: false, count: tokens.count)
        var frameStarts = Set<Int>()
        for hit in hits {
            for index in hit.start..<min(hit.end, tokens.count) { covered[index] = true }
            if hit.frameParts != nil { frameStarts.insert(hit.start) }
        }
        for index in tokens.indices where tokens[index].afterComma && !tokens[index].startsStatement {
            var end = index + 1
            while end < tokens.count, !tokens[end].isClauseEnd, !tokens[end].afterComma { end += 1 }
            let loose = (index..<end).filter { !covered[$0] && !listJoinerStems.contains(tokens[$0].stem) }.count
            let frame = (index..<end).contains { frameStarts.contains($0) }
            // A stretch with a list's conjunction (`tingling or pain`) may hold one word no phrase
            // holds; any other stretch none.
            if loose >= (tokens[index].listConjunction ? 2 : 1) || frame { tokens[index].startsStatement = true }
        }
    }

    /// Whether a comma that starts a new statement stands in the token range `from..<to`.
    static func statementBreak(in tokens: [FreeTextTokenizer.Token], from: Int, to: Int) -> Bool {
        guard from < to else { return false }
        for index in max(0, from)..<min(to, tokens.count) where tokens[index].afterComma && tokens[index].startsStatement { return true }
        return false
    }
}
