/// A whole-input pass of ``JSONTokenizer``, for the fuzzer and the benchmark: every token read,
/// nothing kept.
public enum JSONScan {
    /// What scanning an input came to.
    public struct Outcome: Sendable, Equatable {
        /// Tokens read (the end of input not counted).
        public var tokens: Int
        /// The deepest nesting met.
        package var maximumDepth: Int
        /// The error that stopped the scan, if any: reason, line, column.
        package var failure: (reason: String, line: Int, column: Int)?

        public static func == (lhs: Outcome, rhs: Outcome) -> Bool {
            lhs.tokens == rhs.tokens && lhs.maximumDepth == rhs.maximumDepth
                && lhs.failure?.reason == rhs.failure?.reason && lhs.failure?.line == rhs.failure?.line
                && lhs.failure?.column == rhs.failure?.column
        }
    }

    /// Tokenizes `bytes` as one JSON document.
    public static func scan(_ bytes: UnsafeRawBufferPointer) -> Outcome {
        var tokenizer = JSONTokenizer(bytes.bindMemory(to: UInt8.self))
        var outcome = Outcome(tokens: 0, maximumDepth: 0, failure: nil)
        do {
            while try tokenizer.next() != .end {
                outcome.tokens += 1
                outcome.maximumDepth = max(outcome.maximumDepth, tokenizer.depth)
                // Touch the text, as a reader would.
                _ = tokenizer.withText { $0.count }
            }
        } catch {
            outcome.failure = (error.reason, error.line, error.column)
        }
        return outcome
    }

    /// The deepest nesting ``JSONTokenizer`` accepts.
    package static var depthLimit: Int { JSONTokenizer.maximumDepth }
}
