/// The tool's name and version, as every report's provenance records them.
package enum ToolInfo {
    /// `twitch-triage`.
    package static let name = "twitch-triage"
    /// The tool's version. Bump it with any change that can change a report.
    package static let version = "0.1.0"
}
