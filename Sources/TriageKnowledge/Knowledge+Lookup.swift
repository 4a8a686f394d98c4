import TriageModel

extension Knowledge {
    /// The value of a required threshold.
    ///
    /// Safe on knowledge from ``KnowledgeLoader``, which refuses tables without every
    /// ``Threshold/Key``; on hand-built knowledge without it, a programming error.
    package func threshold(_ key: Threshold.Key) -> Double {
        guard let threshold = threshold(id: key.id) else {
            preconditionFailure("threshold \(key.rawValue) missing: knowledge was not loaded through KnowledgeLoader")
        }
        return threshold.value
    }

    /// The threshold row with `id`, with its meaning and sources.
    package func threshold(id: ThresholdID) -> Threshold? { thresholds.first { $0.id == id } }

    /// The analyte with `id` (`magnesium`, `vitaminB12`, …).
    package func analyte(id: AnalyteID) -> AnalyteDefinition? { analytes.first { $0.id == id } }

    /// The five core analytes, in table order.
    package var coreAnalytes: [AnalyteDefinition] { analytes.filter(\.core) }

    /// The condition with `id` (`bfs`, `als`, …).
    package func condition(_ id: ConditionID) -> Condition? { conditions.first { $0.id == id } }

    /// The test with `id` (`EMG`, `NCS`, `MRI`, `bloodWork`, `neurologyExam`, `lumbarPuncture`).
    package func test(id: CatalogueTestID) -> DiagnosticTest? { tests.first { $0.id == id } }

    /// A variant of a test: an MRI region (`cervical spine`) or a blood panel (`neuropathy`).
    package func variant(_ id: VariantID, of testID: CatalogueTestID) -> DiagnosticTest.Variant? {
        test(id: testID)?.variants.first { $0.id == id }
    }

    /// The analyte ids of a blood panel (`core panel`, `electrolytes`, `neuropathy`, `thyroid`);
    /// empty when there is no such panel.
    /// The tests of the panel the tool does not read (its `alsoOrder`) follow the analytes.
    package func panel(_ id: VariantID) -> [AnalyteID] {
        guard let variant = variant(id, of: Recommendation.Test.bloodWork.id) else { return [] }
        return variant.analytes + (variant.alsoOrder ?? [])
    }

    /// The red flag with `id`.
    package func redFlag(id: RedFlagID) -> RedFlag? { redFlags.first { $0.id == id } }

    /// The red flags a symptom shows.
    package func redFlags(showing symptom: SymptomID) -> [RedFlag] { redFlags.filter { $0.symptoms.contains(symptom) } }

    /// The rows of one feature-contrast table, in table order.
    package func contrasts(table: ContrastTableID) -> [FeatureContrast] { contrasts.filter { $0.table == table } }

    /// One row of a feature-contrast table.
    package func contrast(table: ContrastTableID, id: ContrastRowID) -> FeatureContrast? {
        contrasts.first { $0.table == table && $0.id == id }
    }

    /// The advice with `id`.
    package func advice(id: AdviceID) -> Advice? { advice.first { $0.id == id } }

    /// The advice that answers a trigger (`caffeine`, `poor sleep`).
    package func advice(forTrigger trigger: TriggerID) -> [Advice] { advice.filter { $0.trigger == trigger } }

    /// The advice of one kind (`lifestyle` or `return`), in table order.
    package func advice(kind: Advice.Kind) -> [Advice] { advice.filter { $0.kind == kind } }

    /// The body region with `id`.
    package func region(id: RegionID) -> Vocabulary.Region? { vocabulary.regions.first { $0.id == id } }

    /// The symptom with `id`.
    package func symptom(id: SymptomID) -> Vocabulary.Symptom? { vocabulary.symptoms.first { $0.id == id } }

    /// The trigger with `id`.
    package func trigger(id: TriggerID) -> Vocabulary.Trigger? { vocabulary.triggers.first { $0.id == id } }

    /// The medication class with `id`.
    package func medicationClass(id: MedicationClassID) -> Vocabulary.MedicationClass? {
        vocabulary.medicationClasses.first { $0.id == id }
    }

    /// The entry of the source catalogue a source names.
    package func sourceReference(named name: String) -> SourceReference? {
        sourceCatalogue.first { $0.name == name }
    }

    /// The timeframe words of an urgency (`urgent` → "to be seen within 2 weeks").
    package func timeframe(_ urgency: Urgency) -> String? { timeframes.first { $0.urgency == urgency.timeframeID }?.timeframe }

    /// The source names of the same-day timeframe (NICE NG127 "refer immediately").
    package var sameDaySources: [String] { timeframes.first { $0.urgency == TimeframeID.sameDay }?.sources.map(\.name) ?? [] }

    /// The words of the timeframe row with `id` (an urgency or a step's own timeframe).
    package func timeframe(id: TimeframeID) -> String? { timeframes.first { $0.urgency == id }?.timeframe }

    /// The red flags of one tier of SPEC §6.1, in table order.
    package func redFlags(tier: RedFlag.Tier) -> [RedFlag] { redFlags.filter { $0.tier == tier } }

    /// The timeframe words of the same-day flag.
    package var sameDayTimeframe: String? { timeframes.first { $0.urgency == TimeframeID.sameDay }?.timeframe }

    /// The symptom set with `id` from `rules.json`.
    package func symptomSet(_ id: SymptomSetID) -> RuleKnowledge.SymptomSet { rules.symptoms(id) }
}
