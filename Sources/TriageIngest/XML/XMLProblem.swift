import CLibXML2

/// A problem found while parsing XML: one that libxml2 reported, or one of the limits that
/// ``XMLPushParser`` enforces itself.
///
/// ``reason`` is a fixed text chosen by the error code, never libxml2's own message: those can
/// quote bytes of the document ("Bytes: 0xC3 0x28…", namespace URIs, entity names), and
/// nothing from a patient's file may reach a log.
package struct XMLProblem: Sendable, Hashable {
    /// How far the problem got.
    package enum Level: Sendable, Hashable {
        /// libxml2 warned and parsed on.
        case warning
        /// libxml2 reported an error and parsed on (a namespace error, an entity reference
        /// left out).
        case error
        /// Parsing ended here: the document is not well-formed, or a limit was hit.
        case fatal
    }

    /// What kind of problem, for the message.
    package enum Kind: Sendable, Hashable {
        /// libxml2's error; its code is in ``XMLProblem/code``.
        case libxml2
        /// Elements nested deeper than ``XMLParseSession/maximumDepth``.
        case tooDeep
        /// A run of text longer than ``XMLParseSession/maximumTextRun`` bytes.
        case textTooLong
        /// The document ended while elements were still open.
        case truncated
        /// One tag, comment or declaration longer than ``XMLParseSession/maximumBacklog``
        /// bytes (libxml2 must hold it whole before parsing it, and checks a tag's attributes
        /// for duplicates in quadratic time).
        case tokenTooLong
    }

    /// What kind of problem.
    package var kind: Kind
    /// libxml2's `xmlParserErrors` code (0 for our own limits).
    var code: Int
    /// How far the problem got.
    package var level: Level
    /// The 1-based line, when known.
    package var line: Int?
    /// The 1-based column, when known.
    package var column: Int?
    /// A short, value-free reason, such as `Opening and ending tag mismatch`.
    package var reason: String

    /// What is wrong, as the first half of a diagnostic: `XML is not well-formed (reason)`,
    /// or the limit that was hit.
    package var whatIsWrong: String {
        switch kind {
        case .tooDeep: return "XML elements are nested more than \(XMLParseSession.maximumDepth) deep"
        case .textTooLong: return "XML text is longer than \(XMLParseSession.maximumTextRun / (1024 * 1024)) MB in one piece"
        case .tokenTooLong:
            return "XML has a tag, comment or declaration longer than \(XMLParseSession.maximumBacklog / 1024) KiB"
        case .libxml2 where code == Int(XML_ERR_UNDECLARED_ENTITY.rawValue) || code == Int(XML_WAR_UNDECLARED_ENTITY.rawValue):
            return "XML uses an entity reference, which is never expanded in untrusted input"
        case .libxml2, .truncated: return "XML is not well-formed (\(reason))"
        }
    }

    /// Creates a problem from one of libxml2's structured errors.
    ///
    /// - Parameters:
    ///   - error: libxml2's error.
    ///   - atEndOfInput: whether the parser had consumed all input, with elements still open,
    ///     when the error came: then the file is truncated, whatever libxml2 calls it (its push
    ///     parser says "Extra content at the end of the document", or complains about an
    ///     unfinished attribute, comment or tag), unless the error is one that means what it
    ///     says even there (a mismatched last end tag, a bad character, an entity reference).
    init(_ error: xmlError, atEndOfInput: Bool) {
        kind = .libxml2
        code = Int(error.code)
        switch error.level {
        case XML_ERR_WARNING: level = .warning
        case XML_ERR_ERROR: level = .error
        default: level = .fatal
        }
        line = error.line > 0 ? Int(error.line) : nil
        column = error.int2 > 0 ? Int(error.int2) : nil
        reason = XMLProblem.reason(code: error.code, message: error.message)
        if atEndOfInput, level == .fatal, !XMLProblem.notTruncation.contains(error.code) {
            kind = .truncated
            reason = "Premature end of data"
        }
    }

    /// Errors that mean what they say even at the very end of the input: a tag mismatch in
    /// the last end tag, bad characters or encoding, an entity reference.
    private static let notTruncation: Set<Int32> = Set(
        [
            XML_ERR_TAG_NAME_MISMATCH, XML_ERR_INVALID_CHAR, XML_ERR_INVALID_ENCODING, XML_ERR_UNSUPPORTED_ENCODING,
            XML_ERR_UNKNOWN_ENCODING, XML_ERR_UNDECLARED_ENTITY, XML_WAR_UNDECLARED_ENTITY, XML_ERR_ENTITY_LOOP,
        ].map { Int32(bitPattern: $0.rawValue) })

    /// Creates one of our own problems.
    init(_ kind: Kind, line: Int?, column: Int?) {
        self.kind = kind
        self.code = 0
        self.level = .fatal
        self.line = line
        self.column = column
        self.reason = kind == .truncated ? "Premature end of data" : ""
    }

    /// The fixed text for a libxml2 error code. Texts are libxml2's own where libxml2 uses a
    /// fixed one; where its message quotes the document, the quoted part is left out.
    package static func reason(code: Int32, message: UnsafeMutablePointer<CChar>?) -> String {
        func starts(_ prefix: String) -> Bool {
            guard let message else { return false }
            return String(cString: message).hasPrefix(prefix)
        }
        switch xmlParserErrors(rawValue: UInt32(bitPattern: code)) {
        case XML_ERR_INTERNAL_ERROR:
            if starts("Excessive depth") { return "Excessive depth in document" }
            if starts("Huge input lookup") { return "Huge input lookup" }
            return "internal error"
        case XML_ERR_NO_MEMORY: return "out of memory"
        case XML_ERR_DOCUMENT_START, XML_ERR_DOCUMENT_EMPTY: return "no root element"
        case XML_ERR_DOCUMENT_END: return "Extra content at the end of the document"
        case XML_ERR_INVALID_HEX_CHARREF, XML_ERR_INVALID_DEC_CHARREF, XML_ERR_INVALID_CHARREF:
            return "invalid character reference"
        case XML_ERR_INVALID_CHAR:
            return starts("Input is not proper UTF-8") ? "Input is not proper UTF-8" : "invalid character"
        case XML_ERR_UNDECLARED_ENTITY, XML_WAR_UNDECLARED_ENTITY: return "entity reference"
        case XML_ERR_ENTITY_LOOP: return "Detected an entity reference loop"
        case XML_ERR_UNSUPPORTED_ENCODING, XML_ERR_UNKNOWN_ENCODING: return "Unsupported encoding"
        case XML_ERR_INVALID_ENCODING: return "content does not match the declared encoding"
        case XML_ERR_ATTRIBUTE_NOT_STARTED, XML_ERR_ATTRIBUTE_NOT_FINISHED: return "attribute value not quoted or not closed"
        case XML_ERR_ATTRIBUTE_WITHOUT_VALUE: return "attribute without a value"
        case XML_ERR_ATTRIBUTE_REDEFINED, XML_NS_ERR_ATTRIBUTE_REDEFINED: return "Attribute redefined"
        case XML_ERR_LT_IN_ATTRIBUTE: return "Unescaped '<' not allowed in attributes values"
        case XML_ERR_SPACE_REQUIRED: return "attributes construct error"
        case XML_ERR_NAME_REQUIRED: return "invalid element name"
        case XML_ERR_GT_REQUIRED: return "Couldn't find end of start tag"
        case XML_ERR_LTSLASH_REQUIRED: return "EndTag: '</' not found"
        case XML_ERR_TAG_NAME_MISMATCH: return "Opening and ending tag mismatch"
        case XML_ERR_TAG_NOT_FINISHED: return "Premature end of data"
        case XML_ERR_EQUAL_REQUIRED: return "expected '='"
        case XML_ERR_ENTITYREF_SEMICOL_MISSING: return "EntityRef: expecting ';'"
        case XML_ERR_COMMENT_NOT_FINISHED: return "Comment not terminated"
        case XML_ERR_HYPHEN_IN_COMMENT: return "Comment must not contain '--' (double-hyphen)"
        case XML_ERR_CDATA_NOT_FINISHED: return "CData section not finished"
        case XML_ERR_MISPLACED_CDATA_END: return "Sequence ']]>' not allowed in content"
        case XML_ERR_PI_NOT_STARTED, XML_ERR_PI_NOT_FINISHED: return "processing instruction not finished"
        case XML_ERR_RESERVED_XML_NAME: return "XML declaration allowed only at the start of the document"
        case XML_ERR_DOCTYPE_NOT_FINISHED: return "DOCTYPE improperly terminated"
        case XML_ERR_VERSION_MISSING: return "Malformed declaration expecting version"
        case XML_ERR_XMLDECL_NOT_FINISHED: return "parsing XML declaration: '?>' expected"
        case XML_ERR_NAME_TOO_LONG: return "Name too long"
        case XML_NS_ERR_UNDEFINED_NAMESPACE: return "Namespace prefix is not defined"
        case XML_NS_ERR_QNAME, XML_NS_ERR_COLON: return "invalid qualified name"
        case XML_NS_ERR_EMPTY, XML_NS_ERR_XML_NAMESPACE: return "invalid namespace declaration"
        default: return "libxml2 error \(code)"
        }
    }
}
