import Foundation

/// The parts of `referral.json` (SPEC §7, schema version 1) a card is made of. Keys the night's
/// version did not write yet (`who`, `when`, `examination`, `queryMND`, `certainty`) are read when
/// present.
public struct ReferralDocument: Decodable, Sendable, Hashable {
    /// A recommendation.
    public struct Recommendation: Decodable, Sendable, Hashable {
        /// `EMG`, `bloodWork`, …
        public var test: String
        /// One sentence.
        public var detail: String
        /// Its urgency.
        public var urgency: String
        /// The rule.
        public var rule: String
        /// The findings behind it.
        public var reasons: [String]
        /// The MRI's region.
        public var region: String?
        /// The blood analytes.
        public var analytes: [String]?
        /// The knowledge's timeframe.
        public var timeframe: String?
        /// Who acts.
        public var who: String?
        /// The condition of a conditional step.
        public var when: String?
    }

    /// A finding's evidence.
    public struct Evidence: Decodable, Sendable, Hashable {
        /// The date.
        public var date: String?
        /// The patient's words.
        public var quote: String?
    }

    /// A finding.
    public struct Finding: Decodable, Sendable, Hashable {
        /// Its id.
        public var id: String
        /// Whether present.
        public var present: Bool
        /// One sentence.
        public var summary: String
        /// Its evidence.
        public var evidence: [Evidence]
        /// `present` or `possible`.
        public var certainty: String?
    }

    /// An examination checklist item.
    public struct ExaminationItem: Decodable, Sendable, Hashable {
        /// What to examine.
        public var item: String
        /// What it is for.
        public var forWhat: String?

        enum CodingKeys: String, CodingKey {
            case item
            case forWhat = "for"
        }
    }

    /// A text not understood.
    public struct NeedsReview: Decodable, Sendable, Hashable {
        /// How often.
        public var count: Int?
    }

    /// The patient.
    public struct Patient: Decodable, Sendable, Hashable {
        /// The batch's id.
        public var id: String
    }

    /// The knowledge version.
    public var knowledgeVersion: String
    /// The as-of date.
    public var asOf: String
    /// The patient.
    public var patient: Patient
    /// The urgency.
    public var urgency: String
    /// Whether something must happen today.
    public var sameDay: Bool?
    /// The headline.
    public var headline: String
    /// The recommendations, most urgent first.
    public var recommendations: [Recommendation]
    /// The findings.
    public var findings: [Finding]
    /// Texts not understood.
    public var needsReview: [NeedsReview]?
    /// The examination checklist.
    public var examination: [ExaminationItem]?
    /// Whether the referral should say "query MND".
    public var queryMND: Bool?

    /// Whether a clinician must read the journal today (SPEC §7 worklist band "read today").
    public var readToday: Bool { !(needsReview ?? []).isEmpty }
}

/// The night's (or a re-evaluated) referral as the card builder reads it: `referral.json` and
/// the ServiceRequests of `referral.fhir.json` by id.
public struct ReferralDocuments: Sendable, Hashable {
    /// `referral.json`.
    public var referral: ReferralDocument
    /// The ServiceRequests by id.
    public var serviceRequests: [String: JSONNode]

    /// A referral and its ServiceRequests, as they are.
    public init(referral: ReferralDocument, serviceRequests: [String: JSONNode]) {
        self.referral = referral
        self.serviceRequests = serviceRequests
    }

    /// Parses the two documents.
    ///
    /// - Throws: a decoding error when either is not what §7 and §7.1 describe.
    public init(referralJSON: Data, fhirJSON: Data) throws {
        let decoder = JSONDecoder()
        referral = try decoder.decode(ReferralDocument.self, from: referralJSON)
        let bundle = try decoder.decode(JSONNode.self, from: fhirJSON)
        var requests: [String: JSONNode] = [:]
        if case .array(let entries)? = bundle["entry"] {
            for entry in entries {
                guard let resource = entry["resource"], resource["resourceType"]?.string == "ServiceRequest",
                      let id = resource["id"]?.string else { continue }
                requests[id] = resource
            }
        }
        serviceRequests = requests
    }
}
