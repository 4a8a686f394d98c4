extension ConceptMatcher {
    /// Whether a disease mention is family history that supports motor neuron disease (SPEC
    /// §4.1 "Someone else"): someone else's, a disease of ``ReadingRules/familyHistoryDiseases``,
    /// and every person named with it a relative of ``ReadingRules/firstDegreeRelatives`` (a
    /// friend's mother stays context).
    package func isFirstDegreeFamilyHistory(_ mention: ConceptMention) -> Bool {
        guard mention.kind == .disease, mention.status == .otherPerson, !mention.experiencers.isEmpty else { return false }
        let diseases = Set(rules.familyHistoryDiseases.phrases.map(TermKey.key))
        let relatives = Set(rules.firstDegreeRelatives.phrases.map(TermKey.key))
        return diseases.contains(TermKey.key(mention.id)) && mention.experiencers.allSatisfy { relatives.contains(TermKey.key($0)) }
    }
}
