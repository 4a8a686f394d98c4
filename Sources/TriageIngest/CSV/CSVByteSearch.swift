/// Word-at-a-time search for the next "special" byte, the inner loop of ``CSVScanner``.
///
/// Eight bytes are loaded as one `UInt64` and compared with up to four byte values at once using
/// the classic has-zero-byte bit trick: `(w - 0x01…01) & ~w & 0x80…80` is non-zero exactly when
/// some byte of `w` is zero. It can mark false positives, but only in bytes *above* a true zero
/// byte, so on a little-endian load the lowest marked byte is always a true match. There is no
/// per-byte function call, branch or `Character`: ordinary text is skipped eight bytes per step.
enum CSVByteSearch {
    /// `0x01` in every byte.
    static let ones: UInt64 = 0x0101_0101_0101_0101
    /// `0x80` in every byte.
    static let highs: UInt64 = 0x8080_8080_8080_8080

    /// `byte` repeated in all eight bytes of a word.
    @inline(__always)
    static func splat(_ byte: UInt8) -> UInt64 { UInt64(byte) &* ones }

    /// A mask with the high bit set in (at least) the lowest byte of `word` that is zero.
    @inline(__always)
    static func zeroBytes(_ word: UInt64) -> UInt64 { (word &- ones) & ~word & highs }

    /// The first index in `from..<end` whose byte is `a`, `b`, `c` or `d`, or `end`.
    ///
    /// - Parameters:
    ///   - base: the start of the buffer.
    ///   - from: where to start looking.
    ///   - end: the end of the buffer; no byte at or past it is read.
    ///   - a: the first byte looked for, splatted with ``splat(_:)``; likewise `b`, `c`, `d`
    ///     (repeat one to look for fewer).
    @inline(__always)
    static func firstOf(
        _ base: UnsafePointer<UInt8>, from: Int, end: Int,
        _ a: UInt64, _ b: UInt64, _ c: UInt64, _ d: UInt64
    ) -> Int {
        var index = from
        let raw = UnsafeRawPointer(base)
        while index &+ 8 <= end {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            let hits = zeroBytes(word ^ a) | zeroBytes(word ^ b) | zeroBytes(word ^ c) | zeroBytes(word ^ d)
            if hits != 0 { return index &+ (hits.trailingZeroBitCount &>> 3) }
            index &+= 8
        }
        let byteA = UInt8(truncatingIfNeeded: a)
        let byteB = UInt8(truncatingIfNeeded: b)
        let byteC = UInt8(truncatingIfNeeded: c)
        let byteD = UInt8(truncatingIfNeeded: d)
        while index < end {
            let byte = base[index]
            if byte == byteA || byte == byteB || byte == byteC || byte == byteD { return index }
            index &+= 1
        }
        return end
    }
}
