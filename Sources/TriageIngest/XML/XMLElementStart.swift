/// An element's start tag as libxml2's SAX2 `startElementNs` delivers it: names and
/// attribute values as pointers into libxml2's buffers, valid only during the callback.
///
/// Names are NUL-terminated UTF-8 (compare them with ``XMLNameTable`` or
/// ``XMLBytes/equals(_:_:)``, never by building a String). Attribute values are
/// (start, end) byte ranges with entities and character references already decoded.
package struct XMLElementStart {
    /// The element's local name (without prefix).
    let localName: UnsafePointer<UInt8>
    /// The namespace prefix as written, if any.
    let prefix: UnsafePointer<UInt8>?
    /// The namespace URI the element is in, if any.
    package let namespaceURI: UnsafePointer<UInt8>?
    /// How many attributes the start tag itself wrote.
    let writtenAttributeCount: Int
    /// How many attributes a DTD added as defaults (after the written ones).
    let defaultedAttributeCount: Int
    /// libxml2's table: five pointers per attribute (local name, prefix, URI, value, end).
    package let table: UnsafeMutablePointer<UnsafePointer<UInt8>?>?

    /// All attributes, written ones first, then those defaulted by a DTD.
    package var attributeCount: Int { writtenAttributeCount + defaultedAttributeCount }

    /// The attribute at `index` (`0..<attributeCount`).
    package subscript(index: Int) -> XMLAttribute {
        let entry = table! + 5 * index
        let value = entry[3]!
        let end = entry[4]!
        return XMLAttribute(
            localName: entry[0]!, prefix: entry[1], namespaceURI: entry[2],
            value: UnsafeBufferPointer(start: value, count: end - value),
            isDefaulted: index >= writtenAttributeCount)
    }

    /// The element's name as written (`prefix:local`), for messages; at most 64 characters.
    package var displayName: String { XMLBytes.displayName(localName, prefix: prefix) }
}

/// One attribute of an ``XMLElementStart``; pointers valid only during the callback.
package struct XMLAttribute {
    /// The attribute's local name (without prefix), NUL-terminated.
    let localName: UnsafePointer<UInt8>
    /// The namespace prefix as written, if any.
    let prefix: UnsafePointer<UInt8>?
    /// The namespace URI, if the attribute has a prefix.
    package let namespaceURI: UnsafePointer<UInt8>?
    /// The value's bytes, entities and character references decoded.
    package let value: UnsafeBufferPointer<UInt8>
    /// Whether a DTD supplied the attribute as a default rather than the start tag.
    package let isDefaulted: Bool

    /// The attribute's name as written (`prefix:local`), for messages; at most 64 characters.
    package var displayName: String { XMLBytes.displayName(localName, prefix: prefix) }
}

extension XMLElementStart {
    /// The name and value of the attribute at `index` when it is written on the element (not
    /// defaulted by a DTD), has no prefix, and its name is in `table`; nil otherwise (the
    /// caller reports it as unknown).
    @inline(__always)
    func knownAttribute<Name>(at index: Int, in table: XMLNameTable<Name>) -> (name: Name, value: UnsafeBufferPointer<UInt8>)? {
        let attribute = self[index]
        guard !attribute.isDefaulted, attribute.prefix == nil, let name = table.lookup(attribute.localName) else { return nil }
        return (name, attribute.value)
    }
}
