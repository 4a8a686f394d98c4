import Foundation
import Testing
import TriageEngine
import TriageKnowledge
import TriageModel

/// Typed ids (issue 11 item 6, issue 24): no Swift file of a library layer spells an id of the
/// tables or of the findings as a string literal; the code names them through their typed
/// constants (``FindingID``, ``ConditionID``, ``RegionID``, ``VariantID``, ``AdviceID``, … in
/// `ClinicalIDs.swift`, `FindingID.swift`) and ``Recommendation/Test``.
@Suite struct IDLiteralTests {
    /// Every layer target of the library, relative to the package root, scanned with its subfolders.
    static let layers = [
        "Sources/TriageModel", "Sources/TriageKnowledge", "Sources/TriageIngest", "Sources/TriageNormalise",
        "Sources/TriageEngine", "Sources/TriageRender", "Sources/TriageBatch", "Sources/TriageService",
    ]

    /// The files that declare the typed constants and the ids the SPEC requires: the one place an
    /// id is spelled.
    static let declaring: Set<String> = [
        "TriageModel/IDKinds.swift", "TriageModel/FindingID.swift", "TriageKnowledge/ClinicalIDs.swift",
        "TriageKnowledge/ClinicalIDs+FindingID.swift", "TriageKnowledge/KnowledgeRequirements.swift",
    ]

    /// Literals that spell an id's word but are not the id, each with what it is instead
    /// (file relative to `Sources`, the literal).
    static let notIDs: [String: Set<String>] = [
        // Column and element names of the journal formats (SPEC §3.3), not trigger or symptom ids.
        "TriageIngest/CSV/CSVColumn.swift": ["weakness", "stress", "exercise", "medications"],
        "TriageIngest/CSV/CSVKindDetector.swift": ["weakness", "stress", "exercise", "medications"],
        "TriageIngest/XML/JournalXMLReader.swift": ["lifestyle", "weakness", "stress", "exercise"],
        "TriageIngest/XML/JournalXMLReader+Entry.swift": ["stress", "exercise", "weakness", "none"],
        // The words of an exercise column (`none`, `rest`), not the trigger `none`.
        "TriageKnowledge/VocabularyIndex.swift": ["none"],
        // The referral JSON's `lifestyle` object (SPEC §7), not the test.
        "TriageRender/ReferralJSON.swift": ["lifestyle"],
        // The knowledge page's cell for an analyte without limits.
        "TriageRender/KnowledgeMarkdown.swift": ["none"],
        // A JSON Web Key without a curve, in an error message.
        "TriageService/JSONWebKey.swift": ["none"],
        // `patients found: none` in report's message for a patient not in the input.
        "TriageBatch/SinglePatientReport.swift": ["none"],
    ]

