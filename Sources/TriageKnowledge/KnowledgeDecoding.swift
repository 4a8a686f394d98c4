import Foundation

/// Reads one knowledge file into its Swift type, and turns a decoding failure into a
/// ``KnowledgeError`` that names the row and the field: `analytes.json: row 3 (calcium): unit
/// "mg/dL" has no factor`.
enum KnowledgeDecoding {
    /// Decodes `data` (the contents of `file`) as `T`.
    package static func decode<T: Decodable>(_ type: T.Type, from data: Data, file: String) throws(KnowledgeError) -> T {
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch let error as DecodingError {
            throw translate(error, data: data, file: file)
        } catch let error as UnknownKnowledgeWord {
            let raw = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            let (path, field) = split(error.codingPath)
            throw located(
                path, raw: raw, file: file, reason: .invalidValue(field: field, value: "\"\(error.word)\"", expected: error.expected))
        } catch {
            throw KnowledgeError(file: file, reason: .invalidJSON(String(describing: error)))
        }
    }

    private static func translate(_ error: DecodingError, data: Data, file: String) -> KnowledgeError {
        let raw = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        switch error {
        case .keyNotFound(let key, let context):
            return located(context.codingPath, raw: raw, file: file, reason: .missingField(key.stringValue))
        case .valueNotFound(_, let context):
            let (path, field) = split(context.codingPath)
            return located(path, raw: raw, file: file, reason: .missingField(field))
        case .typeMismatch(let type, let context):
            let (path, field) = split(context.codingPath)
            return located(path, raw: raw, file: file, reason: .wrongType(field: field, expected: describe(type)))
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                let underlying = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
                return KnowledgeError(file: file, reason: .invalidJSON(underlying ?? context.debugDescription))
            }
            let (path, field) = split(context.codingPath)
            return located(path, raw: raw, file: file, reason: .wrongType(field: field, expected: "readable"))
        @unknown default:
            return KnowledgeError(file: file, reason: .invalidJSON(String(describing: error)))
        }
    }

    /// The path to the container and the name of the field inside it.
    private static func split(_ path: [CodingKey]) -> ([CodingKey], String) {
        guard let last = path.last else { return ([], "value") }
        if let index = last.intValue { return (Array(path.dropLast()), "item \(index + 1)") }
        return (Array(path.dropLast()), last.stringValue)
    }

    /// An error at the row and part of the row `path` leads to.
    private static func located(_ path: [CodingKey], raw: Any?, file: String, reason: KnowledgeError.Reason) -> KnowledgeError {
        var remaining = path[...]
        var node = raw
        var list: String?
        // vocabulary.json and knowledge.json are objects of lists; the other tables are lists.
        if let first = remaining.first, first.intValue == nil {
            list = first.stringValue
            node = (node as? [String: Any])?[first.stringValue]
            remaining = remaining.dropFirst()
        }
        guard let rowKey = remaining.first, let index = rowKey.intValue else {
            let subject = list.map { "\($0)" }
            return KnowledgeError(file: file, subject: subject, reason: reason)
        }
        let rowNode = (node as? [Any]).flatMap { index < $0.count ? $0[index] : nil }
        let row = KnowledgeError.Row(list: list, number: index + 1, id: identifier(of: rowNode))
        remaining = remaining.dropFirst()
        var subject: [String] = []
        var current = rowNode
        while let key = remaining.first {
            remaining = remaining.dropFirst()
            let child = (current as? [String: Any])?[key.stringValue]
            if let next = remaining.first, let position = next.intValue {
                remaining = remaining.dropFirst()
                let item = (child as? [Any]).flatMap { position < $0.count ? $0[position] : nil }
                subject.append(describeItem(list: key.stringValue, position: position, item: item))
                current = item
            } else {
                subject.append(key.stringValue)
                current = child
            }
        }
        return KnowledgeError(file: file, row: row, subject: subject.isEmpty ? nil : subject.joined(separator: " "), reason: reason)
    }

    /// `unit "mg/dL"`, `variant "brain"`, `source 2`, `names item 3`.
    static func describeItem(list: String, position: Int, item: Any?) -> String {
        let object = item as? [String: Any]
        switch list {
        case "units":
            if let unit = object?["unit"] as? String { return "unit \"\(unit)\"" }
            return "unit \(position + 1)"
        case "variants":
            if let id = object?["id"] as? String { return "variant \"\(id)\"" }
            return "variant \(position + 1)"
        case "sources": return "source \(position + 1)"
        default: return "\(list) item \(position + 1)"
        }
    }

    /// The row's id: its `id` or `name`, or the field that keys a row without one (a
    /// mapping's `row`, a default actor's `test`, a signal's words' `signal`), after its `table`.
    private static func identifier(of row: Any?) -> String? {
        guard let object = row as? [String: Any] else { return nil }
        let id =
            object["id"] as? String ?? object["name"] as? String ?? object["row"] as? String
            ?? object["test"] as? String ?? object["signal"] as? String
        if let table = object["table"] as? String, let id { return "\(table)/\(id)" }
        return id
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Double.Type, is Float.Type: return "a number"
        case is Int.Type: return "a whole number"
        case is String.Type: return "text"
        case is Bool.Type: return "true or false"
        default:
            let name = String(describing: type)
            if name.hasPrefix("Array") { return "a list" }
            if name.hasPrefix("Dictionary") { return "an object" }
            return "an object"
        }
    }
}
