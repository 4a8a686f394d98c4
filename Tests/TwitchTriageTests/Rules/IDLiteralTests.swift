import Foundation
import Testing
import TriageEngine
import TriageKnowledge
import TriageModel

/// Typed ids (issue 11 item 6): no Swift file under Sources/TriageEngine/Rules or
/// Sources/TriageEngine/Findings spells a finding, condition, test or contrast-table id as a
/// string literal; the code names them through ``FindingID``, ``ConditionID``,
/// ``Recommendation/Test`` and ``ContrastTableID``.
@Suite struct IDLiteralTests {
    /// The folders the rule applies to, relative to the package root.
    static let folders = ["Sources/TriageEngine/Rules", "Sources/TriageEngine/Findings"]

    @Test func noRuleOrFindingsFileSpellsAnIdAsAStringLiteral() throws {
        let ids = Self.ids(Knowledge.forTests)
        let ruleIDs = Set(RuleRegistry.all.map(\.id.rawValue))
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var scanned = 0
        for folder in Self.folders {
            let directory = root.appendingPathComponent(folder)
            let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".swift") }.sorted()
            for file in files {
                let source = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
                let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
                scanned += 1
                for literal in SwiftStringLiterals.scan(source) where !literal.interpolated {
                    guard let kind = ids[literal.text] else { continue }
                    // A rule's own name (`package let id = "spreading"`) is a rule id, a namespace of
                    // its own (typed `RuleID`) that happens to share a word with a finding.
                    let line = lines[literal.line - 1].trimmingCharacters(in: .whitespaces)
                    if ruleIDs.contains(literal.text), line == "package let id: RuleID = \"\(literal.text)\"" { continue }
                    Issue.record("\(folder)/\(file):\(literal.line): string literal \"\(literal.text)\" is a \(kind); name it through its type")
                }
            }
        }
        #expect(scanned > 20, "the folders were not found or are nearly empty (\(scanned) files)")
    }

    /// Every id the code may not spell, with what it is: finding ids (the fixed ones and those
    /// built from the knowledge's symptoms, medication classes, analytes, conditions and lifestyle
    /// factors), condition ids, test ids (the catalogue's and the recommendation kinds) and
    /// contrast-table ids.
    static func ids(_ knowledge: Knowledge) -> [String: String] {
        var ids: [String: String] = [:]
        func add(_ values: [String], _ kind: String) { for value in values where ids[value] == nil { ids[value] = kind } }
        add(FindingID.fixed.map(\.rawValue), "finding id")
        add(knowledge.vocabulary.symptoms.map { FindingID.symptom($0.id).rawValue }, "finding id")
        add(knowledge.vocabulary.medicationClasses.map { FindingID.medication($0.id).rawValue }, "finding id")
        add(knowledge.analytes.map { FindingID.lab($0.id).rawValue }, "finding id")
        add(knowledge.conditions.map { FindingID.concern($0.id).rawValue }, "finding id")
        add(LifestyleAnalysis.Factor.allCases.map { FindingID.correlation($0).rawValue }, "finding id")
        add(knowledge.conditions.map(\.id.rawValue), "condition id")
        add(knowledge.tests.map(\.id) + Recommendation.Test.allCases.map(\.rawValue), "test id")
        add(knowledge.contrastMap.tables.map(\.id), "contrast-table id")
        return ids
    }

    @Test func theIdListHoldsEveryKind() {
        let ids = Self.ids(Knowledge.forTests)
        #expect(ids[FindingID.twitchSpan.rawValue] == "finding id")
        #expect(ids[FindingID.symptom(SymptomID.fineMotor).rawValue] == "finding id")
        #expect(ids[FindingID.lab(AnalyteID.vitaminB12).rawValue] == "finding id")
        #expect(ids[FindingID.correlation(.eyeStrain).rawValue] == "finding id")
        #expect(ids[FindingID.concern(ConditionID.als).rawValue] == "finding id")
        #expect(ids[ConditionID.multipleSclerosis.rawValue] == "condition id")
        #expect(ids[Recommendation.Test.emg.rawValue] == "test id")
        #expect(ids[CatalogueTestID.lumbarPuncture] == "test id")
        #expect(ids[ContrastTableID.eyelidVsMS.rawValue] == "contrast-table id")
    }

    /// The scanner finds plain literals at their line, reads escapes, nested literals inside an
    /// interpolation, raw and multi-line strings, and skips comments.
    @Test func theScannerFindsLiteralsAndSkipsComments() {
        let source = #"""
        let a = "als" // "bfs" in a comment
        /* "EMG" in a /* nested */ block */ let b = "x\(flag ? "NCS" : "y")z"
        let c = #"raw "quoted" \(not)"#
        let d = """
            many
            """
        let e = "tab\tand \"quote\""
        """#
        let found = SwiftStringLiterals.scan(source)
        #expect(found.map(\.text) == ["als", "NCS", "y", "x\\(...)z", #"raw "quoted" \(not)"#, "    many", "tab\tand \"quote\""])
        #expect(found.map(\.line) == [1, 2, 2, 2, 3, 4, 7])
        #expect(found.map(\.interpolated) == [false, false, false, true, false, false, false])
    }
}

/// A small lexer for the string literals of a Swift source file: enough of the grammar
/// (comments, nested block comments, escapes, interpolation, raw and multi-line strings) that a
/// literal is never confused with code or a comment.
enum SwiftStringLiterals {
    /// One literal: the line it starts on (1-based), its text with escapes read and each
    /// interpolation written `\(...)`, and whether it has one.
    struct Literal: Equatable {
        var line: Int
        var text: String
        var interpolated: Bool
    }

    /// The literals of `source` in the order they close (an interpolation's literals come
    /// before the literal that holds them).
    static func scan(_ source: String) -> [Literal] {
        var lexer = Lexer(bytes: Array(source.utf8))
        lexer.code(inInterpolation: false)
        return lexer.found
    }

    private struct Lexer {
        let bytes: [UInt8]
        var index = 0
        var line = 1
        var found: [Literal] = []

        init(bytes: [UInt8]) { self.bytes = bytes }

        func peek(_ offset: Int = 0) -> UInt8? { index + offset < bytes.count ? bytes[index + offset] : nil }
        func starts(with text: String) -> Bool {
            let utf8 = Array(text.utf8)
            return index + utf8.count <= bytes.count && Array(bytes[index ..< index + utf8.count]) == utf8
        }

        mutating func advance() {
            if bytes[index] == UInt8(ascii: "\n") { line += 1 }
            index += 1
        }

        /// Code up to the end of input, or to the `)` that closes an interpolation.
        mutating func code(inInterpolation: Bool) {
            var depth = 0
            while let byte = peek() {
                if starts(with: "//") {
                    while peek() != nil, peek() != UInt8(ascii: "\n") { advance() }
                } else if starts(with: "/*") {
                    blockComment()
                } else if byte == UInt8(ascii: "#") || byte == UInt8(ascii: "\"") {
                    var hashes = 0
                    while peek(hashes) == UInt8(ascii: "#") { hashes += 1 }
                    if peek(hashes) == UInt8(ascii: "\"") {
                        for _ in 0 ..< hashes { advance() }
                        string(hashes: hashes)
                    } else {
                        advance()
                    }
                } else if byte == UInt8(ascii: "(") {
                    depth += 1
                    advance()
                } else if byte == UInt8(ascii: ")") {
                    advance()
                    if depth == 0, inInterpolation { return }
                    depth -= 1
                } else {
                    advance()
                }
            }
        }

        mutating func blockComment() {
            var depth = 0
            repeat {
                if starts(with: "/*") {
                    depth += 1
                    advance(); advance()
                } else if starts(with: "*/") {
                    depth -= 1
                    advance(); advance()
                } else {
                    advance()
                }
            } while depth > 0 && peek() != nil
        }

        /// A literal starting at its opening quote, after `hashes` `#`.
        mutating func string(hashes: Int) {
            let startLine = line
            let multiline = starts(with: "\"\"\"")
            let quote = multiline ? "\"\"\"" : "\""
            let close = quote + String(repeating: "#", count: hashes)
            let escape = "\\" + String(repeating: "#", count: hashes)
            for _ in 0 ..< quote.utf8.count { advance() }
            if multiline, peek() == UInt8(ascii: "\n") { advance() }
            var text: [UInt8] = []
            var interpolated = false
            while peek() != nil {
                if starts(with: close) {
                    for _ in 0 ..< close.utf8.count { advance() }
                    break
                }
                if starts(with: escape) {
                    for _ in 0 ..< escape.utf8.count { advance() }
                    guard let next = peek() else { break }
                    advance()
                    switch next {
                    case UInt8(ascii: "("):
                        interpolated = true
                        text += Array("\\(...)".utf8)
                        code(inInterpolation: true)
                    case UInt8(ascii: "n"): text.append(UInt8(ascii: "\n"))
                    case UInt8(ascii: "t"): text.append(UInt8(ascii: "\t"))
                    case UInt8(ascii: "r"): text.append(UInt8(ascii: "\r"))
                    case UInt8(ascii: "0"): text.append(0)
                    default: text.append(next)
                    }
                    continue
                }
                text.append(bytes[index])
                advance()
            }
            if multiline {
                // The closing delimiter's line (its indentation) is not part of the text; the
                // content lines keep theirs.
                while text.last == UInt8(ascii: " ") { text.removeLast() }
                if text.last == UInt8(ascii: "\n") { text.removeLast() }
            }
            found.append(Literal(line: startLine, text: String(decoding: text, as: UTF8.self), interpolated: interpolated))
        }
    }
}
