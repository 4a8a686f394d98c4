import TriageModel

/// Checks loaded knowledge tables before anything uses them, and throws the first problem as a
/// ``KnowledgeError`` naming the file and row.
///
/// Rules: ids unique within their list; every cross-reference resolves (a region's group, a red
/// flag's symptoms, a contrast's conditions, a panel's analytes, advice's trigger); every row,
/// accepted unit and limit has at least one source, and every source is in the catalogue (lab
/// references only in `analytes.json`); the catalogue's articles are exactly the four seeds;
/// no vocabulary term or analyte name or code means two entries; the canonical unit is listed
/// with factor 1 and offset 0, every factor positive, no unit spelling under two units; ranges have low
/// below high and critical limits outside the reference range; every SPEC id and every
/// ``Threshold/Key`` is present.
struct KnowledgeValidator {
    package let knowledge: Knowledge
    private let catalogue: [String: SourceReference.Kind]

    init(_ knowledge: Knowledge) {
        self.knowledge = knowledge
        var catalogue: [String: SourceReference.Kind] = [:]
        for entry in knowledge.sourceCatalogue where catalogue[entry.name] == nil { catalogue[entry.name] = entry.kind }
        self.catalogue = catalogue
    }

    /// Runs every check.
    func validate() throws(KnowledgeError) {
        try checkCatalogue()
        try checkVocabulary()
        try checkAnalytes()
        try checkConditions()
        try checkContrasts()
        try checkTimeframes()
        try checkRedFlags()
        try checkTests()
        try checkThresholds()
        try checkAdvice()
        try checkContrastMap()
        try checkRules()
        try checkLabActions()
        try checkMedicationNotes()
    }

    // MARK: - Catalogue

    private func checkCatalogue() throws(KnowledgeError) {
        let file = KnowledgeFile.manifest.rawValue
        try unique(knowledge.sourceCatalogue.map(\.name), file: file, list: "sources")
        for (index, entry) in knowledge.sourceCatalogue.enumerated() where entry.description.isEmpty {
            throw KnowledgeError(
                file: file, row: .init(list: "sources", number: index + 1, id: entry.name), reason: .emptyField("description"))
        }
        let articles = knowledge.sourceCatalogue.filter { $0.kind == .article }.map(\.name).sorted()
        let expected = SourceReference.articleNames.sorted()
        if articles != expected {
            throw KnowledgeError(file: file, subject: nil, reason: .articlesMismatch(expected: expected, found: articles))
        }
        if knowledge.version.trimmingSpaces().isEmpty {
            throw KnowledgeError(file: file, reason: .emptyField("version"))
        }
    }

    // MARK: - Vocabulary

    private func checkVocabulary() throws(KnowledgeError) {
        let file = KnowledgeFile.vocabulary.rawValue
        let vocabulary = knowledge.vocabulary
        try unique(vocabulary.regionGroups.map(\.id), file: file, list: "regionGroups")
        for (index, group) in vocabulary.regionGroups.enumerated() {
            try sources(group.sources, file: file, row: .init(list: "regionGroups", number: index + 1, id: group.id.rawValue))
        }
        let groups = Set(vocabulary.regionGroups.map(\.id))
        try unique(vocabulary.regions.map(\.id), file: file, list: "regions")
        for (index, region) in vocabulary.regions.enumerated() {
            let row = KnowledgeError.Row(list: "regions", number: index + 1, id: region.id.rawValue)
            try resolved([region.group], in: groups, "group", target: "vocabulary.json regionGroups", file: file, row: row)
            try sources(region.sources, file: file, row: row)
        }
        try unambiguous(vocabulary.regions.map { ($0.id, $0.synonyms) }, file: file, list: "regions", termName: "synonym")
        try unique(vocabulary.symptoms.map(\.id), file: file, list: "symptoms")
        for (index, symptom) in vocabulary.symptoms.enumerated() {
            try sources(
                symptom.sources, file: file, row: .init(list: "symptoms", number: index + 1, id: symptom.id.rawValue), allowReferences: true
            )
        }
        try unambiguous(vocabulary.symptoms.map { ($0.id, $0.synonyms) }, file: file, list: "symptoms", termName: "synonym")
        try unique(vocabulary.triggers.map(\.id), file: file, list: "triggers")
        for (index, trigger) in vocabulary.triggers.enumerated() {
            try sources(
                trigger.sources, file: file, row: .init(list: "triggers", number: index + 1, id: trigger.id.rawValue), allowReferences: true
            )
        }
        try unambiguous(vocabulary.triggers.map { ($0.id, $0.synonyms) }, file: file, list: "triggers", termName: "synonym")
        try unique(vocabulary.medicationClasses.map(\.id), file: file, list: "medicationClasses")
        for (index, medication) in vocabulary.medicationClasses.enumerated() {
            let row = KnowledgeError.Row(list: "medicationClasses", number: index + 1, id: medication.id.rawValue)
            try nonEmpty(medication.label, "label", file: file, row: row)
            try sources(medication.sources, file: file, row: row)
        }
        try unambiguous(
            vocabulary.medicationClasses.map { ($0.id, $0.drugs + [$0.label]) }, file: file, list: "medicationClasses", termName: "drug")
        try required(KnowledgeRequirements.regionGroups, in: vocabulary.regionGroups.map(\.id), file: file, list: "regionGroups")
        try required(KnowledgeRequirements.regions, in: vocabulary.regions.map(\.id), file: file, list: "regions")
        try required(KnowledgeRequirements.symptoms, in: vocabulary.symptoms.map(\.id), file: file, list: "symptoms")
        try required(KnowledgeRequirements.triggers, in: vocabulary.triggers.map(\.id), file: file, list: "triggers")
        try required(
            KnowledgeRequirements.medicationClasses, in: vocabulary.medicationClasses.map(\.id), file: file, list: "medicationClasses")
        try checkReading()
    }

