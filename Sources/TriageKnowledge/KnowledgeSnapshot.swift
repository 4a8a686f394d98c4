import Foundation

/// The compiled, pre-validated form of the shipped knowledge (SPEC §9): every table and the
/// concept matcher's compiled tries in one binary file, `knowledge.snapshot`, beside the JSON
/// tables, read with no JSON parsing and no tokenizing.
///
/// Layout: the magic bytes `TTKS`, the format number, the ``KnowledgeDigest`` of the JSON
/// tables it was compiled from, a checksum of the rest, the tables (``KnowledgeTables``: every
/// stored property in declaration order, ``SnapshotCodable``) and the matcher (``ConceptMatcher/write(to:)``).
/// ``KnowledgeLoader/loadBundled()`` uses it only when its digest equals the digest of the JSON
/// tables it has just read; otherwise, or when it does not decode, the JSON tables are read and
/// validated in full. ``compile(tablesIn:)`` writes one
/// only for tables that validate, and only after reading it back and finding exactly what the
/// JSON gives; the test suite fails when the shipped snapshot is not the one the shipped tables
/// compile to, so a stale snapshot cannot ship.
package enum KnowledgeSnapshot {
    /// The file's name, beside the tables.
    package static let file = "knowledge.snapshot"
    static let magic: [UInt8] = Array("TTKS".utf8)
    /// Changes whenever the layout changes (2: the tables written field by field, ``SnapshotCodable``;
    /// 1 was their Codable form). A table type's change needs no new number: the shipped snapshot
    /// must be the one this build compiles (KnowledgeSnapshotTests).
    static let format: UInt32 = 2

    /// Validates the tables in `directory` in full and compiles them.
    ///
    /// - Parameter directory: the folder holding `knowledge.json` and the tables.
    /// - Returns: the snapshot's bytes, and the tables' digest (the stamp `knowledge.validated` holds).
    /// - Throws: ``KnowledgeError`` if a table is missing or broken, or (a defect of this
    ///   build, never of the tables) if the snapshot does not read back as exactly what the JSON gives.
    package static func compile(tablesIn directory: URL) throws(KnowledgeError) -> (snapshot: [UInt8], digest: String) {
        let (knowledge, digest) = try KnowledgeLoader.loadValidated(from: directory)
        let bytes = try compile(knowledge, digest: digest)
        return (bytes, digest)
    }

    /// The snapshot of validated `knowledge`, checked by reading it back.
    static func compile(_ knowledge: Knowledge, digest: String) throws(KnowledgeError) -> [UInt8] {
        let matcher = ConceptMatcher(knowledge.vocabulary, sideWords: VocabularyIndex.sideWords, checking: false)
        var body = SnapshotWriter()
        body.write(KnowledgeTables(knowledge))
        let matcherBytes = bytesOf(matcher)
        body.raw(matcherBytes)
        var writer = SnapshotWriter()
        writer.raw(magic)
        writer.uint32(format)
        writer.string(digest)
        writer.uint64(body.bytes.withUnsafeBytes { checksum($0) })
        writer.raw(body.bytes)
        let bytes = writer.bytes
        guard let back = read(bytes, digest: digest), back == knowledge,
            back.compiled.matcher.map(bytesOf) == matcherBytes
        else {
            throw KnowledgeError(file: file, reason: .unreadable("the compiled tables do not read back as the JSON tables"))
        }
        return bytes
    }

    /// The matcher's compiled tables as the snapshot writes them (equal bytes: equal tables).
    package static func bytesOf(_ matcher: ConceptMatcher) -> [UInt8] {
        var writer = SnapshotWriter()
        matcher.write(to: &writer)
        return writer.bytes
    }

    /// The digest recorded in a snapshot's header, if the bytes are a snapshot of this format.
    package static func digest(of bytes: [UInt8]) -> String? {
        bytes.withUnsafeBytes { raw in
            var reader = SnapshotReader(raw)
            return try? header(&reader)
        }
    }

    private static func header(_ reader: inout SnapshotReader) throws(SnapshotReader.Malformed) -> String {
        for byte in magic where try reader.byte() != byte { throw SnapshotReader.Malformed(offset: reader.position) }
        guard try reader.uint32() == format else { throw SnapshotReader.Malformed(offset: reader.position) }
        return try reader.string()
    }

    /// The knowledge (with its compiled matcher) in `bytes`, if they are a snapshot of this
    /// format compiled from tables with `digest`, their checksum holds and they decode; nil otherwise.
    package static func read(_ bytes: [UInt8], digest: String) -> Knowledge? {
        bytes.withUnsafeBytes { raw in read(raw, digest: digest) }
    }

    /// The knowledge in the snapshot `raw` (a mapped file), as ``read(_:digest:)``.
    package static func read(_ raw: UnsafeRawBufferPointer, digest: String) -> Knowledge? {
        (try? decode(raw, digest: digest)) ?? nil
    }

    private static func decode(_ raw: UnsafeRawBufferPointer, digest: String) throws(SnapshotReader.Malformed) -> Knowledge? {
        var reader = SnapshotReader(raw)
        guard try header(&reader) == digest else { return nil }
        let recorded = try reader.uint64()
        guard checksum(UnsafeRawBufferPointer(rebasing: raw[reader.position...])) == recorded else { return nil }
        var knowledge = try KnowledgeTables(snapshot: &reader).knowledge
        let matcher = try ConceptMatcher(snapshot: &reader, rules: knowledge.vocabulary.reading)
        guard reader.position == raw.count else { return nil }
        knowledge.compiled = CompiledMatcher(matcher: matcher)
        return knowledge
    }

    /// A 64-bit FNV-1a over 8-byte words of everything after the header: finds a damaged file (any
    /// change within one word always changes it), not a forged one (whoever can write the
    /// snapshot can write the tables too).
    static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var index = 0
        while index + 8 <= bytes.count {
            hash = (hash ^ UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self))) &* 0x100_0000_01b3
            index += 8
        }
        while index < bytes.count {
            hash = (hash ^ UInt64(bytes[index])) &* 0x100_0000_01b3
            index += 1
        }
        return hash ^ UInt64(bytes.count)
    }
}
