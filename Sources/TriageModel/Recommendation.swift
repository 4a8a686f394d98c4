/// A test or action a rule recommends, with its urgency and the findings behind it (SPEC §7).
package struct Recommendation: Sendable, Hashable {
    /// What is recommended (`recommendations[].test`).
    package enum Test: String, Sendable, Hashable, CaseIterable {
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
        /// A swallow assessment by speech and language therapy (SPEC §6.2).
        case swallowAssessment
        /// An eye examination (acuity, colour vision, pupils, fundi), SPEC §6.1.
        case eyeExamination
        /// Breathing tests (vital capacity lying and sitting, sniff pressure, carbon dioxide).
        case breathingTests
        /// A treatment for the prescriber to consider starting (B12 injections, electrolyte
        /// replacement); ``Recommendation/detail`` says what (SPEC §6.2).
        case treatment
    }

    /// Who acts on a recommendation (SPEC §6.2 "Who acts", `recommendations[].who`).
    package enum Actor: String, Sendable, Hashable, CaseIterable {
        /// The patient's general practitioner (electrolytes, deficiencies, medication review).
        case gp = "GP"
        /// Neurology.
        case neurology
        /// Neurophysiology (EMG, NCS).
        case neurophysiology
        /// Radiology (MRI).
        case radiology
        /// An eye examination (eye casualty, ophthalmology, optometry by the local pathway).
        case eyeExamination = "eye examination"
        /// Speech and language therapy (swallow assessment).
        case speechAndLanguageTherapy = "speech and language therapy"
        /// The emergency department or acute medicine (same day).
        case emergencyDepartment = "emergency department"
    }

    /// What is recommended.
    package var test: Test
    /// One sentence: what and why ("MRI of the cervical spine to rule out cord compression").
    package var detail: String
    /// How soon.
    package var urgency: Urgency
    /// The rule that recommends it (when several did, the most urgent one's).
    package var rule: RuleID
    /// The ids of the findings behind it.
    package var reasons: [FindingID]
    /// The articles it rests on.
    package var sources: [String]
    /// For an MRI, the region (`cervical spine`, `brain`).
    package var region: String?
    /// For blood work, the analyte ids.
    package var analytes: [String]?
    /// The knowledge's words for the urgency's timeframe ("to be seen within 2 weeks"), after
    /// NICE NG127; nil until the knowledge gives one.
    package var timeframe: String?
    /// Other rules that recommended the same test, less or equally urgently.
    package var alsoRecommendedBy: [RuleID]?
    /// Who acts on it (`recommendations[].who`); nil until a rule says.
    package var who: Actor?
    /// The condition of a conditional next step (`recommendations[].when`: "if the examination
    /// finds weakness, wasting or reflex change"); nil for a step to take now.
    package var when: String?

    /// Creates a recommendation.
    package init(test: Test, detail: String, urgency: Urgency, rule: RuleID, reasons: [FindingID], sources: [String],
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
