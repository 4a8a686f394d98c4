import CLibXML2

/// The state of one parse, reached from libxml2's callbacks through an unmanaged pointer
/// (the parser context's user data).
///
/// It forwards events to its ``XMLEventHandler``, enforces the limits libxml2 leaves to a
/// SAX user (nesting depth, length of a text run), collects libxml2's errors, and tells the
/// handler where in the file it is. One session per parse, used on one thread only.
final class XMLParseSession {
    /// The deepest nesting accepted. libxml2 enforces 256 only when it builds a tree, so the
    /// session enforces it for SAX.
    static let maximumDepth = 256
    /// The longest run of text between two tags, in bytes (libxml2's own limit for a text
    /// node when it builds a tree, 10 MB). Our formats hold short values and notes.
    static let maximumTextRun = 10 * 1024 * 1024

    /// Where events go.
    private(set) var handler: any XMLEventHandler
    /// libxml2's parser context, once created.
    var context: xmlParserCtxtPtr?
    /// Whether events have stopped: a handler halted, a limit was hit, or libxml2 failed.
    private(set) var halted = false
    /// The problem that ended parsing early, if any.
    private(set) var failure: XMLProblem?
    /// Problems libxml2 reported and parsed past.
    private(set) var problems: [XMLProblem] = []
    /// Whether the last chunk is being parsed (so an error at the end of input means a
    /// truncated file).
    var terminating = false
    /// Open elements.
    private(set) var depth = 0
    private var textRun = 0
    /// Whether libxml2 could not convert the input from its declared encoding.
    private var encodingFailed = false

    /// Creates a session that starts by sending events to `handler`.
    init(handler: any XMLEventHandler) {
        self.handler = handler
    }

    /// Sends the rest of the document's events to `next` (the current event is not resent).
    func handOver(to next: any XMLEventHandler) {
        handler = next
    }

    /// Stops the parse: no further events, and no further input is fed.
    func halt() {
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
           cur >= end || (cur.pointee != 0x3E && cur.pointee != 0x2F) {
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
        handler.characters(text, session: self)
    }

    func error(_ error: xmlError) {
        guard !halted else { return }
        var atEnd = false
        if terminating, depth > 0, let input = context?.pointee.input, let cur = input.pointee.cur,
           let end = input.pointee.end {
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

    /// An error libxml2 raised without a parser context: an input conversion failure makes
    /// the parse's failure read as an encoding problem.
    func contextFreeError(_ error: xmlError) {
        if error.domain == Int32(XML_FROM_I18N.rawValue) || error.domain == Int32(XML_FROM_IO.rawValue) {
            encodingFailed = true
        }
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
    func startTagPosition() -> (line: Int, column: Int?) {
        guard let input = context?.pointee.input else { return (0, nil) }
        let line = Int(input.pointee.line)
        let column = Int(input.pointee.col)
        guard let cur = input.pointee.cur, let base = input.pointee.base, cur > base else { return (line, column) }
        var open = cur
        repeat { open -= 1 } while open > base && open.pointee != 0x3C
        guard open.pointee == 0x3C else { return (line, column) }
        var newlines = 0
        var characters = 0
        var cursor = open
        while cursor < cur {
            let byte = cursor.pointee
            if byte == 0x0A { newlines += 1 }
            if byte & 0xC0 != 0x80 { characters += 1 }
            cursor += 1
        }
        if newlines == 0 { return (line, column - characters) }
        // The tag spans lines: count from the start of the line the `<` is on.
        var startColumn = 1
        cursor = open
        while cursor > base {
            let byte = (cursor - 1).pointee
            if byte == 0x0A { return (line - newlines, startColumn) }
            if byte & 0xC0 != 0x80 { startColumn += 1 }
            cursor -= 1
        }
        return (line - newlines, input.pointee.consumed == 0 ? startColumn : nil)
    }
}
