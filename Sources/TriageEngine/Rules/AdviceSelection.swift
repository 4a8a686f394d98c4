import TriageKnowledge
import TriageModel

/// What the patient is told (SPEC §6.2 "Advice to pass on"): at most six lifestyle items, most
/// relevant first; the safety net as its own list, never cut, each sign the patient already has
/// given as its escalation instead of being dropped; and one sentence for `tellPatient`.
///
/// Relevance: the triggers linked to the counts first, then the triggers the patient names,
/// then the exposures on record, then the general rows. Withheld where the findings
/// contraindicate them (`advice.json` `withheldWhen`): fluid volumes, nuts and seeds with
/// swallowing difficulty; fluid volumes with a low sodium or a stated heart or kidney disease;
/// stress management as the first line beside a motor red flag; "come back after two weeks"
/// past two weeks. What to tell the patient never names motor neuron disease (NICE NG42), and
/// is "harmless" only with no red flag, no abnormal result (nor an unreliable one on the side its
/// specimen problem would hide) and no symptom text left unread.
///
/// Knowledge: `advice.json` (kinds `lifestyle`, `safetyNet`, `tellPatient`).
package struct AdviceSelection: Sendable, Hashable {
    /// Whether the patient has a stated motor red flag: the suspected motor neuron disease tier,
    /// or a stated limb motor symptom of the urgent-examination tier (SPEC §6.1).
    package static func hasMotorRedFlag(_ findings: PatientFindings, _ knowledge: Knowledge) -> Bool {
        !SuspectedMNDRule.flags(findings, knowledge).isEmpty || !findings.stated(.limbMotor, knowledge).isEmpty
    }

    /// The most lifestyle items a report gives (SPEC §6.2).
    package static let limit = 6

    /// Lifestyle advice, at most ``limit``.
    package var advice: [Referral.AdviceItem]
    /// The safety net, in full.
    package var safetyNet: [Referral.AdviceItem]
    /// What to tell the patient.
    package var tellPatient: String?

    /// Selects for `findings`; `sameDay` and `queryMND` come from the rules that fired, and a
    /// patient outside the knowledge's ages (`underAge`) gets no lifestyle advice.
    package init(findings: PatientFindings, knowledge: Knowledge, sameDay: Bool, queryMND: Bool, underAge: Bool) {
        let motor = Self.hasMotorRedFlag(findings, knowledge)
        var ranked: [Advice] = []
        func add(_ rows: [Advice]) { for row in rows where !ranked.contains(row) { ranked.append(row) } }
        let lifestyle = knowledge.advice.filter { $0.kind == .lifestyle }
        let correlations = findings.lifestyle.correlations
        for correlation in correlations where correlation.linked {
            add(lifestyle.filter { $0.trigger == correlation.factor.trigger })
        }
        for named in findings.triggersNamed { add(lifestyle.filter { $0.trigger == named.trigger }) }
        for correlation in correlations where correlation.exposedDays > 0 {
            add(lifestyle.filter { $0.trigger == correlation.factor.trigger })
        }
        add(lifestyle.filter { $0.trigger == nil })
        advice =
            underAge ? [] : Array(ranked.filter { !Self.withheld($0, findings: findings, motor: motor) }.prefix(Self.limit)).map(Self.item)

        var escalated: [Referral.AdviceItem] = []
        var plain: [Referral.AdviceItem] = []
        for row in knowledge.advice where row.kind == .safetyNet && !Self.withheld(row, findings: findings, motor: motor) {
            if let escalation = row.escalation, let present = row.presentWhen, Self.has(present, findings) {
                var item = Self.item(row)
                item.text = escalation
                escalated.append(item)
            } else {
                plain.append(Self.item(row))
            }
        }
        safetyNet = escalated + plain

        let pattern: Advice.TellWhen
        if underAge {
            pattern = .underAge
        } else if motor || sameDay || queryMND {
            pattern = .motor
        } else if RedFlagFindings.present(in: findings, knowledge: knowledge).isEmpty && findings.labs.abnormal.isEmpty
            && findings.labs.hiddenSide(knowledge.specimenComments).isEmpty && findings.symptoms.unreadEntries == 0
        {
            pattern = .benign
        } else {
            pattern = .other
        }
        tellPatient = knowledge.advice.first { $0.kind == .tellPatient && $0.tellWhen == pattern }?.text
    }

    /// Whether the patient already has the sign: a symptom or a finding `present` names.
    static func has(_ present: Advice.Present, _ findings: PatientFindings) -> Bool {
        present.symptoms.contains(where: findings.symptoms.has) || (present.findings ?? []).contains(where: findings.isPresent)
    }

    /// Whether the findings contraindicate `row`.
    package static func withheld(_ row: Advice, findings: PatientFindings, motor: Bool) -> Bool {
        guard let rule = row.withheldWhen else { return false }
        if (rule.symptoms ?? []).contains(where: findings.symptoms.has) { return true }
        if (rule.lowLabs ?? []).contains(where: { analyte in
            let status = findings.labs.standing(analyte).latest?.status
            return status == .low || status == .criticalLow
        }) {
            return true
        }
        if rule.motorRedFlag == true, motor { return true }
        if let days = rule.spanOverDays, findings.course.durationAtLeastDays > days { return true }
        if let history = rule.history, !history.isEmpty {
            let notes = findings.record.journal.flatMap(\.notes).map(TextMatch.Folded.init)
            let phrases = history.map(TextMatch.Folded.init)
            if notes.contains(where: { note in phrases.contains { TextMatch.contains(note, $0) } }) { return true }
        }
        return false
    }

    private static func item(_ row: Advice) -> Referral.AdviceItem {
        Referral.AdviceItem(id: row.id, text: row.text, sources: row.sources.map(\.name).sorted())
    }
}
