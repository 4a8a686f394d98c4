/// The names of the free-text fields a concept can be read from, as evidence shows them
/// (`note, journal.csv:14: "..."`).
package enum FreeTextField {
    /// The `symptoms` column or an XML `<symptom>`.
    package static let symptoms = "symptoms"
    /// The `notes` column or an XML `<note>`.
    package static let note = "note"
    /// The `location` column or an XML `<twitch location>`.
    package static let location = "location"
}
