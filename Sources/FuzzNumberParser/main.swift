// libFuzzer target: `NumberParser` and `LabValue.parse` (`make fuzz`; see Fuzz/README.md).
//
// Input: the first byte says whether a decimal comma is allowed; the rest is the field.
//
// Beyond "no crash", every number read checks that:
// - it is finite;
// - it equals the standard library's correctly rounded reading of the same text (the fast
//   path divides an integer mantissa by a power of ten, and must round the same way);
// - it round-trips: the text reports print for it (`NumberFormatting.shortest`) reads back as
//   the same number, when that text is a plain decimal;
// - a lab value's bound is not negative when censored, and the value round-trips through its
//   text the same way.
import FuzzSupport
import TriageIngest
import TriageModel

/// Whether `text` is written without an exponent (so that the parsers may read it).
func isPlainDecimal(_ text: String) -> Bool { !text.contains("e") && !text.contains("n") && !text.contains("i") }

FuzzDriver.run("FuzzNumberParser") { input in
    guard let selector = input.first else { return }
    let decimalComma = selector & 1 != 0
    let bytes = UnsafeBufferPointer(rebasing: input.dropFirst())
    if let number = NumberParser.parse(bytes, decimalComma: decimalComma) {
        check(number.isFinite, "not finite: \(number)")
        // Accepted text is ASCII digits, one separator, a sign and spaces or tabs around it.
        var text = String(decoding: bytes, as: UTF8.self).trimmingSpacesAndTabs()
        if decimalComma { text = String(text.map { $0 == "," ? "." : $0 }) }
        check(Double(text) == number, "\(text.debugDescription) read as \(number), the standard library says \(Double(text) ?? .nan)")
        let printed = NumberFormatting.shortest(number)
        if isPlainDecimal(printed) {
            check(NumberParser.parse(printed) == number, "\(number) prints as \(printed), which reads back differently")
        }
    }
    if let value = LabValue.parse(bytes, decimalComma: decimalComma) {
        check(value.number.isFinite, "lab value not finite")
        check(!value.isCensored || value.number >= 0, "negative censored bound")
        let printed = value.description
        if isPlainDecimal(printed) { check(LabValue.parse(printed) == value, "\(printed) reads back differently") }
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    func trimmingSpacesAndTabs() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
            let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" })
        else { return "" }
        return String(scalars[first...last])
    }
}
