/// The Synthea reader's per-file counts.
enum SyntheaMessages {
    static func otherCategories(_ count: Int) -> String {
        CountedNoun("row").counted(count, are: "not of CATEGORY laboratory; skipped")
    }

    static func unknownCodes(_ count: Int) -> String {
        CountedNoun("laboratory row").counted(count, have: "a CODE that is no LOINC code of an analyte twitch-triage reads; skipped")
    }
}
