/// How to read a slash date such as `10/01/2026`, which is ambiguous on its own.
///
/// Without one, slash dates are refused (SPEC §3.2); `--date-order` supplies it.
public enum DateOrder: String, Sendable, Hashable, CaseIterable, Codable {
    /// Month first: `10/01/2026` is 1 October 2026.
    case mdy
    /// Day first: `10/01/2026` is 10 January 2026.
    case dmy
}
