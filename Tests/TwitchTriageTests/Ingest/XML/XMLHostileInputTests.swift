import Testing
import TriageIngest

#if canImport(Glibc)
    import Glibc
#endif

/// Attack files (SPEC §10): nothing from outside the file may reach a record, nothing is
/// fetched, nothing is expanded, and every case ends in bounded time and memory.
@Suite(.serialized) struct XMLHostileInputTests {
    /// Everything a result holds, as text, to search for leaked content.
    private func dump(_ outcome: FileReadOutcome) -> String {
        String(describing: outcome)
    }

    /// Writes `text` to a fresh file under /tmp and returns its path.
    private func temporaryFile(_ text: String, suffix: String) -> String {
        var template = Array("/tmp/twitch-triage-xml-XXXXXX\(suffix)".utf8CString)
        let descriptor = mkstemps(&template, Int32(suffix.utf8.count))
        precondition(descriptor >= 0)
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
        return String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    @Test func externalEntityIsNeverRead() throws {
        let hostname = String(decoding: XMLTest.contents(of: "/etc/hostname") ?? [], as: UTF8.self)
            .trimmingCharacters(in: [" ", "\n"])
        let token = "TOKEN-5E1C7A2B-NOT-IN-ANY-INPUT"
        let secretFile = temporaryFile(token, suffix: ".txt")
        defer { unlink(secretFile) }
        for target in ["file:///etc/hostname", "file://\(secretFile)", secretFile] {
            let xml = """
                <?xml version="1.0"?>
                <!DOCTYPE symptomJournal [ <!ENTITY e SYSTEM "\(target)"> ]>
                <symptomJournal version="1">
                  <patient id="P001"/>
                  <entry date="2026-10-01"><note>before</note></entry>
                  <entry date="2026-10-02"><note>&e;</note></entry>
                </symptomJournal>
                """
            let outcome = XMLTest.read(xml)
            let text = dump(outcome)
            if hostname.count >= 3 { #expect(!text.contains(hostname)) }
            #expect(!text.contains(token))
            guard case .read(let result) = outcome else {
                Issue.record("refused: \(outcome)")
                continue
            }
            #expect(result.journal.map(\.notes) == [["before"]])
            #expect(
                XMLTest.descriptions(result) == [
                    "in.xml:6:37: XML uses an entity reference, which is never expanded in untrusted input; rest of file skipped, 1 entry before it kept"
                ])
        }
    }

    @Test func externalEntityInAnAttributeIsNeverRead() throws {
        let xml = """
            <!DOCTYPE labResults [ <!ENTITY e SYSTEM "file:///etc/hostname"> ]>
            <labResults><result patient="&e;" collected="2026-10-02" test="Mg" unit="mmol/L">1</result></labResults>
            """
        let outcome = XMLTest.read(xml)
        guard case .read(let result) = outcome else { return #expect(Bool(false), "\(outcome)") }
        #expect(result.labs == [])
        #expect(result.rejected)
        #expect(
            XMLTest.descriptions(result) == [
                "in.xml:2:33: XML uses an entity reference, which is never expanded in untrusted input; file skipped"
            ])
    }

    @Test func anExternalDTDIsNotLoadedSoItsEntitiesAndDefaultsDoNotApply() throws {
        let dtd = temporaryFile(
            """
            <!ENTITY e "FROM-EXTERNAL-DTD">
            <!ATTLIST result patient CDATA "INJECTED">
            """, suffix: ".dtd")
        defer { unlink(dtd) }
        // A server that never answers: a fetch would hang the read, and shows as a connection.
        let server = try #require(UnansweredServer())
        for system in [dtd, "file://\(dtd)", "http://127.0.0.1:\(server.port)/evil.dtd"] {
            let xml = """
                <!DOCTYPE labResults SYSTEM "\(system)">
                <labResults>
                <result collected="2026-10-02" test="Mg" unit="mmol/L">1</result>
                <result patient="P1" collected="2026-10-02" test="Mg" unit="mmol/L" lab="&e;">2</result>
                </labResults>
                """
            let outcome = XMLTest.read(xml)
            #expect(server.connectionsMade() == 0, "the DTD was fetched from \(system)")
            let text = dump(outcome)
            #expect(!text.contains("FROM-EXTERNAL-DTD"))
            #expect(!text.contains("INJECTED"))
            guard case .read(let result) = outcome else { return #expect(Bool(false)) }
            // With an external subset, an unknown entity is not fatal: libxml2 leaves the
            // reference out and goes on.
            #expect(result.labs.map(\.patientID) == ["P1"])
            #expect(result.labs.first?.lab == nil)
            #expect(
                XMLTest.descriptions(result) == [
                    "in.xml:3:1: result has no patient; result skipped",
                    "in.xml:4:77: XML uses an entity reference, which is never expanded in untrusted input; reference left out",
                ])
        }
    }

    @Test func billionLaughsIsRefusedAtOnce() throws {
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE symptomJournal [\n <!ENTITY lol \"lol\">\n"
        xml += " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
        for level in 2...9 {
            let previous = "&lol\(level - 1);"
            xml += " <!ENTITY lol\(level) \"\(String(repeating: previous, count: 10))\">\n"
        }
        xml += "]>\n<symptomJournal><patient id=\"P1\"/><entry date=\"2026-10-01\"><note>&lol9;</note></entry></symptomJournal>\n"
        // Expanded, &lol9; is 3 GB of text. Not expanded, the parser hands on no more text than
        // the document holds and stops at the reference.
        let work = XMLTest.work(xml)
        #expect(work.textBytes < xml.utf8.count)
        #expect(work.elements == 4)
        #expect(work.failure?.whatIsWrong == "XML uses an entity reference, which is never expanded in untrusted input")
        #expect(work.failure.map { "\($0.line ?? 0):\($0.column ?? 0)" } == "14:72")
        let outcome = XMLTest.read(xml)
        #expect(!dump(outcome).contains("lollol"))
        guard case .read(let result) = outcome else { return #expect(Bool(false)) }
        #expect(result.journal == [])
        #expect(result.demographics.map(\.patientID) == ["P1"])
        #expect(
            XMLTest.descriptions(result) == [
                "in.xml:14:72: XML uses an entity reference, which is never expanded in untrusted input; rest of file skipped, 0 entries before it kept"
            ])
    }

    @Test func anEntityBelowLibxml2sOwnAmplificationLimitIsNotExpandedEither() throws {
        // 15 KB from a 3 KB file: too little for libxml2's own limit to refuse it (tried with
        // entity expansion on: it hands on all 15,000 bytes), so only the parser's set-up does.
        let big = String(repeating: "lol", count: 1000)
        let xml =
            "<!DOCTYPE symptomJournal [<!ENTITY big \"\(big)\">]>\n<symptomJournal><patient id=\"P1\"/>"
            + "<entry date=\"2026-10-01\"><note>&big;&big;&big;&big;&big;</note></entry></symptomJournal>\n"
        let work = XMLTest.work(xml)
        #expect(work.textBytes < xml.utf8.count)
        #expect(work.failure?.whatIsWrong == "XML uses an entity reference, which is never expanded in untrusted input")
        let result = XMLTest.result(xml)
        #expect(result?.journal == [])
        #expect(
            XMLTest.descriptions(result) == [
                "in.xml:2:71: XML uses an entity reference, which is never expanded in untrusted input; rest of file skipped, 0 entries before it kept"
            ])
    }

    @Test func internalEntitiesAreNotExpandedEither() throws {
        let xml = """
            <!DOCTYPE symptomJournal [<!ENTITY name "Expanded">]>
            <symptomJournal><patient id="P1"/><entry date="2026-10-01"><note>&name;</note></entry></symptomJournal>
            """
        let text = dump(XMLTest.read(xml))
        #expect(!text.contains("Expanded"))
    }

    @Test func anInternalDTDSubsetAsInAppleHealthExportsIsAllowed() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE labResults [
            <!-- like HealthKit Export Version: 3 -->
            <!ELEMENT labResults (result*)>
            <!ATTLIST labResults version CDATA #REQUIRED>
            <!ELEMENT result (#PCDATA)>
            <!ATTLIST result patient CDATA #REQUIRED unit CDATA "mmol/L">
            ]>
            <labResults version="1">
            <result patient="P1" collected="2026-10-02" test="Mg" unit="mg/dL">1.9</result>
            <result patient="P1" collected="2026-10-02" test="Mg">0.8</result>
            </labResults>
            """
        let result = try #require(XMLTest.result(xml))
        #expect(result.labs.map(\.unit.text) == ["mg/dL"])
        #expect(
            XMLTest.descriptions(result) == [
                "in.xml:11:1: attribute 'unit' of 'result' comes from the DTD, not the element; attribute ignored",
                "in.xml:11:1: result has no unit; result skipped",
            ])
    }

    @Test func deepNestingIsRefused() throws {
        let xml =
            "<symptomJournal><patient id=\"P1\"/><entry date=\"2026-10-01\"/>"
            + String(repeating: "<x>", count: 100_000) + String(repeating: "</x>", count: 100_000) + "</symptomJournal>"
        let result = try #require(XMLTest.result(xml))
        #expect(result.journal.count == 1)
        #expect(
            XMLTest.descriptions(result) == [
                "in.xml:1:61: unknown element 'x' in 'symptomJournal'; element ignored",
                "in.xml:1:826: XML elements are nested more than 256 deep; rest of file skipped, 1 entry before it kept",
            ])
    }

    @Test func aFiftyMegabyteTextNodeIsRefused() throws {
        let xml =
            "<symptomJournal><patient id=\"P1\"/><entry date=\"2026-10-01\"/><entry date=\"2026-10-02\"><note>"
            + String(repeating: "0123456789", count: 5_000_000) + "</note></entry></symptomJournal>"
        // The parse stops within a chunk of the limit, not at the end of the 50 MB.
        let work = XMLTest.work(xml)
        #expect(work.textBytes <= XMLParseSession.maximumTextRun)
        #expect(work.bytesFed <= XMLParseSession.maximumTextRun + 2 * XMLPushParser.chunkSize)
        let result = XMLTest.result(xml)
        #expect(result?.journal.count == 1)
        #expect(
            result?.diagnostics.map(\.message) == [
                "XML text is longer than 10 MB in one piece; rest of file skipped, 1 entry before it kept"
            ])
    }

    @Test func aTagWithHundredsOfThousandsOfAttributesIsRefusedQuickly() throws {
        var xml = "<labResults>\n<result patient=\"P1\" collected=\"2026-10-02\" test=\"Mg\" unit=\"mmol/L\">1</result>\n<result"
        for index in 0..<300_000 { xml += " a\(index)=\"1\"" }
        xml += ">1</result></labResults>"
        // libxml2 parses the tag only once it has all of it (checking its attributes pairwise):
        // the parse stops once the unparsed tag passes the limit, long before the 3.4 MB end.
        let work = XMLTest.work(xml)
        #expect(work.elements == 2)
        #expect(work.bytesFed <= XMLParseSession.maximumBacklog + 2 * XMLPushParser.chunkSize)
        let result = XMLTest.result(xml)
        #expect(result?.labs.count == 1)
        #expect(
            result?.diagnostics.map(\.message) == [
                "XML has a tag, comment or declaration longer than 256 KiB; rest of file skipped, 1 result before it kept"
            ])
    }

    @Test func endlesslyManyUnknownNamesMakeABoundedNumberOfWarnings() throws {
        var body = ""
        for index in 0..<250 { body += "<x\(index)/>" }
        let result = try #require(XMLTest.result("<labResults>\(body)</labResults>"))
        #expect(result.diagnostics.count == 101)
        #expect(
            result.diagnostics.first?.description
                == "in.xml: unknown or misplaced elements, attributes or text occurred 150 more times (not listed); ignored")
        #expect(result.diagnostics.last?.message == "unknown element 'x99' in 'labResults'; element ignored")
    }

    @Test func invalidUTF8MidFileKeepsWhatCameBefore() throws {
        let bytes =
            Array(
                "<labResults>\n<result patient=\"P1\" collected=\"2026-10-02\" test=\"Mg\" unit=\"mmol/L\">1</result>\n<result patient=\"P"
                    .utf8)
            + [0xC3, 0x28] + Array("\" collected=\"2026-10-02\" test=\"Mg\" unit=\"mmol/L\">1</result></labResults>".utf8)
        guard case .read(let result) = XMLTest.read(bytes: bytes) else { return #expect(Bool(false)) }
        #expect(result.labs.count == 1)
        #expect(
            XMLTest.descriptions(result) == [
                "in.xml:3:19: XML is not well-formed (Input is not proper UTF-8); rest of file skipped, 1 result before it kept"
            ])
    }

    @Test func libxml2NeverWritesToStandardError() throws {
        let attacks: [[UInt8]] = [
            Array("<?xml version=\"1.0\" encoding=\"Shift_JIS\"?>\n<labResults>ab".utf8) + [0x82] + Array("</labResults>".utf8),
            Array("<labResults><result></labResults>".utf8),
            Array("<!DOCTYPE labResults SYSTEM \"http://127.0.0.1:9/x.dtd\"><labResults>&e;</labResults>".utf8),
            Array("<labResults>".utf8) + [0xFF, 0xFE, 0x00],
            Array("<?xml version=\"1.0\" encoding=\"no-such-encoding\"?><labResults/>".utf8),
            Array("<y:labResults/>".utf8),
        ]
        let path = temporaryFile("", suffix: ".stderr")
        defer { unlink(path) }
        fflush(nil)
        let saved = dup(2)
        let capture = open(path, O_WRONLY | O_TRUNC)
        dup2(capture, 2)
        for attack in attacks { _ = XMLTest.read(bytes: attack) }
        fflush(nil)
        dup2(saved, 2)
        close(capture)
        close(saved)
        #expect(XMLTest.contents(of: path) == [])
    }
}

/// A TCP socket listening on 127.0.0.1, at a port the system picks, that never answers: after
/// a read, whether anything connected to it is known at once, without waiting for anything.
private final class UnansweredServer {
    let descriptor: Int32
    let port: Int

    init?() {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { return nil }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let listening = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bind(descriptor, socketAddress, length) == 0 && listen(descriptor, 8) == 0
                    && getsockname(descriptor, socketAddress, &length) == 0
            }
        }
        guard listening, fcntl(descriptor, F_SETFL, O_NONBLOCK) == 0 else {
            close(descriptor)
            return nil
        }
        self.descriptor = descriptor
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    /// How many connections were made since the last call (each is accepted and closed).
    func connectionsMade() -> Int {
        var count = 0
        while case let connection = accept(descriptor, nil, nil), connection >= 0 {
            close(connection)
            count += 1
        }
        return count
    }

    deinit { close(descriptor) }
}
