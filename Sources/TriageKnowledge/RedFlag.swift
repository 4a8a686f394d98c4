import TriageModel

/// A red flag or warning sign, as the articles and the guidelines list it, and for the red flags
/// of SPEC §6.1 its tier and the plan it calls for.
package struct RedFlag: Sendable, Hashable, Codable {
    /// The tiers of SPEC §6.1.
    package enum Tier: String, Sendable, Hashable, Codable, CaseIterable {
        /// NICE "refer immediately": a clinician acts today.
        case sameDay = "same-day"
        /// Suspected motor neuron disease: urgent neurology, "query MND" (NICE NG42).
        case suspectedMND = "suspected-mnd"
        /// One stable or possible motor symptom: an urgent examination.
        case urgentExamination = "urgent-examination"
        /// The other rows of §6.1 (vision, fatigable ptosis, weight loss, spreading, sensory, eyelid).
        case other
    }

    /// One recommendation a red flag's plan makes: every word of it is data (SPEC §6.4).
    package struct Step: Sendable, Hashable, Codable {
        /// The recommendation's test (`recommendations[].test`).
        package var test: Recommendation.Test
        /// Who acts (`recommendations[].who`).
        package var who: Recommendation.Actor
        /// How soon.
        package var urgency: Urgency
        /// The id of a `timeframes.json` row when it is not the urgency's own ("same-day",
        /// "phone-today", "eye-24-hours").
        package var timeframe: TimeframeID?
        /// The condition of a conditional next step (`recommendations[].when`).
        package var when: String?
        /// For an MRI, the region.
        package var region: VariantID?
        /// The presentation the step is for (``Presentation``); nil: always.
        package var only: Presentation?
        /// For blood work, the analyte ids (`creatineKinase`); else ``panel``.
        package var analytes: [AnalyteID]?
        /// For blood work, the panel (a variant of `bloodWork`).
        package var panel: VariantID?
        /// The sentence; `{findings}` is replaced by the findings that raised it.
        package var detail: String
    }

    /// The presentations a step can be for, which the rule that fires the red flag tells
    /// (SPEC §6.2: MRI by the presentation, a swallow assessment for swallowing change, breathing
    /// tests for respiratory symptoms or neck weakness).
    package enum Presentation: String, Sendable, Hashable, Codable, CaseIterable {
        /// Speech or swallowing change.
        case bulbar
        /// Swallowing change.
        case swallowing
        /// Respiratory symptoms or neck weakness.
        case breathing
        /// Arm weakness or upper motor neuron signs.
        case arm
        /// An isolated foot drop.
        case footDrop = "foot drop"
    }

    /// The id (`progressive-weakness`, `atrophy`, `spreading`, …).
    package var id: RedFlagID
    /// The sign as the articles state it.
    package var text: String
    /// The symptom ids of the vocabulary that show it, if any.
    package var symptoms: [SymptomID]
    /// Where it comes from (several articles may list it).
    package var sources: [Source]
    /// The tier of SPEC §6.1, for the rows the rules act on; nil for a sign the seeds list.
    package var tier: Tier?
    /// What a present red flag calls for, in order.
    package var steps: [Step]?
    /// What a red flag the patient wrote with doubt (SPEC §4.1 "possible") calls for.
    package var possibleSteps: [Step]?
    /// The headline fragment; `{findings}` as in a step.
    package var headline: String?
    /// The headline fragment when the red flag is only possible.
    package var possibleHeadline: String?
    /// The targeted examination this red flag calls for (SPEC §6.2, `examination[]`).
    package var examination: [String]?
    /// The conditions a stated red flag puts up for consideration (SPEC §6.3), each with the
    /// stated symptoms as its support (``SymptomRedFlagRule``); nil: none.
    package var conditions: [ConditionID]?
    /// A symptom set of `rules.json` whose shown symptoms mean a tier above acts instead (SPEC
    /// §6.1: "with any motor finding, the tiers above"): the row does not hold beside one of
    /// them (``RedFlagPlan``, read by the symptom red flags and spreading); nil: it always holds.
    package var notBeside: SymptomSetID?
    /// Where the row departs from a seed, and why (SPEC §6.4); `knowledge` prints it.
    package var departure: String?

    /// Creates a red flag without a plan.
    package init(id: RedFlagID, text: String, symptoms: [SymptomID], sources: [Source]) {
        self.id = id
        self.text = text
        self.symptoms = symptoms
        self.sources = sources
    }
}
