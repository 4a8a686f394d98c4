extension LocalDate {
    /// Parses exactly `YYYY-MM-DD`; nil otherwise. (Here in Ingest, beside the date parser it
    /// uses, so that Model depends on nothing above it.)
    public init?(iso text: String) {
        guard let parsed = DateParser.parse(text, order: nil), parsed.timeOfDayMinutes == nil else { return nil }
        self = parsed.date
    }
}
