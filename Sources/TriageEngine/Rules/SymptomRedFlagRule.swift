import TriageKnowledge
import TriageModel

/// A red flag that holds whenever the patient states one of its row's symptoms (SPEC §6.1, "any
/// one of them is enough"): stated → the row's steps, headline and conditions; written with doubt
/// (SPEC §4.1 "possible") → the row's possible steps (a clinician phones the patient today) when
/// the row has them, else nothing. Everything it says is the row's (`red-flags.json`: symptoms,
/// steps, possible steps, headlines, `conditions`, sources); the rule only names the row, and
/// ``RuleRegistry`` places it in the order rules run in.
///
/// The rows it serves, one instance each, its id the row's id:
/// - `sudden-deficit` (same day): a sudden onset of slurred speech, facial droop, limb weakness or
///   numbness, or loss of vision → 999 or the stroke-TIA pathway now (NICE NG127, stroke and TIA).
/// - `rapid-weakness` (same day): weakness getting worse over days, or tingling that climbs → the
///   emergency department today (Guillain-Barré syndrome), with bulbar and breathing assessment
///   (NICE NG127 "rapidly (within 4 weeks) progressive symmetrical limb weakness").
/// - `breathless-at-rest` (same day): breathless at rest or lying flat → assess breathing today
///   (vital capacity lying and sitting, carbon dioxide: a normal oxygen saturation does not exclude
///   neuromuscular respiratory failure), with breathing tests (NICE NG127; the MND Association
///   red-flag tool).
/// - `sudden-vision-loss` (same day) → eye casualty or the stroke pathway today (at 50 or over,
///   giant cell arteritis; NICE NG127; the BSR).
/// - `fatigable-ocular`: a drooping eyelid, double vision, or weakness that worsens with use →
///   urgent neurology (acetylcholine-receptor antibodies); puts up myasthenia gravis (RCEM and FICM).
///   With a speech, swallowing or breathing change the same-day ``BulbarCrisisRule`` acts too.
/// - `vision-over-days`: blurred vision, washed-out colours or pain on eye movement over days → an
///   eye examination within about 24 hours, then neurology and MRI of the brain if it finds a
///   central cause; never EMG for eyelid or facial twitching; puts up optic neuritis and MS
///   (neurologist-guide; NHS Highland and the College of Optometrists).
/// - `weight-loss`: soon, an examination and blood work (thyroid among them); beside a motor
///   finding ``SuspectedMNDRule`` makes it urgent (random-twitches; NICE NG12).
/// - `perioral-tingling`: episodes of tingling around the mouth or in both hands, or spasm of the
///   hands → calcium (adjusted) and magnesium, hyperventilation considered, not nerve conduction
///   studies; puts up electrolyte imbalance; a low calcium with these symptoms is the lab rules'
///   same-day row (the Society for Endocrinology; RCEM).
/// - `severe-cramping`: cramps with twitching and no motor or bulbar finding (`notBeside`; beside
///   one, ``SuspectedMNDRule`` acts, cramps supporting it) → a routine examination by the GP and
///   the secondary-cause blood tests, EMG as the conditional next step (neurologist-guide; NICE
///   CKS, leg cramps); after the persistent-twitching rule, whose headline it leaves first.
///
/// A red flag whose holding needs more than one stated symptom (``CaudaEquinaRule``,
/// ``BulbarCrisisRule``) or other findings has its own rule. A new red flag of this kind is its
/// row plus one line in ``RuleRegistry`` (its place in the order is a decision: it picks the
/// headline among equally urgent rules); `RuleRegistryTests` fails while a red flag with a tier
/// has no rule that fires for a patient who states it.
package struct SymptomRedFlagRule: Rule {
    /// The red flag's row (`red-flags.json`).
    package let flag: RedFlagID
    /// The row's id (`sudden-deficit`), as `recommendations[].rule`.
    package let id: RuleID

    /// The rule of the row `flag`.
    package init(_ flag: RedFlagID) {
        self.flag = flag
        id = RuleID(rawValue: flag.rawValue)
    }

    package func evaluate(_ context: RuleContext) -> RuleOutcome {
        guard let plan = RedFlagPlan(context, flag: flag, rule: id), !plan.heldBackByATierAbove else { return .notFired }
        let findings = context.findings
        return plan.outcome(
            stated: findings.stated(plan.flag.symptoms), possible: findings.possible(plan.flag.symptoms),
            conditions: plan.flag.conditions ?? [])
    }
}
