import MemberwiseInit

/// What an input says about who a patient is: from a journal XML `<patient>` element or a
/// patients CSV row.
///
/// Age matters to the considerations, never to urgency alone. The display name is optional,
/// is written only into that patient's own reports, and never into logs.
@PackageMemberwiseInit
public struct PatientDemographics: Sendable, Hashable {
    /// Sex as recorded.
    package enum Sex: String, Sendable, Hashable {
        /// Female.
        case female
        /// Male.
        case male
        /// Any other recorded value (`other`, `intersex`, `X`).
        case other
        /// Recorded as unknown.
        case unknown

        /// Reads `F`, `female`, `M`, `male`, `other`, `X`, `unknown`, `U` in any case.
        package init?(text: String) {
            switch text.trimmingSpaces().lowercased() {
            case "f", "female", "woman", "w": self = .female
            case "m", "male", "man": self = .male
            case "o", "other", "x", "intersex", "diverse", "d": self = .other
            case "u", "unknown", "unk", "": self = .unknown
            default: return nil
            }
        }
    }

    /// Where the demographics came from.
    package var source: SourceLocation
    /// The patient's id.
    package var patientID: PatientID
    /// Birth date, if given.
    package var birthDate: LocalDate?
    /// Age in years, if given instead of a birth date.
    package var age: Int?
    /// Sex, if given.
    package var sex: Sex?
    /// A display name, if given.
    package var displayName: String?

    /// Age in whole years on `date`: from the birth date when known, else the recorded age.
    package func age(on date: LocalDate) -> Int? {
        if let birthDate { return birthDate.years(to: date) }
        return age
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs, CR and LF; the same string (no
    /// copy) when there is nothing to trim, which is nearly always.
    package func trimmingSpaces() -> String {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A }
        let utf8 = self.utf8
        let edged =
            utf8.withContiguousStorageIfAvailable { bytes in
                guard let head = bytes.first, let tail = bytes.last else { return false }
                return isSpace(head) || isSpace(tail)
            } ?? true
        guard edged else { return self }
        // Every trimmed byte is ASCII, so these UTF-8 indices fall on character boundaries.
        guard let first = utf8.firstIndex(where: { !isSpace($0) }),
            let last = utf8.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(self[first...last])
    }
}
