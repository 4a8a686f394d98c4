import Testing
import TriageModel

@Suite struct LabXMLReaderTests {
    private func location(_ line: Int, _ column: Int, file: String = "in.xml") -> TriageModel.SourceLocation {
        TriageModel.SourceLocation(file: file, line: line, column: column)
    }

    /// Lab results with `body` inside the root; `body` starts on line 2.
    private func labs(_ body: String) -> String {
        "<labResults version=\"1\">\n\(body)\n</labResults>\n"
    }

    @Test func specExampleReadsEveryField() throws {
        let xml = """
            <labResults version="1">
              <result patient="P001" collected="2026-10-02T08:10:00Z" test="magnesium" loinc="19123-9"
                      unit="mg/dL" low="1.7" high="2.2" flag="L" lab="Central Lab">1.5</result>
            </labResults>
            """
        let result = try #require(XMLTest.result(xml, file: "labs/october.xml"))
        #expect(result.kind == .labXML)
        #expect(result.diagnostics == [])
        let file = "labs/october.xml"
        var expected = LabRecord(
            source: location(2, 3, file: file), patientID: "P001",
            collected: Timestamp(
                date: LocalDate(year: 2026, month: 10, day: 2)!, timeOfDayMinutes: 490,
                seconds: 0, utcOffsetMinutes: 0),
            testName: Term("magnesium", at: location(2, 3, file: file)),
            loinc: Term("19123-9", at: location(2, 3, file: file)), value: LabValue(1.5),
            valueLocation: location(3, 72, file: file), unit: Term("mg/dL", at: location(2, 3, file: file)))
        expected.referenceLow = 1.7
        expected.referenceHigh = 2.2
        expected.flag = Term("L", at: location(2, 3, file: file))
        expected.lab = "Central Lab"
        #expect(result.labs == [expected])
    }

