import TriageKnowledge
import TriageModel

/// Renders the knowledge tables as Markdown for `twitch-triage knowledge`: one headed section
/// per table, every row with its sources and their quotes, so a clinician can review the rules.
///
/// Deterministic: rows in file order, nothing from the environment.
package enum KnowledgeMarkdown {
    /// The whole of `knowledge` as a Markdown document.
    package static func render(_ knowledge: Knowledge) -> String {
        var out: [String] = []
        out.append("# twitch-triage knowledge tables, version \(knowledge.version)")
        out.append("")
        out.append(
            "Decision support for clinicians, not a diagnosis. Every row names its sources: one of the four articles by its short name, a named lab reference, or `twitch-triage` for a project choice, with the words it rests on."
        )

        section(
            &out, "Sources", ["name", "kind", "what it is", "page"],
            knowledge.sourceCatalogue.map { [$0.name, $0.kind.rawValue, $0.description, $0.url ?? ""] })

        section(
            &out, "Thresholds", ["id", "value", "meaning", "sources"],
            knowledge.thresholds.map { [$0.id.rawValue, NumberFormatting.shortest($0.value), $0.meaning, sources($0.sources)] })

        let vocabulary = knowledge.vocabulary
        out.append("")
        out.append("## Vocabulary")
        subsection(&out, "Region groups", ["id", "sources"], vocabulary.regionGroups.map { [$0.id.rawValue, sources($0.sources)] })
        subsection(
            &out, "Body regions", ["id", "group", "synonyms", "sources"],
            vocabulary.regions.map { [$0.id.rawValue, $0.group.rawValue, $0.synonyms.joined(separator: ", "), sources($0.sources)] })
        subsection(
            &out, "Associated symptoms", ["id", "synonyms", "sources"],
            vocabulary.symptoms.map { [$0.id.rawValue, $0.synonyms.joined(separator: ", "), sources($0.sources)] })
        subsection(
            &out, "Triggers", ["id", "synonyms", "sources"],
            vocabulary.triggers.map { [$0.id.rawValue, $0.synonyms.joined(separator: ", "), sources($0.sources)] })
        subsection(
            &out, "Medication classes", ["id", "label", "drugs", "sources"],
            vocabulary.medicationClasses.map { [$0.id.rawValue, $0.label, $0.drugs.joined(separator: ", "), sources($0.sources)] })
        let reading = vocabulary.reading
        subsection(
            &out, "Reading free text: triggers (NegEx, ConText)", ["kind", "direction", "phrases", "sources"],
            reading.triggers.map { [$0.kind.rawValue, $0.direction.rawValue, $0.phrases.joined(separator: ", "), sources($0.sources)] })
        subsection(
            &out, "Reading free text: word lists", ["list", "phrases", "sources"],
            reading.equivalences.map { ["read as \"\($0.canonical)\"", $0.phrases.joined(separator: ", "), sources($0.sources)] }
                + [
                    ["filler words", reading.fillerWords.phrases.joined(separator: ", "), sources(reading.fillerWords.sources)],
                    ["no symptom", reading.noneTexts.phrases.joined(separator: ", "), sources(reading.noneTexts.sources)],
                    ["twitching itself", reading.twitchWords.phrases.joined(separator: ", "), sources(reading.twitchWords.sources)],
                    [
                        "disease names (never findings)", reading.diseaseNames.phrases.joined(separator: ", "),
                        sources(reading.diseaseNames.sources),
                    ],
                    [
                        "common words never read as misspellings",
                        "\(reading.commonWords.phrases.count) words (`knowledge --format json` lists them)",
                        sources(reading.commonWords.sources),
                    ],
                    [
                        "numbers",
                        "misspellings from \(reading.approximateMinimumLetters) letters; triggers reach \(reading.triggerWindowWords) words; \(reading.maximumGapWords) unknown word may stand inside a phrase",
                        sources(reading.sources),
                    ],
                ])

        out.append("")
        out.append("## Analytes")
        subsection(
            &out, "Recognition", ["id", "label", "core", "names", "LOINC", "canonical unit", "decimals", "sources"],
            knowledge.analytes.map {
                [
                    $0.id.rawValue, $0.label, $0.core ? "yes" : "no", $0.names.joined(separator: ", "),
                    $0.loinc.joined(separator: ", "), $0.canonicalUnit, String($0.decimals), sources($0.sources),
                ]
            })
        subsection(
            &out, "Units and conversion (canonical = reported × factor + offset)",
            ["analyte", "unit", "spellings", "factor", "offset", "sources"],
            knowledge.analytes.flatMap { analyte in
                analyte.units.map {
                    [
                        analyte.id.rawValue, $0.unit, $0.spellings.joined(separator: ", "), NumberFormatting.shortest($0.factor),
                        NumberFormatting.shortest($0.offset), sources($0.sources),
                    ]
                }
            })
        subsection(
            &out, "Default reference ranges and critical limits (canonical unit)",
            ["analyte", "reference", "reference sources", "critical", "critical sources"],
            knowledge.analytes.map {
                [
                    $0.id.rawValue, limits($0.reference, $0.canonicalUnit), sources($0.reference.sources),
                    limits($0.critical, $0.canonicalUnit), sources($0.critical.sources),
                ]
            })
        subsection(
            &out, "Names: words that make a lab's test name a different measurement, and words dropped from it",
            ["list", "group", "words", "sources"],
            knowledge.analyteNameWords.differentMeasurement.map {
                ["different measurement", $0.id, $0.words.joined(separator: ", "), sources($0.sources)]
            }
                + knowledge.analyteNameWords.sameMeasurement.map {
                    ["dropped", $0.id, $0.words.joined(separator: ", "), sources($0.sources)]
                })
        subsection(
            &out,
            "Specimen comments: the analytes each makes unreliable (negated by: \(knowledge.specimenComments.negations.words.joined(separator: ", ")))",
            ["problem", "words", "analytes", "sources"],
            knowledge.specimenComments.problems.map {
                [$0.label, $0.words.joined(separator: ", "), $0.analytes.map(\.rawValue).joined(separator: ", "), sources($0.sources)]
            })

        section(
            &out, "Conditions", ["id", "condition", "key symptoms", "diagnostic approach", "sources"],
            knowledge.conditions.map {
                [$0.id.rawValue, $0.name, $0.keySymptoms.joined(separator: "; "), $0.diagnosticApproach, sources($0.sources)]
            })

        out.append("")
        out.append("## Feature contrasts")
        var tables: [ContrastTableID] = []
        for contrast in knowledge.contrasts where !tables.contains(contrast.table) { tables.append(contrast.table) }
        for table in tables {
            subsection(
                &out, table.rawValue, ["id", "feature", "benign", "concerning", "benign speaks for", "concerning speaks for", "sources"],
                knowledge.contrasts(table: table).map {
                    [
                        $0.id.rawValue, $0.feature, $0.benign, $0.concerning, $0.benignConditions.joined(separator: ", "),
                        $0.concerningConditions.joined(separator: ", "), sources($0.sources),
                    ]
                })
        }

        let map = knowledge.contrastMap
        out.append("")
        out.append("## Contrast rows read from findings")
        out.append("")
        out.append(
            "Each row is read through these declared entries, never by the words of its label: the first entry whose signal holds decides the row's column. Where a specific table and the general one speak to the same condition about the same aspect, the more specific wins."
        )
        subsection(
            &out, "Tables", ["table", "specificity", "sources"],
            map.tables.map { [$0.id.rawValue, String($0.specificity), sources($0.sources)] })
        subsection(
            &out, "Mappings", ["table", "row", "signal", "column", "aspect", "for", "against", "raises", "note", "sources"],
            map.mappings.map {
                [
                    $0.table.rawValue, $0.row.rawValue, $0.signal.rawValue, $0.column.rawValue, $0.aspect,
                    $0.supports.joined(separator: ", "),
                    $0.opposes.joined(separator: ", "), $0.raises.joined(separator: ", "), $0.note ?? "", sources($0.sources),
                ]
            })
        subsection(
            &out, "Rows not read", ["table", "row", "why", "sources"],
            map.unobservable.map { [$0.table.rawValue, $0.row.rawValue, $0.reason, sources($0.sources)] })
        subsection(
            &out, "What each signal found, in words", ["signal", "words", "sources"],
            map.readings.map { [$0.signal.rawValue, $0.text, sources($0.sources)] })

        section(
            &out, "Timeframes", ["urgency", "timeframe", "sources"],
            knowledge.timeframes.map { [$0.urgency.rawValue, $0.timeframe, sources($0.sources)] })

        if let page = knowledge.page {
            out.append("")
            out.append("## The page and the worklist")
            subsection(
                &out, "Order of danger (the worklist sorts a band by it)", ["place", "red flag", "raised by", "sources"],
                page.dangerOrder.enumerated().map { index, step in
                    let by =
                        (step.symptoms ?? []).map(\.rawValue) + (step.findings ?? []).map(\.rawValue)
                        + (step.criticalLab == true ? ["a critical value"] : [])
                        + (step.lowLab.map { ["low \($0) with " + (step.with ?? []).joined(separator: ", ")] } ?? [])
                    return ["\(index + 1)", step.flag, by.joined(separator: ", "), sources(step.sources)]
                })
            subsection(
                &out, "Same-day red flags (possible: read today)", ["symptoms", "sources"],
                [[page.sameDaySymptoms.symptoms.joined(separator: ", "), sources(page.sameDaySymptoms.sources)]])
            if let words = page.appointmentWords {
                subsection(
                    &out, "Words that find a note mentioning a referral or an appointment", ["words", "sources"],
                    [[words.words.joined(separator: ", "), sources(words.sources)]])
            }
            subsection(
                &out, "Who acts when a rule names no one", ["test", "who", "sources"],
                page.defaultActors.map { [$0.test.rawValue, $0.who.rawValue, sources(page.defaultActorSources)] })
            subsection(
                &out, "Days of a timeframe (FHIR occurrencePeriod)", ["urgency", "days", "sources"],
                page.occurrenceDays.map { [$0.urgency.rawValue, "\($0.days)", sources($0.sources)] })
            subsection(
                &out, "The page's sentences", ["what", "words", "sources"],
                [
                    ["not mentioned", page.words.notMentioned, sources(page.words.sources)],
                    ["not monitored", page.words.notMonitored, sources(page.words.sources)],
                    ["query MND", page.words.queryMND, sources(page.words.sources)],
                ]
                    + page.words.redFlagFindings.map { ["red flag " + $0.finding.rawValue, $0.words, sources(page.words.sources)] })
            keyedWords(&out, "The pages' and cards' headings, labels and sentences", page.phrases)
            subsection(&out, "Titles the page cites sources by", ["source", "title"], page.sourceTitles.map { [$0.name, $0.title] })
        }

        let rules = knowledge.rules
        out.append("")
        out.append("## Rule lists")
        subsection(
            &out, "Symptom sets", ["id", "match", "symptoms", "sources"],
            rules.symptomSets.map { [$0.id.rawValue, $0.match.rawValue, $0.symptoms.joined(separator: ", "), sources($0.sources)] })
        subsection(
            &out, "Region sets", ["id", "regions", "sources"],
            rules.regionSets.map { [$0.id.rawValue, $0.regions.joined(separator: ", "), sources($0.sources)] })
        subsection(
            &out, "Duration phrases in notes", ["phrase", "at least (days)", "sources"],
            rules.durationPhrases.map { [$0.phrase, String($0.atLeastDays), sources($0.sources)] })
        keyedWords(&out, "Sentences the rules write", rules.sentences)
        keyedWords(&out, "Sentences the findings write", rules.findingSentences)
        subsection(
            &out, "Worries named in notes", ["condition", "terms", "key signs", "without them", "sources"],
            rules.concerns.map {
                [
                    $0.condition.rawValue, $0.terms.joined(separator: ", "), $0.keySymptoms.joined(separator: ", "), $0.unlikely,
                    sources($0.sources),
                ]
            })
        subsection(
            &out, "Patients' own descriptions", ["condition", "phrases", "line", "sources"],
            (rules.patientDescriptions ?? []).map {
                [$0.condition.rawValue, $0.phrases.joined(separator: ", "), $0.sentence, sources($0.sources)]
            })
        subsection(
            &out, "Analyte panels and conditions", ["analyte", "panel", "condition", "sources"],
            rules.labRelations.map { [$0.analyte.rawValue, $0.panel.rawValue, $0.condition.rawValue, sources($0.sources)] })
        subsection(
            &out, "What each lab result calls for",
            ["id", "analyte", "band", "bounds", "with", "without", "who", "urgency", "action", "sources"],
            knowledge.labActions.actions.map { action in
                let bounds = [
                    action.atLeast.map { "≥ \(NumberFormatting.shortest($0))" }, action.below.map { "< \(NumberFormatting.shortest($0))" },
                ]
                .compactMap { $0 }.joined(separator: ", ")
                return [
                    action.id.rawValue, action.analyte.rawValue, action.band.rawValue, bounds,
                    (action.withSymptoms ?? []).joined(separator: ", "),
                    (action.withoutSymptoms ?? []).joined(separator: ", "), action.who.rawValue, action.urgency.rawValue,
                    action.text + ((action.explains ?? false) ? " (the likely cause)" : ""), sources(action.sources),
                ]
            })
        subsection(
            &out, "Drugs a lab action names", ["id", "name", "class", "words", "sources"],
            knowledge.labActions.drugGroups.map {
                [$0.id.rawValue, $0.name, $0.medicationClass?.rawValue ?? "", $0.terms.joined(separator: ", "), sources($0.sources)]
            })
        subsection(
            &out, "Medication notes", ["class", "note", "linked analytes", "frequent use", "departs from a seed", "sources"],
            knowledge.medicationNotes.map {
                [
                    $0.medicationClass.rawValue, $0.note, $0.linkedAnalytes.joined(separator: ", "),
                    $0.frequentUse?.note ?? "", $0.departure ?? "", sources($0.sources),
                ]
            })

        section(
            &out, "Red flags and warning signs", ["id", "tier", "sign", "symptoms", "puts up", "not beside", "sources"],
            knowledge.redFlags.map {
                [
                    $0.id.rawValue, $0.tier?.rawValue ?? "", $0.text, $0.symptoms.joined(separator: ", "),
                    ($0.conditions ?? []).joined(separator: ", "), $0.notBeside?.rawValue ?? "", sources($0.sources),
                ]
            })
        subsection(
            &out, "What each red flag calls for", ["red flag", "test", "who", "urgency", "timeframe", "when", "detail"],
            knowledge.redFlags.flatMap { flag in stepRows(flag, knowledge) })
        subsection(
            &out, "Targeted examination", ["for", "items"],
            knowledge.redFlags.compactMap { flag in flag.examination.map { [flag.id.rawValue, $0.joined(separator: "; ")] } }
                + knowledge.conditions.compactMap { condition in
                    condition.examination.map { [condition.id.rawValue, $0.joined(separator: "; ")] }
                })
        subsection(
            &out, "Mimics: what separates them", ["condition", "raised by", "separated by", "sources"],
            knowledge.conditions.compactMap { condition in
                condition.separatedBy.map {
                    [condition.id.rawValue, (condition.raisedBy ?? []).joined(separator: ", "), $0, sources(condition.sources)]
                }
            })
        subsection(
            &out, "Departures from the seeds", ["row", "departure"],
            knowledge.redFlags.compactMap { flag in flag.departure.map { ["red flag " + flag.id.rawValue, $0] } }
                + knowledge.conditions.compactMap { condition in condition.departure.map { ["condition " + condition.id.rawValue, $0] } })

        out.append("")
        out.append("## Tests")
        subsection(
            &out, "Catalogue", ["id", "name", "in reports", "purpose", "sources"],
            knowledge.tests.map { [$0.id.rawValue, $0.name, $0.label ?? "", $0.purpose, sources($0.sources)] })
        subsection(
            &out, "MRI regions and blood panels", ["test", "variant", "purpose", "analytes", "sources"],
            knowledge.tests.flatMap { test in
                test.variants.map {
                    [test.id.rawValue, $0.id.rawValue, $0.purpose, $0.analytes.joined(separator: ", "), sources($0.sources)]
                }
            })

        section(
            &out, "Advice", ["id", "kind", "answers trigger", "advice", "when the patient already has it", "withheld when", "sources"],
            knowledge.advice.map {
                [
                    $0.id.rawValue, $0.kind.rawValue, $0.trigger?.rawValue ?? $0.tellWhen?.rawValue ?? "", $0.text, $0.escalation ?? "",
                    withheld($0.withheldWhen), sources($0.sources),
                ]
            })
        return out.joined(separator: "\n") + "\n"
    }

    /// "swallowing difficulty; a low sodium; stated heart failure; beside a motor red flag; past 14 days".
    private static func withheld(_ rule: Advice.Withheld?) -> String {
        guard let rule else { return "" }
        var parts: [String] = []
        if let symptoms = rule.symptoms, !symptoms.isEmpty { parts.append(symptoms.joined(separator: ", ")) }
        if let labs = rule.lowLabs, !labs.isEmpty { parts.append("low " + labs.joined(separator: ", ")) }
        if let history = rule.history, !history.isEmpty { parts.append("stated " + history.joined(separator: ", ")) }
        if rule.motorRedFlag == true { parts.append("beside a motor red flag") }
        if let days = rule.spanOverDays { parts.append("past \(days) days") }
        return parts.joined(separator: "; ")
    }

    /// The rows of a red flag's steps (present, then possible).
    private static func stepRows(_ flag: RedFlag, _ knowledge: Knowledge) -> [[String]] {
        let steps: [RedFlag.Step] = (flag.steps ?? []) + (flag.possibleSteps ?? [])
        return steps.map { step -> [String] in
            let test: String = step.test.rawValue + (step.region.map { " (" + $0.rawValue + ")" } ?? "")
            let timeframe: String = step.timeframe.flatMap { knowledge.timeframe(id: $0) } ?? ""
            return [flag.id.rawValue, test, step.who.rawValue, step.urgency.rawValue, timeframe, step.when ?? "", step.detail]
        }
    }

    private static func section(_ out: inout [String], _ title: String, _ header: [String], _ rows: [[String]]) {
        out.append("")
        out.append("## \(title)")
        table(&out, header, rows)
    }

    private static func subsection(_ out: inout [String], _ title: String, _ header: [String], _ rows: [[String]]) {
        out.append("")
        out.append("### \(title)")
        table(&out, header, rows)
    }

    /// A subsection of words by id (``KeyedWords``): id, words, sources.
    private static func keyedWords<Key>(_ out: inout [String], _ title: String, _ rows: [KeyedWords<Key>]) {
        subsection(&out, title, ["id", "words", "sources"], rows.map { [$0.id.rawValue, $0.text, sources($0.sources)] })
    }

    private static func table(_ out: inout [String], _ header: [String], _ rows: [[String]]) {
        out.append("")
        out.append("| " + header.map(cell).joined(separator: " | ") + " |")
        out.append("|" + String(repeating: "---|", count: header.count))
        for row in rows { out.append("| " + row.map(cell).joined(separator: " | ") + " |") }
    }

    /// Escapes a table cell: `|` would end it, a newline would end the row.
    private static func cell(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "|": escaped += "\\|"
            case "\n", "\r": escaped += " "
            default: escaped.append(character)
            }
        }
        return escaped
    }

    private static func sources(_ sources: [Source]) -> String {
        sources.map { source in
            guard let quote = source.quote, !quote.isEmpty else { return source.name }
            return "\(source.name): “\(quote)”"
        }.joined(separator: "<br>")
    }

    private static func limits(_ limits: AnalyteDefinition.Limits, _ unit: String) -> String {
        switch (limits.low, limits.high) {
        case (let low?, let high?): return "\(NumberFormatting.shortest(low))-\(NumberFormatting.shortest(high)) \(unit)"
        case (let low?, nil): return "≥ \(NumberFormatting.shortest(low)) \(unit)"
        case (nil, let high?): return "≤ \(NumberFormatting.shortest(high)) \(unit)"
        case (nil, nil): return "none"
        }
    }
}
