import CLibXML2

/// libxml2's SAX2 push parser over bytes in memory, set up for untrusted input.
///
/// The document is fed in 256 KiB chunks (`xmlParseChunk`); events go to an
/// ``XMLEventHandler`` through an ``XMLParseSession``. Safety, as tried with attack files
/// (NOTES.md):
/// - options `NONET | NOERROR | NOWARNING | NOBLANKS | COMPACT`, never `NOENT`, `DTDLOAD`,
///   `DTDATTR`, `DTDVALID` or `HUGE`;
/// - the SAX handler has no `getEntity`, `entityDecl`, `externalSubset` or `resolveEntity`:
///   entity declarations are parsed and dropped, so no entity (internal or external) is ever
///   expanded or fetched; a reference to one is an error;
/// - nesting deeper than ``XMLParseSession/maximumDepth`` and text runs longer than
///   ``XMLParseSession/maximumTextRun`` end the parse (libxml2 checks these only when it
///   builds a tree), and so does a single tag, comment or declaration longer than
///   ``XMLParseSession/maximumBacklog`` (libxml2's duplicate-attribute check is quadratic);
/// - errors go to the per-parser structured handler (`serror`), so parsers on several
///   threads never mix their errors; the thread's own structured handler (thread-local in
///   libxml2) is pointed at the same session during the parse and restored after, so errors
///   raised without a parser context (encoding conversion, which quotes document bytes) are
///   not printed either. Nothing reaches stderr.
package enum XMLPushParser {
    /// The size of each `xmlParseChunk` call.
    package static let chunkSize = 256 * 1024
    /// The bytes that create the parser, before the first chunk: enough for libxml2 to detect
    /// the encoding.
    package static let openingBytes = 4

    /// The parser options: exactly the safe set of NOTES.md.
    static let options: Int32 = Int32(
        bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
            | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOBLANKS.rawValue | XML_PARSE_COMPACT.rawValue)

    /// How a parse ended.
    package struct Outcome {
        /// The problem that ended parsing early, if any (a handler's halt is not a problem).
        package var failure: XMLProblem?
        /// Problems libxml2 reported and parsed past, in file order.
        package var problems: [XMLProblem]
        /// How many bytes of the document were given to libxml2: all of them, unless the parse
        /// stopped early (then at most one chunk past the point where it stopped), so that
        /// the work a hostile document costs is bounded by what it is allowed to hold.
        package var bytesFed: Int
    }

    /// libxml2's one-time global initialisation, run lazily and thread-safely by Swift.
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// Parses `bytes`, sending events to `handler`.
    ///
    /// - Parameters:
    ///   - bytes: the whole document (the caller typically maps the file).
    ///   - handler: where events go first.
    /// - Returns: how the parse ended. Safe to call on several threads at once.
    package static func parse(_ bytes: UnsafeRawBufferPointer, handler: any XMLEventHandler) -> Outcome {
        _ = initialized
        let session = XMLParseSession(handler: handler)
        var sax = saxHandler()
        var fed = 0

        withExtendedLifetime(session) {
            let user = Unmanaged.passUnretained(session).toOpaque()
            // libxml2 raises some errors without a parser context (encoding conversion, I/O);
            // those go to the thread's structured handler, else to stderr with bytes of the
            // document in them. This thread's handler points at this session for the parse.
            let savedHandler = __xmlStructuredError().pointee
            let savedContext = __xmlStructuredErrorContext().pointee
            xmlSetStructuredErrorFunc(
                user,
                { user, error in
                    guard let user, let error else { return }
                    Unmanaged<XMLParseSession>.fromOpaque(user).takeUnretainedValue().contextFreeError(error.pointee)
                })
            defer { xmlSetStructuredErrorFunc(savedContext, savedHandler) }
            let start = bytes.baseAddress?.assumingMemoryBound(to: CChar.self)
            let first = min(openingBytes, bytes.count)
            guard let context = xmlCreatePushParserCtxt(&sax, user, start, Int32(first), nil) else {
                return
            }
            fed = first
            defer {
                // An entity declaration makes libxml2 build a document to hold it even in SAX
                // mode ("for expat compatibility"); the context does not own it, so it is
                // freed here, or every file with an internal DTD would leak it.
                if let document = context.pointee.myDoc {
                    context.pointee.myDoc = nil
                    xmlFreeDoc(document)
                }
                xmlFreeParserCtxt(context)
            }
            session.context = context
            session.totalBytes = bytes.count
            xmlCtxtUseOptions(context, options)

            var offset = first
            repeat {
                let length = min(chunkSize, bytes.count - offset)
                let last = offset + length == bytes.count
                session.terminating = last
                xmlParseChunk(context, start.map { $0 + offset }, Int32(length), last ? 1 : 0)
                offset += length
                fed = offset
                session.checkBacklog()
            } while offset < bytes.count && !session.halted
            session.context = nil
        }
        return Outcome(failure: session.failure, problems: session.problems, bytesFed: fed)
    }

    /// A SAX2 handler with only the callbacks we need; everything that could load, declare or
    /// expand an entity or a DTD stays nil.
    private static func saxHandler() -> xmlSAXHandler {
        var sax = xmlSAXHandler()
        sax.initialized = XML_SAX2_MAGIC
        sax.startElementNs = { user, localName, prefix, uri, _, _, attributeCount, defaultedCount, table in
            guard let user, let localName else { return }
            let defaulted = Int(defaultedCount)
            let element = XMLElementStart(
                localName: localName, prefix: prefix, namespaceURI: uri,
                writtenAttributeCount: Int(attributeCount) - defaulted,
                defaultedAttributeCount: defaulted, table: table)
            XMLPushParser.session(user) { $0.startElement(element) }
        }
        sax.endElementNs = { user, _, _, _ in
            guard let user else { return }
            XMLPushParser.session(user) { $0.endElement() }
        }
        sax.characters = { user, text, length in
            guard let user, let text, length > 0 else { return }
            XMLPushParser.session(user) { $0.characters(UnsafeBufferPointer(start: text, count: Int(length))) }
        }
        sax.cdataBlock = sax.characters
        sax.serror = { user, error in
            guard let user, let error else { return }
            XMLPushParser.session(user) { $0.error(error.pointee) }
        }
        return sax
    }

    /// Calls `body` with the session behind libxml2's user-data pointer, without retaining
    /// it (the parse holds it alive), as every callback does.
    @inline(__always)
    private static func session(_ user: UnsafeMutableRawPointer, _ body: (XMLParseSession) -> Void) {
        Unmanaged<XMLParseSession>.fromOpaque(user)._withUnsafeGuaranteedRef(body)
    }
}
