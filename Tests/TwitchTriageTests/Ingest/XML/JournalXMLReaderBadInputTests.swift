import Testing
import TriageIngest

/// Bad input in journal XML (SPEC §3.8): each rule with its exact message.
@Suite struct JournalXMLReaderBadInputTests {
    /// Reads `body` inside a journal whose patient is P001 (lines 1-2), so `body` starts on
    /// line 3, and returns the diagnostics and the entries' dates.
    private func read(_ body: String, options: ReadOptions = ReadOptions.forTests()) -> (diagnostics: [String], dates: [String]) {
        let result = XMLTest.result(XMLTest.journal(body), options: options)
        return (XMLTest.descriptions(result), result?.journal.map { $0.timestamp.date.description } ?? [])
    }

    @Test func badEntriesAreSkippedWithOneErrorAtTheElementHoldingTheProblem() {
        let cases: [(String, String)] = [
            (#"<entry time="07:30"/>"#, "in.xml:3:1: entry has no date; entry skipped"),
            (#"<entry date=""/>"#, "in.xml:3:1: entry has no date; entry skipped"),
            (#"<entry date="2026-13-01"/>"#, "in.xml:3:1: entry date is not a date; entry skipped"),
            (#"<entry date="yesterday"/>"#, "in.xml:3:1: entry date is not a date; entry skipped"),
            (#"<entry date="10/01/2026"/>"#, "in.xml:3:1: entry date is an ambiguous slash date (no --date-order given); entry skipped"),
            (#"<entry date="2026-10-01" time="7.30"/>"#, "in.xml:3:1: entry time is not a time of day (HH:MM); entry skipped"),
            (#"<entry date="2026-10-01T07:00" time="07:30"/>"#, "in.xml:3:1: entry has a time in both date and time; entry skipped"),
            (
                #"<entry date="2026-10-01"> <twitch count="many"/></entry>"#,
                "in.xml:3:27: twitch count is not a whole number of at least 0; entry skipped"
            ),
            (
                #"<entry date="2026-10-01"><twitch count="-1"/></entry>"#,
                "in.xml:3:26: twitch count is not a whole number of at least 0; entry skipped"
            ),
            (
                #"<entry date="2026-10-01"><twitch count="2.5"/></entry>"#,
                "in.xml:3:26: twitch count is not a whole number of at least 0; entry skipped"
            ),
            (
                #"<entry date="2026-10-01"><twitch durationMin="1,5"/></entry>"#,
                "in.xml:3:26: twitch durationMin is not a number of at least 0; entry skipped"
            ),
            (
                #"<entry date="2026-10-01"><twitch atRest="sometimes"/></entry>"#,
                "in.xml:3:26: twitch atRest is not yes or no; entry skipped"
            ),
            (
                #"<entry date="2026-10-01"><symptom name="cramps" severity="4"/></entry>"#,
                "in.xml:3:26: symptom severity is not 0, 1, 2 or 3; entry skipped"
            ),
            (#"<entry date="2026-10-01"><symptom severity="1"/></entry>"#, "in.xml:3:26: symptom has no name; entry skipped"),
            (#"<entry date="2026-10-01"><weakness>very</weakness></entry>"#, "in.xml:3:26: weakness is not 0, 1, 2 or 3; entry skipped"),
            (
                #"<entry date="2026-10-01"><lifestyle stress="11"/></entry>"#,
                "in.xml:3:26: lifestyle stress is not a number from 0 to 10; entry skipped"
            ),
            (
                #"<entry date="2026-10-01"><lifestyle sleepHours="25"/></entry>"#,
                "in.xml:3:26: lifestyle sleepHours is not a number of hours from 0 to 24; entry skipped"
            ),
            (
                #"<entry date="2026-10-01"><lifestyle caffeineMg="-5"/></entry>"#,
                "in.xml:3:26: lifestyle caffeineMg is not a number of at least 0; entry skipped"
            ),
            (
                #"<entry date="2026-10-01"><lifestyle waterL="lots"/></entry>"#,
                "in.xml:3:26: lifestyle waterL is not a number of at least 0; entry skipped"
            ),
            (
                #"<entry date="2026-10-01"><lifestyle alcoholUnits="1e2"/></entry>"#,
                "in.xml:3:26: lifestyle alcoholUnits is not a number of at least 0; entry skipped"
            ),
            (
                #"<entry date="2026-10-01"><lifestyle sleepHours="6"/><lifestyle sleepHours="7"/></entry>"#,
                "in.xml:3:53: lifestyle sleepHours is given twice in one entry; entry skipped"
            ),
            (
                #"<entry date="2026-10-01"><lifestyle exercise="light"/><lifestyle exercise="none"/></entry>"#,
                "in.xml:3:55: lifestyle exercise is given twice in one entry; entry skipped"
            ),
            (
                #"<entry date="2026-10-01" patient="P999"/>"#,
                "in.xml:3:1: entry's patient attribute differs from the patient element before it; entry skipped"
            ),
        ]
        for (body, expected) in cases {
            let (diagnostics, dates) = read(body + "\n<entry date=\"2026-11-01\"/>")
            #expect(diagnostics == [expected], "\(body)")
            #expect(dates == ["2026-11-01"], "the next entry is still read after \(body)")
        }
    }

    /// Each amount may be as large as a `Double` goes, but two of them must not add up to
    /// infinity in the entry's record.
    @Test func lifestyleAmountsThatAddUpToInfinitySkipTheEntry() {
        let huge = "1" + String(repeating: "0", count: 308)
        let (diagnostics, dates) = read(
            #"<entry date="2026-10-01"><lifestyle caffeineMg="\#(huge)"/><lifestyle caffeineMg="\#(huge)"/></entry>"#
                + "\n<entry date=\"2026-11-01\"><lifestyle caffeineMg=\"\(huge)\"/></entry>")
        #expect(
            diagnostics == [
                "in.xml:3:\(26 + 23 + huge.count + 3): lifestyle caffeineMg adds up to more than the largest number in one entry; entry skipped"
            ])
        #expect(dates == ["2026-11-01"])
    }

    @Test func errorsCarryThePatientIDButMessagesNeverDo() throws {
        let result = try #require(XMLTest.result(XMLTest.journal(#"<entry date="2026-10-32"/>"#)))
        #expect(result.diagnostics.map(\.patientID) == ["P001"])
        #expect(result.diagnostics.map(\.severity) == [.error])
    }

    @Test func aSlashDateIsReadWithADateOrder() {
        let (diagnostics, dates) = read(#"<entry date="01/10/2026"/>"#, options: ReadOptions.forTests(dateOrder: .dmy))
        #expect(diagnostics == [])
        #expect(dates == ["2026-10-01"])
    }

    @Test func unknownElementsAndAttributesAreWarnedOncePerNameAtTheirFirstOccurrence() {
        let (diagnostics, dates) = read(
            """
            <entry date="2026-10-01" mood="fine"><twitch count="1" intensity="3"/><sleep h="7"><deeper/></sleep></entry>
            <entry date="2026-10-02" mood="ok"><twitch count="1" intensity="2"/><sleep/><x:twitch xmlns:x="urn:x"/></entry>
            <diary/>
            """)
        #expect(
            diagnostics == [
                "in.xml:3:1: unknown attribute 'mood' on 'entry'; attribute ignored",
                "in.xml:3:38: unknown attribute 'intensity' on 'twitch'; attribute ignored",
                "in.xml:3:71: unknown element 'sleep' in 'entry'; element ignored",
                "in.xml:4:77: unknown element 'x:twitch' in 'entry'; element ignored",
                "in.xml:5:1: unknown element 'diary' in 'symptomJournal'; element ignored",
            ])
        #expect(dates == ["2026-10-01", "2026-10-02"])
    }

    @Test func knownElementsInTheWrongPlaceAreIgnored() {
        let (diagnostics, dates) = read(
            """
            <twitch count="3"/>
            <entry date="2026-10-01"><entry date="2026-10-02"/><twitch count="1"><note>x</note></twitch></entry>
            """)
        #expect(
            diagnostics == [
                "in.xml:3:1: element 'twitch' does not belong in 'symptomJournal'; element ignored",
                "in.xml:4:26: element 'entry' does not belong in 'entry'; element ignored",
                "in.xml:4:70: element 'note' does not belong in 'twitch'; element ignored",
            ])
        #expect(dates == ["2026-10-01"])
    }

    @Test func textWhereOnlyElementsBelongIsWarnedOnce() {
        let (diagnostics, _) = read(
            """
            <entry date="2026-10-01">felt bad<twitch count="1">x</twitch></entry>
            <entry date="2026-10-02">again</entry>
            """)
        #expect(
            diagnostics == [
                "in.xml:3:34: text directly inside 'entry' is not part of the format; text ignored",
                "in.xml:3:53: text directly inside 'twitch' is not part of the format; text ignored",
            ])
    }

    @Test func aPatientWithoutIdIsSkippedAndItsEntriesHaveNoPatient() throws {
        let xml = """
            <symptomJournal>
              <patient birthDate="1970-01-01"/>
              <entry date="2026-10-01"/>
            </symptomJournal>
            """
        let result = try #require(XMLTest.result(xml))
        #expect(
            XMLTest.descriptions(result) == [
                "in.xml:2:3: patient has no id; patient details skipped",
                "in.xml:3:3: entry has no patient (no patient element before it, no patient attribute); entry skipped",
            ])
        #expect(result.journal == [])
        #expect(result.demographics == [])
        #expect(result.rejected == false)
    }

    @Test func entriesBeforeAnyPatientAreSkippedWhenTheFileHasSeveralPatients() throws {
        let xml = """
            <symptomJournal>
              <entry date="2026-10-01"/>
              <patient id="P001"/><patient id="P002"/>
              <entry date="2026-10-02"/>
            </symptomJournal>
            """
        let result = try #require(XMLTest.result(xml))
        #expect(
            XMLTest.descriptions(result) == [
                "in.xml:2:3: entry has no patient (no patient element before it, no patient attribute); entry skipped"
            ])
        #expect(result.journal.map(\.patientID) == ["P002"])
    }

    @Test func badPatientDetailsAreLeftOutWithAWarning() throws {
        let xml = """
            <symptomJournal>
              <patient id="P001" birthDate="02.05.1974" sex="bloke" age="old" nickname="Al"/>
              <patient id="P002" birthDate="05/02/1974"/>
            </symptomJournal>
            """
        let result = try #require(XMLTest.result(xml))
        #expect(
            XMLTest.descriptions(result) == [
                "in.xml:2:3: unknown attribute 'nickname' on 'patient'; attribute ignored",
                "in.xml:2:3: patient birthDate is not a date; birth date left out",
                "in.xml:2:3: patient sex is not female, male, other or unknown; sex left out",
                "in.xml:2:3: patient age is not a whole number of years from 0 to 150; age left out",
                "in.xml:3:3: patient birthDate is an ambiguous slash date (no --date-order given); birth date left out",
            ])
        #expect(result.diagnostics.map(\.severity) == [.warning, .warning, .warning, .warning, .warning])
        #expect(result.demographics.map(\.patientID) == ["P001", "P002"])
        #expect(result.demographics.first?.sex == nil)
    }

    @Test func anUnknownVersionIsReadAsVersion1WithAWarning() throws {
        let result = try #require(XMLTest.result(#"<symptomJournal version="2"><patient id="P1"/></symptomJournal>"#))
        #expect(XMLTest.descriptions(result) == ["in.xml:1:1: symptomJournal version is not 1; read as version 1"])
    }

    @Test func malformedXMLMidFileKeepsTheEntriesBeforeIt() throws {
        let xml = XMLTest.journal(
            """
            <entry date="2026-10-01"><note>a</note></entry>
            <entry date="2026-10-02"><note>b</note></entry>
            <entry date="2026-10-03"><note>c</nope></entry>
            <entry date="2026-10-04"/>
            """)
        let result = try #require(XMLTest.result(xml))
        #expect(result.journal.map(\.notes) == [["a"], ["b"]])
        #expect(
            XMLTest.descriptions(result) == [
                "in.xml:5:40: XML is not well-formed (Opening and ending tag mismatch); rest of file skipped, 2 entries before it kept"
            ])
        #expect(result.rejected == false)
    }

    @Test func aTruncatedFileKeepsTheEntriesBeforeTheCut() throws {
        let xml =
            "<symptomJournal version=\"1\">\n<patient id=\"P001\"/>\n<entry date=\"2026-10-01\"/>\n"
            + "<entry date=\"2026-10-02\"><twitch count=\"1\"/></entry>\n<entry date=\"2026-10-03\"><twi"
        let result = try #require(XMLTest.result(xml))
        #expect(result.journal.count == 2)
        #expect(
            XMLTest.descriptions(result) == [
                "in.xml:5:30: XML is not well-formed (Premature end of data); rest of file skipped, 2 entries before it kept"
            ])
        let one = try #require(XMLTest.result("<symptomJournal><patient id=\"P1\"/><entry date=\"2026-10-01\"/><entry"))
        #expect(
            XMLTest.descriptions(one) == [
                "in.xml:1:67: XML is not well-formed (Premature end of data); rest of file skipped, 1 entry before it kept"
            ])
    }