    @Test func noLayerFileSpellsAnIdAsAStringLiteral() throws {
        let ids = Self.ids(Knowledge.forTests)
        let ruleIDs = Set(RuleRegistry.all.map(\.id.rawValue))
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var scanned: [String: Int] = [:]
        for layer in Self.layers {
            let directory = root.appendingPathComponent(layer)
            let files = try FileManager.default.subpathsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".swift") }.sorted()
            for file in files {
                let name = String(layer.dropFirst("Sources/".count)) + "/" + file
                guard !Self.declaring.contains(name) else { continue }
                let source = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
                let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
                scanned[layer, default: 0] += 1
                for literal in SwiftStringLiterals.scan(source) where !literal.interpolated {
                    guard let kind = ids[literal.text], Self.notIDs[name]?.contains(literal.text) != true else { continue }
                    let line = lines[literal.line - 1].trimmingCharacters(in: .whitespaces)
                    // A rule's own name (`package let id: RuleID = "spreading"`) is a rule id, a namespace of
                    // its own that happens to share a word with a finding or a red flag.
                    if ruleIDs.contains(literal.text), line == "package let id: RuleID = \"\(literal.text)\"" { continue }
                    // A closed set's own word (`case footDrop = "foot drop"`: a red-flag presentation,
                    // a contrast signal, a symptom set) declares that set, not an id of the tables.
                    if line.hasPrefix("case "), line.hasSuffix(" = \"\(literal.text)\"") { continue }
                    Issue.record("\(name):\(literal.line): string literal \"\(literal.text)\" is a \(kind); name it through its type")
                }
            }
        }
        for layer in Self.layers { #expect(scanned[layer, default: 0] > 0, "\(layer) was not found or is empty") }
        #expect(scanned.values.reduce(0, +) > 200, "the layers were not found or are nearly empty (\(scanned))")
    }

    /// Every id the code may not spell, with what it is: finding ids (the fixed ones and those
    /// built from the knowledge's symptoms, medication classes, analytes, conditions and lifestyle
    /// factors), condition ids, test ids (the catalogue's and the recommendation kinds), contrast-table
    /// ids, the vocabulary's regions, region groups, symptoms, triggers and medication classes, region
    /// sets, the catalogue's variants, advice, red-flag, analyte, drug-group and threshold ids.
    static func ids(_ knowledge: Knowledge) -> [String: String] {
        var ids: [String: String] = [:]
        func add<Tag>(_ values: [Tagged<Tag, String>], _ kind: String) { add(values.map(\.rawValue), kind) }
        func add(_ values: [String], _ kind: String) { for value in values where ids[value] == nil { ids[value] = kind } }
        let vocabulary = knowledge.vocabulary
        add(FindingID.fixed, "finding id")
        add(vocabulary.symptoms.map { FindingID.symptom($0.id) }, "finding id")
        add(vocabulary.medicationClasses.map { FindingID.medication($0.id) }, "finding id")
        add(knowledge.analytes.map { FindingID.lab($0.id) }, "finding id")
        add(knowledge.conditions.map { FindingID.concern($0.id) }, "finding id")
        add(LifestyleAnalysis.Factor.allCases.map { FindingID.correlation($0) }, "finding id")
        add(knowledge.conditions.map(\.id), "condition id")
        add(knowledge.tests.map(\.id) + Recommendation.Test.allCases.map(\.id), "test id")
        add(knowledge.contrastMap.tables.map(\.id), "contrast-table id")
        add(vocabulary.regions.map(\.id), "region id")
        add(vocabulary.regionGroups.map(\.id), "region-group id")
        add(knowledge.rules.regionSets.map(\.id), "region-set id")
        add(knowledge.tests.flatMap(\.variants).map(\.id), "variant id")
        add(knowledge.advice.map(\.id), "advice id")
        add(vocabulary.medicationClasses.map(\.id), "medication-class id")
        add(knowledge.redFlags.map(\.id), "red-flag id")
        add(vocabulary.triggers.map(\.id), "trigger id")
        add(knowledge.analytes.map(\.id), "analyte id")
        add(vocabulary.symptoms.map(\.id), "symptom id")
        add(knowledge.labActions.drugGroups.map(\.id), "drug-group id")
        add(knowledge.thresholds.map(\.id), "threshold id")
        // Contrast rows (``ContrastRowID``) are named only by the tables, and their ids are the
        // formats' common words (`duration`, `location`, `severity`): not listed.
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
        #expect(ids[Recommendation.Test.emg.id.rawValue] == "test id")
        #expect(ids[CatalogueTestID.lumbarPuncture.rawValue] == "test id")
        #expect(ids[ContrastTableID.eyelidVsMS.rawValue] == "contrast-table id")
        #expect(ids[RegionID.eyelid.rawValue] == "region id")
        #expect(ids[RegionGroupID.upperLimb.rawValue] == "region-group id")
        #expect(ids[RegionSetID.backOrLeg.rawValue] == "region-set id")
        #expect(ids[VariantID.cervicalSpine.rawValue] == "variant id")
        #expect(ids[AdviceID.notMonitored.rawValue] == "advice id")
        #expect(ids["diuretics"] == "medication-class id")
        #expect(ids[RedFlagID.caudaEquina.rawValue] == "red-flag id")
        #expect(ids[TriggerID.poorSleep.rawValue] == "trigger id")
        #expect(ids[AnalyteID.glucose.rawValue] == "analyte id")
        #expect(ids[SymptomID.fineMotor.rawValue] == "symptom id")
        #expect(ids["proton-pump inhibitor"] == "drug-group id")
        #expect(ids[Threshold.Key.staleLabDays.id.rawValue] == "threshold id")
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
            return index + utf8.count <= bytes.count && Array(bytes[index..<index + utf8.count]) == utf8
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
                        for _ in 0..<hashes { advance() }
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
                    advance()
                    advance()
                } else if starts(with: "*/") {
                    depth -= 1
                    advance()
                    advance()
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
            for _ in 0..<quote.utf8.count { advance() }
            if multiline, peek() == UInt8(ascii: "\n") { advance() }
            var text: [UInt8] = []
            var interpolated = false
            while peek() != nil {
                if starts(with: close) {
                    for _ in 0..<close.utf8.count { advance() }
                    break
                }
                if starts(with: escape) {
                    for _ in 0..<escape.utf8.count { advance() }
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
