import Foundation
import Testing
import TriageModel

/// The XML half of the hostile-input corpus (SPEC §3.8, §10): each file ends in one clear
/// `file:line:column:` diagnostic (or a warning and correct data), nothing outside the file
/// is read or fetched, no entity is expanded, and the work done stays bounded (checked by the
/// records counted before the parse stopped, not by timing).
@Suite struct HostileXMLCorpusTests {
    private let entityNeverExpanded = "XML uses an entity reference, which is never expanded in untrusted input"

    @Test func externalEntityToAFileIsNeverRead() throws {
        let secret = try String(contentsOfFile: "/etc/passwd", encoding: .utf8).split(separator: "\n").first.map(String.init) ?? "root:"
        let outcome = HostileCorpus.read("xxe-file.xml")
        #expect(!String(describing: outcome).contains(secret))
        let result = try #require(outcome.result)
        #expect(result.journal.map(\.notes) == [["before"]])
        #expect(outcome.messages == ["xxe-file.xml:6:42: \(entityNeverExpanded); rest of file skipped, 1 entry before it kept"])
    }

    @Test func externalEntityOverHTTPIsNeverFetched() throws {
        let listener = LoopbackListener()
        let outcome = HostileCorpus.read("xxe-http.xml", replacing: [("http://127.0.0.1:9/", listener.url)])
        #expect(!listener.wasContacted)
        let result = try #require(outcome.result)
        #expect(result.labs.map(\.value) == [LabValue(1.9)])
        #expect(outcome.messages == ["xxe-http.xml:5:92: \(entityNeverExpanded); rest of file skipped, 1 result before it kept"])
    }

    @Test func billionLaughsStopsAtTheFirstReference() throws {
        let outcome = HostileCorpus.read("billion-laughs.xml")
        #expect(!String(describing: outcome).contains("lollol"))
        let result = try #require(outcome.result)
        #expect(result.journal.count == 1)
        #expect(result.demographics.map(\.patientID) == ["P001"])
        #expect(outcome.messages == ["billion-laughs.xml:17:40: \(entityNeverExpanded); rest of file skipped, 1 entry before it kept"])
    }

    /// One 10,000-character entity referenced 5,000 times: 50 MB if expanded.
    @Test func quadraticBlowUpStopsAtTheFirstReference() throws {
        let outcome = HostileCorpus.read("quadratic-blowup.xml")
        #expect(!String(describing: outcome).contains("aaaaaaaaaa"))
        let result = try #require(outcome.result)
        #expect(result.journal.map(\.notes) == [["before"]])
        #expect(outcome.messages == ["quadratic-blowup.xml:8:37: \(entityNeverExpanded); rest of file skipped, 1 entry before it kept"])
    }

    @Test func externalDTDIsNeverFetchedAndItsEntitiesAreLeftOut() throws {
        let listener = LoopbackListener()
        let outcome = HostileCorpus.read("external-dtd.xml", replacing: [("http://127.0.0.1:9/", listener.url)])
        #expect(!listener.wasContacted)
        let result = try #require(outcome.result)
        #expect(result.labs.map(\.value) == [LabValue(1.9), LabValue(2.0)])
        #expect(result.labs.map(\.lab) == [nil, nil])
        #expect(outcome.messages == ["external-dtd.xml:5:93: \(entityNeverExpanded); reference left out"])
    }

