/// How numbers are written into reports: the shortest text that reads back as the same
/// `Double`, without a trailing `.0` on whole numbers, so `2.0` prints `2` and `0.617` prints
/// `0.617`, the same on every host.
package enum NumberFormatting {
    /// The shortest round-tripping decimal text of `value`.
    package static func shortest(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// `value` rounded to `places` decimals (half away from zero), as a `Double`.
    package static func rounded(_ value: Double, places: Int) -> Double {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        return (value * scale).rounded(.toNearestOrAwayFromZero) / scale
    }

    /// `value` with exactly `places` decimals (`2` with 1 place is `2.0`), half away from zero.
    package static func fixed(_ value: Double, places: Int) -> String {
        let text = shortest(rounded(value, places: places))
        guard places > 0, !text.contains("e") else { return text }
        let decimals = text.firstIndex(of: ".").map { text.distance(from: $0, to: text.endIndex) - 1 } ?? -1
        if decimals < 0 { return text + "." + String(repeating: "0", count: places) }
        return text + String(repeating: "0", count: max(0, places - decimals))
    }
}