    @Test func malformedXMLBeforeAnythingUsableRejectsTheFile() throws {
        let result = try #require(XMLTest.result("<symptomJournal>\n<entry date=\"2026-10-01\">\n</symptomJournal>"))
        #expect(result.rejected)
        #expect(result.journal == [])
        #expect(XMLTest.descriptions(result) == ["in.xml:3:18: XML is not well-formed (Opening and ending tag mismatch); file skipped"])
    }

    @Test func messagesNeverQuoteValuesOrPatientIDs() throws {
        let secret = "ZQXJ"
        let xml = """
            <symptomJournal version="\(secret)1">
              <patient id="\(secret)-P" birthDate="\(secret)" sex="\(secret)" age="\(secret)" displayName="\(secret) Name"/>
              <entry date="\(secret)"/><entry date="2026-10-01" time="\(secret)"/><entry date="2026-10-01" patient="\(secret)-Q"/>
              <entry date="2026-10-01"><twitch count="\(secret)"/></entry>
              <entry date="2026-10-01"><twitch durationMin="\(secret)"/></entry>
              <entry date="2026-10-01"><twitch atRest="\(secret)"/></entry>
              <entry date="2026-10-01"><symptom name="x" severity="\(secret)"/></entry>
              <entry date="2026-10-01"><weakness>\(secret)</weakness></entry>
              <entry date="2026-10-01"><lifestyle stress="\(secret)"/></entry>
              <entry date="2026-10-01">\(secret)<note>\(secret)</note></entry>
              <entry date="2026-10-01"><note>\(secret)</nope>
            """
        let result = try #require(XMLTest.result(xml))
        #expect(result.diagnostics.count >= 12)
        for diagnostic in result.diagnostics {
            #expect(!diagnostic.description.contains(secret), "\(diagnostic.description)")
        }
    }
}
