import Foundation
import TriageKnowledge
import TriageModel

/// The words a report uses for the ids of the JSON schema (SPEC §7: "clinical words, never
/// code ids"): test names (`tests.json` labels), analyte names from the knowledge tables'
/// labels, urgency labels.
///
/// Made once per patient: it looks up every analyte's label and short name once, so the page's
/// many sentences are put in words without searching the tables again.
package final class ReportLabels: Sendable {
    let knowledge: Knowledge
    /// Label and short name by analyte id.
    private let analyteNames: [AnalyteID: (label: String, short: String)]
    /// The report's name of each test (`tests.json` `label`).
    private let testLabels: [Recommendation.Test: String]
    /// The analyte ids that are not words (`vitaminB12`), as bytes, with their short names.
    private let codeLike: [(id: String, bytes: [UInt8], name: String)]

    /// The red-flag finding ids and their words: the symptoms the rules count as red flags
    /// (`rules.json` `benign-red-flags`), then the findings `page.json` names with their words
    /// (`words.redFlagFindings`: progressive weakness, spreading, eyelid twitching spreading over
    /// the face).
    let redFlags: [(id: FindingID, words: String)]
    private let redFlagWordsByID: [FindingID: String]
    /// The finding ids of the red-flag symptoms.
    let redFlagSymptomIDs: Set<FindingID>

    /// The finding ids of each step of `page.json`'s order of danger (its symptoms' and its
    /// findings'), made once rather than per patient (``RedFlagDanger``).
    let dangerStepIDs: [[FindingID]]

    /// Whether the finding id is a red flag.
    package func isRedFlag(_ id: FindingID) -> Bool { redFlagWordsByID[id] != nil }

    /// The words of a red flag, by finding id.
    package func redFlagWords(_ id: FindingID) -> String { redFlagWordsByID[id] ?? id.rawValue.replacingDashes }

    package init(knowledge: Knowledge) {
        self.knowledge = knowledge
        let symptoms = knowledge.symptomSet(.benignRedFlags).symptoms
        redFlags =
            symptoms.map { (FindingID.symptom($0), $0.rawValue) }
            + (knowledge.page?.words.redFlagFindings ?? []).map { ($0.finding, $0.words) }
        redFlagWordsByID = Dictionary(redFlags.map { ($0.id, $0.words) }, uniquingKeysWith: { first, _ in first })
        redFlagSymptomIDs = Set(symptoms.map(FindingID.symptom))
        var names: [AnalyteID: (label: String, short: String)] = [:]
        for analyte in knowledge.analytes where names[analyte.id] == nil {
            names[analyte.id] = (analyte.label, Self.shortName(label: analyte.label))
        }
        analyteNames = names
        var tests: [Recommendation.Test: String] = [:]
        for row in knowledge.tests {
            if let test = Recommendation.Test(id: row.id), let label = row.label, tests[test] == nil { tests[test] = label }
        }
        testLabels = tests
        dangerStepIDs = (knowledge.page?.dangerOrder ?? []).map { step in
            (step.symptoms ?? []).map(FindingID.symptom) + (step.findings ?? [])
        }
        codeLike = knowledge.analytes.compactMap { analyte in
            let short = names[analyte.id]!.short
            return short == analyte.id.rawValue ? nil : (analyte.id.rawValue, Array(analyte.id.rawValue.utf8), short)
        }
    }

    /// `EMG`, `Neurology examination`, `Blood tests`: the test's `label` in `tests.json` (the
    /// loader requires one for every test a rule can recommend), else its id.
    package func test(_ test: Recommendation.Test) -> String {
        testLabels[test] ?? test.rawValue
    }

    /// `Urgent`, `Self-care`: the urgency's id with its first letter capitalised.
    package static func urgency(_ urgency: Urgency) -> String {
        urgencyLabels[urgency] ?? urgency.rawValue
    }

    /// The label of each urgency, made once.
    private static let urgencyLabels = Dictionary(uniqueKeysWithValues: Urgency.allCases.map { ($0, $0.rawValue.capitalizedFirst) })

    /// The knowledge's label of an analyte (`Vitamin B12 (cobalamin)`), the id if unknown.
    package func analyteLabel(_ id: AnalyteID) -> String {
        analyteNames[id]?.label ?? id.rawValue
    }

    /// A short name for lists (`magnesium`, `vitamin B12`, `TSH`), the id if unknown.
    package func analyteShort(_ id: AnalyteID) -> String {
        analyteNames[id]?.short ?? id.rawValue
    }

    /// A short name for lists: the abbreviation the label gives (`TSH`, `HbA1c`), else the
    /// label before its first comma or parenthesis, first letter lowercased unless it is an
    /// abbreviation (`magnesium`, `vitamin B12`, `25-hydroxyvitamin D`).
    static func shortName(label: String) -> String {
        if let open = label.firstIndex(of: "("), let close = label[open...].firstIndex(of: ")") {
            let inside = label[label.index(after: open)..<close]
            if !inside.contains(" "), inside.contains(where: \.isUppercase) { return String(inside) }
        }
        let cut = label.firstIndex { $0 == "(" || $0 == "," } ?? label.endIndex
        var name = String(label[..<cut]).trimmingSpaces()
        if let first = name.first, first.isUppercase, !(name.dropFirst().first?.isUppercase ?? false) {
            name = first.lowercased() + name.dropFirst()
        }
        return name
    }

    /// `text` with the analyte ids that are not words (`vitaminB12`, `tsh`) put as words
    /// (`vitamin B12`, `TSH`), for sentences written elsewhere that list analytes by id.
    package func words(_ text: String) -> String {
        var text = text
        for entry in codeLike where Self.contains(text, entry.bytes) {
            text = Self.replacingWord(entry.bytes, with: entry.name, in: text)
        }
        return text
    }

    /// `text` with each occurrence of `word` (ASCII bytes) that has no ASCII letter or digit
    /// right before or after it replaced by `replacement`.
    static func replacingWord(_ word: [UInt8], with replacement: String, in text: String) -> String {
        let bytes = Array(text.utf8)
        func isWordByte(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10 }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        var index = 0
        while index < bytes.count {
            if index + word.count <= bytes.count, bytes[index] == word[0],
                (1..<word.count).allSatisfy({ bytes[index + $0] == word[$0] }),
                index == 0 || !isWordByte(bytes[index - 1]),
                index + word.count == bytes.count || !isWordByte(bytes[index + word.count])
            {
                out.append(contentsOf: replacement.utf8)
                index += word.count
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `text`'s UTF-8 holds `needle`.
    static func contains(_ text: String, _ needle: [UInt8]) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let first = needle.first, bytes.count >= needle.count else { return false }
            var index = 0
            while index <= bytes.count - needle.count {
                if bytes[index] == first {
                    var match = true
                    for offset in 1..<needle.count where bytes[index + offset] != needle[offset] {
                        match = false
                        break
                    }
                    if match { return true }
                }
                index += 1
            }
            return false
        }
    }

    /// `EMG`, `MRI of the cervical spine`, `Blood tests: magnesium, vitamin B12`.
    func testName(_ recommendation: Recommendation) -> String {
        var name = test(recommendation.test)
        if let region = recommendation.region { name = knowledge.phrase(.testOfRegion, ["test": name, "region": "\(region)"]) }
        if let analytes = recommendation.analytes, !analytes.isEmpty {
            name += ": " + analytes.map(analyteShort).joined(separator: ", ")
        }
        return name
    }

    /// The title of an article (`Arm Muscle Twitching Causes When To Worry…`), the name if unknown.
    package func sourceTitle(_ name: String) -> String {
        guard let description = knowledge.sourceReference(named: name)?.description else { return name }
        // The text before the first `;` (as `split(separator: ";", maxSplits: 1).first`, which
        // skips an empty first part: then the slower way).
        guard let semicolon = description.utf8.firstIndex(of: 0x3B) else { return description.trimmingSpaces() }
        if semicolon != description.startIndex { return String(description[..<semicolon]).trimmingSpaces() }
        return description.split(separator: ";", maxSplits: 1).first.map { String($0).trimmingSpaces() } ?? description
    }
}

extension ReportLabels {
    /// The labels of `knowledge`, made once and kept for the next call with equal knowledge
    /// (the labels are a function of the knowledge alone). A batch renders every patient with
    /// the same knowledge value, whose arrays are shared, so the comparison stops at their
    /// identity and the tables are looked up once per run, not once per patient.
    package static func shared(_ knowledge: Knowledge) -> ReportLabels {
        if let kept = LabelsCache.lock.withLock({ LabelsCache.kept }), kept.knowledge == knowledge { return kept }
        let labels = ReportLabels(knowledge: knowledge)
        LabelsCache.lock.withLock { LabelsCache.kept = labels }
        return labels
    }
}

/// The one set of labels kept by ``ReportLabels/shared(_:)``, behind a lock (the batch renders
/// on several threads).
private enum LabelsCache {
    static let lock = NSLock()
    nonisolated(unsafe) static var kept: ReportLabels?
}

extension ReportLabels {
    /// Who acts on `recommendation`: the rule's word, else `page.json`'s default for the test.
    func actor(_ recommendation: Recommendation) -> String {
        if let who = recommendation.who { return who.rawValue }
        return knowledge.page?.defaultActors.first { $0.test == recommendation.test }?.who.rawValue ?? ""
    }

    /// The place of an actor in the page's order of groups (`page.json` `actorOrder`).
    func actorRank(_ actor: String) -> Int {
        knowledge.page?.actorOrder.firstIndex { $0.rawValue == actor } ?? Int.max
    }

    /// The title a page cites a source by (`page.json` `sourceTitles`), else the catalogue's
    /// description before its first `;`.
    func citedTitle(_ name: String) -> String {
        knowledge.page?.sourceTitles.first { $0.name == name }?.title ?? sourceTitle(name)
    }
}
