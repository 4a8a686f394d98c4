import Dispatch
import Testing
import TriageIngest

/// Records every event as a line of text, with the start tag's position.
private final class Recorder: XMLEventHandler {
    var events: [String] = []
    var haltAt: String?
    var wantsText = true

    func startElement(_ element: XMLElementStart, session: XMLParseSession) {
        let position = session.startTagPosition()
        var line = "start \(element.displayName)@\(position.line):\(position.column.map(String.init) ?? "?")"
        if element.namespaceURI != nil { line += " ns" }
        for index in 0..<element.attributeCount {
            let attribute = element[index]
            line += " \(attribute.displayName)=\(XMLBytes.attributeString(attribute.value))"
            if attribute.isDefaulted { line += "(default)" }
        }
        events.append(line)
        session.textWanted = wantsText
        if element.displayName == haltAt { session.halt() }
    }

    func endElement(session: XMLParseSession) {
        events.append("end")
    }

    func characters(_ text: UnsafeBufferPointer<UInt8>, session: XMLParseSession) {
        let piece = XMLBytes.string(text)
        if let last = events.last, last.hasPrefix("text ") {
            events[events.count - 1] = last + piece
        } else {
            events.append("text " + piece)
        }
    }
}

private func parse(_ xml: String, haltAt: String? = nil, wantsText: Bool = true) -> (events: [String], outcome: XMLPushParser.Outcome) {
    parse(bytes: Array(xml.utf8), haltAt: haltAt, wantsText: wantsText)
}

private func parse(bytes: [UInt8], haltAt: String? = nil, wantsText: Bool = true) -> (events: [String], outcome: XMLPushParser.Outcome) {
    let recorder = Recorder()
    recorder.haltAt = haltAt
    recorder.wantsText = wantsText
    let outcome = bytes.withUnsafeBytes { XMLPushParser.parse($0, handler: recorder) }
    return (recorder.events, outcome)
}

/// One slot per iteration; each is written by one thread only.
private final class Lines: @unchecked Sendable {
    var values: UnsafeMutableBufferPointer<Int>
    init(count: Int) {
        values = .allocate(capacity: count)
        values.initialize(repeating: -1)
    }
    deinit { values.deallocate() }
}

