import TriageKnowledge
import TriageModel

/// The worklist's words that are not the patients' (SPEC §7): its bands' labels and its
/// bookings, each a `page.json` phrase, so a clinic's edited knowledge renames them and
/// `twitch-triage knowledge` shows them with their source. The code keeps only the order.
enum WorklistWords {
    /// The phrase of each band's label (`Same day`, `Routine: GP actions`).
    static func band(_ band: Worklist.Band) -> PagePhraseID {
        switch band {
        case .sameDay: .bandSameDay
        case .readToday: .bandReadToday
        case .urgent: .bandUrgent
        case .soon: .bandSoon
        case .routineGP: .bandRoutineGP
        case .routineNeurology: .bandRoutineNeurology
        case .selfCare: .bandSelfCare
        }
    }

    /// A band's label, or the resolved patients' heading for nil.
    static func label(_ band: Worklist.Band?, _ knowledge: Knowledge) -> String {
        knowledge.phrase(band.map(Self.band) ?? .worklistResolved)
    }

    /// The bookings in the totals' order (SPEC §7): same-day assessments, clinician reads,
    /// neurology examinations, EMG with NCS, EMG, NCS, MRI (by region, in this place), blood
    /// draws, swallow assessments, eye examinations, breathing tests.
    static let bookingOrder: [PagePhraseID] = [
        .bookingSameDayAssessment, .bookingClinicianRead, .bookingNeurologyExamination, .bookingEMGWithNCS, .bookingEMG,
        .bookingNCS, .bookingMRI, .bookingBloodDraw, .bookingSwallowAssessment, .bookingEyeExamination, .bookingBreathingTests,
    ]

    /// Whether `words` is an MRI booking (`MRI of the brain`): the `booking-mri` phrase with
    /// some region in its `{region}`.
    static func isMRI(_ words: String, _ knowledge: Knowledge) -> Bool {
        let template = knowledge.phrase(.bookingMRI)
        guard let hole = template.range(of: "{region}") else { return words == template }
        let (before, after) = (template[..<hole.lowerBound], template[hole.upperBound...])
        return words.count > before.count + after.count && words.hasPrefix(before) && words.hasSuffix(after)
    }
}
