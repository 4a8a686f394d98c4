import TriageModel

/// What an exchange-format reader (HL7 v2, FHIR, C-CDA) counts over a file and says once, in
/// warnings at the file's end, never per result: results skipped for a LOINC code of no
/// analyte twitch-triage reads or for no LOINC code (SPEC §3.10), and results kept whose
/// interpretation code it does not read (SPEC §3.9).
struct ResultCodeCounts {
    /// How a reader names its results in these warnings (its messages file holds it).
    struct Wording: Sendable {
        /// A result, in the interpretation count: `OBX` / `OBX segments`.
        var result: CountedNoun
        /// A result, in the LOINC counts: ``result`` unless the reader says more (C-CDA's
        /// `result observation`).
        var coded: CountedNoun
        /// What a result without a LOINC code has none of: `LOINC coding`, `LOINC identifier (LN)`.
        var code: String

        /// A wording; `coded` defaults to `result`.
        init(result: CountedNoun, coded: CountedNoun? = nil, code: String) {
            self.result = result
            self.coded = coded ?? result
            self.code = code
        }
    }

    /// Results whose LOINC codes name no analyte twitch-triage reads.
    var unknownLOINC = 0
    /// Results with no LOINC code (and no local code the code map knows).
    var noLOINC = 0
    /// Results kept whose interpretation code the reader does not read.
    var interpretationsNotRead = 0

    /// Counts a result skipped because it names no analyte twitch-triage reads: under an unknown
    /// LOINC code when it had one, else under no LOINC code.
    mutating func countUnidentified(hadLOINC: Bool) {
        if hadLOINC { unknownLOINC += 1 } else { noLOINC += 1 }
    }

    /// Appends the file's closing warnings, one for each count above zero: interpretations, then
    /// unknown LOINC codes, then no LOINC code.
    func report(into diagnostics: inout [Diagnostic], fileID: SourceFileID, _ wording: Wording) {
        let file = SourceLocation(fileID: fileID)
        if interpretationsNotRead > 0 {
            diagnostics.append(.warning(at: file, ExchangeRecords.interpretationsNotRead(interpretationsNotRead, wording.result)))
        }
        if unknownLOINC > 0 {
            diagnostics.append(
                .warning(at: file, wording.coded.counted(unknownLOINC, have: "a LOINC code of no analyte twitch-triage reads; skipped")))
        }
        if noLOINC > 0 {
            diagnostics.append(.warning(at: file, wording.coded.counted(noLOINC, have: "no \(wording.code); skipped")))
        }
    }
}
