import TriageModel

/// A value of one of the tool's closed sets (a recommendation's test, an urgency, a finding's
/// certainty) as a `referral.json` writes it: the case when this version knows it, else the
/// text as written.
///
/// A value this version does not know is kept, not refused: the service reads the referrals of
/// whatever version ran the night's batch, and refusing a whole referral for one new word would
/// drop the patient's card, red flags and all. A card says an unknown value as the referral
/// writes it (``words(_:)``) and compares only known cases.
package enum ReferralValue<Known: RawRepresentable & Sendable & Hashable>: Sendable, Hashable, Decodable
where Known.RawValue == String {
    /// A value this version knows.
    case known(Known)
    /// A value this version does not know, as the referral writes it.
    case unknown(String)

    /// Reads the text and keeps the case it names, or the text when it names none.
    package init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        self = Known(rawValue: text).map(Self.known) ?? .unknown(text)
    }

    /// The case, or nil when this version does not know the value.
    package var known: Known? {
        if case .known(let value) = self { value } else { nil }
    }

    /// The value as the referral writes it.
    package var rawValue: String {
        switch self {
        case .known(let value): value.rawValue
        case .unknown(let text): text
        }
    }

    /// The value in words: a known case said by `say`, an unknown value as written.
    package func words(_ say: (Known) -> String) -> String {
        known.map(say) ?? rawValue
    }
}

extension ReferralValue where Known == Recommendation.Test {
    /// The `tests.json` id the value names (a known test's, or the text as written).
    package var id: CatalogueTestID { known?.id ?? CatalogueTestID(rawValue: rawValue) }
}
