/// The named finding ids (SPEC §7 `findings[].id`), which recommendations name in `reasons`.
///
/// ``FindingID`` is deliberately not written from string literals (its tag is not a
/// ``LiteralIDTag``): the fixed ids are the static members below and the parametrised ones are
/// built by the static functions, so no string literal in the rules or findings can stand for a
/// finding id. Reports write ``Tagged/rawValue`` unchanged.
extension Tagged where Tag == FindingTag, RawValue == String {
    /// Twitching recorded; the summary gives the span and twitch days.
    package static let twitchSpan = FindingID(rawValue: "twitch-span")
    /// Counts in the last week at most the improvement ratio of the first week's.
    package static let improving = FindingID(rawValue: "improving")
    /// Counts in the last week above the first week's.
    package static let worsening = FindingID(rawValue: "worsening")
    /// A new region group after the first week.
    package static let spreading = FindingID(rawValue: "spreading")
    /// Twitching in more than one region group.
    package static let multipleRegionGroups = FindingID(rawValue: "multiple-region-groups")
    /// Twitching at rest in at least half the entries that say.
    package static let atRest = FindingID(rawValue: "at-rest")
    /// Weakness score rising from the first record to the latest.
    package static let progressiveWeakness = FindingID(rawValue: "progressive-weakness")
    /// Eyelid twitching with twitching elsewhere on the face.
    package static let eyelidFacialSpread = FindingID(rawValue: "eyelid-facial-spread")
    /// An exposure cut by half or more between the first and the last week.
    package static let lifestyleChange = FindingID(rawValue: "lifestyle-change")
    /// No medication linked to twitching (stated only when absent; each class present has its own).
    package static let medications = FindingID(rawValue: "medications")
    /// A core analyte missing or stale.
    package static let coreLabsGap = FindingID(rawValue: "core-labs-gap")
    /// Age within the usual ALS onset range.
    package static let alsOnsetAge = FindingID(rawValue: "age-in-als-onset-range")
    /// Symptom text that was not understood (SPEC §4.1).
    package static let unreadSymptomText = FindingID(rawValue: "symptom-text-not-understood")
    /// Concepts written about but not the patient's own: someone else's, feared, disease names.
    package static let contextMentions = FindingID(rawValue: "mentioned-not-had")
    /// Triggers the patient named on twitch days.
    package static let triggersNamed = FindingID(rawValue: "triggers-named")
    /// A note's phrase ("for months") that makes the duration longer than the journal's span.
    package static let durationFromNotes = FindingID(rawValue: "duration-from-notes")

    /// Every fixed id (the parametrised ones are built by the functions below).
    package static let fixed: [FindingID] = [
        twitchSpan, improving, worsening, spreading, multipleRegionGroups, atRest, progressiveWeakness, eyelidFacialSpread,
        lifestyleChange, medications, coreLabsGap, alsOnsetAge, unreadSymptomText, contextMentions, triggersNamed, durationFromNotes,
    ]

    package static let concernPrefix = "worry-"
    package static let correlationPrefix = "correlation-"
    private static let medicationPrefix = "medication-"
    private static let labPrefix = "lab-"

    /// The finding of an associated symptom, by the vocabulary's id (`fine-motor-difficulty`).
    package static func symptom(_ id: SymptomID) -> FindingID { FindingID(rawValue: id.rawValue.findingSlug) }
    /// The finding of a medication class (`medication-diuretics`).
    package static func medication(_ medicationClass: MedicationClassID) -> FindingID {
        FindingID(rawValue: medicationPrefix + medicationClass.rawValue.findingSlug)
    }
    /// The finding of an analyte (`lab-magnesium`).
    package static func lab(_ analyte: AnalyteID) -> FindingID { FindingID(rawValue: labPrefix + analyte.rawValue) }

    /// Whether this is an analyte's finding (``lab(_:)``).
    package var isLab: Bool { rawValue.hasPrefix(Self.labPrefix) }
    /// Whether this is a lifestyle correlation's finding (`correlation-caffeine`).
    package var isCorrelation: Bool { rawValue.hasPrefix(Self.correlationPrefix) }
}

extension String {
    /// The id as a finding id: lowercase, spaces and slashes as `-` (`fine-motor difficulty` →
    /// `fine-motor-difficulty`).
    package var findingSlug: String {
        // ASCII ids (all of the tables' and nearly every journal's) byte by byte: the same
        // result as the Character path below, without its Unicode lookups.
        if let slug = utf8.withContiguousStorageIfAvailable({ bytes -> String? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return String(unsafeUninitializedCapacity: bytes.count) { out in
                for (index, byte) in bytes.enumerated() {
                    out[index] =
                        switch byte {
                        case UInt8(ascii: " "), UInt8(ascii: "/"): UInt8(ascii: "-")
                        case UInt8(ascii: "A")...UInt8(ascii: "Z"): byte + 32
                        default: byte
                        }
                }
                return bytes.count
            }
        }) ?? nil {
            return slug
        }
        return String(lowercased().map { $0 == " " || $0 == "/" ? "-" : $0 })
    }
}
