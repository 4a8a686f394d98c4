#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Stops the fuzzer with a message when an invariant does not hold (libFuzzer saves the input).
package func check(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() {
        printError("invariant broken: \(message())")
        abort()
    }
}

/// Writes a line to standard error.
package func printError(_ line: String) {
    var text = line + "\n"
    text.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
}

/// Checks that a number read, if any, is finite and within `range`.
package func checkNumber(_ value: Double?, _ range: ClosedRange<Double>, _ name: String) {
    guard let value else { return }
    check(value.isFinite && range.contains(value), "\(name) \(value)")
}

/// Every number: finite, of either sign.
package let anyFiniteNumber = -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude
/// Every finite number of at least 0.
package let atLeastZero = 0...Double.greatestFiniteMagnitude

/// The readers' targets plant this where the input has a `~`: it holds `#`, which no XML name,
/// CSV header or code can, so it can only ever be a value, and no message may repeat it.
package let sentinel = "ZQX#SENTINEL"

/// How a local code's message begins (``checkDiagnostic(message:file:line:column:expectedFile:sentinelAllowed:)``).
let localCodeMessagePrefix = "local code "

/// `bytes` with every `~` replaced by ``sentinel``, after `prefix`.
package func plantingSentinels(_ bytes: UnsafeBufferPointer<UInt8>, after prefix: [UInt8] = []) -> [UInt8] {
    var file = prefix
    for byte in bytes {
        if byte == 0x7E { file += sentinel.utf8 } else { file.append(byte) }
    }
    return file
}

/// Checks a reader's diagnostic: its message is one line (no control characters) and, unless
/// `sentinelAllowed` or it is a local code's message, does not hold ``sentinel``; its location
/// names `expectedFile`, with a line and column of 1 or more where given.
///
/// A local code's message (`local code …`, SPEC §3.10) quotes the lab's own code, its text and
/// its unit on purpose: they are what the clinic's IT person adds to the code map, never a
/// patient's value, so the sentinel may stand there (found by fuzzing, session 5).
package func checkDiagnostic(
    message: String, file: String, line: Int?, column: Int?, expectedFile: String,
    sentinelAllowed: Bool = false
) {
    check(
        !message.isEmpty && !message.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F },
        "message with a control character: \(message.debugDescription)")
    if !sentinelAllowed && !message.hasPrefix(localCodeMessagePrefix) {
        check(!message.contains(sentinel), "value in a message: \(message)")
    }
    check(file == expectedFile, "location file \(file)")
    check((line ?? 1) >= 1 && (column ?? 1) >= 1, "location \(file):\(line ?? 0):\(column ?? 0)")
}
