import Testing
import TriageIngest
import TriageModel

@Suite struct JournalXMLReaderTests {
    private func location(_ line: Int, _ column: Int, file: String = "in.xml") -> TriageModel.SourceLocation {
        TriageModel.SourceLocation(file: file, line: line, column: column)
    }

    @Test func specExampleReadsEveryField() throws {
        let xml = """
            <symptomJournal version="1">
              <patient id="P001" birthDate="1974-05-02" sex="male"/>
              <entry date="2026-10-01" time="07:30">
                <twitch location="right forearm" count="5" durationMin="2" atRest="true" side="right"/>
                <symptom name="weakness" severity="1" location="right hand"/>
                <trigger>caffeine</trigger>
                <lifestyle caffeineMg="300" sleepHours="5.5" stress="7" alcoholUnits="2" waterL="1.5" exercise="intense"/>
                <medication>prednisone</medication>
                <note>after yard work</note>
              </entry>
            </symptomJournal>
            """
        let result = try #require(XMLTest.result(xml, file: "journals/p001.xml"))
        #expect(result.kind == .journalXML)
        #expect(result.diagnostics == [])
        #expect(result.rejected == false)
        let file = "journals/p001.xml"
        #expect(
            result.demographics == [
                PatientDemographics(
                    source: location(2, 3, file: file), patientID: "P001",
                    birthDate: LocalDate(year: 1974, month: 5, day: 2), sex: .male)
            ])
        let record = try #require(result.journal.first)
        #expect(result.journal.count == 1)
        var expected = JournalRecord(
            source: location(3, 3, file: file), patientID: "P001",
            timestamp: Timestamp(date: LocalDate(year: 2026, month: 10, day: 1)!, timeOfDayMinutes: 450))
        expected.locations = [Term("right forearm", at: location(4, 5, file: file))]
        expected.side = Term("right", at: location(4, 5, file: file))
        expected.twitchCount = 5
        expected.durationMinutes = 2
        expected.atRest = true
        expected.symptoms = [
            SymptomMention(
                name: Term("weakness", at: location(5, 5, file: file)), severity: 1,
                bodyLocation: Term("right hand", at: location(5, 5, file: file)))
        ]
        expected.weakness = 1
        expected.triggers = [Term("caffeine", at: location(6, 5, file: file))]
        expected.lifestyle.caffeineMilligrams = 300
        expected.lifestyle.sleepHours = 5.5
        expected.lifestyle.stress = 7
        expected.lifestyle.alcoholUnits = 2
        expected.lifestyle.waterLitres = 1.5
        expected.exercise = Term("intense", at: location(7, 5, file: file))
        expected.medications = [Term("prednisone", at: location(8, 5, file: file))]
        expected.notes = ["after yard work"]
        #expect(record == expected)
    }

    @Test func severalTwitchesAreGatheredSummedAndAtRestIfAnyIs() throws {
        let xml = XMLTest.journal(
            """
            <entry date="2026-10-02">
              <twitch location="left calf; left thigh" count="3" durationMin="1.5" atRest="no" side="left"/>
              <twitch location="right forearm" count="4" atRest="yes" side="Right"/>
              <twitch location="eyelid" durationMin="0.5"/>
              <twitch side="right"/>
            </entry>
            <entry date="2026-10-03"><twitch location="calf" atRest="false"/><twitch atRest="0"/></entry>
            <entry date="2026-10-04"><twitch location="calf" side="left"/><twitch location="thigh" side="LEFT"/></entry>
            """)
        let result = try #require(XMLTest.result(xml))
        #expect(result.diagnostics == [])
        let first = try #require(result.journal.first)
        #expect(first.locations.map(\.text) == ["left calf", "left thigh", "right forearm", "eyelid"])
        #expect(first.locations.map(\.location.line) == [4, 4, 5, 6])
        #expect(first.twitchCount == 7)
        #expect(first.durationMinutes == 2)
        #expect(first.atRest == true)
        #expect(first.side == Term("both", at: location(4, 3)))
        #expect(result.journal[1].atRest == false)
        #expect(result.journal[1].twitchCount == nil)
        #expect(result.journal[1].durationMinutes == nil)
        #expect(result.journal[2].side == Term("left", at: location(10, 26)))
    }

    @Test func manyEntriesAreAllKeptInOrder() throws {
        var body = ""
        for index in 0..<3000 {
            body += "<entry date=\"2026-10-01\"><twitch location=\"calf\" count=\"\(index)\"/><note>n\(index)</note></entry>\n"
        }
        let result = try #require(XMLTest.result(XMLTest.journal(body)))
        #expect(result.diagnostics == [])
        #expect(result.journal.count == 3000)
        #expect(result.journal.map(\.twitchCount) == (0..<3000).map { $0 })
        #expect(result.journal.map(\.notes) == (0..<3000).map { ["n\($0)"] })
        #expect(result.journal.last?.source.line == 3002)
    }

    @Test func countZeroMeansExplicitlyNone() throws {
        let result = try #require(XMLTest.result(XMLTest.journal(#"<entry date="2026-10-02"><twitch count="0"/></entry>"#)))
        #expect(result.journal.first?.twitchCount == 0)
    }

    @Test func weaknessComesFromWeaknessSymptomsAndTheWeaknessElement() throws {
        let xml = XMLTest.journal(
            """
            <entry date="2026-10-01"><symptom name="Weakness" severity="2"/><symptom name="weakness" severity="1"/></entry>
            <entry date="2026-10-02"><weakness>1</weakness><symptom name="numbness" severity="3"/></entry>
            <entry date="2026-10-03"><weakness>severe</weakness></entry>
            <entry date="2026-10-04"><symptom name="weakness"/></entry>
            <entry date="2026-10-05"><symptom location="hand">pins and needles</symptom></entry>
            """)
        let result = try #require(XMLTest.result(xml))
        #expect(result.diagnostics == [])
        #expect(result.journal.map(\.weakness) == [2, 1, 3, nil, nil])
        #expect(result.journal[3].symptoms.map(\.name.text) == ["weakness"])
        #expect(
            result.journal[4].symptoms == [
                SymptomMention(
                    name: Term("pins and needles", at: location(7, 26)),
                    bodyLocation: Term("hand", at: location(7, 26)))
            ])
    }

    @Test func triggersAndMedicationsSplitOnSemicolonsAndNotesStayVerbatim() throws {
        let xml = XMLTest.journal(
            """
            <entry date="2026-10-01">
              <trigger>stress; poor sleep</trigger><trigger> caffeine </trigger>
              <medication>salbutamol;prednisone</medication>
              <note>  slept 4 h &amp; felt "wired" <![CDATA[<3]]>
            second line</note>
              <note>   </note>
            </entry>
            """)
        let record = try #require(XMLTest.result(xml)?.journal.first)
        #expect(
            record.triggers == [
                Term("stress", at: location(4, 3)), Term("poor sleep", at: location(4, 3)),
                Term("caffeine", at: location(4, 40)),
            ])
        #expect(record.medications.map(\.text) == ["salbutamol", "prednisone"])
        #expect(record.notes == ["  slept 4 h & felt \"wired\" <3\nsecond line"])
    }

    @Test func lifestyleAmountsAddUpOverSeveralElements() throws {
        let xml = XMLTest.journal(
            """
            <entry date="2026-10-01"><lifestyle caffeineMg="200" waterL="1"/><lifestyle caffeineMg="150" alcoholUnits="1" waterL="0.5" sleepHours="7"/></entry>
            """)
        let record = try #require(XMLTest.result(xml)?.journal.first)
        #expect(record.lifestyle.caffeineMilligrams == 350)
        #expect(record.lifestyle.waterLitres == 1.5)
        #expect(record.lifestyle.alcoholUnits == 1)
        #expect(record.lifestyle.sleepHours == 7)
        #expect(record.lifestyle.stress == nil)
    }

    @Test func datesAndTimesCombine() throws {
        let xml = XMLTest.journal(
            """
            <entry date="2026-10-01T21:15"/>
            <entry date="2026-10-02" time="07:30:15+02:00"/>
            <entry date=" 2026-10-03 " time=" 23:59 "/>
            <entry date="2026-10-04" time=""/>
            <entry date="10/05/2026"/>
            """)
        let result = try #require(XMLTest.result(xml, options: ReadOptions.forTests(dateOrder: .mdy)))
        #expect(result.diagnostics == [])
        #expect(
            result.journal.map(\.timestamp.description) == [
                "2026-10-01T21:15", "2026-10-02T07:30:15+02:00", "2026-10-03T23:59", "2026-10-04", "2026-10-05",
            ])
    }

    @Test func patientDetails() throws {
        let xml = """
            <symptomJournal>
              <patient id=" P002 " age="52" sex="F" displayName="Ada Example"/>
              <entry date="2026-10-01"/>
            </symptomJournal>
            """
        let result = try #require(XMLTest.result(xml))
        #expect(result.diagnostics == [])
        #expect(
            result.demographics == [
                PatientDemographics(
                    source: location(2, 3), patientID: "P002", age: 52, sex: .female,
                    displayName: "Ada Example")
            ])
        #expect(result.journal.map(\.patientID) == ["P002"])
    }

    @Test func entriesBelongToThePatientBeforeThemAndMayBeNestedInIt() throws {
        let xml = """
            <symptomJournal version="1">
              <patient id="P001"/>
              <entry date="2026-10-01"/>
              <patient id="P002">
                <entry date="2026-10-02"/>
              </patient>
              <entry date="2026-10-03" patient="P002"/>
            </symptomJournal>
            """
        let result = try #require(XMLTest.result(xml))
        #expect(result.diagnostics == [])
        #expect(result.journal.map(\.patientID) == ["P001", "P002", "P002"])
        #expect(result.demographics.map(\.patientID) == ["P001", "P002"])
    }

    @Test func anEntryPatientAttributeWorksWithoutAPatientElement() throws {
        let xml = """
            <symptomJournal><entry date="2026-10-01" patient="P007"/><entry date="2026-10-02" patient="P008"/></symptomJournal>
            """
        let result = try #require(XMLTest.result(xml))
        #expect(result.journal.map(\.patientID) == ["P007", "P008"])
        #expect(result.demographics == [])
    }

    @Test func entriesBeforeTheFilesOnlyPatientElementGetIt() throws {
        let xml = """
            <symptomJournal>
              <entry date="2026-10-01"/>
              <entry date="2026-10-02"/>
              <patient id="P003"/>
            </symptomJournal>
            """
        let result = try #require(XMLTest.result(xml))
        #expect(result.diagnostics == [])
        #expect(result.journal.map(\.patientID) == ["P003", "P003"])
    }

    @Test func namespacedAttributesOfXMLAndSchemaInstanceAreQuietlyIgnored() throws {
        let xml = """
            <symptomJournal xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="j.xsd" xml:lang="en">
            <patient id="P001"/><entry date="2026-10-01"><note xml:space="preserve">x</note></entry></symptomJournal>
            """
        let result = try #require(XMLTest.result(xml))
        #expect(result.diagnostics == [])
        #expect(result.journal.first?.notes == ["x"])
    }
}
