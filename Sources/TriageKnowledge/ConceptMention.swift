import TriageModel

/// A vocabulary concept found in free text (SPEC §4.1), with whether it is the patient's own,
/// explicitly absent, someone else's or only feared, and the words it was read from.
package struct ConceptMention: Sendable, Hashable {
    /// Which vocabulary list the concept belongs to.
    package enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A body region (`id` is the region's id).
        case region
        /// A side of the body (`id` is `left`, `right` or `both`).
        case side
        /// An associated symptom (`id` is the symptom's id).
        case symptom
        /// A trigger (`id` is the trigger's id).
        case trigger
        /// A medication class (`id` is the class's id), from a drug name.
        case medication
        /// A disease name (`id` is the name as the knowledge lists it): never a finding.
        case disease
        /// The twitching itself: understood, not an associated symptom.
        case twitch
    }

    /// Whose the concept is and whether it is there (NegEx and ConText).
    package enum Status: String, Sendable, Hashable {
        /// The patient has it.
        case present
        /// Explicitly absent (`no weakness`, `the numbness has gone`).
        case negated
        /// About someone else (`my dad's hand was thin`).
        case otherPerson
        /// Feared or asked about (`afraid of weakness`, `could it be atrophy?`).
        case hypothetical
        /// The patient's own, written with doubt (`I think my hand is weaker`).
        case possible
        /// Over (`the tingling went away`, `used to have cramps`).
        case historical
    }

    /// The list.
    package var kind: Kind
    /// The id within the list.
    package var id: String
    /// Present, negated, someone else's or hypothetical.
    package var status: Status
    /// Whether a word matched only within one spelling edit.
    package var approximate: Bool
    /// The words it was read from, as written.
    package var quote: String
    /// For a symptom, the region named in the same clause; for a region, itself.
    package var region: RegionID?
    /// The region's group.
    package var regionGroup: RegionGroupID?
    /// The side named with the region.
    package var side: JournalEntry.Side?
    /// For someone else's concept, the words that named the people (`friend`, `mum`).
    package var experiencers: [String] = []

    /// Whether the concept is the patient's own and there.
    package var isPresent: Bool { status == .present }
}
