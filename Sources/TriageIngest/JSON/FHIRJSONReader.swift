import TriageModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads FHIR R4 JSON (one resource or a Bundle) and NDJSON (one resource a line, as a FHIR
/// Bulk Data export writes it) with ``JSONTokenizer``, streaming: no tree of the file is
/// built, only the elements ``FHIRName`` lists are looked at (SPEC §3.9).
///
/// - A file whose first line is a complete JSON object and which has more after it is NDJSON;
///   a line that is not JSON, or not a FHIR resource, is skipped with an error naming its
///   line, and the other lines are read.
/// - A JSON document that breaks part-way keeps the results of the resources completed before
///   the break; one error says where, why, and how many were kept.
/// - A document whose top-level value is not an object with a `resourceType` is refused.
public enum FHIRJSONReader {
    /// Reads a JSON or NDJSON file's bytes.
    public static func read(_ raw: UnsafeRawBufferPointer, file: String, options: ReadOptions) -> FileReadOutcome {
        let bytes = raw.bindMemory(to: UInt8.self)
        if isNDJSON(bytes) { return .read(readNDJSON(bytes, file: file, options: options)) }
        var builder = FHIRResourceBuilder(file: file, options: options, kind: .fhirJSON, size: bytes.count)
        var tokenizer = JSONTokenizer(bytes)
        do {
            let first = try tokenizer.next()
            guard first == .beginObject else {
                return .refused(
                    .error(
                        at: SourceLocation(file: file, line: tokenizer.tokenLine, column: tokenizer.tokenColumn),
                        Messages.notAResource))
            }
            let location = SourceLocation(file: file, line: tokenizer.tokenLine, column: tokenizer.tokenColumn)
            guard let type = try resourceType(&tokenizer) else {
                return .refused(.error(at: location, Messages.notAResource))
            }
            guard type != .other else { return .refused(.error(at: location, Messages.otherResource)) }
            var walker = Walker(tokenizer: tokenizer, fileID: SourceFileID(file))
            try walker.resource(type, at: location, builder: &builder)
            tokenizer = walker.tokenizer
            _ = try tokenizer.next()  // the end, or content after the value
        } catch {
            builder.abandon()
            let location = SourceLocation(file: file, line: error.line, column: error.column)
            let after = builder.mapping.keptCount
            let message = after > 0 ? Messages.malformedKept(error.reason, after) : Messages.malformedNothing(error.reason)
            builder.mapping.result.diagnostics.append(.error(at: location, message))
            builder.mapping.result.rejected = after == 0 && builder.mapping.result.demographics.isEmpty
        }
        builder.mapping.finish()
        return .read(builder.mapping.result)
    }

    /// Whether the file is NDJSON: its first non-blank line is a complete JSON value and
    /// something follows it.
    package static func isNDJSON(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // Blank lines before the first resource are skipped (as they are between lines).
        var lineStart = FHIRJSONReader.byteOrderMarkLength(bytes)
        while let newline = bytes[lineStart...].firstIndex(of: 0x0A), bytes[lineStart..<newline].allSatisfy(XMLBytes.isSpace) {
            lineStart = newline + 1
        }
        guard let newline = bytes[lineStart...].firstIndex(of: 0x0A) else { return false }
        var tokenizer = JSONTokenizer(UnsafeBufferPointer(rebasing: bytes[lineStart..<newline]))
        do {
            let first = try tokenizer.next()
            guard first == .beginObject else { return false }
            try tokenizer.skipValue(startingWith: first)
            guard try tokenizer.next() == .end else { return false }
        } catch {
            return false
        }
        return bytes[(newline + 1)...].contains { !XMLBytes.isSpace($0) }
    }

    private static func readNDJSON(_ bytes: UnsafeBufferPointer<UInt8>, file: String, options: ReadOptions) -> ReadResult {
        var builder = FHIRResourceBuilder(file: file, options: options, kind: .fhirNDJSON, size: bytes.count)
        let fileID = SourceFileID(file)
        // One tokenizer (inside one walker) for every line, so that its buffers are allocated
        // once and never copied.
        var walker = Walker(tokenizer: JSONTokenizer(UnsafeBufferPointer(start: nil, count: 0)), fileID: fileID)
        var lineNumber = 1
        var start = byteOrderMarkLength(bytes)  // columns count after it, as the tokenizer counts them
        while start < bytes.count {
            let end = nextNewline(bytes, from: start)
            let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
            if !line.allSatisfy(XMLBytes.isSpace) {
                walker.tokenizer.reset(line, firstLine: lineNumber)
                do {
                    let first = try walker.tokenizer.next()
                    let location = SourceLocation(fileID: fileID, line: walker.tokenizer.tokenLine, column: walker.tokenizer.tokenColumn)
                    guard first == .beginObject, let type = try resourceType(&walker.tokenizer) else {
                        builder.mapping.result.diagnostics.append(.error(at: location, Messages.lineNotAResource))
                        start = end + 1
                        lineNumber += 1
                        continue
                    }
                    try walker.resource(type, at: location, builder: &builder)
                    _ = try walker.tokenizer.next()
                } catch {
                    // What the line gave before it broke is not used: a line is one resource.
                    builder.discardOpen()
                    builder.mapping.result.diagnostics.append(
                        .error(
                            at: SourceLocation(fileID: fileID, line: error.line, column: error.column), Messages.lineMalformed(error.reason)
                        ))
                }
            }
            start = end + 1
            lineNumber += 1
        }
        builder.mapping.finish()
        return builder.mapping.result
    }

    /// The index of the first LF at or after `start`, or the end (memchr: lines are hundreds of
    /// bytes long).
    private static func nextNewline(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress, start < bytes.count,
            let found = memchr(UnsafeRawPointer(base + start), 0x0A, bytes.count - start)
        else { return bytes.count }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }

    /// 3 when the bytes start with a UTF-8 byte-order mark, else 0.
    static func byteOrderMarkLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    }

    /// After a resource's `{`: its `resourceType` (the first member in nearly every file;
    /// otherwise the object is scanned for it and read again from its start); nil when it has
    /// none. Either way the tokenizer is left just after the `{`.
    private static func resourceType(_ tokenizer: inout JSONTokenizer) throws(JSONTokenizer.Failure) -> FHIRName.ResourceType? {
        let start = tokenizer.mark()
        while true {
            let token = try tokenizer.next()
            switch token {
            case .key:
                let isType = tokenizer.withText { $0.elementsEqual("resourceType".utf8) }
                let value = try tokenizer.next()
                if isType {
                    guard value == .string else { return nil }
                    let type = tokenizer.withText { FHIRName.ResourceType.lookup($0) }
                    tokenizer.restore(start)
                    return type
                }
                try tokenizer.skipValue(startingWith: value)
            default:  // the object's end: no resourceType
                tokenizer.restore(start)
                return nil
            }
        }
    }

    /// Walks one resource's members and sends them to the builder.
    private struct Walker {
        var tokenizer: JSONTokenizer
        let fileID: SourceFileID

        mutating func resource(
            _ type: FHIRName.ResourceType, at location: SourceLocation,
            builder: inout FHIRResourceBuilder
        ) throws(JSONTokenizer.Failure) {
            builder.beginResource(type, at: location)
            try members(builder: &builder)
            builder.endResource()
        }

        /// The members of the object whose `{` was just read, up to its `}`.
        private mutating func members(builder: inout FHIRResourceBuilder) throws(JSONTokenizer.Failure) {
            while true {
                let token = try tokenizer.next()
                if token == .endObject { return }
                let name = tokenizer.withText { FHIRName.lookup($0) }
                let value = try tokenizer.next()
                if name == .other || builder.skips(name) {
                    try tokenizer.skipValue(startingWith: value)
                    continue
                }
                try element(name, first: value, builder: &builder)
            }
        }

        /// One member's value (each item of an array is one element of the same name).
        private mutating func element(
            _ name: FHIRName, first: JSONTokenizer.Token,
            builder: inout FHIRResourceBuilder
        ) throws(JSONTokenizer.Failure) {
            switch first {
            case .beginArray:
                while true {
                    let item = try tokenizer.next()
                    if item == .endArray { return }
                    if item == .beginArray {
                        try tokenizer.skipValue(startingWith: item)
                        continue
                    }
                    try element(name, first: item, builder: &builder)
                }
            case .beginObject:
                builder.enter(name)
                if name == .resource || name == .contained {
                    let location = SourceLocation(fileID: fileID, line: tokenizer.tokenLine, column: tokenizer.tokenColumn)
                    if let type = try FHIRJSONReader.resourceType(&tokenizer) {
                        try resource(type, at: location, builder: &builder)
                    } else {
                        try tokenizer.skipValue(startingWith: .beginObject)
                    }
                } else {
                    try members(builder: &builder)
                }
                builder.exit()
            case .string, .number:
                builder.enter(name)
                let line = tokenizer.tokenLine
                let column = tokenizer.tokenColumn
                let fileID = self.fileID
                tokenizer.withText { builder.value($0, at: SourceLocation(fileID: fileID, line: line, column: column)) }
                builder.exit()
            default:  // true, false, null: no element the readers use is a boolean
                break
            }
        }
    }

    enum Messages {
        static let notAResource = "JSON is not a FHIR resource (no resourceType in its top-level object); file skipped"
        static let otherResource =
            "FHIR resource of a type twitch-triage does not read (only Observation, DiagnosticReport, Bundle, Patient); file skipped"
        static let lineNotAResource = "NDJSON line is not a FHIR resource (no resourceType); line skipped"

        static func malformedKept(_ reason: String, _ kept: Int) -> String {
            "JSON is malformed (\(reason)); rest of file skipped, \(CountedNoun("result").counted(kept)) before it kept"
        }

        static func malformedNothing(_ reason: String) -> String {
            "JSON is malformed (\(reason)); file skipped"
        }

        static func lineMalformed(_ reason: String) -> String {
            "NDJSON line is malformed (\(reason)); line skipped"
        }
    }
}
