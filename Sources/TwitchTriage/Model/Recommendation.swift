/// A test or action a rule recommends, with its urgency and the findings behind it (SPEC §7).
public struct Recommendation: Sendable, Hashable {
    /// What is recommended (`recommendations[].test`).
    public enum Test: String, Sendable, Hashable, CaseIterable {
        /// Electromyography.
        case emg = "EMG"
        /// Nerve conduction studies.
        case ncs = "NCS"
        /// Magnetic resonance imaging; ``Recommendation/region`` says where.
        case mri = "MRI"
        /// Blood tests; ``Recommendation/analytes`` says which.
        case bloodWork
        /// A neurology examination.
        case neurologyExam
        /// An assessment today, outside the referral (breathing: oxygen saturation, vital capacity
        /// lying and sitting; a critical lab value repeated and treated).
        case sameDayAssessment
        /// A clinician reads what the tool could not (symptom text not understood, SPEC §4.1).
        case clinicianReview
        /// A review of medications with the prescriber.
        case prescriberReview
        /// Lifestyle advice and when to come back.
        case lifestyle
    }

    /// What is recommended.
    public var test: Test
    /// One sentence: what and why ("MRI of the cervical spine to rule out cord compression").
    public var detail: String
    /// How soon.
    public var urgency: Urgency
    /// The rule that recommends it (when several did, the most urgent one's).
    public var rule: String
    /// The ids of the findings behind it.
    public var reasons: [FindingID]
    /// The articles it rests on.
    public var sources: [String]
    /// For an MRI, the region (`cervical spine`, `brain`).
    public var region: String?
    /// For blood work, the analyte ids.
    public var analytes: [String]?
    /// The knowledge's words for the urgency's timeframe ("to be seen within 2 weeks"), after
    /// NICE NG127; nil until the knowledge gives one.
    public var timeframe: String?
    /// Other rules that recommended the same test, less or equally urgently.
    public var alsoRecommendedBy: [String]?

    /// Creates a recommendation.
    public init(test: Test, detail: String, urgency: Urgency, rule: String, reasons: [FindingID], sources: [String],
                region: String? = nil, analytes: [String]? = nil) {
        self.test = test
        self.detail = detail
        self.urgency = urgency
        self.rule = rule
        self.reasons = reasons
        self.sources = sources
        self.region = region
        self.analytes = analytes
    }
}
