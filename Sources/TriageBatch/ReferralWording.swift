import TriageKnowledge
import TriageModel
import TriageRender

/// The words the reports use for the ids of `referral.json` (SPEC §7: "clinical words, never
/// code ids"), for writers outside the library: the CDS Hooks service's cards say a test, an
/// analyte, a red flag and a source the way the referral's pages do.
package struct ReferralWording: Sendable {
    private let labels: ReportLabels

    /// The wording of `knowledge`.
    package init(knowledge: Knowledge) {
        labels = ReportLabels.shared(knowledge)
    }

    /// `Nerve conduction studies`, `Neurology examination` for a `recommendations[].test`
    /// value.
    package func test(_ test: Recommendation.Test) -> String {
        labels.test(test)
    }

    /// `Urgent`, `Self-care` for an `urgency` value.
    package func urgency(_ urgency: Urgency) -> String {
        ReportLabels.urgency(urgency)
    }

    /// The knowledge's label of an analyte (`Vitamin B12 (cobalamin)`), the id if unknown.
    package func analyte(_ id: AnalyteID) -> String {
        labels.analyteLabel(id)
    }

    /// The words of a red-flag finding (`progressive weakness`), or nil when the finding id is
    /// not a red flag.
    package func redFlag(_ id: FindingID) -> String? {
        labels.isRedFlag(id) ? labels.redFlagWords(id) : nil
    }

    /// A sentence with the analyte ids a finding's summary may carry put in words
    /// (`vitaminB12` → `vitamin B12`).
    package func words(_ text: String) -> String {
        labels.words(text)
    }

    /// The title of a source (an article or guideline), the short name if unknown.
    package func sourceTitle(_ name: String) -> String {
        labels.sourceTitle(name)
    }
}
