import Foundation
import Testing
import TriageService

/// A JSON Schema (2020-12) validator for the keywords `cds-hooks-card.schema.json` uses:
/// `type`, `enum`, `const`, `required`, `properties`, `additionalProperties` (boolean),
/// `items`, `minItems`, `minLength`, `maxLength` (in characters), `pattern`, `$ref` (to
/// `#/$defs/…`), `allOf`, `if`/`then` and `dependentRequired`. Any other keyword is reported
/// as a problem, so the schema cannot silently ask for more than is checked.
struct JSONSchemaValidator {
    let root: JSONNode

    static let known: Set<String> = [
        "$schema", "$id", "title", "description", "type", "enum", "const", "required", "properties", "additionalProperties",
        "items", "minItems", "minLength", "maxLength", "pattern", "$ref", "allOf", "if", "then", "dependentRequired", "$defs",
    ]

    /// The validator of the card schema shipped with the tests.
    static func cardSchema() throws -> JSONSchemaValidator {
        let url = try #require(Bundle.module.url(forResource: "cds-hooks-card.schema", withExtension: "json"))
        return JSONSchemaValidator(root: try JSONDecoder().decode(JSONNode.self, from: Data(contentsOf: url)))
    }

    /// The problems of `value`, as `path: what`; empty when valid.
    func validate(_ value: JSONNode) -> [String] {
        var problems: [String] = []
        check(value, root, path: "$", into: &problems)
        return problems
    }

    private func check(_ value: JSONNode, _ schema: JSONNode, path: String, into problems: inout [String]) {
        guard case .object(let keywords) = schema else { return }
        for key in keywords.keys where !Self.known.contains(key) { problems.append("\(path): schema keyword \(key) not supported") }
        if let ref = schema["$ref"]?.string {
            guard let target = root["$defs"]?[ref.replacingOccurrences(of: "#/$defs/", with: "")] else {
                problems.append("\(path): unresolved \(ref)")
                return
            }
            check(value, target, path: path, into: &problems)
        }
        if case .array(let all)? = schema["allOf"] { for sub in all { check(value, sub, path: path, into: &problems) } }
        if let condition = schema["if"], let then = schema["then"] {
            var trial: [String] = []
            check(value, condition, path: path, into: &trial)
            if trial.isEmpty { check(value, then, path: path, into: &problems) }
        }
        if let type = schema["type"]?.string, !Self.has(value, type: type) { problems.append("\(path): not \(type)") }
        if case .array(let options)? = schema["enum"], !options.contains(value) { problems.append("\(path): not one of the enum") }
        if let constant = schema["const"], constant != value { problems.append("\(path): not the const") }
        if case .string(let text) = value {
            if case .number(let min)? = schema["minLength"], Double(text.count) < min {
                problems.append("\(path): shorter than \(Int(min))")
            }
            if case .number(let max)? = schema["maxLength"], Double(text.count) > max {
                problems.append("\(path): \(text.count) characters, more than \(Int(max))")
            }
            if let pattern = schema["pattern"]?.string, text.range(of: pattern, options: .regularExpression) == nil {
                problems.append("\(path): does not match \(pattern)")
            }
        }
        if case .array(let items) = value {
            if case .number(let min)? = schema["minItems"], Double(items.count) < min {
                problems.append("\(path): fewer than \(Int(min)) items")
            }
            if let itemSchema = schema["items"] {
                for (index, item) in items.enumerated() { check(item, itemSchema, path: "\(path)[\(index)]", into: &problems) }
            }
        }
        if case .object(let members) = value {
            if case .array(let required)? = schema["required"] {
                for key in required.compactMap(\.string) where members[key] == nil { problems.append("\(path): \(key) missing") }
            }
            for (key, member) in members {
                if let sub = schema["properties"]?[key] {
                    check(member, sub, path: "\(path).\(key)", into: &problems)
                } else if schema["additionalProperties"] == .bool(false) {
                    problems.append("\(path): \(key) not allowed")
                }
            }
            if case .object(let dependent)? = schema["dependentRequired"] {
                for (key, needed) in dependent where members[key] != nil {
                    guard case .array(let others) = needed else { continue }
                    for other in others.compactMap(\.string) where members[other] == nil {
                        problems.append("\(path): \(other) required with \(key)")
                    }
                }
            }
        }
    }

    static func has(_ value: JSONNode, type: String) -> Bool {
        switch (type, value) {
        case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("null", .null), ("number", .number): true
        case ("integer", .number(let number)): number.rounded() == number
        default: false
        }
    }
}
