/// The matcher's compiled tables in the knowledge snapshot (``KnowledgeSnapshot``): the trie's
/// edges and terminals, the word ids, stems and deletion index, the equivalence trie, the word
/// sets and the frames, written in sorted order (the same bytes for the same vocabulary) and
/// read back with no tokenizing or stemming.
///
/// The validator's lists (collisions, collapsed phrases and frame parts) are not written: a
/// snapshot is only made of knowledge that validated, where they are all empty.
extension ConceptMatcher {
    /// Writes the compiled tables.
    package func write(to writer: inout SnapshotWriter) {
        Self.write(wordIDs, &writer)
        Self.write(conceptWords, &writer)
        Self.writeSorted(
            deletionIndex, by: <, &writer,
            entry: { variant, words, writer in
                writer.string(variant)
                Self.write(words, &writer)
            })
        Self.writeSorted(
            edges, by: { ($0.node, $0.word) < ($1.node, $1.word) }, &writer,
            entry: { key, next, writer in
                writer.int32(key.node)
                writer.int32(key.word)
                writer.int32(next)
            })
        Self.writeSorted(
            terminals, by: <, &writer,
            entry: { node, payloads, writer in
                writer.int32(node)
                writer.uint32(UInt32(payloads.count))
                for payload in payloads { Self.write(payload, &writer) }
            })
        writer.int32(nodeCount)
        Self.writeSorted(
            equivalenceEdges, by: { ($0.node, $0.stem) < ($1.node, $1.stem) }, &writer,
            entry: { key, next, writer in
                writer.int32(key.node)
                writer.string(key.stem)
                writer.int32(next)
            })
        Self.writeSorted(
            equivalenceTerminals, by: <, &writer,
            entry: { node, canonical, writer in
                writer.int32(node)
                writer.string(canonical)
            })
        writer.int32(equivalenceNodeCount)
        for set in [
            fillerStems, commonWords, patientWords, statementStartStems, listJoinerStems, listConjunctionStems,
            inabilityCancelKeys, inabilityStems, noneKeys,
        ] {
            Self.write(set.sorted(), &writer)
        }
        let sideIDs = sideWordIDs.sorted()
        writer.uint32(UInt32(sideIDs.count))
        for id in sideIDs { writer.int32(id) }
        Self.writeSorted(
            listItems, by: <, &writer,
            entry: { key, symptom, writer in
                writer.string(key)
                writer.string(symptom)
            })
        Self.writeSorted(
            names, by: { $0.rawValue < $1.rawValue }, &writer,
            entry: { kind, ids, writer in
                writer.string(kind.rawValue)
                Self.write(ids, &writer)
            })
        Self.write(regionGroups, &writer)
        frameIndex.write(to: &writer)
    }

    /// Reads the compiled tables that ``write(to:)`` wrote for a vocabulary with these reading rules.
    ///
    /// - Throws: ``SnapshotReader/Malformed`` when the bytes are not such tables.
    init(snapshot reader: inout SnapshotReader, rules: ReadingRules) throws(SnapshotReader.Malformed) {
        self.rules = rules
        wordIDs = try Self.readIDs(&reader)
        conceptWords = try Self.readIDs(&reader)
        let deletionCount = try reader.count(minimumWidth: 8)
        deletionIndex.reserveCapacity(deletionCount)
        for _ in 0..<deletionCount {
            let variant = try reader.string()
            deletionIndex[variant] = try Self.readStrings(&reader)
        }
        let edgeCount = try reader.count(minimumWidth: 12)
        edges.reserveCapacity(edgeCount)
        for _ in 0..<edgeCount {
            let key = EdgeKey(node: try reader.int32(), word: try reader.int32())
            edges[key] = try reader.int32()
        }
        let terminalCount = try reader.count(minimumWidth: 8)
        terminals.reserveCapacity(terminalCount)
        for _ in 0..<terminalCount {
            let node = try reader.int32()
            let payloadCount = try reader.count(minimumWidth: 9)
            var payloads: [Payload] = []
            payloads.reserveCapacity(payloadCount)
            for _ in 0..<payloadCount { payloads.append(try Self.readPayload(&reader)) }
            terminals[node] = payloads
        }
        nodeCount = try reader.int32()
        let equivalenceCount = try reader.count(minimumWidth: 12)
        for _ in 0..<equivalenceCount {
            let key = EquivalenceKey(node: try reader.int32(), stem: try reader.string())
            equivalenceEdges[key] = try reader.int32()
        }
        let equivalenceTerminalCount = try reader.count(minimumWidth: 8)
        for _ in 0..<equivalenceTerminalCount {
            let node = try reader.int32()
            equivalenceTerminals[node] = try reader.string()
        }
        equivalenceNodeCount = try reader.int32()
        fillerStems = try Self.readSet(&reader)
        commonWords = try Self.readSet(&reader)
        patientWords = try Self.readSet(&reader)
        statementStartStems = try Self.readSet(&reader)
        listJoinerStems = try Self.readSet(&reader)
        listConjunctionStems = try Self.readSet(&reader)
        inabilityCancelKeys = try Self.readSet(&reader)
        inabilityStems = try Self.readSet(&reader)
        noneKeys = try Self.readSet(&reader)
        let sideCount = try reader.count(minimumWidth: 4)
        for _ in 0..<sideCount { sideWordIDs.insert(try reader.int32()) }
        let itemCount = try reader.count(minimumWidth: 8)
        for _ in 0..<itemCount {
            let key = try reader.string()
            listItems[key] = try reader.string()
        }
        let nameCount = try reader.count(minimumWidth: 8)
        for _ in 0..<nameCount {
            let offset = reader.position
            guard let kind = ConceptMention.Kind(rawValue: try reader.string()) else { throw SnapshotReader.Malformed(offset: offset) }
            names[kind] = try Self.readStrings(&reader)
        }
        regionGroups = try Self.readStrings(&reader)
        frameIndex = try FrameIndex(snapshot: &reader, window: rules.frameWindowWords)
    }

