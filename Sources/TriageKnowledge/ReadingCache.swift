import Foundation

/// Remembers what the ``ConceptMatcher`` read for a text, because journals repeat themselves:
/// the same location, the same symptom list, the same trigger, night after night, patient after
/// patient. Reading is a pure function of (text, kinds), so a cached answer is the answer; the
/// cache only saves the work, never changes an output.
///
/// Shared by the threads of a batch behind a lock (two cores: contention is negligible next to
/// the tokenising it saves). Bounded: only texts of at most ``longestText`` bytes are kept (the
/// short fields repeat; long notes rarely do, and a hostile file of huge notes must not fill
/// memory), and when it holds ``capacity`` texts it starts again empty.
final class ReadingCache: @unchecked Sendable {
    struct Key: Hashable {
        var text: String
        var kinds: Set<ConceptMention.Kind>
    }

    /// How many texts it holds before it starts again.
    let capacity: Int
    /// The longest text it keeps, in UTF-8 bytes.
    let longestText = 256
    private let lock = NSLock()
    private var readings: [Key: [ConceptMention]] = [:]
    private var keys: [String: String] = [:]

    init(capacity: Int = 50_000) {
        self.capacity = capacity
    }

    /// The cached reading of `text` for `kinds`, or `read()`'s, remembered.
    func reading(_ text: String, kinds: Set<ConceptMention.Kind>, read: () -> [ConceptMention]) -> [ConceptMention] {
        remembered(Key(text: text, kinds: kinds), of: text, in: \.readings, make: read)
    }

    /// The cached phrase key of `text` (its stems, as whole-text lists compare them).
    func phraseKey(_ text: String, make: () -> String) -> String {
        remembered(text, of: text, in: \.keys, make: make)
    }

    /// The value under `key` in one of the tables, or `make()`'s, stored (outside the lock:
    /// two threads may both make it, and both get the same answer).
    private func remembered<K: Hashable, V>(
        _ key: K, of text: String, in table: ReferenceWritableKeyPath<ReadingCache, [K: V]>,
        make: () -> V
    ) -> V {
        guard text.utf8.count <= longestText else { return make() }
        lock.lock()
        if let hit = self[keyPath: table][key] {
            lock.unlock()
            return hit
        }
        lock.unlock()
        let value = make()
        lock.lock()
        if self[keyPath: table].count >= capacity { self[keyPath: table].removeAll(keepingCapacity: true) }
        self[keyPath: table][key] = value
        lock.unlock()
        return value
    }
}