    /// The reading rules: every list non-empty and sourced, the numbers positive, every trigger
    /// kind present, and no phrase that, as the matcher compares it, means two entries of one list.
    private func checkReading() throws(KnowledgeError) {
        let file = KnowledgeFile.vocabulary.rawValue
        let reading = knowledge.vocabulary.reading
        let lists: [(String, [String], [Source])] =
            reading.triggers.map { ("reading.triggers \($0.kind.rawValue) \($0.direction.rawValue)", $0.phrases, $0.sources) }
            + reading.equivalences.map { ("reading.equivalences \($0.canonical)", $0.phrases, $0.sources) }
            + reading.phraseLists.map { ("reading.\($0.name)", $0.list.phrases, $0.list.sources) }
        for (index, (name, phrases, cited)) in lists.enumerated() {
            let row = KnowledgeError.Row(list: name, number: index + 1, id: nil)
            try nonEmpty(phrases, "phrases", file: file, row: row)
            try sources(cited, file: file, row: row, allowReferences: true)
        }
        for kind in ReadingRules.TriggerKind.allCases where !reading.triggers.contains(where: { $0.kind == kind }) {
            throw KnowledgeError(file: file, reason: .missingRow("reading.triggers \(kind.rawValue)"))
        }
        for (field, value) in [
            ("approximateMinimumLetters", reading.approximateMinimumLetters),
            ("triggerWindowWords", reading.triggerWindowWords),
            ("frameWindowWords", reading.frameWindowWords),
        ] where value < 1 {
            throw KnowledgeError(file: file, reason: .emptyField("reading.\(field)"))
        }
        try sources(reading.sources, file: file, row: .init(list: "reading", number: 1, id: nil), allowReferences: true)
        let matcher = ConceptMatcher(knowledge.vocabulary, sideWords: VocabularyIndex.sideWords)
        if let collapse = matcher.collapsed.first {
            throw KnowledgeError(
                file: file, row: .init(list: collapse.list, number: 1, id: nil),
                reason: .invalidValue(
                    field: "phrase", value: collapse.phrase,
                    expected: "a phrase that does not shrink to one word its list does not hold alone"))
        }
        if let collision = matcher.collisions.first {
            throw KnowledgeError(
                file: file, row: .init(list: collision.kind.rawValue, number: 1, id: collision.second),
                reason: .ambiguousTerm(collision.phrase, first: collision.first, second: collision.second))
        }
        try checkFrames(matcher.frameIndex)
    }

    /// The frames (SPEC §4.1): each names a symptom of the vocabulary, has subjects and
    /// predicates, cites its sources, and no part shrinks to nothing under the fillers.
    private func checkFrames(_ index: FrameIndex) throws(KnowledgeError) {
        let file = KnowledgeFile.vocabulary.rawValue
        let symptoms = Set(knowledge.vocabulary.symptoms.map(\.id))
        for (number, frame) in knowledge.vocabulary.frames.enumerated() {
            let row = KnowledgeError.Row(list: "frames", number: number + 1, id: frame.concept.rawValue)
            try resolved([frame.concept], in: symptoms, "concept", target: "vocabulary.json symptoms", file: file, row: row)
            try nonEmpty(frame.subjects, "subjects", file: file, row: row)
            try nonEmpty(frame.predicates, "predicates", file: file, row: row)
            try sources(frame.sources, file: file, row: row, allowReferences: true)
        }
        if let collapsed = index.collapsedParts.first {
            throw KnowledgeError(
                file: file, row: .init(list: "frames", number: 1, id: collapsed.frame),
                reason: .invalidValue(
                    field: "subject or predicate", value: collapsed.part,
                    expected: "words that do not shrink to one word under the fillers"))
        }
        if let empty = index.emptyParts.first {
            throw KnowledgeError(
                file: file, row: .init(list: "frames", number: 1, id: empty.frame),
                reason: .invalidValue(field: "subject or predicate", value: empty.part, expected: "words that are not all fillers"))
        }
    }

    // MARK: - Analytes