    @Test func censoredValuesAreKeptAsSuch() throws {
        let xml = labs(
            """
            <result patient="P1" collected="2026-10-02" test="vitamin B12" unit="pmol/L">&lt;5</result>
            <result patient="P1" collected="2026-10-02" test="vitamin D" unit="nmol/L">>1500</result>
            <result patient="P1" collected="2026-10-02" test="TSH" unit="mIU/L">&lt;= 0.01</result>
            <result patient="P1" collected="2026-10-02" test="TSH" unit="mIU/L">≥100</result>
            <result patient="P1" collected="2026-10-02" test="TSH" unit="mIU/L"><![CDATA[<0.005]]></result>
            <result patient="P1" collected="2026-10-02" test="K" unit="mmol/L">
                4.2
            </result>
            """)
        let result = try #require(XMLTest.result(xml))
        #expect(result.diagnostics == [])
        #expect(
            result.labs.map(\.value) == [
                LabValue(5, comparator: .lessThan), LabValue(1500, comparator: .greaterThan),
                LabValue(0.01, comparator: .lessThanOrEqual), LabValue(100, comparator: .greaterThanOrEqual),
                LabValue(0.005, comparator: .lessThan), LabValue(4.2),
            ])
    }

    @Test func testOrLoincAloneIsEnough() throws {
        let xml = labs(
            """
            <result patient="P1" collected="2026-10-02" loinc="2823-3" unit="mmol/L">4.1</result>
            <result patient="P1" collected="2026-10-02" test="potassium" unit="mmol/L">4.1</result>
            """)
        let result = try #require(XMLTest.result(xml))
        #expect(result.diagnostics == [])
        #expect(result.labs.map { $0.loinc?.text } == ["2823-3", nil])
        #expect(result.labs.map { $0.testName?.text } == [nil, "potassium"])
    }

    @Test func resultsForSeveralPatientsInOneFile() throws {
        let xml = labs(
            """
            <result patient="P1" collected="2026-10-02" test="Mg" unit="mmol/L">0.8</result>
            <result patient=" P2 " collected="2026-10-03" test="Mg" unit="mmol/L">0.7</result>
            """)
        #expect(XMLTest.result(xml)?.labs.map(\.patientID) == ["P1", "P2"])
    }

    @Test func badResultsAreSkippedWithOneErrorAtTheResult() {
        let good = #"patient="P1" collected="2026-10-02" test="Mg" unit="mmol/L""#
        let cases: [(String, String)] = [
            (#"<result collected="2026-10-02" test="Mg" unit="mmol/L">1</result>"#, "result has no patient; result skipped"),
            (#"<result patient=" " collected="2026-10-02" test="Mg" unit="mmol/L">1</result>"#, "result has no patient; result skipped"),
            (#"<result patient="P1" test="Mg" unit="mmol/L">1</result>"#, "result has no collected date; result skipped"),
            (
                #"<result patient="P1" collected="2026-02-30" test="Mg" unit="mmol/L">1</result>"#,
                "result collected date is not a date; result skipped"
            ),
            (
                #"<result patient="P1" collected="02/10/2026" test="Mg" unit="mmol/L">1</result>"#,
                "result collected date is an ambiguous slash date (no --date-order given); result skipped"
            ),
            (#"<result patient="P1" collected="2026-10-02" unit="mmol/L">1</result>"#, "result has neither test nor loinc; result skipped"),
            (
                #"<result patient="P1" collected="2026-10-02" test="" loinc="" unit="mmol/L">1</result>"#,
                "result has neither test nor loinc; result skipped"
            ),
            (#"<result patient="P1" collected="2026-10-02" test="Mg">1</result>"#, "result has no unit; result skipped"),
            ("<result \(good) low=\"low\">1</result>", "result low is not a number; result skipped"),
            ("<result \(good) high=\"2,2\">1</result>", "result high is not a number; result skipped"),
            ("<result \(good)></result>", "result has no value; result skipped"),
            ("<result \(good)/>", "result has no value; result skipped"),
            ("<result \(good)>  </result>", "result has no value; result skipped"),
            ("<result \(good)>1.5 mmol/L</result>", "result value is not a number (or a censored one such as <5); result skipped"),
            ("<result \(good)>n/a</result>", "result value is not a number (or a censored one such as <5); result skipped"),
            ("<result \(good)>&lt;-1</result>", "result value is not a number (or a censored one such as <5); result skipped"),
        ]
        for (element, message) in cases {
            let result = XMLTest.result(labs(element + "\n<result \(good)>2</result>"))
            #expect(XMLTest.descriptions(result) == ["in.xml:2:1: \(message)"], "\(element)")
            #expect(result?.labs.map(\.value) == [LabValue(2)], "the next result is still read after \(element)")
            #expect(result?.diagnostics.first?.severity == .error)
        }
    }

    @Test func errorsCarryThePatientIDWhenKnown() throws {
        let result = try #require(
            XMLTest.result(
                labs(
                    """
                    <result patient="P9" collected="2026-10-02" test="Mg">1</result>
                    <result collected="2026-10-02" test="Mg" unit="mmol/L">1</result>
                    """)))
        #expect(result.diagnostics.map(\.patientID) == ["P9", nil])
    }

    @Test func unknownElementsAndAttributesAreWarnedOncePerName() throws {
        let result = try #require(
            XMLTest.result(
                labs(
                    """
                    <result patient="P1" collected="2026-10-02" test="Mg" unit="mmol/L" method="ISE" id="1">0.8</result>
                    <result patient="P1" collected="2026-10-02" test="Mg" unit="mmol/L" method="ISE" id="2">0.9<comment>ok</comment></result>
                    <panel name="BMP"><result/></panel>
                    <comment/>
                    stray text
                    """)))
        #expect(
            XMLTest.descriptions(result) == [
                "in.xml:2:1: unknown attribute 'method' on 'result'; attribute ignored",
                "in.xml:2:1: unknown attribute 'id' on 'result'; attribute ignored",
                "in.xml:3:92: unknown element 'comment' in 'result'; element ignored",
                "in.xml:4:1: unknown element 'panel' in 'labResults'; element ignored",
                "in.xml:5:1: unknown element 'comment' in 'labResults'; element ignored",
                "in.xml:7:1: text directly inside 'labResults' is not part of the format; text ignored",
            ])
        #expect(result.labs.map(\.value) == [LabValue(0.8), LabValue(0.9)])
    }

    @Test func malformedXMLMidFileKeepsTheResultsBeforeIt() throws {
        var xml = "<labResults version=\"1\">\n"
        for day in 1...12 {
            xml += "<result patient=\"P1\" collected=\"2026-10-\(day < 10 ? "0" : "")\(day)\" test=\"Mg\" unit=\"mmol/L\">0.8</result>\n"
        }
        xml += "<result patient=\"P1\" collected=\"2026-10-13\" test=\"Mg\" unit=\"mmol/L\">0.8</reslut>\n"
        xml += "<result patient=\"P1\" collected=\"2026-10-14\" test=\"Mg\" unit=\"mmol/L\">0.8</result>\n</labResults>\n"
        let result = try #require(XMLTest.result(xml))
        #expect(result.labs.count == 12)
        #expect(
            XMLTest.descriptions(result) == [
                "in.xml:14:81: XML is not well-formed (Opening and ending tag mismatch); rest of file skipped, 12 results before it kept"
            ])
        #expect(result.rejected == false)
    }

    @Test func aTruncatedFileWithNothingKeptIsRejected() throws {
        let result = try #require(XMLTest.result("<labResults>\n<result patient=\"P1\" collected=\"2026-10-02\" test=\"Mg\" unit=\"mmo"))
        #expect(result.rejected)
        #expect(XMLTest.descriptions(result) == ["in.xml:2:64: XML is not well-formed (Premature end of data); file skipped"])
    }

    @Test func aResultOpenWhenTheFileEndsIsNotKept() throws {
        let result = try #require(
            XMLTest.result(
                labs(
                    """
                    <result patient="P1" collected="2026-10-02" test="Mg" unit="mmol/L">0.8</result>
                    <result patient="P1" collected="2026-10-03" test="Mg" unit="mmol/L">0.
                    """
                ).replacing("</labResults>\n", with: "")))
        #expect(result.labs.map(\.value) == [LabValue(0.8)])
        #expect(
            XMLTest.descriptions(result) == [
                "in.xml:4:1: XML is not well-formed (Premature end of data); rest of file skipped, 1 result before it kept"
            ])
    }

    @Test func manyResultsAreAllKeptInOrder() throws {
        var body = ""
        for index in 0..<5000 {
            body += "<result patient=\"P\(index % 7)\" collected=\"2026-10-02\" test=\"Mg\" unit=\"mmol/L\">\(index)</result>\n"
        }
        let result = try #require(XMLTest.result(labs(body)))
        #expect(result.diagnostics == [])
        #expect(result.labs.count == 5000)
        #expect(result.labs.map(\.value.number) == (0..<5000).map(Double.init))
        #expect(result.labs.last?.source.line == 5001)
        #expect(result.labs.last?.patientID.rawValue == "P\(4999 % 7)")
    }

    @Test func messagesNeverQuoteValuesOrPatientIDs() throws {
        let secret = "ZQXJ"
        let result = try #require(
            XMLTest.result(
                labs(
                    """
                    <result patient="\(secret)1" collected="\(secret)" test="Mg" unit="mmol/L">1</result>
                    <result patient="\(secret)2" collected="2026-10-02" test="\(secret)">1</result>
                    <result patient="\(secret)3" collected="2026-10-02" test="Mg" unit="x" low="\(secret)">1</result>
                    <result patient="\(secret)4" collected="2026-10-02" test="Mg" unit="x">\(secret)</result>
                    <result patient="\(secret)5" collected="2026-10-02" test="Mg" unit="x">1</\(secret)>
                    """)))
        #expect(result.diagnostics.count == 5)
        for diagnostic in result.diagnostics {
            #expect(!diagnostic.description.contains(secret), "\(diagnostic.description)")
        }
    }
}

