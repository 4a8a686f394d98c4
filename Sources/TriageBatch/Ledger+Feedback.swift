import GRDB
import MemberwiseInit
import TriageModel

/// What the CDS Hooks service (SPEC §7.2) keeps in the ledger: the cards and suggestions it
/// issued, each uuid mapped to its patient, rule and test, and the feedback EHRs sent about
/// them. Feedback is stored idempotently (the same item twice is one row) and feedback about
/// a uuid the ledger does not know is stored and counted all the same.
extension Ledger {
    /// A card or suggestion the service issued.
    @PackageMemberwiseInit
    package struct IssuedItem: Sendable, Hashable {
        /// The card's or suggestion's uuid.
        package var uuid: String
        /// The uuid of the card (itself, for a card).
        package var card: String
        /// The batch's patient id.
        package var patientID: PatientID
        /// The rule behind it (a card: its most urgent recommendation's rule).
        package var rule: String
        /// The recommendation's test (`EMG`, `MRI:cervical spine`, `potassium`); nil for a card.
        package var test: String?
        /// The card's indicator (`critical`, `warning`, `info`).
        package var indicator: String
    }

    /// One feedback item as the EHR sent it (only codes and uuids: a user's comment is not kept).
    @PackageMemberwiseInit
    package struct FeedbackItem: Sendable, Hashable {
        /// The card's uuid.
        package var card: String
        /// `accepted` or `overridden`.
        package var outcome: String
        /// The accepted suggestions' uuids.
        package var acceptedSuggestions: [String]
        /// The override reason's Coding, if any.
        package var reasonSystem: String?
        /// The override reason's code.
        package var reasonCode: String?
        /// The override reason's display.
        package var reasonDisplay: String?
        /// When the user acted (as sent).
        package var outcomeTimestamp: String
    }

    /// Acceptance and overrides per rule and recommendation.
    package struct FeedbackSummary: Sendable, Hashable {
        /// One rule and test (`nil` test: the card as a whole).
        package struct Row: Sendable, Hashable {
            /// The rule.
            package var rule: String
            /// The test, or nil for the card as a whole.
            package var test: String?
            /// Distinct cards or suggestions issued.
            package var issued: Int
            /// Feedback items accepting it.
            package var accepted: Int
            /// Feedback items overriding it (cards only).
            package var overridden: Int
            /// Override reasons (their display, else system|code, else "no reason given") and counts.
            package var reasons: [String: Int]
        }

        /// Rows sorted by rule, then card before its tests, then test.
        package var rows: [Row]
        /// Feedback items stored in all.
        package var feedbackItems: Int
        /// Feedback items about a card the ledger never issued.
        package var unknownCards: Int
    }

    static func createFeedbackTables(_ db: Database) throws {
        try db.create(table: "issued") { table in
            table.column("uuid", .text).notNull().primaryKey()
            table.column("card", .text).notNull()
            table.column("patientId", .text).notNull()
            table.column("rule", .text).notNull()
            table.column("test", .text)
            table.column("indicator", .text).notNull()
        }
        try db.create(table: "feedback") { table in
            table.autoIncrementedPrimaryKey("id")
            table.column("card", .text).notNull()
            table.column("outcome", .text).notNull()
            table.column("acceptedSuggestions", .text).notNull()
            table.column("reasonSystem", .text).notNull()
            table.column("reasonCode", .text).notNull()
            table.column("reasonDisplay", .text)
            table.column("outcomeTimestamp", .text).notNull()
            table.uniqueKey(["card", "outcome", "acceptedSuggestions", "reasonSystem", "reasonCode", "outcomeTimestamp"])
        }
    }

    /// Records cards and suggestions issued; ones already recorded are left as they are.
    package func recordIssued(_ items: [IssuedItem]) throws {
        guard !items.isEmpty else { return }
        try database.write { db in try Self.insertIssued(items, into: db) }
    }

    /// Queues the recording of `items` (as ``recordIssued(_:)``) on the ledger's one writer
    /// queue and returns at once, without waiting for SQLite; `completion` gets nil once they
    /// are stored, or the error. Every write asked for later (feedback among them) runs after it.
    package func recordIssuedLater(_ items: [IssuedItem], completion: @escaping @Sendable ((any Error)?) -> Void) {
        guard !items.isEmpty else { return completion(nil) }
        database.asyncWrite(
            { db in try Self.insertIssued(items, into: db) },
            completion: { _, result in
                if case .failure(let error) = result { completion(error) } else { completion(nil) }
            })
    }

