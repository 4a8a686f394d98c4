/// Sentences and cells that the Markdown and HTML renderers share, unescaped: each renderer
/// escapes them for its own format.
enum ReportPhrases {
    /// `0.7-0.91 mmol/L (reported)`, or empty with no range.
    static func reference(_ lab: LabResult) -> String {
        guard let range = lab.reference else { return "" }
        return "\(range.low.map(NumberFormatting.shortest) ?? "")-\(range.high.map(NumberFormatting.shortest) ?? "") \(range.unit) (\(range.origin.rawValue))"
    }

    /// `normal`, `low, stale`.
    static func status(_ lab: LabResult) -> String { lab.status.rawValue + (lab.stale ? ", stale" : "") }

    /// `caffeine: 10.8 twitches a day on 63 exposed days, 9.6 on 24 others: no clear link`.
    static func correlation(_ correlation: Referral.LifestyleCorrelation) -> String {
        let verdict = correlation.comparable ? (correlation.linked ? ": linked" : ": no clear link") : " (too few days to compare)"
        return "\(correlation.factor): \(Format.one(correlation.exposedMean)) twitches a day on \(correlation.exposedDays) exposed days, \(Format.one(correlation.unexposedMean)) on \(correlation.unexposedDays) others\(verdict)"
    }

    /// `EMG`, `MRI (cervical spine)`, `bloodWork (magnesium, potassium)`.
    static func title(_ recommendation: Recommendation) -> String {
        var title = recommendation.test.rawValue
        if let region = recommendation.region { title += " (\(region))" }
        if let analytes = recommendation.analytes { title += " (\(analytes.joined(separator: ", ")))" }
        return title
    }

    /// The summaries of the present findings a recommendation names as reasons.
    static func reasons(_ recommendation: Recommendation, in referral: Referral) -> [String] {
        recommendation.reasons.compactMap { id in referral.findings.first { $0.id == id && $0.present }?.summary }
    }

    /// `id P001, Mark Halvorsen, age 52, male`.
    static func patient(_ patient: Referral.Patient) -> String {
        var parts = ["id \(patient.id)"]
        if let name = patient.displayName { parts.append(name) }
        if let age = patient.age { parts.append("age \(age)") }
        if let sex = patient.sex { parts.append(sex.rawValue) }
        return parts.joined(separator: ", ")
    }
}
