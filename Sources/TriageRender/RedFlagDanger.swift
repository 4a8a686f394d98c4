import TriageKnowledge
import TriageModel

/// A patient's red flags in the order of danger of `page.json` (SPEC §7): a sudden deficit,
/// breathing, a critical value, swallowing, weakness worsening over days, speech, loss of
/// vision, wasting, weakness, dexterity, falls, B12 deficiency with neurological symptoms; a
/// red flag the order does not name after them. Within a step, present before possible, then
/// the oldest first date. The page lists the red flags this way; the worklist sorts a band by
/// the first and shows it with the value that drives it ("critical potassium 2.3 mmol/L").
struct RedFlagDanger: Sendable, Hashable {
    /// The step's place in the order (0 most dangerous); the order's length for a red flag it
    /// does not name.
    var rank: Int
    /// The red flag in words, with the value that drives it for a lab: `swallowing difficulty`,
    /// `critical potassium 2.3 mmol/L`.
    package var words: String
    /// The finding it is, nil for a lab value.
    var finding: FindingID?
    /// Its first date (a symptom's first mention, a result's collection).
    var date: LocalDate?
    /// Whether the patient was unsure (`certainty: possible`).
    var possible: Bool

    /// `possible swallowing difficulty since 2026-11-11`, `critical potassium 2.3 mmol/L`: the
    /// `possible-red-flag-words` and `red-flag-since` phrases of `knowledge`.
    package func line(_ knowledge: Knowledge) -> String {
        var text = possible ? knowledge.phrase(.possibleRedFlagWords, ["flag": words]) : words
        if finding != nil, finding != FindingID.progressiveWeakness, let date {
            text = knowledge.phrase(.redFlagSince, ["flag": text, "date": "\(date)"])
        }
        return text
    }

    /// The red flags of `referral`, most dangerous first.
    package static func flags(_ referral: Referral, labels: ReportLabels) -> [RedFlagDanger] {
        let present = referral.findings.filter(\.present)
        let order = labels.knowledge.page?.dangerOrder ?? []
        var flags: [RedFlagDanger] = []
        var placed: Set<FindingID> = []
        func add(_ finding: Finding, rank: Int) {
            guard placed.insert(finding.id).inserted else { return }
            flags.append(
                .init(
                    rank: rank, words: labels.redFlagWords(finding.id), finding: finding.id,
                    date: finding.evidence.compactMap(\.date).min(), possible: finding.certainty == .possible))
        }
        for (rank, step) in order.enumerated() {
            for id in labels.dangerStepIDs[rank] { if let finding = present.first(where: { $0.id == id }) { add(finding, rank: rank) } }
            if step.criticalLab == true {
                for lab in referral.labs where lab.status.isCritical {
                    flags.append(
                        .init(
                            rank: rank,
                            words: "critical \(labels.analyteShort(lab.analyte)) \(lab.reported.value.reportedText) \(lab.reported.unit)",
                            finding: nil, date: lab.collected.date, possible: false))
                }
            }
            if let analyte = step.lowLab {
                let with = (step.with ?? []).filter { symptom in present.contains { $0.id == FindingID.symptom(symptom) } }
                for lab in referral.labs where lab.analyte == analyte && (lab.status == .low || lab.status == .criticalLow) && !with.isEmpty
                {
                    flags.append(
                        .init(
                            rank: rank,
                            words: labels.knowledge.phrase(
                                .lowLabWith,
                                [
                                    "analyte": labels.analyteShort(lab.analyte), "value": "\(lab.reported.value.reportedText)",
                                    "unit": "\(lab.reported.unit)", "symptoms": with.joined(separator: ", "),
                                ]),
                            finding: nil, date: lab.collected.date, possible: false))
                }
            }
        }
        for finding in present where labels.isRedFlag(finding.id) { add(finding, rank: order.count) }
        return flags.enumerated().sorted { lhs, rhs in
            let (left, right) = (lhs.element, rhs.element)
            if left.rank != right.rank { return left.rank < right.rank }
            if left.possible != right.possible { return !left.possible }
            if left.date != right.date { return (left.date?.dayNumber ?? Int.max) < (right.date?.dayNumber ?? Int.max) }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }
}
