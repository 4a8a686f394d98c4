import GRDB
import TriageModel

#if canImport(Glibc)
    import Glibc
#endif

/// The batch's memory between nights (SPEC §8): an SQLite database in
/// `<out>/.twitch-triage/ledger.sqlite`, through GRDB, with migrations.
///
/// `runs` holds one row per run (as-of, versions, counts, outcome; outcome stays NULL until the
/// run completes, so a killed run is visible). `results` holds, per run and patient, the
/// fingerprint of what the report was made from, its urgency, headline and tests. A patient
/// whose fingerprint matches the last *completed* run's and whose reports are on disk is not
/// rendered again; the worklist's change since the last run compares urgencies with the
/// latest completed run that differs (``BatchRunner``). A run the ledger does not show as
/// completed is redone in full by the next one.
package final class Ledger: Sendable {
    /// A patient's line in the last completed run.
    package struct PreviousResult: Sendable, Hashable {
        /// The fingerprint.
        package var fingerprint: String
        /// The urgency.
        package var urgency: Urgency
        /// The report folder, relative to the output folder.
        package var folder: String?
        /// The headline, for the worklist of a run that does not rebuild this patient.
        package var headline: String
        /// The worklist's tests, likewise.
        package var tests: [String]
    }

    /// A patient's line in this run.
    package struct Result: Sendable, Hashable {
        /// The patient id.
        package var patientID: PatientID
        /// The fingerprint.
        package var fingerprint: String
        /// The urgency.
        package var urgency: Urgency
        /// The folder, if reports were written.
        package var folder: String?
        /// The headline.
        package var headline: String
        /// The worklist's tests.
        package var tests: [String]
    }

    /// The database (``Ledger`` extensions in other files read and write it too).
    let database: DatabaseQueue

    /// The ledger's path inside an output folder.
    package static func path(in output: String) -> String { output + "/.twitch-triage/ledger.sqlite" }

    /// Opens (creating and migrating) the ledger of `output`, owner-only (0600: it holds
    /// patient ids, urgencies and headlines; SPEC §10). SQLite gives its journal the
    /// database file's permissions.
    ///
    /// - Throws: ``TriageError`` (``TriageError/Reason/ledger(_:)``) when the file cannot be
    ///   opened or created (a folder in its place, no permission); GRDB's error when SQLite
    ///   cannot use it or the migration fails.
    package init(output: String) throws {
        try AtomicFileWriter.makeDirectory(output + "/.twitch-triage")
        let path = Self.path(in: output)
        try Self.createOwnerOnly(path)
        // The CDS Hooks service writes cards and feedback into the same ledger while a batch
        // may be recording its run: each waits for the other's transaction instead of failing.
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        database = try DatabaseQueue(path: path, configuration: configuration)
        try Self.migrator.migrate(database)
    }

    /// Creates the database file 0600 before SQLite does (SQLite would use 0644 less the
    /// umask), and narrows an existing one (a ledger written before this rule).
    private static func createOwnerOnly(_ path: String) throws {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else { throw TriageError(.ledger(String(cString: strerror(errno))), path: path) }
        defer { close(descriptor) }
        guard fchmod(descriptor, 0o600) == 0 else { throw TriageError(.ledger(String(cString: strerror(errno))), path: path) }
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: runs and results") { db in
            try db.create(table: "runs") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("asOf", .text).notNull()
                table.column("toolVersion", .text).notNull()
                table.column("knowledgeVersion", .text).notNull()
                table.column("shard", .text)
                table.column("patients", .integer)
                table.column("written", .integer)
                table.column("unchanged", .integer)
                table.column("errors", .integer)
                table.column("warnings", .integer)
                table.column("outcome", .text)
            }
            try db.create(table: "results") { table in
                table.column("runId", .integer).notNull().references("runs", onDelete: .cascade)
                table.column("patientId", .text).notNull()
                table.column("fingerprint", .text).notNull()
                table.column("urgency", .text).notNull()
                table.column("folder", .text)
                table.column("headline", .text).notNull()
                table.column("tests", .text).notNull()
                table.primaryKey(["runId", "patientId"])
            }
        }
        migrator.registerMigration("v2: CDS Hooks cards and feedback", migrate: Self.createFeedbackTables)
        return migrator
    }

    /// The ids of completed runs, newest first (only those whose results are still kept).
    package func completedRuns() throws -> [Int64] {
        try database.read { db in
            try Int64.fetchAll(
                db,
                sql: """
                    SELECT id FROM runs WHERE outcome IS NOT NULL AND id IN (SELECT DISTINCT runId FROM results) ORDER BY id DESC
                    """)
        }
    }

    /// The results of a run, by patient id.
    package func results(ofRun runID: Int64) throws -> [PatientID: PreviousResult] {
        try database.read { db in
            var results: [PatientID: PreviousResult] = [:]
            let rows = try Row.fetchCursor(
                db, sql: "SELECT patientId, fingerprint, urgency, folder, headline, tests FROM results WHERE runId = ?",
                arguments: [runID])
            while let row = try rows.next() {
                guard let urgency = Urgency(rawValue: row["urgency"]) else { continue }
                let tests: String = row["tests"]
                results[PatientID(rawValue: row["patientId"])] = PreviousResult(
                    fingerprint: row["fingerprint"], urgency: urgency, folder: row["folder"],
                    headline: row["headline"],
                    tests: tests.split(separator: "\u{1F}").map(String.init))
            }
            return results
        }
    }

    /// Whether the last run started did not complete (killed, or failed before recording).
    package func lastRunIncomplete() throws -> Bool {
        try database.read { db in
            try Bool.fetchOne(db, sql: "SELECT outcome IS NULL FROM runs ORDER BY id DESC LIMIT 1") ?? false
        }
    }

    /// Records the start of a run; returns its id.
    package func beginRun(asOf: LocalDate, knowledgeVersion: String, shard: Shard?) throws -> Int64 {
        try database.write { db in
            try db.execute(
                sql: "INSERT INTO runs (asOf, toolVersion, knowledgeVersion, shard) VALUES (?, ?, ?, ?)",
                arguments: [asOf.description, ToolInfo.version, knowledgeVersion, shard?.description])
            return db.lastInsertedRowID
        }
    }

    /// Records a run's results and outcome in one transaction; only then is it the baseline.
    package func completeRun(_ id: Int64, results: [Result], result: BatchResult) throws {
        try database.write { db in
            let insert = try db.makeStatement(
                sql: "INSERT INTO results (runId, patientId, fingerprint, urgency, folder, headline, tests) VALUES (?, ?, ?, ?, ?, ?, ?)")
            for item in results {
                try insert.execute(arguments: [
                    id, item.patientID.rawValue, item.fingerprint, item.urgency.rawValue, item.folder, item.headline,
                    item.tests.joined(separator: "\u{1F}"),
                ])
            }
            let errors = result.problems.filter { $0.severity == .error }.count
            try db.execute(
                sql: """
                    UPDATE runs SET patients = ?, written = ?, unchanged = ?, errors = ?, warnings = ?, outcome = ? WHERE id = ?
                    """,
                arguments: [
                    result.patients, result.patientsWritten, result.patientsUnchanged, errors,
                    result.problems.count - errors, result.outcome.rawValue, id,
                ])
            // Keep the last 30 runs' results; the runs themselves stay as the history.
            try db.execute(sql: "DELETE FROM results WHERE runId <= ?", arguments: [id - 30])
        }
    }
}