    private func checkAnalytes() throws(KnowledgeError) {
        let file = KnowledgeFile.analytes.rawValue
        try unique(knowledge.analytes.map(\.id), file: file, list: nil)
        for (index, analyte) in knowledge.analytes.enumerated() {
            let row = KnowledgeError.Row(number: index + 1, id: analyte.id.rawValue)
            try nonEmpty(analyte.label, "label", file: file, row: row)
            if !(0...6).contains(analyte.decimals) {
                throw KnowledgeError(
                    file: file, row: row, reason: .invalidValue(field: "decimals", value: "\(analyte.decimals)", expected: "0 to 6"))
            }
            try sources(analyte.sources, file: file, row: row)
            guard let canonical = analyte.units.first(where: { $0.unit == analyte.canonicalUnit }) else {
                throw KnowledgeError(file: file, row: row, reason: .canonicalUnitNotListed(analyte.canonicalUnit))
            }
            if canonical.factor != 1 || canonical.offset != 0 {
                throw KnowledgeError(
                    file: file, row: row,
                    reason: .canonicalUnitNotIdentity(analyte.canonicalUnit, factor: canonical.factor, offset: canonical.offset))
            }
            var spellings: [String: String] = [:]
            for unit in analyte.units {
                let subject = "unit \"\(unit.unit)\""
                if !(unit.factor > 0) || !unit.factor.isFinite {
                    throw KnowledgeError(file: file, row: row, reason: .badFactor(unit.unit, factor: unit.factor))
                }
                if !unit.offset.isFinite {
                    throw KnowledgeError(
                        file: file, row: row, subject: subject,
                        reason: .invalidValue(field: "offset", value: "\(unit.offset)", expected: "a finite number"))
                }
                for spelling in [unit.unit] + unit.spellings {
                    let key = TermKey.unit(spelling)
                    if key.isEmpty { throw KnowledgeError(file: file, row: row, subject: subject, reason: .emptyField("spelling")) }
                    if let first = spellings[key], first != unit.unit {
                        throw KnowledgeError(
                            file: file, row: row, reason: .duplicateUnitSpelling(spelling, first: first, second: unit.unit))
                    }
                    spellings[key] = unit.unit
                }
                try sources(unit.sources, file: file, row: row, subject: subject, allowReferences: true)
            }
            try limits(analyte.reference, name: "reference", file: file, row: row)
            try limits(analyte.critical, name: "critical", file: file, row: row)
            if let critical = analyte.critical.low, let reference = analyte.reference.low, critical >= reference {
                throw KnowledgeError(
                    file: file, row: row, reason: .criticalInsideReference(limit: "low", critical: critical, reference: reference))
            }
            if let critical = analyte.critical.high, let reference = analyte.reference.high, critical <= reference {
                throw KnowledgeError(
                    file: file, row: row, reason: .criticalInsideReference(limit: "high", critical: critical, reference: reference))
            }
        }
        try unambiguous(knowledge.analytes.map { ($0.id, $0.names) }, file: file, list: nil, termName: "name")
        var codes: [String: String] = [:]
        for (index, analyte) in knowledge.analytes.enumerated() {
            for code in analyte.loinc {
                if let first = codes[code], first != analyte.id.rawValue {
                    throw KnowledgeError(
                        file: file, row: .init(number: index + 1, id: analyte.id.rawValue), subject: "LOINC",
                        reason: .ambiguousTerm(code, first: first, second: analyte.id.rawValue))
                }
                codes[code] = analyte.id.rawValue
            }
        }
        try required(KnowledgeRequirements.analytes, in: knowledge.analytes.map(\.id), file: file, list: nil)
    }

    private func limits(_ limits: AnalyteDefinition.Limits, name: String, file: String, row: KnowledgeError.Row) throws(KnowledgeError) {
        if let low = limits.low, let high = limits.high, !(low < high) {
            throw KnowledgeError(file: file, row: row, subject: name, reason: .emptyRange(low: low, high: high))
        }
        if limits.low != nil || limits.high != nil {
            try sources(limits.sources, file: file, row: row, subject: name, allowReferences: true)
        } else if !limits.sources.isEmpty {
            try sources(limits.sources, file: file, row: row, subject: name, allowReferences: true)
        }
    }

    // MARK: - Conditions, contrasts, red flags

    private func checkConditions() throws(KnowledgeError) {
        let file = KnowledgeFile.conditions.rawValue
        try unique(knowledge.conditions.map(\.id), file: file, list: nil)
        for (index, condition) in knowledge.conditions.enumerated() {
            let row = KnowledgeError.Row(number: index + 1, id: condition.id.rawValue)
            try nonEmpty(condition.name, "name", file: file, row: row)
            if condition.diagnosticApproach.isEmpty {
                throw KnowledgeError(file: file, row: row, reason: .emptyField("diagnosticApproach"))
            }
            try sources(condition.sources, file: file, row: row, allowReferences: true)
        }
        try required(KnowledgeRequirements.conditions, in: knowledge.conditions.map(\.id), file: file, list: nil)
    }

    private func checkContrasts() throws(KnowledgeError) {
        let file = KnowledgeFile.contrasts.rawValue
        try unique(knowledge.contrasts.map { "\($0.table)/\($0.id)" }, file: file, list: nil)
        let conditions = Set(knowledge.conditions.map(\.id))
        for (index, contrast) in knowledge.contrasts.enumerated() {
            let row = KnowledgeError.Row(number: index + 1, id: "\(contrast.table)/\(contrast.id)")
            try nonEmpty(contrast.table.rawValue, "table", file: file, row: row)
            try resolved(
                contrast.benignConditions + contrast.concerningConditions, in: conditions, "condition", target: "conditions.json",
                file: file, row: row)
            try sources(contrast.sources, file: file, row: row)
        }
        try required(KnowledgeRequirements.contrastTables, in: knowledge.contrasts.map(\.table), file: file, list: nil)
    }