    /// Waits until every write queued before it (``recordIssuedLater(_:completion:)``) is done.
    package func waitForQueuedWrites() {
        try? database.writeWithoutTransaction { _ in }
    }

    private static func insertIssued(_ items: [IssuedItem], into db: Database) throws {
        let insert = try db.makeStatement(
            sql: "INSERT OR IGNORE INTO issued (uuid, card, patientId, rule, test, indicator) VALUES (?, ?, ?, ?, ?, ?)")
        for item in items {
            try insert.execute(arguments: [item.uuid, item.card, item.patientID.rawValue, item.rule, item.test, item.indicator])
        }
    }

    /// Stores feedback in one transaction; an item already stored is not stored again.
    ///
    /// - Returns: how many items were new, and how many name a card the ledger never issued.
    @discardableResult
    package func recordFeedback(_ items: [FeedbackItem]) throws -> (stored: Int, unknownCards: Int) {
        try database.write { db in
            let insert = try db.makeStatement(
                sql: """
                    INSERT OR IGNORE INTO feedback (card, outcome, acceptedSuggestions, reasonSystem, reasonCode, reasonDisplay, outcomeTimestamp)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """)
            var stored = 0
            var unknown = 0
            for item in items {
                try insert.execute(arguments: [
                    item.card, item.outcome, item.acceptedSuggestions.sorted().joined(separator: "\u{1F}"),
                    item.reasonSystem ?? "", item.reasonCode ?? "", item.reasonDisplay, item.outcomeTimestamp,
                ])
                stored += db.changesCount
                if try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM issued WHERE uuid = ?", arguments: [item.card]) == 0 { unknown += 1 }
            }
            return (stored, unknown)
        }
    }

    /// Acceptance and override reasons per rule and recommendation, over all stored feedback of
    /// the batch output `output` (`twitch-triage feedback DIR`).
    ///
    /// - Throws: ``TriageError`` naming the ledger when it cannot be opened or read.
    package static func feedbackSummary(output: String) throws(TriageError) -> FeedbackSummary {
        do {
            return try Ledger(output: output).feedbackSummary()
        } catch {
            throw TriageError(converting: error, step: nil, path: path(in: output))
        }
    }

    /// Acceptance and override reasons per rule and recommendation, over all stored feedback.
    package func feedbackSummary() throws -> FeedbackSummary {
        try database.read { db in
            struct Key: Hashable {
                var rule: String
                var test: String?
            }
            var rows: [Key: FeedbackSummary.Row] = [:]
            var issued: [String: Key] = [:]
            let items = try Row.fetchCursor(db, sql: "SELECT uuid, rule, test FROM issued")
            while let row = try items.next() {
                let key = Key(rule: row["rule"], test: row["test"])
                issued[row["uuid"]] = key
                rows[key, default: FeedbackSummary.Row(rule: key.rule, test: key.test, issued: 0, accepted: 0, overridden: 0, reasons: [:])]
                    .issued += 1
            }
            var total = 0
            var unknown = 0
            let feedback = try Row.fetchCursor(
                db,
                sql: """
                    SELECT card, outcome, acceptedSuggestions, reasonSystem, reasonCode, reasonDisplay FROM feedback ORDER BY id
                    """)
            while let row = try feedback.next() {
                total += 1
                let card: String = row["card"]
                guard let cardKey = issued[card] else {
                    unknown += 1
                    continue
                }
                let outcome: String = row["outcome"]
                if outcome == "accepted" {
                    let accepted: String = row["acceptedSuggestions"]
                    let keys = accepted.split(separator: "\u{1F}").compactMap { issued[String($0)] }
                    for key in keys.isEmpty ? [cardKey] : keys { rows[key]?.accepted += 1 }
                } else {
                    rows[cardKey]?.overridden += 1
                    let display: String? = row["reasonDisplay"]
                    let system: String = row["reasonSystem"]
                    let code: String = row["reasonCode"]
                    let reason = display ?? (code.isEmpty ? Messages.noReason : system + "|" + code)
                    rows[cardKey]?.reasons[reason, default: 0] += 1
                }
            }
            let sorted = rows.values.sorted { ($0.rule, $0.test ?? "") < ($1.rule, $1.test ?? "") }
            return FeedbackSummary(rows: sorted, feedbackItems: total, unknownCards: unknown)
        }
    }

    private enum Messages {
        static let noReason = "no reason given"
    }
}
