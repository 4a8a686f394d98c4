import Foundation
import Testing
import TriageModel

@testable import TriageBatch
@testable import TriageIngest

@Suite struct TriageErrorTests {
    @Test func theMessageNamesPathLineReasonAndStep() {
        let error = TriageError(.inputUnreadable("no such file or folder"), step: "discover", path: "in/labs.csv", line: 3)
        #expect(error.description == "in/labs.csv:3: no such file or folder; nothing read (step: discover)")
        #expect(error.errorDescription == error.description)
        #expect(error.category == .input)
    }

    @Test(arguments: [
        (TriageError.Reason.usage("x"), TriageError.Category.usage, Int32(64)),
        (.inputUnreadable("x"), .input, 65),
        (.outputUnwritable("x"), .output, 73), (.ledger("x"), .output, 73), (.locked(pid: 7), .locked, 75),
        (.configuration("x"), .configuration, 78), (.unavailable("x"), .unavailable, 69), (.unexpected("x"), .software, 70),
    ])
    func everyReasonHasItsSysexitsCode(reason: TriageError.Reason, category: TriageError.Category, code: Int32) {
        #expect(TriageError(reason).category == category)
        #expect(category.exitCode == code)
    }

    @Test func everyCategoryHasItsOwnCode() {
        let codes = TriageError.Category.allCases.map(\.exitCode)
        #expect(codes == [1, 64, 65, 69, 70, 73, 75, 78])
        #expect(Set(codes).count == codes.count)
    }

    @Test func configurationAndUnavailableMessagesAreTheirTextAsWorded() {
        let table = TriageError(
            .configuration("clinic/red-flags.json: row 4 (x): has no source; the tables of --knowledge were not used and nothing was read"))
        #expect(
            table.description
                == "clinic/red-flags.json: row 4 (x): has no source; the tables of --knowledge were not used and nothing was read")
        let listen = TriageError(.unavailable("127.0.0.1:80: the service cannot serve (Permission denied); service stopped"))
        #expect(listen.description == "127.0.0.1:80: the service cannot serve (Permission denied); service stopped")
    }

    @Test func anErrorTheLibraryHasNoWordingForIsASoftwareError() {
        let known = TriageError(
            converting: AtomicFileWriter.Failure(path: "out/B001", reason: "Permission denied"), step: "referrals and reports")
        #expect(
            known
                == TriageError(
                    wrapping: AtomicFileWriter.Failure(path: "out/B001", reason: "Permission denied"), step: "referrals and reports"))
        struct Strange: Error, CustomStringConvertible { var description: String { "strange" } }
        let error = TriageError(converting: Strange(), step: "read", path: "in")
        #expect(error.category == .software)
        #expect(error.description == "in: an error the tool has no wording for: strange; stopped (a defect: please report it) (step: read)")
    }

    @Test func wrapsTheLibrarysErrorsKeepingPathAndReason() throws {
        let write = try #require(
            TriageError(wrapping: AtomicFileWriter.Failure(path: "out/B001", reason: "Permission denied"), step: "referrals and reports"))
        #expect(
            write.description == "out/B001: cannot write the output: Permission denied; nothing more written (step: referrals and reports)")
        let held = try #require(TriageError(wrapping: OutputLock.Held(output: "out", pid: 42), step: "lock"))
        #expect(
            held.description == "another batch (pid 42) is writing to out; this run exits without reading or writing anything (step: lock)")
        let listing = try #require(
            TriageError(wrapping: TriageError(.inputUnreadable("cannot list the folder"), path: "in"), step: "discover"))
        #expect(listing.category == .input)
        #expect(listing.path == "in")
        #expect(listing.step == "discover")
        let file = try #require(TriageError(wrapping: FileBytes.Failure(reason: "not a regular file"), step: "read", path: "in/x.csv"))
        #expect(file.description == "in/x.csv: not a regular file; nothing read (step: read)")
        #expect(TriageError(wrapping: CocoaError(.fileNoSuchFile), step: "read") == nil)
    }

    @Test func wrapsSQLiteErrorsWithSQLitesReason() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("tt-ledger-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: output + "/.twitch-triage", withIntermediateDirectories: true)
        try Data(String(repeating: "not a database\n", count: 100).utf8).write(to: URL(fileURLWithPath: Ledger.path(in: output)))
        var thrown: (any Error)?
        do { _ = try Ledger(output: output) } catch { thrown = error }
        let sqlite = try #require(thrown)
        let error = try #require(TriageError(wrapping: sqlite, step: "open the ledger", path: Ledger.path(in: output)))
        #expect(error.category == .output)
        #expect(
            error.description == """
                \(Ledger.path(in: output)): cannot use the ledger database: file is not a database (SQLite error 26); \
                nothing more written, the next run redoes this one (step: open the ledger)
                """)
    }

    @Test func aWrappedTriageErrorKeepsItsOwnPathAndGetsTheStep() throws {
        let inner = TriageError(.ledger("Is a directory"), path: "out/.twitch-triage/ledger.sqlite")
        let error = try #require(TriageError(wrapping: inner, step: "open the ledger", path: "elsewhere"))
        #expect(error.path == "out/.twitch-triage/ledger.sqlite")
        #expect(error.step == "open the ledger")
    }
}