    private func checkRedFlags() throws(KnowledgeError) {
        let file = KnowledgeFile.redFlags.rawValue
        try unique(knowledge.redFlags.map(\.id), file: file, list: nil)
        let symptoms = Set(knowledge.vocabulary.symptoms.map(\.id))
        for (index, flag) in knowledge.redFlags.enumerated() {
            let row = KnowledgeError.Row(number: index + 1, id: flag.id.rawValue)
            try resolved(flag.symptoms, in: symptoms, "symptom", target: "vocabulary.json symptoms", file: file, row: row)
            try sources(flag.sources, file: file, row: row, allowReferences: true)
            let timeframes = Set(knowledge.timeframes.map(\.urgency))
            for step in (flag.steps ?? []) + (flag.possibleSteps ?? []) {
                let subject = "step \"\(step.test.rawValue)\""
                if let timeframe = step.timeframe, !timeframes.contains(timeframe) {
                    throw KnowledgeError(
                        file: file, row: row, subject: subject,
                        reason: .unresolved(field: "timeframe", value: timeframe.rawValue, target: "timeframes.json"))
                }
                if step.detail.isEmpty { throw KnowledgeError(file: file, row: row, subject: subject, reason: .emptyField("detail")) }
            }
            for id in flag.conditions ?? [] where knowledge.condition(id) == nil {
                throw KnowledgeError(
                    file: file, row: row, reason: .unresolved(field: "condition", value: id.rawValue, target: "conditions.json"))
            }
            if flag.tier != nil, (flag.steps ?? []).isEmpty {
                throw KnowledgeError(file: file, row: row, reason: .emptyField("steps"))
            }
        }
        try required(RedFlagID.required, in: knowledge.redFlags.map(\.id), file: file, list: nil)
    }

    // MARK: - Tests, thresholds, advice

    private func checkTests() throws(KnowledgeError) {
        let file = KnowledgeFile.tests.rawValue
        try unique(knowledge.tests.map(\.id), file: file, list: nil)
        let analytes = Set(knowledge.analytes.map(\.id))
        for (index, test) in knowledge.tests.enumerated() {
            let row = KnowledgeError.Row(number: index + 1, id: test.id.rawValue)
            try nonEmpty(test.purpose, "purpose", file: file, row: row)
            if test.label?.isEmpty == true { throw KnowledgeError(file: file, row: row, reason: .emptyField("label")) }
            if test.label == nil, Recommendation.Test(id: test.id) != nil {
                throw KnowledgeError(file: file, row: row, reason: .missingField("label"))
            }
            try sources(test.sources, file: file, row: row, allowReferences: true)
            var seen: [VariantID: Int] = [:]
            for (position, variant) in test.variants.enumerated() {
                let subject = "variant \"\(variant.id)\""
                if let first = seen[variant.id] {
                    throw KnowledgeError(file: file, row: row, subject: subject, reason: .duplicateID(variant.id.rawValue, firstRow: first))
                }
                seen[variant.id] = position + 1
                try resolved(variant.analytes, in: analytes, "analyte", target: "analytes.json", file: file, row: row, subject: subject)
                try sources(variant.sources, file: file, row: row, subject: subject)
            }
        }
        try required(KnowledgeRequirements.tests, in: knowledge.tests.map(\.id), file: file, list: nil)
        for (testID, variants) in KnowledgeRequirements.variants {
            guard let index = knowledge.tests.firstIndex(where: { $0.id == testID }) else { continue }
            let test = knowledge.tests[index]
            for id in variants where !test.variants.contains(where: { $0.id == id }) {
                throw KnowledgeError(file: file, row: .init(number: index + 1, id: testID.rawValue), reason: .missingRow(id.rawValue))
            }
        }
    }

    private func checkThresholds() throws(KnowledgeError) {
        let file = KnowledgeFile.thresholds.rawValue
        try unique(knowledge.thresholds.map(\.id), file: file, list: nil)
        for (index, threshold) in knowledge.thresholds.enumerated() {
            let row = KnowledgeError.Row(number: index + 1, id: threshold.id.rawValue)
            if !threshold.value.isFinite || threshold.value < 0 {
                throw KnowledgeError(
                    file: file, row: row,
                    reason: .invalidValue(field: "value", value: "\(threshold.value)", expected: "a number of at least 0"))
            }
            try nonEmpty(threshold.meaning, "meaning", file: file, row: row)
            try sources(threshold.sources, file: file, row: row, allowReferences: true)
        }
        let present = Set(knowledge.thresholds.map(\.id))
        for key in Threshold.Key.allCases where !present.contains(key.id) {
            throw KnowledgeError(file: file, reason: .missingThreshold(key.rawValue))
        }
    }

