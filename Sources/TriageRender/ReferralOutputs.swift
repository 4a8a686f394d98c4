import TriageKnowledge
import TriageModel

/// The files written per patient (SPEC §7), by name, in the order the batch writes them:
/// `referral.json`, `referral.md`, `referral.html`, `referral.fhir.json`.
///
/// Made once with the knowledge (the words of the reports are looked up then), and used for
/// every patient of a run.
public struct ReferralOutputs: Sendable {
    /// The words the page, the bundle and the worklist use, looked up once.
    let labels: ReportLabels

    /// The renderers for `knowledge`.
    package init(knowledge: Knowledge) {
        labels = ReportLabels.shared(knowledge)
    }

    /// Each per-patient file's name and text.
    package func files(_ referral: Referral) -> [(name: String, text: String)] {
        let page = ReportDocumentBuilder(referral, labels: labels).build()
        return [
            ("referral.json", ReferralJSON.render(referral)),
            ("referral.md", ReferralMarkdown.render(page)),
            ("referral.html", ReferralHTML.render(page)),
            ("referral.fhir.json", ReferralFHIR.bundle(referral, labels: labels).written()),
        ]
    }

    /// The worklist's view of `referral` (``Worklist/Summary/init(_:knowledge:)``), with the
    /// same labels.
    package func summary(_ referral: Referral) -> Worklist.Summary {
        Worklist.Summary(referral, labels: labels)
    }

    /// Each per-patient file's name and text, the labels looked up for this call.
    public static func files(_ referral: Referral, knowledge: Knowledge) -> [(name: String, text: String)] {
        ReferralOutputs(knowledge: knowledge).files(referral)
    }

    /// The names of the per-patient files.
    package static let names = ["referral.json", "referral.md", "referral.html", "referral.fhir.json"]
}