@Suite struct LabXMLReaderEncodingTests {
    private let document = """
        <?xml version="1.0" encoding="UTF-16"?>
        <labResults>
          <result patient="Pé1" collected="2026-10-02" test="Mg" unit="µmol/L" lab="Zürich">0.8</result>
          <result patient="Pé1" collected="2026-10-02" test="Mg">0.8</result>
        </labResults>
        """

    @Test func aByteOrderMarkIsAccepted() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(document.replacing("UTF-16", with: "UTF-8").utf8)
        guard case .read(let result) = XMLTest.read(bytes: bytes) else { return #expect(Bool(false)) }
        #expect(result.labs.map(\.unit.text) == ["µmol/L"])
        #expect(XMLTest.descriptions(result) == ["in.xml:4:3: result has no unit; result skipped"])
    }

    @Test func utf16IsReadWithTheSamePositions() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in document.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        guard case .read(let result) = XMLTest.read(bytes: bytes) else { return #expect(Bool(false)) }
        #expect(result.labs.map(\.patientID) == ["Pé1"])
        #expect(result.labs.map(\.lab) == ["Zürich"])
        #expect(result.labs.first?.source == TriageModel.SourceLocation(file: "in.xml", line: 3, column: 3))
        #expect(result.labs.first?.valueLocation == TriageModel.SourceLocation(file: "in.xml", line: 3, column: 85))
        #expect(XMLTest.descriptions(result) == ["in.xml:4:3: result has no unit; result skipped"])
    }
}

@Suite struct LabXMLReaderEscapingTests {
    @Test func ampersandsInAttributeValuesAreDecoded() throws {
        let xml = """
            <labResults><result patient="P&amp;1" collected="2026-10-02" test="Ca &#38; Mg" unit="mmol/L" lab="Smith &#x26; Co &lt;North&gt;">1</result></labResults>
            """
        let record = try #require(XMLTest.result(xml)?.labs.first)
        #expect(record.patientID == "P&1")
        #expect(record.testName?.text == "Ca & Mg")
        #expect(record.lab == "Smith & Co <North>")
    }
}
