/// A reader for one XML format: it receives the document's events from its root element on,
/// and turns what it gathered into a ``ReadResult`` when the parse ends.
protocol XMLRecordReader: XMLEventHandler {
    /// The records and diagnostics, given how the parse ended (an early end adds one error
    /// that says where and what was kept).
    func finish(_ outcome: XMLPushParser.Outcome) -> ReadResult
}
