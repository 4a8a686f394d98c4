/// Receives one document's events from ``XMLPushParser``, in document order.
///
/// Every pointer handed over (names, attribute values, text) belongs to libxml2 and is valid
/// only during the call: copy what must outlive it. A handler may hand the rest of the
/// document to another handler (``XMLParseSession/handOver(to:)``) or stop the parse
/// (``XMLParseSession/halt()``). Text that is only white space reaches a handler only while
/// it has set ``XMLParseSession/textWanted`` (it sets it as elements start and end); other
/// text always does, so that stray text can be reported.
package protocol XMLEventHandler: AnyObject {
    /// An element starts; `session` tells where and can stop the parse.
    func startElement(_ element: XMLElementStart, session: XMLParseSession)
    /// The innermost open element ends.
    func endElement(session: XMLParseSession)
    /// Character data of the innermost open element, as UTF-8: plain text, CDATA, and
    /// predefined entities and character references, already decoded. One text node may
    /// arrive in several pieces.
    func characters(_ text: UnsafeBufferPointer<UInt8>, session: XMLParseSession)
}