    private func checkAdvice() throws(KnowledgeError) {
        let file = KnowledgeFile.advice.rawValue
        try unique(knowledge.advice.map(\.id), file: file, list: nil)
        let triggers = Set(knowledge.vocabulary.triggers.map(\.id))
        let analytes = Set(knowledge.analytes.map(\.id))
        // The findings a safety-net sign may name as already present beside the symptoms.
        let findingIDs: Set<FindingID> = [.progressiveWeakness, .spreading, .worsening, .symptom(SymptomID.fineMotor)]
        for (index, advice) in knowledge.advice.enumerated() {
            let row = KnowledgeError.Row(number: index + 1, id: advice.id.rawValue)
            if advice.kind == .tellPatient, advice.tellWhen == nil {
                throw KnowledgeError(file: file, row: row, reason: .missingField("tellWhen"))
            }
            for symptom in advice.withheldWhen?.symptoms ?? [] where !knownSymptom(symptom) {
                throw KnowledgeError(
                    file: file, row: row,
                    reason: .unresolved(field: "symptom", value: symptom.rawValue, target: "vocabulary.json symptoms or finding ids"))
            }
            // A sign already present: symptoms of the vocabulary, findings the engine derives.
            for symptom in advice.presentWhen?.symptoms ?? [] where !knownSymptom(symptom) {
                throw KnowledgeError(
                    file: file, row: row,
                    reason: .unresolved(field: "presentWhen symptom", value: symptom.rawValue, target: "vocabulary.json symptoms"))
            }
            for finding in advice.presentWhen?.findings ?? [] where !findingIDs.contains(finding) {
                throw KnowledgeError(
                    file: file, row: row,
                    reason: .unresolved(
                        field: "presentWhen finding", value: finding.rawValue, target: "the findings a safety-net sign can name"))
            }
            try resolved(advice.withheldWhen?.lowLabs ?? [], in: analytes, "analyte", target: "analytes.json", file: file, row: row)
            try nonEmpty(advice.text, "text", file: file, row: row)
            if let trigger = advice.trigger, !triggers.contains(trigger) {
                throw KnowledgeError(
                    file: file, row: row, reason: .unresolved(field: "trigger", value: trigger.rawValue, target: "vocabulary.json triggers")
                )
            }
            try sources(advice.sources, file: file, row: row)
        }
        try required(KnowledgeRequirements.notices, in: knowledge.advice.filter { $0.kind == .notice }.map(\.id), file: file, list: nil)
        try required(
            Advice.TellWhen.allCases.map(\.rawValue).sorted(), in: knowledge.advice.compactMap(\.tellWhen?.rawValue), file: file, list: nil)
    }

    /// Whether a symptom id is the vocabulary's.
    private func knownSymptom(_ id: SymptomID) -> Bool {
        knowledge.vocabulary.symptoms.contains { $0.id == id }
    }

    // MARK: - Contrast map, rules, timeframes

    /// Every entry names a known row, a known signal, a column, conditions the row lists, and
    /// no condition both for and against; every row of every table is mapped or declared
    /// unobservable; every table has a specificity.
    private func checkContrastMap() throws(KnowledgeError) {
        let file = KnowledgeFile.contrastMap.rawValue
        let map = knowledge.contrastMap
        let conditions = Set(knowledge.conditions.map(\.id))
        let tables = Set(knowledge.contrasts.map(\.table))
        try unique(map.tables.map(\.id), file: file, list: "tables")
        for (index, table) in map.tables.enumerated() {
            let row = KnowledgeError.Row(list: "tables", number: index + 1, id: table.id.rawValue)
            try resolved([table.id], in: tables, "id", target: "contrasts.json tables", file: file, row: row)
            try sources(table.sources, file: file, row: row)
        }
        for table in tables.sorted() where !map.tables.contains(where: { $0.id == table }) {
            throw KnowledgeError(file: file, subject: "tables", reason: .missingRow(table.rawValue))
        }
        for (index, entry) in map.mappings.enumerated() {
            let row = KnowledgeError.Row(list: "mappings", number: index + 1, id: "\(entry.table)/\(entry.row)")
            guard let contrast = knowledge.contrast(table: entry.table, id: entry.row) else {
                throw KnowledgeError(
                    file: file, row: row, reason: .unresolved(field: "row", value: "\(entry.table)/\(entry.row)", target: "contrasts.json"))
            }
            try nonEmpty(entry.aspect.trimmingSpaces(), "aspect", file: file, row: row)
            let listed = Set(contrast.benignConditions + contrast.concerningConditions)
            for id in entry.supports + entry.opposes + entry.raises {
                try resolved([id], in: conditions, "condition", target: "conditions.json", file: file, row: row)
                if !listed.contains(id), !(entry.note != nil) {
                    throw KnowledgeError(
                        file: file, row: row, reason: .unresolved(field: "condition", value: id.rawValue, target: "the row's conditions"))
                }
            }
            if let both = entry.supports.first(where: entry.opposes.contains) {
                throw KnowledgeError(
                    file: file, row: row,
                    reason: .invalidValue(field: "against", value: "\"\(both.rawValue)\"", expected: "a condition not also in \"for\""))
            }
            if let raised = entry.raises.first(where: { !entry.supports.contains($0) }) {
                throw KnowledgeError(
                    file: file, row: row,
                    reason: .invalidValue(field: "raises", value: "\"\(raised.rawValue)\"", expected: "a condition also in \"for\""))
            }
            if entry.supports.isEmpty, entry.opposes.isEmpty {
                throw KnowledgeError(file: file, row: row, reason: .emptyField("for"))
            }
            try sources(entry.sources, file: file, row: row, allowReferences: true)
        }
        try wordings(map.readings.map { ($0.signal, $0.text, $0.sources) }, file: file, list: "readings")
        for (index, entry) in map.unobservable.enumerated() {
            let row = KnowledgeError.Row(list: "unobservable", number: index + 1, id: "\(entry.table)/\(entry.row)")
            if knowledge.contrast(table: entry.table, id: entry.row) == nil {
                throw KnowledgeError(
                    file: file, row: row, reason: .unresolved(field: "row", value: "\(entry.table)/\(entry.row)", target: "contrasts.json"))
            }
            if map.mappings.contains(where: { $0.table == entry.table && $0.row == entry.row }) {
                throw KnowledgeError(
                    file: file, row: row,
                    reason: .invalidValue(field: "row", value: "\"\(entry.table)/\(entry.row)\"", expected: "a row that no mapping reads"))
            }
            try nonEmpty(entry.reason, "reason", file: file, row: row)
            try sources(entry.sources, file: file, row: row)
        }
        for contrast in knowledge.contrasts {
            let key = (contrast.table, contrast.id)
            let mapped =
                map.mappings.contains { $0.table == key.0 && $0.row == key.1 }
                || map.unobservable.contains { $0.table == key.0 && $0.row == key.1 }
            if !mapped { throw KnowledgeError(file: file, subject: "mappings", reason: .missingRow("\(contrast.table)/\(contrast.id)")) }
        }
    }

