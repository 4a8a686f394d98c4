import TriageKnowledge
import TriageModel

/// Benign pattern: twitching over the benign span or less (or a longer span that is improving and not
/// yet persistent), no red flag, no abnormal lab (nor an unreliable one on the side its specimen
/// problem would hide: a low potassium on a haemolysed sample) → self-care: lifestyle advice from the
/// articles and when to come back. Missing or stale core labs are not called normal: the
/// advice says none are on file and that blood work comes in if the twitching goes past the
/// benign span (arm-twitching-guide step 3); a short benign twitch does not need it now.
/// "Lifestyle-related twitching" is put up when an exposure is linked to the counts, cutting
/// it improved the twitching, or the patient names triggers on the twitch days.
///
/// The improving-span case is our addition: SPEC §6 leaves an improving span between the
/// benign span and the persistence thresholds to no rule, and a clinician would give it the
/// same advice. Knowledge: threshold `benign-max-span-days`; symptom set `benign-red-flags`; advice rows (`advice.json`);
/// condition `lifestyle-twitching`; arm-twitching-guide ("Most benign twitches resolve within
/// a few days to two weeks"), neurologist-guide ("Over 90% of muscle twitching cases are benign").
package struct BenignPatternRule: Rule {
    /// `benign-pattern`.
    package let id: RuleID = "benign-pattern"

    package func evaluate(_ context: RuleContext) -> RuleOutcome {
        let findings = context.findings
        let course = findings.course
        guard course.twitchDays > 0 else { return .notFired }
        let maxSpan = Int(context.threshold(Threshold.Key.benignMaxSpanDays))
        let anyDays = Int(context.threshold(Threshold.Key.persistentAnyDays))
        let days = course.durationAtLeastDays
        let shortOrResolving = days <= maxSpan || (days <= anyDays && course.trend == .improving)
        guard shortOrResolving, UnreadSymptomText.items(findings.record.journal).isEmpty,
            RedFlagFindings.present(in: findings, knowledge: context.knowledge).isEmpty, findings.labs.abnormal.isEmpty,
            findings.labs.hiddenSide(context.knowledge.specimenComments).isEmpty
        else {
            return .notFired
        }
        let selection = AdviceSelection(findings: findings, knowledge: context.knowledge, sameDay: false, queryMND: false, underAge: false)
        let rules = context.knowledge.rules
        var detail = rules.sentence(.selfCare, ["advice": selection.advice.map(\.text).joined(separator: " ")])
        let gaps = findings.labs.coreGaps
        if !gaps.isEmpty {
            detail +=
                " "
                + rules.sentence(
                    .noCurrentResult,
                    [
                        "analytes": gaps.map { context.spokenName($0.analyte) }.joined(separator: ", "),
                        "days": String(maxSpan),
                    ])
        }
        var recommendations = [
            Recommendation(
                test: .lifestyle, detail: detail, urgency: .selfCare, rule: id,
                reasons: [FindingID.twitchSpan, FindingID.spreading, FindingID.progressiveWeakness]
                    + (gaps.isEmpty ? [] : [FindingID.coreLabsGap]),
                sources: selection.advice.flatMap(\.sources).merged(with: context.sources(thresholds: [.benignMaxSpanDays])))
        ]
        recommendations[0].who = context.knowledge.test(id: Recommendation.Test.lifestyle.id)?.who.flatMap(Recommendation.Actor.init)
        let linked = findings.lifestyle.correlations.filter(\.linked).map { FindingID.correlation($0.factor) }
        var lifestyle = linked
        if findings.lifestyle.changes.contains(where: \.twitchingImproved) { lifestyle.append(FindingID.lifestyleChange) }
        if findings.isPresent(FindingID.triggersNamed) { lifestyle.append(FindingID.triggersNamed) }
        let triggers = findings.triggersNamed.map(\.trigger.rawValue)
        let span = Count.days(days)
        let headline =
            triggers.isEmpty
            ? rules.sentence(.benignHeadline, ["span": span])
            : rules.sentence(.benignHeadlineTriggers, ["span": span, "triggers": triggers.prefix(2).joined(separator: " and ")])
        return RuleOutcome(
            recommendations: recommendations, conditions: lifestyle.isEmpty ? [] : [ConditionID.lifestyle],
            headline: headline,
            support: [ConditionID.lifestyle: lifestyle])
    }
}