    /// Writes the count of `dictionary`, then each entry by `entry`, in the order of the keys that
    /// `areInIncreasingOrder` gives: the same bytes for the same tables.
    private static func writeSorted<Key, Value>(
        _ dictionary: [Key: Value], by areInIncreasingOrder: (Key, Key) -> Bool,
        _ writer: inout SnapshotWriter, entry: (Key, Value, inout SnapshotWriter) -> Void
    ) {
        let sorted = dictionary.sorted { areInIncreasingOrder($0.key, $1.key) }
        writer.uint32(UInt32(sorted.count))
        for (key, value) in sorted { entry(key, value, &writer) }
    }

    private static func write(_ ids: [String: Int32], _ writer: inout SnapshotWriter) {
        writeSorted(ids, by: <, &writer) { word, id, writer in
            writer.string(word)
            writer.int32(id)
        }
    }

    private static func readIDs(_ reader: inout SnapshotReader) throws(SnapshotReader.Malformed) -> [String: Int32] {
        let count = try reader.count(minimumWidth: 8)
        var ids: [String: Int32] = [:]
        ids.reserveCapacity(count)
        for _ in 0..<count {
            let word = try reader.string()
            ids[word] = try reader.int32()
        }
        return ids
    }

    package static func write(_ strings: [String], _ writer: inout SnapshotWriter) {
        writer.uint32(UInt32(strings.count))
        for string in strings { writer.string(string) }
    }

    /// A list of strings, read straight into a set (no array built first).
    static func readSet(_ reader: inout SnapshotReader) throws(SnapshotReader.Malformed) -> Set<String> {
        let count = try reader.count(minimumWidth: 4)
        var strings: Set<String> = []
        strings.reserveCapacity(count)
        for _ in 0..<count { strings.insert(try reader.string()) }
        return strings
    }

    static func readStrings(_ reader: inout SnapshotReader) throws(SnapshotReader.Malformed) -> [String] {
        let count = try reader.count(minimumWidth: 4)
        var strings: [String] = []
        strings.reserveCapacity(count)
        for _ in 0..<count { strings.append(try reader.string()) }
        return strings
    }

    private static func write(_ payload: Payload, _ writer: inout SnapshotWriter) {
        switch payload {
        case .concept(let kind, let index):
            writer.byte(0)
            writer.string(kind.rawValue)
            writer.int32(index)
        case .trigger(let kind, let direction):
            writer.byte(1)
            writer.string(kind.rawValue)
            writer.string(direction.rawValue)
        }
    }

    private static func readPayload(_ reader: inout SnapshotReader) throws(SnapshotReader.Malformed) -> Payload {
        let offset = reader.position
        switch try reader.byte() {
        case 0:
            guard let kind = ConceptMention.Kind(rawValue: try reader.string()) else { throw SnapshotReader.Malformed(offset: offset) }
            return .concept(kind, try reader.int32())
        case 1:
            guard let kind = ReadingRules.TriggerKind(rawValue: try reader.string()),
                let direction = ReadingRules.Direction(rawValue: try reader.string())
            else { throw SnapshotReader.Malformed(offset: offset) }
            return .trigger(kind, direction)
        default:
            throw SnapshotReader.Malformed(offset: offset)
        }
    }
}

extension FrameIndex {
    /// Writes the compiled frames (the window comes from the reading rules).
    package func write(to writer: inout SnapshotWriter) {
        let parts = partsByFirstStem.sorted { $0.key < $1.key }
        writer.uint32(UInt32(parts.count))
        for (stem, list) in parts {
            writer.string(stem)
            writer.uint32(UInt32(list.count))
            for part in list {
                writer.int(part.frame)
                writer.byte(part.isSubject ? 1 : 0)
                ConceptMatcher.write(part.stems, &writer)
            }
        }
        writer.uint32(UInt32(symptoms.count))
        for symptom in symptoms { writer.int32(symptom) }
    }

    /// Reads what ``write(to:)`` wrote.
    init(snapshot reader: inout SnapshotReader, window: Int) throws(SnapshotReader.Malformed) {
        self.window = window
        let count = try reader.count(minimumWidth: 8)
        for _ in 0..<count {
            let stem = try reader.string()
            let partCount = try reader.count(minimumWidth: 13)
            var list: [Part] = []
            for _ in 0..<partCount {
                let frame = try reader.int()
                let isSubject = try reader.byte() == 1
                list.append(Part(frame: frame, isSubject: isSubject, stems: try ConceptMatcher.readStrings(&reader)))
            }
            partsByFirstStem[stem] = list
        }
        let symptomCount = try reader.count(minimumWidth: 4)
        symptoms.reserveCapacity(symptomCount)
        for _ in 0..<symptomCount { symptoms.append(try reader.int32()) }
    }
}