    private func checkRules() throws(KnowledgeError) {
        let file = KnowledgeFile.rules.rawValue
        let rules = knowledge.rules
        let symptoms = Set(knowledge.vocabulary.symptoms.map(\.id))
        let regions = Set(knowledge.vocabulary.regions.map(\.id))
        let analytes = Set(knowledge.analytes.map(\.id))
        let conditions = Set(knowledge.conditions.map(\.id))
        let classes = Set(knowledge.vocabulary.medicationClasses.map(\.id))
        let panels = Set(knowledge.test(id: Recommendation.Test.bloodWork.id)?.variants.map(\.id) ?? [])
        try unique(rules.symptomSets.map(\.id.rawValue), file: file, list: "symptomSets")
        for (index, set) in rules.symptomSets.enumerated() {
            let row = KnowledgeError.Row(list: "symptomSets", number: index + 1, id: set.id.rawValue)
            try nonEmpty(set.symptoms, "symptoms", file: file, row: row)
            try resolved(set.symptoms, in: symptoms, "symptom", target: "vocabulary.json symptoms", file: file, row: row)
            try sources(set.sources, file: file, row: row, allowReferences: true)
        }
        try required(SymptomSetID.allCases.map(\.rawValue), in: rules.symptomSets.map(\.id.rawValue), file: file, list: "symptomSets")
        for (index, set) in rules.regionSets.enumerated() {
            let row = KnowledgeError.Row(list: "regionSets", number: index + 1, id: set.id.rawValue)
            try resolved(set.regions, in: regions, "region", target: "vocabulary.json regions", file: file, row: row)
            try sources(set.sources, file: file, row: row, allowReferences: true)
        }
        try required([RegionSetID.face, .backOrLeg], in: rules.regionSets.map(\.id), file: file, list: "regionSets")
        for (index, phrase) in rules.durationPhrases.enumerated() {
            let row = KnowledgeError.Row(list: "durationPhrases", number: index + 1, id: phrase.phrase)
            try nonEmpty(phrase.phrase.trimmingSpaces(), "phrase", file: file, row: row)
            if phrase.atLeastDays < 1 {
                throw KnowledgeError(
                    file: file, row: row,
                    reason: .invalidValue(field: "atLeastDays", value: "\(phrase.atLeastDays)", expected: "at least 1"))
            }
            try sources(phrase.sources, file: file, row: row)
        }
        for (index, concern) in rules.concerns.enumerated() {
            let row = KnowledgeError.Row(list: "concerns", number: index + 1, id: concern.condition.rawValue)
            try resolved([concern.condition], in: conditions, "condition", target: "conditions.json", file: file, row: row)
            try nonEmpty(concern.terms, "terms", file: file, row: row)
            let diseaseNames = Set(knowledge.vocabulary.reading.diseaseNames.phrases.map(TermKey.key))
            for term in concern.terms where !diseaseNames.contains(TermKey.key(term)) {
                throw KnowledgeError(
                    file: file, row: row, reason: .unresolved(field: "term", value: term, target: "vocabulary.json reading.diseaseNames"))
            }
            try sources(concern.sources, file: file, row: row)
        }
        for (index, description) in (rules.patientDescriptions ?? []).enumerated() {
            let row = KnowledgeError.Row(list: "patientDescriptions", number: index + 1, id: description.condition.rawValue)
            try resolved([description.condition], in: conditions, "condition", target: "conditions.json", file: file, row: row)
            try nonEmpty(description.phrases, "phrases", file: file, row: row)
            try nonEmpty(description.sentence, "sentence", file: file, row: row)
            try sources(description.sources, file: file, row: row, allowReferences: true)
        }
        try wordings(rules.sentences.map { ($0.id, $0.text, $0.sources) }, file: file, list: "sentences")
        try wordings(rules.findingSentences.map { ($0.id, $0.text, $0.sources) }, file: file, list: "findingSentences")
        for (index, relation) in rules.labRelations.enumerated() {
            let row = KnowledgeError.Row(list: "labRelations", number: index + 1, id: relation.analyte.rawValue)
            try resolved([relation.analyte], in: analytes, "analyte", target: "analytes.json", file: file, row: row)
            try resolved([relation.panel], in: panels, "panel", target: "tests.json bloodWork variants", file: file, row: row)
            try resolved([relation.condition], in: conditions, "condition", target: "conditions.json", file: file, row: row)
            try sources(relation.sources, file: file, row: row)
        }
    }

