/// The tool's name and version, as every report's provenance records them.
public enum ToolInfo {
    /// `twitch-triage`.
    public static let name = "twitch-triage"
    /// The tool's version. Bump it with any change that can change a report.
    public static let version = "0.1.0"
}
