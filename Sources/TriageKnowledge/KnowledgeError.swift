import TriageModel

/// A knowledge table that cannot be used: the one user-facing error of loading and validating
/// the tables.
///
/// The message names the file and, where there is one, the row and the part of it:
/// `analytes.json: row 3 (calcium): unit "mg/dL" has no factor`. Rows count from 1, in file
/// order; vocabulary rows are counted within their list (`regions row 5 (hand)`).
public struct KnowledgeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The row an error is in.
    package struct Row: Sendable, Hashable, CustomStringConvertible {
        /// The list inside the file, for files with several (`regions` in `vocabulary.json`).
        package var list: String?
        /// The 1-based row number within the list.
        package var number: Int
        /// The row's id, when it has a readable one.
        package var id: String?

        /// `row 3 (calcium)`, `regions row 5 (hand)`.
        public var description: String {
            var text = list.map { "\($0) row \(number)" } ?? "row \(number)"
            if let id, !id.isEmpty { text += " (\(id))" }
            return text
        }
    }

    /// What is wrong.
    package enum Reason: Sendable, Hashable {
        /// The file is not there.
        case fileMissing
        /// The file could not be read.
        case unreadable(String)
        /// The file is not JSON.
        case invalidJSON(String)
        /// A required field is absent or null.
        case missingField(String)
        /// A field holds the wrong kind of value.
        case wrongType(field: String, expected: String)
        /// A field is empty text.
        case emptyField(String)
        /// A field's value is outside what it may be.
        case invalidValue(field: String, value: String, expected: String)
        /// The id repeats an earlier row's.
        case duplicateID(String, firstRow: Int)
        /// A reference to another table does not resolve.
        case unresolved(field: String, value: String, target: String)
        /// A row, unit or limit cites no source.
        case noSource
        /// A cited source is not in the catalogue, or not allowed in this table.
        case unknownSource(String, allowed: String)
        /// The catalogue's articles are not the four of the seeds.
        case articlesMismatch(expected: [String], found: [String])
        /// The canonical unit is not among the accepted units.
        case canonicalUnitNotListed(String)
        /// The canonical unit's conversion is not the identity.
        case canonicalUnitNotIdentity(String, factor: Double, offset: Double)
        /// A unit's factor is zero, negative or not finite.
        case badFactor(String, factor: Double)
        /// A unit spelling is listed under two units of one analyte.
        case duplicateUnitSpelling(String, first: String, second: String)
        /// A range's low limit is not below its high limit.
        case emptyRange(low: Double, high: Double)
        /// A critical limit lies inside the reference range.
        case criticalInsideReference(limit: String, critical: Double, reference: Double)
        /// A required threshold id is absent.
        case missingThreshold(String)
        /// A row the code relies on (a SPEC id) is absent.
        case missingRow(String)
        /// A term means two different entries of one vocabulary list.
        case ambiguousTerm(String, first: String, second: String)
        /// `knowledge.json` does not list a table file.
        case fileNotListed(String)
        /// `knowledge.json` lists a file the loader does not know.
        case unknownFile(String)

        /// The reason as a phrase; `subject` is the part of the row it concerns, if any.
        func message(subject: String?) -> String {
            let prefix = subject.map { "\($0) " } ?? ""
            switch self {
            case .fileMissing: return "the file is missing"
            case .unreadable(let why): return "cannot be read: \(why)"
            case .invalidJSON(let why): return "is not valid JSON: \(why)"
            case .missingField(let field): return "\(prefix)has no \(field)"
            case .wrongType(let field, let expected): return "\(prefix)has a \(field) that is not \(expected)"
            case .emptyField(let field): return "\(prefix)has an empty \(field)"
            case .invalidValue(let field, let value, let expected):
                return "\(prefix)has \(field) \(value); it must be \(expected)"
            case .duplicateID(let id, let firstRow): return "\(prefix)repeats the id \"\(id)\" of row \(firstRow)"
            case .unresolved(let field, let value, let target): return "\(prefix)names \(field) \"\(value)\", which is not in \(target)"
            case .noSource: return "\(prefix)has no source"
            case .unknownSource(let name, let allowed): return "\(prefix)cites \"\(name)\", which is not \(allowed)"
            case .articlesMismatch(let expected, let found):
                return "the articles must be \(expected.joined(separator: ", ")), not \(found.joined(separator: ", "))"
            case .canonicalUnitNotListed(let unit): return "canonical unit \"\(unit)\" is not among its units"
            case .canonicalUnitNotIdentity(let unit, let factor, let offset):
                return
                    "canonical unit \"\(unit)\" has factor \(NumberFormatting.shortest(factor)) and offset \(NumberFormatting.shortest(offset)); it must have factor 1 and offset 0"
            case .badFactor(let unit, let factor):
                return "unit \"\(unit)\" has factor \(NumberFormatting.shortest(factor)); a factor must be a positive number"
            case .duplicateUnitSpelling(let spelling, let first, let second):
                return "lists the unit spelling \"\(spelling)\" under both \"\(first)\" and \"\(second)\""
            case .emptyRange(let low, let high):
                return "\(prefix)low \(NumberFormatting.shortest(low)) is not below high \(NumberFormatting.shortest(high))"
            case .criticalInsideReference(let limit, let critical, let reference):
                return
                    "critical \(limit) \(NumberFormatting.shortest(critical)) is inside the reference range (\(limit) \(NumberFormatting.shortest(reference)))"
            case .missingThreshold(let id): return "the required threshold \"\(id)\" is missing"
            case .missingRow(let id): return "\(prefix)has no row \"\(id)\""
            case .ambiguousTerm(let term, let first, let second):
                return "\(prefix)\"\(term)\" already means \"\(first)\"; it cannot also mean \"\(second)\""
            case .fileNotListed(let file): return "files does not list \"\(file)\""
            case .unknownFile(let file): return "files lists \"\(file)\", which is not a knowledge table"
            }
        }
    }

    /// The file, by name (`analytes.json`).
    package var file: String
    /// The row, if the problem is in one.
    package var row: Row?
    /// The part of the row (`unit "mg/dL"`, `reference`, `variant "brain"`), if narrower than it.
    package var subject: String?
    /// What is wrong.
    package var reason: Reason

    /// `file: row N (id): what is wrong`.
    public var description: String {
        var text = file + ": "
        if let row { text += row.description + ": " }
        return text + reason.message(subject: subject)
    }
}

#if canImport(Foundation)
    import Foundation

    extension KnowledgeError: LocalizedError {
        /// The message as ``description`` gives it, so swift-argument-parser prints it as written.
        public var errorDescription: String? { description }
    }
#endif