    /// Every action names a known analyte (or `any`), known symptoms and drug groups, and text
    /// (its band, test, who and urgency are decoded as ``KnowledgeWord``s);
    /// every SPEC analyte has a row; every drug group has words or a class.
    private func checkLabActions() throws(KnowledgeError) {
        let file = KnowledgeFile.labActions.rawValue
        let table = knowledge.labActions
        let analytes = Set(knowledge.analytes.map(\.id)).union([LabActionTable.anyAnalyte])
        let groups = Set(table.drugGroups.map(\.id))
        let classes = Set(knowledge.vocabulary.medicationClasses.map(\.id))
        try unique(table.actions.map(\.id), file: file, list: "actions")
        for (index, action) in table.actions.enumerated() {
            let row = KnowledgeError.Row(list: "actions", number: index + 1, id: action.id.rawValue)
            try resolved([action.analyte], in: analytes, "analyte", target: "analytes.json", file: file, row: row)
            try resolved(action.draw ?? [], in: analytes, "draw", target: "analytes.json", file: file, row: row)
            for symptom in (action.withSymptoms ?? []) + (action.withoutSymptoms ?? []) where !knownSymptom(symptom) {
                throw KnowledgeError(
                    file: file, row: row, reason: .unresolved(field: "symptom", value: symptom.rawValue, target: "vocabulary.json symptoms")
                )
            }
            try resolved(action.nameDrugs ?? [], in: groups, "nameDrugs", target: "lab-actions.json drugGroups", file: file, row: row)
            try nonEmpty(action.text, "text", file: file, row: row)
            if let timeframe = action.timeframe, knowledge.timeframe(id: timeframe) == nil {
                throw KnowledgeError(
                    file: file, row: row, reason: .unresolved(field: "timeframe", value: timeframe.rawValue, target: "timeframes.json"))
            }
            if action.hiddenSide != nil, action.band != .unreliable {
                throw KnowledgeError(
                    file: file, row: row,
                    reason: .invalidValue(
                        field: "hiddenSide", value: "\(action.hiddenSide!)", expected: "only on a row of band \"unreliable\""))
            }
            try sources(action.sources, file: file, row: row, allowReferences: true)
        }
        for id in KnowledgeRequirements.analytes where !table.actions.contains(where: { $0.analyte == id }) {
            throw KnowledgeError(file: file, subject: "actions", reason: .missingRow(id.rawValue))
        }
        for (index, group) in table.drugGroups.enumerated() {
            let row = KnowledgeError.Row(list: "drugGroups", number: index + 1, id: group.id.rawValue)
            if let medicationClass = group.medicationClass, !classes.contains(medicationClass) {
                throw KnowledgeError(
                    file: file, row: row,
                    reason: .unresolved(
                        field: "medicationClass", value: medicationClass.rawValue, target: "vocabulary.json medicationClasses"))
            }
            if group.terms.isEmpty && group.medicationClass == nil {
                throw KnowledgeError(file: file, row: row, reason: .emptyField("terms"))
            }
            try sources(group.sources, file: file, row: row)
        }
        try sources(table.gaps.sources, file: file, row: KnowledgeError.Row(list: "gaps", number: 1, id: "gaps"))
    }

    /// Every note names a vocabulary class and known analytes, says something, never "stop",
    /// and every SPEC class has one.
    private func checkMedicationNotes() throws(KnowledgeError) {
        let file = KnowledgeFile.medicationNotes.rawValue
        let classes = Set(knowledge.vocabulary.medicationClasses.map(\.id))
        let analytes = Set(knowledge.analytes.map(\.id))
        for (index, note) in knowledge.medicationNotes.enumerated() {
            let row = KnowledgeError.Row(number: index + 1, id: note.medicationClass.rawValue)
            try resolved(
                [note.medicationClass], in: classes, "medicationClass", target: "vocabulary.json medicationClasses", file: file, row: row)
            try resolved(note.linkedAnalytes, in: analytes, "analyte", target: "analytes.json", file: file, row: row)
            try nonEmpty(note.note, "note", file: file, row: row)
            try sources(note.sources, file: file, row: row)
        }
        try required(KnowledgeRequirements.medicationClasses, in: knowledge.medicationNotes.map(\.medicationClass), file: file, list: nil)
    }

