import Foundation
import TriageModel

/// The parts of `referral.json` (SPEC §7, schema version 1) a card is made of. Keys the night's
/// version did not write yet (`who`, `when`, `examination`, `queryMND`, `certainty`) are read when
/// present. Ids are read as their kinds (``RuleID``, ``FindingID``, ``VariantID``) and the
/// closed sets' values as ``ReferralValue``s, which keep a value this version does not know.
package struct ReferralDocument: Decodable, Sendable, Hashable {
    /// A recommendation.
    package struct Recommendation: Decodable, Sendable, Hashable {
        /// `EMG`, `bloodWork`, …
        package var test: ReferralValue<TriageModel.Recommendation.Test>
        /// One sentence.
        package var detail: String
        /// Its urgency.
        package var urgency: ReferralValue<Urgency>
        /// The rule.
        package var rule: RuleID
        /// The findings behind it.
        package var reasons: [FindingID]
        /// The MRI's region.
        package var region: VariantID?
        /// The blood analytes.
        package var analytes: [AnalyteID]?
        /// The knowledge's timeframe.
        package var timeframe: String?
        /// Who acts.
        package var who: String?
        /// The condition of a conditional step.
        package var when: String?
    }

    /// A finding's evidence.
    package struct Evidence: Decodable, Sendable, Hashable {
        /// The date.
        package var date: String?
        /// The patient's words.
        package var quote: String?
    }

    /// A finding.
    package struct Finding: Decodable, Sendable, Hashable {
        /// Its id.
        package var id: FindingID
        /// Whether present.
        package var present: Bool
        /// One sentence.
        package var summary: String
        /// Its evidence.
        package var evidence: [Evidence]
        /// `present` or `possible`.
        package var certainty: ReferralValue<TriageModel.Finding.Certainty>?
    }

    /// An examination checklist item.
    package struct ExaminationItem: Decodable, Sendable, Hashable {
        /// What to examine.
        package var item: String
        /// What it is for.
        package var forWhat: String?

        enum CodingKeys: String, CodingKey {
            case item
            case forWhat = "for"
        }
    }

    /// A text not understood.
    package struct NeedsReview: Decodable, Sendable, Hashable {
        /// How often.
        package var count: Int?
    }

    /// The patient.
    package struct Patient: Decodable, Sendable, Hashable {
        /// The batch's id.
        package var id: PatientID
    }

    /// The knowledge version.
    package var knowledgeVersion: String
    /// The as-of date.
    package var asOf: String
    /// The patient.
    package var patient: Patient
    /// The urgency.
    package var urgency: ReferralValue<Urgency>
    /// Whether something must happen today.
    package var sameDay: Bool?
    /// The headline.
    package var headline: String
    /// The recommendations, most urgent first.
    package var recommendations: [Recommendation]
    /// The findings.
    package var findings: [Finding]
    /// Texts not understood.
    package var needsReview: [NeedsReview]?
    /// The examination checklist.
    package var examination: [ExaminationItem]?
    /// Whether the referral should say "query MND".
    package var queryMND: Bool?

    /// Whether a clinician must read the journal today (SPEC §7 worklist band "read today").
    package var readToday: Bool { !(needsReview ?? []).isEmpty }
}

/// The night's (or a re-evaluated) referral as the card builder reads it: `referral.json` and
/// the ServiceRequests of `referral.fhir.json` by id.
package struct ReferralDocuments: Sendable, Hashable {
    /// `referral.json`.
    package var referral: ReferralDocument
    /// The ServiceRequests by id.
    package var serviceRequests: [String: JSONNode]

    /// A referral and its ServiceRequests, as they are.
    package init(referral: ReferralDocument, serviceRequests: [String: JSONNode]) {
        self.referral = referral
        self.serviceRequests = serviceRequests
    }

    /// Parses the two documents.
    ///
    /// - Throws: a decoding error when either is not what §7 and §7.1 describe.
    package init(referralJSON: Data, fhirJSON: Data) throws {
        let decoder = JSONDecoder()
        referral = try decoder.decode(ReferralDocument.self, from: referralJSON)
        let bundle = try decoder.decode(JSONNode.self, from: fhirJSON)
        var requests: [String: JSONNode] = [:]
        if case .array(let entries)? = bundle["entry"] {
            for entry in entries {
                guard let resource = entry["resource"], resource["resourceType"]?.string == "ServiceRequest",
                    let id = resource["id"]?.string
                else { continue }
                requests[id] = resource
            }
        }
        serviceRequests = requests
    }
}
