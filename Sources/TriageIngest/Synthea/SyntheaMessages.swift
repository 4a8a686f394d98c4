/// The Synthea reader's per-file counts.
enum SyntheaMessages {
    static func otherCategories(_ count: Int) -> String {
        "\(count == 1 ? "1 row is" : "\(count) rows are") not of CATEGORY laboratory; skipped"
    }

    static func unknownCodes(_ count: Int) -> String {
        "\(count == 1 ? "1 laboratory row has" : "\(count) laboratory rows have") a CODE that is no LOINC code of an analyte twitch-triage reads; skipped"
    }
}