    private func checkTimeframes() throws(KnowledgeError) {
        let file = KnowledgeFile.timeframes.rawValue
        try unique(knowledge.timeframes.map(\.urgency), file: file, list: nil)
        let allowed = Set(Urgency.allCases.map(\.timeframeID) + [TimeframeID.sameDay, .readToday])
        for (index, timeframe) in knowledge.timeframes.enumerated() {
            let row = KnowledgeError.Row(number: index + 1, id: timeframe.urgency.rawValue)
            try nonEmpty(timeframe.timeframe, "timeframe", file: file, row: row)
            try sources(timeframe.sources, file: file, row: row, allowReferences: true)
        }
        try required(Array(allowed).sorted(), in: knowledge.timeframes.map(\.urgency), file: file, list: nil)
    }

    // MARK: - Helpers

    /// Throws ``KnowledgeError/Reason/emptyField(_:)`` for the row when `value` is empty.
    private func nonEmpty(_ value: some Collection, _ field: String, file: String, row: KnowledgeError.Row) throws(KnowledgeError) {
        if value.isEmpty { throw KnowledgeError(file: file, row: row, reason: .emptyField(field)) }
    }

    /// Throws ``KnowledgeError/Reason/unresolved(field:value:target:)`` for the row (and `subject`)
    /// at the first of `ids` that is not among `known`, the ids of `target`.
    private func resolved<ID: Hashable & RawRepresentable<String>>(
        _ ids: some Sequence<ID>, in known: Set<ID>, _ field: String, target: String, file: String, row: KnowledgeError.Row,
        subject: String? = nil
    ) throws(KnowledgeError) {
        for id in ids where !known.contains(id) {
            throw KnowledgeError(
                file: file, row: row, subject: subject, reason: .unresolved(field: field, value: id.rawValue, target: target))
        }
    }

    private func sources(
        _ sources: [Source], file: String, row: KnowledgeError.Row, subject: String? = nil,
        allowReferences: Bool = false
    ) throws(KnowledgeError) {
        guard !sources.isEmpty else { throw KnowledgeError(file: file, row: row, subject: subject, reason: .noSource) }
        for source in sources {
            let kind = catalogue[source.name]
            let allowed = kind == .article || kind == .project || kind == .guideline || (allowReferences && kind == .reference)
            if !allowed {
                let list =
                    allowReferences
                    ? "one of the four articles, a guideline or reference in knowledge.json, or twitch-triage"
                    : "one of the four articles, a guideline in knowledge.json, or twitch-triage"
                throw KnowledgeError(file: file, row: row, subject: subject, reason: .unknownSource(source.name, allowed: list))
            }
        }
    }

    /// A list with one wording for each case of `Key` (the contrast signals' readings, the rules'
    /// sentences): each key once and none missing, each text not blank, each row sourced.
    private func wordings<Key: RawRepresentable & CaseIterable>(
        _ rows: [(key: Key, text: String, sources: [Source])], file: String,
        list: String
    ) throws(KnowledgeError) where Key.RawValue == String {
        let keys = rows.map(\.key.rawValue)
        try unique(keys, file: file, list: list)
        for (index, entry) in rows.enumerated() {
            let row = KnowledgeError.Row(list: list, number: index + 1, id: entry.key.rawValue)
            try nonEmpty(entry.text.trimmingSpaces(), "text", file: file, row: row)
            try sources(entry.sources, file: file, row: row)
        }
        try required(Key.allCases.map(\.rawValue), in: keys, file: file, list: list)
    }

    /// Every id non-empty and listed once.
    private func unique<ID: Hashable & CustomStringConvertible>(_ ids: [ID], file: String, list: String?) throws(KnowledgeError) {
        var seen: [ID: Int] = [:]
        for (index, id) in ids.enumerated() {
            let row = KnowledgeError.Row(list: list, number: index + 1, id: id.description)
            try nonEmpty(id.description.trimmingSpaces(), "id", file: file, row: row)
            if let first = seen[id] { throw KnowledgeError(file: file, row: row, reason: .duplicateID(id.description, firstRow: first)) }
            seen[id] = index + 1
        }
    }

    /// No term (an entry's id or one of its words), as the matcher compares it, names two entries.
    private func unambiguous<ID: Hashable & CustomStringConvertible>(
        _ entries: [(id: ID, terms: [String])], file: String, list: String?,
        termName: String
    ) throws(KnowledgeError) {
        var owner: [String: ID] = [:]
        for (index, entry) in entries.enumerated() {
            for term in [entry.id.description] + entry.terms {
                let key = TermKey.key(term)
                if key.isEmpty {
                    throw KnowledgeError(
                        file: file, row: .init(list: list, number: index + 1, id: entry.id.description), reason: .emptyField(termName))
                }
                if let first = owner[key], first != entry.id {
                    throw KnowledgeError(
                        file: file, row: .init(list: list, number: index + 1, id: entry.id.description), subject: termName,
                        reason: .ambiguousTerm(term, first: first.description, second: entry.id.description))
                }
                owner[key] = entry.id
            }
        }
    }

    /// Every id of `ids` among `present`.
    private func required<ID: Hashable & CustomStringConvertible>(_ ids: [ID], in present: [ID], file: String, list: String?)
        throws(KnowledgeError)
    {
        let present = Set(present)
        for id in ids where !present.contains(id) {
            throw KnowledgeError(file: file, subject: list, reason: .missingRow(id.description))
        }
    }
}