@Suite struct XMLPushParserTests {
    @Test func deliversElementsAttributesAndDecodedText() {
        let (events, outcome) = parse(
            """
            <r a="1 &lt; 2" b='&#x3E;&amp;&#60;&#x26;&#38;'><n>x &amp; y<![CDATA[<z>]]></n><e/></r>
            """)
        #expect(outcome.failure == nil)
        #expect(
            events == [
                "start r@1:1 a=1 < 2 b=>&<&&", "start n@1:49", "text x & y<z>", "end", "start e@1:80", "end", "end",
            ])
    }

    @Test func whiteSpaceReachesTheHandlerOnlyWhenItWantsText() {
        let (events, _) = parse("<r>\n  <a> x </a>\n  <b>  </b>\n</r>", wantsText: false)
        #expect(events == ["start r@1:1", "start a@2:3", "text  x ", "end", "start b@3:3", "end", "end"])
    }

    @Test func startTagPositionsCountCharactersAndFollowMultiLineTags() {
        let (events, _) = parse("<r>\n  <a/>\n\t<b\n     x=\"1\"\n  />\n  <é/><c/>\r\n<d/></r>")
        #expect(
            events.filter { $0.hasPrefix("start") } == [
                "start r@1:1", "start a@2:3", "start b@3:2 x=1", "start é@6:3", "start c@6:7", "start d@7:1",
            ])
    }

    @Test func positionsStayRightAcrossChunkBoundaries() {
        // About 1 MB: elements straddle the 256 KiB chunk boundaries.
        var xml = "<r>\n"
        for index in 1...20_000 {
            xml += "  <item n=\"\(index)\" pad=\"\(String(repeating: "x", count: index % 37))\">v</item>\n"
        }
        xml += "</r>\n"
        let (events, outcome) = parse(xml)
        #expect(outcome.failure == nil)
        let starts = events.filter { $0.hasPrefix("start item") }
        #expect(starts.count == 20_000)
        for (offset, event) in starts.enumerated() where offset % 997 == 0 || offset == 19_999 {
            #expect(event.hasPrefix("start item@\(offset + 2):3 n=\(offset + 1) "))
        }
    }

    @Test func namespacesAndDefaultedAttributesAreVisible() {
        let (events, _) = parse(
            """
            <!DOCTYPE r [<!ATTLIST q p CDATA "dflt">]><r xmlns:x="urn:x"><x:q/><q z="1"/></r>
            """)
        #expect(events == ["start r@1:43", "start x:q@1:62 ns", "end", "start q@1:68 z=1 p=dflt(default)", "end", "end"])
    }

    @Test func mismatchedTagEndsTheParseWithItsPosition() {
        let (events, outcome) = parse("<r>\n<a>\n</b></r>")
        #expect(events == ["start r@1:1", "text \n", "start a@2:1", "text \n"])
        #expect(outcome.failure?.whatIsWrong == "XML is not well-formed (Opening and ending tag mismatch)")
        #expect(outcome.failure?.line == 3)
        #expect(outcome.failure?.column == 5)
    }

    @Test func truncatedInputIsPrematureEndOfData() {
        for text in ["<r><a x=\"1\">text", "<r><a x=\"1", "<r><a", "<r><a></a"] {
            let (_, outcome) = parse(text)
            #expect(outcome.failure?.whatIsWrong == "XML is not well-formed (Premature end of data)", "\(text)")
        }
    }

    @Test func extraContentAfterTheRootIsNotTruncation() {
        let (_, outcome) = parse("<r/><s/>")
        #expect(outcome.failure?.whatIsWrong == "XML is not well-formed (Extra content at the end of the document)")
    }

    @Test func invalidUTF8IsReportedWithoutItsBytes() {
        let bytes = Array("<r><n>ab".utf8) + [0xFF, 0xFE] + Array("cd</n></r>".utf8)
        let (events, outcome) = parse(bytes: bytes)
        #expect(events == ["start r@1:1", "start n@1:4", "text ab"])
        #expect(outcome.failure?.whatIsWrong == "XML is not well-formed (Input is not proper UTF-8)")
        #expect(outcome.failure?.reason.contains("0x") == false)
    }

    @Test func contentThatDoesNotMatchTheDeclaredEncodingSaysSo() {
        let bytes = Array("<?xml version=\"1.0\" encoding=\"Shift_JIS\"?>\n<r>ab".utf8) + [0x82] + Array("</r>".utf8)
        let (_, outcome) = parse(bytes: bytes)
        #expect(outcome.failure?.whatIsWrong == "XML is not well-formed (content does not match the declared encoding)")
    }

    @Test func nestingDeeperThan256IsRefusedQuickly() {
        let xml = String(repeating: "<a>", count: 100_000) + String(repeating: "</a>", count: 100_000)
        let (events, outcome) = parse(xml)
        #expect(outcome.failure?.kind == .tooDeep)
        #expect(outcome.failure?.whatIsWrong == "XML elements are nested more than 256 deep")
        #expect(outcome.failure?.column == 769)
        #expect(events.count == 256)
        // Quickly: nothing of the 700,000 bytes is fed past the chunk in which the limit was hit.
        #expect(outcome.bytesFed == XMLPushParser.openingBytes + XMLPushParser.chunkSize)
    }

    @Test func aHugeTextRunIsRefusedWithBoundedWork() {
        let xml = "<r><n>" + String(repeating: "abcdefghij", count: 5_000_000) + "</n></r>"
        let (events, outcome) = parse(xml)
        #expect(outcome.failure?.kind == .textTooLong)
        #expect(outcome.failure?.whatIsWrong == "XML text is longer than 10 MB in one piece")
        // Bounded work: at most the limit's worth of text reaches the handler, and the parse
        // reads no further than the chunk after the one in which the run passed the limit.
        #expect(events.count == 3)
        let text = events.filter { $0.hasPrefix("text ") }.map { $0.utf8.count - "text ".utf8.count }.reduce(0, +)
        #expect(text <= XMLParseSession.maximumTextRun)
        #expect(outcome.bytesFed <= XMLParseSession.maximumTextRun + 2 * XMLPushParser.chunkSize)
    }

    @Test func aHandlerCanHaltTheParse() {
        let (events, outcome) = parse("<r><a/><stop/><b/></r>", haltAt: "stop")
        #expect(events == ["start r@1:1", "start a@1:4", "end", "start stop@1:8"])
        #expect(outcome.failure == nil)
    }

    @Test func nonFatalErrorsAreCollectedAndParsingContinues() {
        let (events, outcome) = parse("<r><y:q/><s/></r>")
        #expect(events.contains("start s@1:10"))
        #expect(outcome.failure == nil)
        #expect(outcome.problems.map(\.reason) == ["Namespace prefix is not defined"])
        #expect(outcome.problems.first?.level == .error)
    }

    @Test func parsersOnSeveralThreadsKeepTheirOwnErrors() {
        let documents = (0..<16).map { index in
            index % 2 == 0 ? "<r>\(String(repeating: "\n", count: index))<a></b></r>" : "<r><ok n=\"\(index)\"/></r>"
        }
        let lines = Lines(count: documents.count * 4)
        DispatchQueue.concurrentPerform(iterations: documents.count * 4) { iteration in
            let (_, outcome) = parse(documents[iteration % documents.count])
            lines.values[iteration] = outcome.failure?.line ?? 0
        }
        for iteration in 0..<documents.count * 4 {
            let index = iteration % documents.count
            #expect(lines.values[iteration] == (index % 2 == 0 ? index + 1 : 0))
        }
    }
}
