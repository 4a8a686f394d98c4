import TriageKnowledge
import TriageModel

/// Patients under 16 (SPEC §6.1): outside this knowledge, which follows NICE's adult
/// recommendations (NICE NG127 has a separate section for children and young people). The
/// report says so, and a clinician reviews the record today; the other rules still run, so a
/// red flag is never lost, but nothing is given as written for an adult.
///
/// Knowledge: threshold `adult-age-years`; the `under-age` notice of `advice.json` (its text
/// and headline).
package struct UnderAgeRule: Rule {
    /// `under-age`.
    package let id: RuleID = "under-age"

    package func evaluate(_ context: RuleContext) -> RuleOutcome {
        guard let age = context.findings.age, age < Int(context.threshold(.adultAgeYears)),
            let notice = context.knowledge.advice(id: AdviceID.underAge)
        else { return .notFired }
        var review = Recommendation(
            test: .clinicianReview, detail: notice.text, urgency: .urgent, rule: id, reasons: [],
            sources: notice.sources.map(\.name).merged(with: context.sources(thresholds: [.adultAgeYears])))
        review.who = .gp
        review.timeframe = context.knowledge.sameDayTimeframe
        return RuleOutcome(recommendations: [review], conditions: [], headline: notice.headline, leadsHeadline: true)
    }
}
