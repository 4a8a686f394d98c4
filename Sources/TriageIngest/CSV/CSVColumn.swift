/// A column the CSV readers know, under its canonical name (SPEC §3.3, §3.5, §3.6), with the
/// header names accepted for it in each kind of file.
///
/// Header names are compared after ``normalize(_:)``: ASCII case folded, surrounding spaces
/// trimmed, and spaces, `_` and `-` made equivalent (`Patient ID`, `patient-id` and
/// `PATIENT_ID` are one name). `patient_id` takes the journal's aliases in every kind.
package enum CSVColumn: String, CaseIterable, Sendable {
    case patientID = "patient_id"
    // Journal (SPEC §3.3).
    case date
    case location
    case side
    case twitchCount = "twitch_count"
    case durationMinutes = "duration_min"
    case atRest = "at_rest"
    case triggers
    case symptoms
    case weakness
    case caffeineMilligrams = "caffeine_mg"
    case sleepHours = "sleep_hours"
    case stress
    case alcoholUnits = "alcohol_units"
    case waterLitres = "water_l"
    case exercise
    case medications
    case notes
    // Labs (SPEC §3.6).
    case collectedAt = "collected_at"
    case value
    case unit
    case test
    case loinc
    case referenceLow = "ref_low"
    case referenceHigh = "ref_high"
    case reference
    case flag
    case lab
    /// A lab's own code for the test (SPEC §3.10), read through the site's code map.
    case code
    /// The system of ``code`` (as the code map names it).
    case codeSystem = "code_system"
    /// The lab's comment on the result.
    case comment
    // Patients (SPEC §3.5).
    case birthDate = "birth_date"
    case age
    case sex
    case displayName = "display_name"

    /// The position of the column in ``allCases``, for table lookups.
    var ordinal: Int { CSVColumn.ordinals[self]! }

    private static let ordinals: [CSVColumn: Int] =
        Dictionary(uniqueKeysWithValues: allCases.enumerated().map { ($1, $0) })

    /// The normalised header names accepted for each column of a kind of file.
    package static func names(for kind: FileKind) -> [String: CSVColumn] {
        switch kind {
        case .journalCSV, .journalXML: return journalNames
        case .labCSV, .labXML: return labNames
        case .patientCSV: return patientNames
        default: return [:]
        }
    }

    private static let patientIDNames: [String: CSVColumn] =
        ["patient_id": .patientID, "patient": .patientID, "patientid": .patientID, "mrn": .patientID]

    private static let journalNames: [String: CSVColumn] = patientIDNames.merging([
        "date": .date, "recorded_at": .date, "timestamp": .date, "datetime": .date,
        "location": .location, "side": .side,
        "twitch_count": .twitchCount, "episodes": .twitchCount, "count": .twitchCount,
        "duration_min": .durationMinutes, "at_rest": .atRest, "triggers": .triggers, "symptoms": .symptoms,
        "weakness": .weakness, "caffeine_mg": .caffeineMilligrams, "sleep_hours": .sleepHours, "stress": .stress,
        "alcohol_units": .alcoholUnits, "water_l": .waterLitres, "exercise": .exercise,
        "medications": .medications, "notes": .notes,
    ]) { first, _ in first }

    private static let labNames: [String: CSVColumn] = patientIDNames.merging([
        "collected_at": .collectedAt, "date": .collectedAt, "collected": .collectedAt,
        "value": .value, "unit": .unit, "test": .test, "loinc": .loinc,
        "ref_low": .referenceLow, "ref_high": .referenceHigh, "reference": .reference, "flag": .flag, "lab": .lab,
        "code": .code, "local_code": .code, "test_code": .code, "code_system": .codeSystem, "coding_system": .codeSystem,
        "comment": .comment, "comments": .comment, "result_comment": .comment, "lab_comment": .comment,
    ]) { first, _ in first }

    private static let patientNames: [String: CSVColumn] = patientIDNames.merging([
        "birth_date": .birthDate, "age": .age, "sex": .sex, "display_name": .displayName,
    ]) { first, _ in first }

    /// A header name folded for comparison: ASCII lowercase, trimmed of spaces and tabs, and
    /// each run of spaces, `_` and `-` made one `_`.
    package static func normalize(_ name: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.utf8.count)
        var pendingSeparator = false
        for byte in name.utf8 {
            if byte == 0x20 || byte == 0x5F || byte == 0x2D || byte == 0x09 {
                pendingSeparator = !bytes.isEmpty
                continue
            }
            if pendingSeparator {
                bytes.append(0x5F)
                pendingSeparator = false
            }
            bytes.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