    /// Made at run time: 100,000 nested elements inside an entry (700 KB).
    @Test func hundredThousandDeepNestingIsRefusedAtDepth256() throws {
        let xml =
            "<symptomJournal version=\"1\">\n<patient id=\"P001\"/>\n<entry date=\"2026-10-01\"/>\n<entry date=\"2026-10-02\">"
            + String(repeating: "<x>", count: 100_000) + String(repeating: "</x>", count: 100_000) + "</entry>\n</symptomJournal>\n"
        let outcome = HostileCorpus.read(Array(xml.utf8), as: "deep-nesting.xml")
        let result = try #require(outcome.result)
        #expect(result.journal.map(\.timestamp.date.description) == ["2026-10-01"])
        #expect(
            outcome.messages == [
                "deep-nesting.xml:4:26: unknown element 'x' in 'entry'; element ignored",
                "deep-nesting.xml:4:788: XML elements are nested more than 256 deep; rest of file skipped, 1 entry before it kept",
            ])
    }

    /// Made at run time: a 50 MB note. The column is where libxml2's cursor was when the run
    /// of text passed 10 MB (it hands text over in pieces as the 256 KiB chunks arrive).
    @Test func fiftyMegabyteTextNodeIsRefusedPastTenMegabytes() throws {
        let xml =
            "<symptomJournal version=\"1\">\n<patient id=\"P001\"/>\n<entry date=\"2026-10-01\"/>\n<entry date=\"2026-10-02\"><note>"
            + String(repeating: "0123456789", count: 5_000_000) + "</note></entry>\n</symptomJournal>\n"
        let outcome = HostileCorpus.read(Array(xml.utf8), as: "huge-text.xml")
        let result = try #require(outcome.result)
        #expect(result.journal.map(\.timestamp.date.description) == ["2026-10-01"])
        #expect(
            outcome.messages == [
                "huge-text.xml:4:10747832: XML text is longer than 10 MB in one piece; rest of file skipped, 1 entry before it kept"
            ])
    }

    @Test func invalidUTF8KeepsTheResultsBeforeIt() throws {
        let outcome = HostileCorpus.read("invalid-utf8.xml")
        let result = try #require(outcome.result)
        #expect(result.labs.map(\.value) == [LabValue(1.9)])
        #expect(
            outcome.messages == [
                "invalid-utf8.xml:3:59: XML is not well-formed (Input is not proper UTF-8); rest of file skipped, 1 result before it kept"
            ])
    }

    @Test func truncatedFileKeepsTheEntriesBeforeTheCut() throws {
        let outcome = HostileCorpus.read("truncated.xml")
        let result = try #require(outcome.result)
        #expect(result.journal.map(\.timestamp.date.description) == ["2026-10-01", "2026-10-02"])
        #expect(result.journal.last?.twitchCount == 3)
        #expect(
            outcome.messages == [
                "truncated.xml:5:53: XML is not well-formed (Premature end of data); rest of file skipped, 2 entries before it kept"
            ])
    }

    @Test func unknownRootIsRefused() {
        #expect(
            HostileCorpus.read("unknown-root.xml").refusal
                == "unknown-root.xml:2:1: XML root element 'patientDiary' is not a known kind (expected symptomJournal or labResults); file skipped"
        )
    }

    @Test func ownRootInAnotherNamespaceIsRefused() {
        #expect(
            HostileCorpus.read("wrong-namespace.xml").refusal
                == "wrong-namespace.xml:2:1: XML root element 'symptomJournal' is in a namespace, but twitch-triage's formats have none; file skipped"
        )
    }

    /// A real Apple Health export, trimmed by hand and not well-formed (a stray `</Record>` at
    /// line 153): read up to there, and marked cut short where it broke.
    @Test func malformedRealAppleHealthExportIsCutShortAtLine153() throws {
        let outcome = HostileCorpus.read("apple-health-exportSmall.xml")
        let result = try #require(outcome.result)
        #expect(result.phone?.cutShortAt?.line == 153)
        #expect(
            outcome.messages.last
                == "apple-health-exportSmall.xml:153:11: XML is not well-formed (Opening and ending tag mismatch); Apple Health export cut short here: rest of file skipped, what came before it kept (19 elements seen, 0 records read)"
        )
    }

    /// Nine levels of nested entities in the internal DTD (which an export may carry), one
    /// referenced in an attribute: never expanded; the day before it kept.
    @Test func appleHealthBillionLaughsStopsAtTheFirstReference() throws {
        let outcome = HostileCorpus.read("apple-health-billion-laughs.xml")
        #expect(!String(describing: outcome).contains("lollol"))
        let result = try #require(outcome.result)
        #expect(result.phone.map { $0.days.map(\.date.description) } == ["2026-11-01"])
        #expect(
            outcome.messages == [
                "apple-health-billion-laughs.xml:16:75: \(entityNeverExpanded); Apple Health export cut short here: rest of file skipped, what came before it kept (1 element seen, 1 record read)"
            ])
    }

    /// An external entity to `/etc/passwd` referenced inside a record: never read.
    @Test func appleHealthExternalEntityIsNeverRead() throws {
        let secret = try String(contentsOfFile: "/etc/passwd", encoding: .utf8).split(separator: "\n").first.map(String.init) ?? "root:"
        let outcome = HostileCorpus.read("apple-health-xxe.xml")
        #expect(!String(describing: outcome).contains(secret))
        let result = try #require(outcome.result)
        #expect(result.phone.map { $0.days.map(\.date.description) } == ["2026-11-01", "2026-11-02"])
        #expect(
            outcome.messages == [
                "apple-health-xxe.xml:8:48: \(entityNeverExpanded); Apple Health export cut short here: rest of file skipped, what came before it kept (2 elements seen, 2 records read)"
            ])
    }

    /// Made at run time: a record whose `sourceName` is 20 MB (libxml2 must hold a whole tag
    /// before it parses it): refused at the limit, the record before it kept.
    @Test func appleHealthHugeAttributeIsRefusedAtTheTagLimit() throws {
        var xml = "<HealthData locale=\"en_GB\">\n"
        xml +=
            #" <Record type="HKQuantityTypeIdentifierDietaryCaffeine" sourceName="A" unit="mg" startDate="2026-11-01 08:00:00 +0000" endDate="2026-11-01 08:00:00 +0000" value="95"/>"#
            + "\n"
        xml +=
            #" <Record type="HKQuantityTypeIdentifierDietaryCaffeine" unit="mg" startDate="2026-11-02 08:00:00 +0000" endDate="2026-11-02 08:00:00 +0000" value="95" sourceName=""#
        xml += String(repeating: "x", count: 20 * 1024 * 1024) + "\"/>\n</HealthData>\n"
        let outcome = HostileCorpus.read(Array(xml.utf8), as: "huge-attribute.xml")
        let result = try #require(outcome.result)
        #expect(result.phone.map { $0.days.map(\.date.description) } == ["2026-11-01"])
        #expect(outcome.messages.count == 1)
        #expect(outcome.messages.first?.hasPrefix("huge-attribute.xml:3:") == true)
        #expect(
            outcome.messages.first?.hasSuffix(
                ": XML has a tag, comment or declaration longer than 256 KiB; Apple Health export cut short here: rest of file skipped, what came before it kept (1 element seen, 1 record read)"
            ) == true)
    }
}
