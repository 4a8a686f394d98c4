import TriageModel

/// `contrast-map.json`: how each row of the feature-contrast tables is read from a patient's
/// findings (SPEC §6). A row maps to findings through declared entries (row, signal, column,
/// the conditions it speaks for and against), never by the words of its label.
package struct ContrastMap: Sendable, Hashable, Codable {
    /// A contrast table and how specific it is: where two tables speak to the same condition
    /// about the same aspect, the more specific one wins.
    package struct Table: Sendable, Hashable, Codable {
        /// The table id (`normal-vs-serious`).
        package var id: ContrastTableID
        /// 0 for the general screening table; higher for condition-specific ones.
        package var specificity: Int
        /// Where it comes from.
        package var sources: [Source]
    }

    /// A column of a feature-contrast table.
    package enum Column: String, KnowledgeWord {
        /// The benign column.
        case benign
        /// The concerning column.
        case concerning
    }

    /// One way a row is matched: when `signal` holds for the patient, the row matches its
    /// `column`, and the match speaks for and against the listed conditions.
    package struct Entry: Sendable, Hashable, Codable {
        /// The table.
        package var table: ContrastTableID
        /// The row id within the table.
        package var row: ContrastRowID
        /// The signal that shows the column.
        package var signal: ContrastSignal
        /// `benign` or `concerning`: which column the data looks like.
        package var column: Column
        /// What the entry is about (`weakness`, `spread`): a specific table's entry about a
        /// condition and aspect replaces the general table's.
        package var aspect: String
        /// Conditions the match speaks for.
        package var supports: [ConditionID]
        /// Conditions the match speaks against.
        package var opposes: [ConditionID]
        /// Conditions this match alone puts up for consideration (something specific for them).
        package var raises: [ConditionID]
        /// A clinical reading added to the sentence, if the column's words need one.
        package var note: String?
        /// Where it comes from.
        package var sources: [Source]

        enum CodingKeys: String, CodingKey {
            case table, row, signal, column, aspect
            case supports = "for"
            case opposes = "against"
            case raises, note, sources
        }
    }

    /// A row the journal and labs cannot show, with why.
    package struct Unobservable: Sendable, Hashable, Codable {
        /// The table.
        package var table: ContrastTableID
        /// The row id.
        package var row: ContrastRowID
        /// Why it cannot be read.
        package var reason: String
        /// Where the choice comes from.
        package var sources: [Source]
    }

    /// The words of what a signal found, with `{placeholders}` the evaluator fills in (the
    /// data: days, regions, symptoms), for a consideration's sentence.
    package struct SignalWords: Sendable, Hashable, Codable {
        /// The signal.
        package var signal: ContrastSignal
        /// The words, with `{placeholders}`.
        package var text: String
        /// Where it comes from.
        package var sources: [Source]
    }

    /// The tables and their specificity.
    package var tables: [Table]
    /// The mapping entries, in the order they are tried (the first that holds decides a row).
    package var mappings: [Entry]
    /// Rows not read, with why.
    package var unobservable: [Unobservable]
    /// The words of each signal (required in the file).
    package var readings: [SignalWords] = []

    /// The words of what `signal` found (the loader requires a row for each signal).
    package func words(_ signal: ContrastSignal) -> String { readings.first { $0.signal == signal }?.text ?? "" }

    /// The specificity of a table (0 when unknown).
    package func specificity(of table: ContrastTableID) -> Int { tables.first { $0.id == table }?.specificity ?? 0 }
}
