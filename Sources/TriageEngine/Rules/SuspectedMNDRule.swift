import TriageKnowledge
import TriageModel

/// Suspected motor neuron disease (SPEC §6.1, §6.2): a **stated** (not possible) finding of
/// wasting; weakness or clumsiness that is progressive or in two region groups; a speech or
/// swallowing change; neuromuscular breathing symptoms or head drop (with breathing tests); or one
/// limb motor finding with cramps, stiffness, weight loss or emotional lability → urgent
/// neurology with "query MND" (NICE NG42), and neurology's proposed work-up, which never delays
/// the referral: EMG with NCS, creatine kinase, MRI by the presentation (the brain for a bulbar
/// change, the cervical spine for arm weakness, the lumbar spine for an isolated foot drop), a
/// swallow assessment for a swallowing change, breathing tests for respiratory symptoms.
///
/// Puts up ALS / motor neuron disease from the motor findings only (SPEC §6.3), and the mimics
/// the findings raise (conditions with `raisedBy`).
///
/// Knowledge: red flag `suspected-mnd` (its steps, examination and sources: NICE NG42, the MND
/// Association red-flag tool, the Awaji criteria, neurologist-guide); symptom sets `mnd-alone`,
/// `mnd-breathing`, `limb-motor`, `mnd-companions`, `bulbar`, `swallowing` (`rules.json`).
package struct SuspectedMNDRule: Rule {
    /// `suspected-mnd`.
    package let id: RuleID = "suspected-mnd"

    /// The stated findings that make the tier, as symptom ids (empty: the rule does not fire),
    /// and whether weakness is progressive.
    package static func flags(_ findings: PatientFindings, _ knowledge: Knowledge) -> [FindingID] {
        let alone = findings.stated(.mndAlone, knowledge)
        let breathing = findings.stated(.mndBreathing, knowledge)
        let limb = findings.stated(.limbMotor, knowledge)
        let companions = findings.stated(.mndCompanions, knowledge)
        let progressive = findings.symptoms.progressiveWeakness
        let twoRegions = findings.regionGroups(of: Set(limb)).count >= 2
        var flags = (alone + breathing).map(FindingID.symptom)
        if !limb.isEmpty, progressive || twoRegions || !companions.isEmpty {
            if progressive { flags.append(FindingID.progressiveWeakness) }
            flags += (limb + companions).map(FindingID.symptom)
        }
        var seen: Set<FindingID> = []
        return flags.filter { seen.insert($0).inserted }
    }

    package func evaluate(_ context: RuleContext) -> RuleOutcome {
        let findings = context.findings
        let knowledge = context.knowledge
        let flags = Self.flags(findings, knowledge)
        guard !flags.isEmpty, let plan = RedFlagPlan(context, flag: RedFlagID.suspectedMND, rule: id) else { return .notFired }
        let names =
            plan.flag.symptoms.filter { flags.contains(FindingID.symptom($0)) }.map(\.rawValue)
            + (flags.contains(FindingID.progressiveWeakness) ? [FindingID.progressiveWeakness.rawValue.filling("-", with: " ")] : [])
        let bulbar = findings.stated(.bulbar, knowledge)
        let swallowing = findings.stated(.swallowing, knowledge)
        let breathing = findings.stated(.mndBreathing, knowledge)
        let armSymptoms: Set<SymptomID> = [SymptomID.weakness, SymptomID.fineMotor]
        let armGroups = findings.regionGroups(of: armSymptoms)
        let weaknessWithoutRegion = findings.isStated(SymptomID.weakness) && armGroups.isEmpty
        let arm = findings.isStated(SymptomID.fineMotor) || armGroups.contains(RegionGroupID.upperLimb) || weaknessWithoutRegion
        let footDrop = findings.isStated(SymptomID.footDrop) && !arm && bulbar.isEmpty
        let armNames = findings.stated(Array(armSymptoms).sorted()).map(\.rawValue)
        let presentations: [RedFlag.Presentation: [String]] = [
            .bulbar: bulbar.map(\.rawValue), .swallowing: swallowing.map(\.rawValue), .breathing: breathing.map(\.rawValue),
            .arm: arm ? (armNames.isEmpty ? names : armNames) : [],
            .footDrop: footDrop ? [SymptomID.footDrop.rawValue] : [],
        ]
        let recommendations = plan.recommendations(plan.flag.steps ?? [], names: names, reasons: flags, presentations: presentations)
        let mimics = MimicFinder.raised(by: findings, knowledge: knowledge, of: ConditionID.als)
        var support: [ConditionID: [FindingID]] = [ConditionID.als: flags]
        for mimic in mimics { support[mimic.condition] = mimic.findings }
        return RuleOutcome(
            recommendations: recommendations, conditions: [ConditionID.als] + mimics.map(\.condition),
            headline: plan.headline(names), support: support, queryMND: true, redFlags: [plan.flag.id])
    }
}
