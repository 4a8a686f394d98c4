// Writes the knowledge snapshot's readers and writers (SPEC §9) at build time: run by the build-tool
// plugin `SnapshotCodingPlugin` (Plugins/), once per knowledge file it lists, as
//
//     snapshot-coding-generator <Type>.swift <work directory>/<Type>+Snapshot.swift
//
// For each Codable type of the file (or Encodable: `KnowledgeTables`, the snapshot's outermost value,
// is written as JSON by `knowledge --format json` but never read from JSON) it conforms the type to
// `SnapshotCodable`, reading and writing every stored property in declaration order. The snapshot is then read with no Codable, no JSON and
// no runtime conformance lookups (the Codable decode of the snapshot was about 14% of a single
// report's CPU, most of it the Swift runtime resolving generic metadata and scanning protocol
// conformance records).
//
// The output is never committed: SwiftPM runs this again whenever the knowledge file (or this
// program) changes, so a reader can never be out of date with its type. A property the parsing
// misses makes the build fail (an initializer that leaves a property without a default unset), and
// `twitch-triage knowledge --compile` (make knowledge-stamp) refuses a snapshot that does not read
// back as exactly what the JSON tables give.
//
// The parsing is deliberately simple: one `struct`/`enum` per line with `{`, stored properties as
// `[public|package] var|let name: Type [= default]` lines one level inside their type, no `{` on
// the line. Foundation only, so that it builds with the tools' own flags in every configuration.
import Foundation

/// A `struct` or `enum` declared in the file, with the names of its stored properties in order.
struct Declaration {
    /// The qualified name (`Vocabulary.Region`).
    var name: String
    /// The column of the declaration, which tells which type a property line belongs to.
    var indent: Int
    /// `struct` or `enum`.
    var kind: String
    /// Whether it conforms to Codable or Encodable (and so is in the snapshot).
    var codable: Bool
    /// The stored properties, in declaration order.
    var properties: [String] = []
}

/// The Codable (or Encodable) structs and enums of a Swift file, with their stored properties in order.
func codableTypes(_ source: String) -> [Declaration] {
    // `[public|package ][indirect ]struct|enum Name[: conformances]{`, at the start of a line.
    let declarationPattern = try! Regex(#"(?:(?:public|package) )?(?:indirect )?(struct|enum) (\w+)(: ([^{]*))?\{"#)
    // `[public|package ]var|let name: Type[ = default]`, the whole line.
    let storedPattern = try! Regex(#"(?:(?:public|package) )?(var|let) (\w+): ([^={]+?)\s*(=.*)?$"#)
    var found: [Declaration] = []
    // The types the line is inside, innermost last, as indices into `found`.
    var stack: [Int] = []
    for line in source.split(separator: "\n", omittingEmptySubsequences: false) {
        let text = line.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.hasPrefix("//") { continue }
        let indent = line.count - line.drop { $0.isWhitespace }.count
        if let match = text.prefixMatch(of: declarationPattern) {
            stack = stack.filter { found[$0].indent < indent }
            let conformances = match.output[4].substring.map(String.init) ?? ""
            let name = (stack.map { found[$0].name } + [String(match.output[2].substring!)]).joined(separator: ".")
            stack.append(found.count)
            found.append(
                Declaration(
                    name: name, indent: indent, kind: String(match.output[1].substring!),
                    codable: conformances.contains("Codable") || conformances.contains("Encodable"))
            )
            continue
        }
        if text == "}", let last = stack.last, found[last].indent == indent {
            stack.removeLast()
            continue
        }
        if let match = text.prefixMatch(of: storedPattern), let last = stack.last, indent == found[last].indent + 4,
            !text.contains("{"), !text.contains("static")
        {
            found[last].properties.append(String(match.output[2].substring!))
        }
    }
    return found.filter(\.codable)
}

/// The `+Snapshot.swift` file for the types of `file` (its name without `.swift`).
func generated(_ file: String, _ types: [Declaration]) -> String {
    var lines = [
        "// Generated at build time by snapshot-coding-generator (SnapshotCodingPlugin) from \(file).swift.",
        "// The snapshot form (SPEC §9): every stored property in declaration order,",
        "// read back with no Codable, no JSON and no runtime conformance lookups (``SnapshotCodable``).", "",
    ]
    for entry in types {
        if entry.kind == "enum" {
            lines += ["extension \(entry.name): SnapshotCodable {}", ""]
            continue
        }
        lines.append("extension \(entry.name): SnapshotCodable {")
        lines.append("    package init(snapshot reader: inout SnapshotReader) throws(SnapshotReader.Malformed) {")
        lines += entry.properties.map { "        \($0) = try reader.read()" }
        lines += ["    }", "", "    package func write(to writer: inout SnapshotWriter) {"]
        lines += entry.properties.map { "        writer.write(\($0))" }
        lines += ["    }", "}", ""]
    }
    var text = lines.joined(separator: "\n")
    while text.hasSuffix("\n") { text.removeLast() }
    return text + "\n"
}

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: snapshot-coding-generator <Type>.swift <output>+Snapshot.swift\n".utf8))
    exit(64)
}
let input = URL(fileURLWithPath: arguments[1])
let output = URL(fileURLWithPath: arguments[2])
do {
    let source = try String(contentsOf: input, encoding: .utf8)
    let text = generated(input.deletingPathExtension().lastPathComponent, codableTypes(source))
    // Written only when it differs: SwiftPM may run the generator again though nothing changed (it
    // relinks a plugin's tool on some builds), and an untouched file leaves TriageKnowledge and every
    // target above it uncompiled.
    if (try? String(contentsOf: output, encoding: .utf8)) != text {
        try text.write(to: output, atomically: true, encoding: .utf8)
    }
} catch {
    FileHandle.standardError.write(Data("\(arguments[1]): \(error.localizedDescription), no readers written\n".utf8))
    exit(1)
}
