import Testing
import TriageIngest

/// The interning of repeated values (issue 12): a hit gives the same text, a decoding `make`
/// is never bypassed wrongly, a failing `make` fails every time.
@Suite struct ByteStringCacheTests {
    private func withBytes<T>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        var copy = text
        return try copy.withUTF8 { try body($0) }
    }

    @Test func aRepeatedValueIsMadeOnce() {
        let cache = ByteStringCache()
        var made = 0
        let make = { (bytes: UnsafeBufferPointer<UInt8>) -> String in
            made += 1
            return String(decoding: bytes, as: UTF8.self)
        }
        for _ in 0..<5 {
            #expect(withBytes("25-hydroxyvitamin D, serum") { cache.string($0, orMake: make) } == "25-hydroxyvitamin D, serum")
            #expect(withBytes("mmol/L") { cache.string($0, orMake: make) } == "mmol/L")
        }
        #expect(made == 2)
    }

    @Test func valuesThatShareASlotOrAHashStillGiveTheirOwnText() {
        let cache = ByteStringCache()
        // More distinct values than slots: every answer must still be its own text.
        for round in 0..<2 {
            for number in 0..<(ByteStringCache.slotCount * 2) {
                let text = "value-\(number)"
                #expect(withBytes(text) { cache.string($0) } == text, "round \(round)")
            }
        }
    }

    @Test func aDecodingMakeIsAskedAgainEveryTime() {
        let cache = ByteStringCache()
        var made = 0
        let decode = { (bytes: UnsafeBufferPointer<UInt8>) -> String in
            made += 1
            return String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "&amp;", with: "&")
        }
        for _ in 0..<3 { #expect(withBytes("A&amp;E lab") { cache.string($0, orMake: decode) } == "A&E lab") }
        #expect(made == 3)
    }

    @Test func aFailingMakeFailsEveryTimeAndLongValuesAreNotKept() throws {
        struct Invalid: Error {}
        let cache = ByteStringCache()
        for _ in 0..<2 {
            #expect(throws: Invalid.self) {
                try withBytes("bad") { (bytes) throws(Invalid) -> String in
                    try cache.string(bytes) { (_) throws(Invalid) -> String in throw Invalid() }
                }
            }
        }
        let long = String(repeating: "x", count: ByteStringCache.maximumLength + 1)
        var made = 0
        for _ in 0..<2 {
            _ = withBytes(long) {
                cache.string($0) {
                    made += 1
                    return String(decoding: $0, as: UTF8.self)
                }
            }
        }
        #expect(made == 2)
    }

    @Test func anInvalidCSVFieldIsAnErrorOnEveryRowNotOnlyTheFirst() {
        let csv = Array("patient_id,timestamp,symptoms\nP1,2026-11-01,a\u{0}b\nP1,2026-11-02,a\u{0}b\nP1,2026-11-03,ok\n".utf8)
        let outcome = csv.withUnsafeBytes { CSVFileReader.read($0, file: "j.csv", options: ReadOptions.forTests()) }
        guard case .read(let result) = outcome else {
            Issue.record("refused: \(outcome)")
            return
        }
        #expect(result.journal.count == 1)
        #expect(result.diagnostics.filter { $0.severity == .error }.map(\.location.line) == [2, 3])
    }
}
