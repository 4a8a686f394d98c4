/// The names of the free-text fields a concept can be read from, as evidence shows them
/// (`note, journal.csv:14: "..."`).
public enum FreeTextField {
    /// The `symptoms` column or an XML `<symptom>`.
    public static let symptoms = "symptoms"
    /// The `notes` column or an XML `<note>`.
    public static let note = "note"
    /// The `location` column or an XML `<twitch location>`.
    public static let location = "location"
}
