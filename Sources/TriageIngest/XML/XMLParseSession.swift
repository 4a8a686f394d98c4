import CLibXML2

/// The state of one parse, reached from libxml2's callbacks through an unmanaged pointer
/// (the parser context's user data).
///
/// It forwards events to its ``XMLEventHandler``, enforces the limits libxml2 leaves to a
/// SAX user (nesting depth, length of a text run), collects libxml2's errors, and tells the
/// handler where in the file it is. One session per parse, used on one thread only.
package final class XMLParseSession {
    /// The deepest nesting accepted. libxml2 enforces 256 only when it builds a tree, so the
    /// session enforces it for SAX.
    package static let maximumDepth = 256
    /// The longest run of text between two tags, in bytes (libxml2's own limit for a text
    /// node when it builds a tree, 10 MB). Our formats hold short values and notes.
    package static let maximumTextRun = 10 * 1024 * 1024

    // Exclusivity: a session is used by one parse on one thread, and libxml2 makes one
    // callback at a time, so accesses to these properties never overlap. The runtime's
    // dynamic checks on them (swift_beginAccess, with a thread-local lookup each) were a
    // quarter of the instructions our readers add per record, so they are switched off
    // (`@exclusivity(unchecked)`); the compiler still checks what it can statically.

    /// The most input libxml2 may hold unparsed between two chunks. It parses a start tag,
    /// comment, processing instruction or DTD only once it has all of it, and checks a tag's
    /// attributes for duplicates pairwise: 80,000 attributes in one tag took 2.7 s. Text is
    /// parsed as it comes, so only such a single construct can build up this backlog.
    package static let maximumBacklog = 256 * 1024

    /// Where events go.
    @exclusivity(unchecked) private(set) var handler: any XMLEventHandler
    /// libxml2's parser context, once created.
    @exclusivity(unchecked) var context: xmlParserCtxtPtr?
    /// Whether events have stopped: a handler halted, a limit was hit, or libxml2 failed.
    @exclusivity(unchecked) private(set) var halted = false
    /// The problem that ended parsing early, if any.
    @exclusivity(unchecked) private(set) var failure: XMLProblem?
    /// Problems libxml2 reported and parsed past.
    @exclusivity(unchecked) private(set) var problems: [XMLProblem] = []
    /// Whether the last chunk is being parsed (so an error at the end of input means a
    /// truncated file).
    @exclusivity(unchecked) var terminating = false
    /// Open elements.
    @exclusivity(unchecked) private(set) var depth = 0
    @exclusivity(unchecked) private var textRun = 0
    /// Whether the handler wants the text of the innermost open element (it says so as it
    /// enters and leaves elements). When it does not, text that is only white space (the
    /// indentation between elements, most of all text events) never reaches it.
    @exclusivity(unchecked) package var textWanted = false
    /// Whether libxml2 could not convert the input from its declared encoding.
    @exclusivity(unchecked) private var encodingFailed = false

    /// Creates a session that starts by sending events to `handler`.
    init(handler: any XMLEventHandler) {
        self.handler = handler
    }

    /// Sends the rest of the document's events to `next` (the current event is not resent).
    func handOver(to next: any XMLEventHandler) {
        handler = next
    }

    /// Stops the parse: no further events, and no further input is fed.
    package func halt() {
        halted = true
    }

    // MARK: Events from libxml2

    func startElement(_ element: XMLElementStart) {
        guard !halted else { return }
        depth += 1
        textRun = 0
        if depth > XMLParseSession.maximumDepth {
            let start = startTagPosition()
            fail(XMLProblem(.tooDeep, line: start.line, column: start.column))
            return
        }
        // At the end of the input libxml2 reports a start tag it could not finish (`<entr`)
        // before it reports the error: a complete tag leaves the cursor on `>` or `/>`.
        if let input = context?.pointee.input, let cur = input.pointee.cur, let end = input.pointee.end,
            cur >= end || (cur.pointee != 0x3E && cur.pointee != 0x2F)
        {
            let here = currentPosition()
            fail(XMLProblem(.truncated, line: here.line, column: here.column))
            return
        }
        handler.startElement(element, session: self)
    }

    func endElement() {
        guard !halted else { return }
        depth -= 1
        textRun = 0
        handler.endElement(session: self)
    }

    func characters(_ text: UnsafeBufferPointer<UInt8>) {
        guard !halted else { return }
        textRun += text.count
        if textRun > XMLParseSession.maximumTextRun {
            let here = currentPosition()
            fail(XMLProblem(.textTooLong, line: here.line, column: here.column))
            return
        }
        if !textWanted, XMLBytes.isBlank(text) { return }
        handler.characters(text, session: self)
    }

    package func error(_ error: xmlError) {
        guard !halted else { return }
        var atEnd = false
        if terminating, depth > 0, let input = context?.pointee.input, let cur = input.pointee.cur,
            let end = input.pointee.end
        {
            atEnd = cur >= end
        }
        var problem = XMLProblem(error, atEndOfInput: atEnd && !encodingFailed)
        if encodingFailed, problem.level == .fatal {
            problem.reason = "content does not match the declared encoding"
        }
        if problem.level == .fatal {
            fail(problem)
        } else {
            problems.append(problem)
        }
    }

    /// Checks, between chunks, that libxml2 is not holding more than ``maximumBacklog``
    /// bytes it could not parse yet; if it is, the parse fails here.
    func checkBacklog() {
        guard !halted, let input = context?.pointee.input, let cur = input.pointee.cur, let end = input.pointee.end,
            end - cur > XMLParseSession.maximumBacklog
        else { return }
        let here = currentPosition()
        fail(XMLProblem(.tokenTooLong, line: here.line, column: here.column))
    }

    /// An error libxml2 raised without a parser context: an input conversion failure makes
    /// the parse's failure read as an encoding problem.
    func contextFreeError(_ error: xmlError) {
        if error.domain == Int32(XML_FROM_I18N.rawValue) || error.domain == Int32(XML_FROM_IO.rawValue) {
            encodingFailed = true
        }
    }

    /// Whether any byte of `word` is `<`, a line feed, or not ASCII.
    @inline(__always)
    static func hasSpecialByte(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
        return word & highs != 0 || hasZero(word ^ (ones &* 0x3C)) || hasZero(word ^ (ones &* 0x0A))
    }

    private func fail(_ problem: XMLProblem) {
        if failure == nil { failure = problem }
        halted = true
    }

    // MARK: Where the parser is

    /// The line and column of the current character: during ``XMLEventHandler/startElement``,
    /// the `>` (or `/>`) that ends the start tag.
    func currentPosition() -> (line: Int, column: Int?) {
        guard let input = context?.pointee.input else { return (0, nil) }
        return (Int(input.pointee.line), Int(input.pointee.col))
    }

    /// How far into the document the parser is, from 0 to 1 (by bytes of libxml2's UTF-8
    /// input): lets a reader size its record array once instead of growing it by doubling.
    func fractionParsed() -> Double {
        guard totalBytes > 0, let input = context?.pointee.input, let cur = input.pointee.cur,
            let base = input.pointee.base
        else { return 0 }
        return Double(Int(input.pointee.consumed) + (cur - base)) / Double(totalBytes)
    }

    /// The size of the whole document in bytes.
    @exclusivity(unchecked) var totalBytes = 0

    /// The line and column just after the start tag, where an element's text begins; valid
    /// during ``XMLEventHandler/startElement`` only.
    func positionAfterStartTag() -> (line: Int, column: Int?) {
        let here = currentPosition()
        return (here.line, here.column.map { $0 + 1 })
    }

    /// The line and column of the `<` that opened the element being started; valid during
    /// ``XMLEventHandler/startElement`` only.
    ///
    /// libxml2 calls `startElementNs` with its cursor on the tag's closing `>`, so this walks
    /// back through libxml2's input buffer (always UTF-8, whatever the file's encoding) to
    /// the `<` (which cannot occur inside an attribute value), and counts the characters and
    /// line breaks in between. Columns count characters, as libxml2 does. When a tag spans
    /// lines and the start of its first line is no longer in libxml2's buffer, the column
    /// is unknown (nil).
    package func startTagPosition() -> (line: Int, column: Int?) {
        guard let input = context?.pointee.input else { return (0, nil) }
        let line = Int(input.pointee.line)
        let column = Int(input.pointee.col)
        guard let cur = input.pointee.cur, let base = input.pointee.base, cur > base else { return (line, column) }
        // Back to the `<`, eight bytes at a time while none of them is `<`, a line break or
        // non-ASCII (so that within those, characters are bytes).
        var open = cur
        var newlines = 0
        var characters = 0
        while open - base >= 8 {
            let word = UnsafeRawPointer(open - 8).loadUnaligned(as: UInt64.self)
            if XMLParseSession.hasSpecialByte(word) { break }
            open -= 8
            characters += 8
        }
        repeat {
            open -= 1
            let byte = open.pointee
            if byte == 0x0A { newlines += 1 }
            if byte & 0xC0 != 0x80 { characters += 1 }
        } while open > base && open.pointee != 0x3C
        guard open.pointee == 0x3C else { return (line, column) }
        if newlines == 0 { return (line, column - characters) }
        // The tag spans lines: count from the start of the line the `<` is on.
        var startColumn = 1
        var cursor = open
        while cursor > base {
            let byte = (cursor - 1).pointee
            if byte == 0x0A { return (line - newlines, startColumn) }
            if byte & 0xC0 != 0x80 { startColumn += 1 }
            cursor -= 1
        }
        return (line - newlines, input.pointee.consumed == 0 ? startColumn : nil)
    }
}
