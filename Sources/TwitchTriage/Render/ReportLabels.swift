/// The words a report uses for the ids of the JSON schema (SPEC §7: "clinical words, never
/// code ids"): test names, analyte names from the knowledge tables' labels, urgency labels.
struct ReportLabels: Sendable {
    let knowledge: Knowledge

    /// `EMG`, `Neurology examination`, `Blood tests`.
    static func test(_ test: Recommendation.Test) -> String {
        switch test {
        case .emg: "EMG"
        case .ncs: "Nerve conduction studies"
        case .mri: "MRI"
        case .bloodWork: "Blood tests"
        case .neurologyExam: "Neurology examination"
        case .sameDayAssessment: "Same-day assessment"
        case .clinicianReview: "Clinician review"
        case .prescriberReview: "Medication review with the prescriber"
        case .lifestyle: "Lifestyle advice"
        }
    }

    /// `Urgent`, `Self-care`.
    static func urgency(_ urgency: Urgency) -> String {
        switch urgency {
        case .urgent: "Urgent"
        case .soon: "Soon"
        case .routine: "Routine"
        case .selfCare: "Self-care"
        }
    }

    /// The knowledge's label of an analyte (`Vitamin B12 (cobalamin)`), the id if unknown.
    func analyteLabel(_ id: String) -> String {
        knowledge.analytes.first { $0.id == id }?.label ?? id
    }

    /// A short name for lists: the abbreviation the label gives (`TSH`, `HbA1c`), else the
    /// label before its first comma or parenthesis, first letter lowercased unless it is an
    /// abbreviation (`magnesium`, `vitamin B12`, `25-hydroxyvitamin D`).
    func analyteShort(_ id: String) -> String {
        let label = analyteLabel(id)
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
    func words(_ text: String) -> String {
        var text = text
        for (id, name) in codeLikeAnalytes where text.contains(id) {
            text = text.replacing(id, with: name, where: { before, after in
                !(before?.isLetter ?? false) && !(before?.isNumber ?? false) && !(after?.isLetter ?? false) && !(after?.isNumber ?? false)
            })
        }
        return text
    }

    /// The analyte ids whose short name differs from them, with it.
    var codeLikeAnalytes: [(id: String, name: String)] {
        knowledge.analytes.map { ($0.id, analyteShort($0.id)) }.filter { $0.id != $0.name }
    }

    /// `EMG`, `MRI of the cervical spine`, `Blood tests: magnesium, vitamin B12`.
    func testName(_ recommendation: Recommendation) -> String {
        var name = Self.test(recommendation.test)
        if let region = recommendation.region { name += " of the \(region)" }
        if let analytes = recommendation.analytes, !analytes.isEmpty {
            name += ": " + analytes.map(analyteShort).joined(separator: ", ")
        }
        return name
    }

    /// The title of an article (`Arm Muscle Twitching Causes When To Worry…`), the name if unknown.
    func sourceTitle(_ name: String) -> String {
        guard let description = knowledge.sourceReference(named: name)?.description else { return name }
        return description.split(separator: ";", maxSplits: 1).first.map { String($0).trimmingSpaces() } ?? description
    }
}

extension String {
    /// The string with each occurrence of `target` whose neighbouring characters pass `where`
    /// replaced by `replacement`.
    func replacing(_ target: String, with replacement: String, where accept: (Character?, Character?) -> Bool) -> String {
        let characters = Array(self)
        let pattern = Array(target)
        guard !pattern.isEmpty, characters.count >= pattern.count else { return self }
        var out = ""
        var index = 0
        while index < characters.count {
            if index + pattern.count <= characters.count, Array(characters[index..<index + pattern.count]) == pattern,
               accept(index > 0 ? characters[index - 1] : nil, index + pattern.count < characters.count ? characters[index + pattern.count] : nil) {
                out += replacement
                index += pattern.count
            } else {
                out.append(characters[index])
                index += 1
            }
        }
        return out
    }
}
