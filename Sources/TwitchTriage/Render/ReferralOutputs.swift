/// The files written per patient (SPEC §7), by name, in the order the batch writes them:
/// `referral.json`, `referral.md`, `referral.html`, `referral.fhir.json`.
public enum ReferralOutputs {
    /// Each per-patient file's name and text.
    public static func files(_ referral: Referral, knowledge: Knowledge) -> [(name: String, text: String)] {
        let labels = ReportLabels(knowledge: knowledge)
        let page = ReportDocumentBuilder(referral, labels: labels).build()
        return [
            ("referral.json", ReferralJSON.render(referral)),
            ("referral.md", ReferralMarkdown.render(page)),
            ("referral.html", ReferralHTML.render(page)),
            ("referral.fhir.json", ReferralFHIR.bundle(referral, labels: labels).written()),
        ]
    }

    /// The names of the per-patient files.
    public static let names = ["referral.json", "referral.md", "referral.html", "referral.fhir.json"]
}
