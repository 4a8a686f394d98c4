/// A test or action a rule recommends, with its urgency and the findings behind it (SPEC §7).
package struct Recommendation: Sendable, Hashable {
    /// What is recommended (`recommendations[].test`): the id of a `tests.json` row, which gives
    /// the test's name in the reports (`label`), what it is for and who acts on it.
    package enum Test: String, Sendable, Hashable, CaseIterable {
        /// `tests.json` `EMG`.
        case emg = "EMG"
        /// `tests.json` `NCS`.
        case ncs = "NCS"
        /// `tests.json` `MRI`; ``Recommendation/region`` says where.
        case mri = "MRI"
        /// `tests.json` `bloodWork`; ``Recommendation/analytes`` says which.
        case bloodWork
        /// `tests.json` `neurologyExam`.
        case neurologyExam
        /// `tests.json` `sameDayAssessment`: outside the referral, today.
        case sameDayAssessment
        /// `tests.json` `clinicianReview`: a clinician reads what the tool could not (SPEC §4.1).
        case clinicianReview
        /// `tests.json` `prescriberReview`.
        case prescriberReview
        /// `tests.json` `lifestyle`.
        case lifestyle
        /// `tests.json` `swallowAssessment` (SPEC §6.2).
        case swallowAssessment
        /// `tests.json` `eyeExamination` (SPEC §6.1).
        case eyeExamination
        /// `tests.json` `breathingTests`.
        case breathingTests
        /// `tests.json` `treatment`; ``Recommendation/detail`` says what (SPEC §6.2).
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
    package var region: VariantID?
    /// For blood work, the analyte ids.
    package var analytes: [AnalyteID]?
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
    package init(
        test: Test, detail: String, urgency: Urgency, rule: RuleID, reasons: [FindingID], sources: [String],
        region: VariantID? = nil, analytes: [AnalyteID]? = nil
    ) {
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
