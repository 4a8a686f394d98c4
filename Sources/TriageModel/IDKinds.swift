/// The kinds of id of the tool: each a ``Tagged`` with a tag of its own, so that the compiler
/// keeps them apart. The constants the code names are beside the tables they name (Knowledge's
/// `ClinicalIDs.swift`, Model's `FindingID.swift`); the tags carry nothing.

/// The tag of patient ids: the id a journal, a lab file or an EHR gives the patient.
public enum PatientTag: LiteralIDTag {}
/// A patient's id as the input writes it (`P001`): never shown outside the patient's own
/// report folder and worklist row (SPEC §10).
public typealias PatientID = Tagged<PatientTag, String>

/// The tag of analyte ids (`magnesium`, `vitaminB12`: `analytes.json`).
public enum AnalyteTag: LiteralIDTag {}
/// An analyte's id as `analytes.json` and the reports write it.
public typealias AnalyteID = Tagged<AnalyteTag, String>

/// The tag of the vocabulary's symptom ids.
package enum SymptomTag: LiteralIDTag {}
/// A symptom id of the vocabulary (`fine-motor difficulty`).
package typealias SymptomID = Tagged<SymptomTag, String>

/// The tag of condition ids (`conditions.json`).
package enum ConditionTag: LiteralIDTag {}
/// A condition's id as the tables write it (`als`).
package typealias ConditionID = Tagged<ConditionTag, String>

/// The tag of feature-contrast table ids (`contrasts.json`).
package enum ContrastTableTag: LiteralIDTag {}
/// A feature-contrast table's id (`normal-vs-serious`).
package typealias ContrastTableID = Tagged<ContrastTableTag, String>

/// The tag of rule ids: a rule names itself with a literal in its own file.
package enum RuleTag: LiteralIDTag {}
/// A rule's id as reports name it (`motor-neuron-red-flags`).
package typealias RuleID = Tagged<RuleTag, String>

/// The tag of finding ids: not a ``LiteralIDTag``, so findings are named only by
/// ``FindingID``'s constants and builders.
package enum FindingTag {}
/// The id of a finding (SPEC §7 `findings[].id`), which recommendations name in `reasons`.
package typealias FindingID = Tagged<FindingTag, String>

/// The tag of red-flag ids (`red-flags.json`).
package enum RedFlagTag: LiteralIDTag {}
/// A red flag's id as `red-flags.json` writes it (`bulbar-crisis`).
package typealias RedFlagID = Tagged<RedFlagTag, String>

/// The tag of trigger ids (the vocabulary's triggers: `caffeine`, `poor sleep`).
package enum TriggerTag: LiteralIDTag {}
/// A trigger's id as the vocabulary writes it.
package typealias TriggerID = Tagged<TriggerTag, String>

/// The tag of body-region ids (the vocabulary's regions: `eyelid`, `forearm`).
package enum RegionTag: LiteralIDTag {}
/// A body region's id as the vocabulary writes it (`forearm`).
package typealias RegionID = Tagged<RegionTag, String>

/// The tag of region-group ids (the vocabulary's region groups).
package enum RegionGroupTag: LiteralIDTag {}
/// A region group's id as the vocabulary writes it (`upper limb`, `cranial/bulbar`).
package typealias RegionGroupID = Tagged<RegionGroupTag, String>

/// The tag of region-set ids (`rules.json` `regionSets`).
package enum RegionSetTag: LiteralIDTag {}
/// A named set of body regions of `rules.json` (`face`, `back-or-leg`).
package typealias RegionSetID = Tagged<RegionSetTag, String>

/// The tag of the ids of the diagnostic-test catalogue (`tests.json`).
package enum CatalogueTestTag: LiteralIDTag {}
/// A test's id in `tests.json` (`EMG`, `bloodWork`, `lumbarPuncture`): what
/// `recommendations[].test` names.
package typealias CatalogueTestID = Tagged<CatalogueTestTag, String>

/// The tag of the ids of the catalogue's variants (`tests.json` `variants`).
package enum VariantTag: LiteralIDTag {}
/// A variant of a catalogue test: an MRI region (`cervical spine`) or a blood panel
/// (`neuropathy`).
package typealias VariantID = Tagged<VariantTag, String>

/// The tag of the ids of `advice.json` rows (advice, safety-net signs, what to tell the patient,
/// notices).
package enum AdviceTag: LiteralIDTag {}
/// An `advice.json` row's id (`caffeine`, `return-breathing`, `not-monitored`).
package typealias AdviceID = Tagged<AdviceTag, String>

/// The tag of medication-class ids (the vocabulary's medication classes).
package enum MedicationClassTag: LiteralIDTag {}
/// A medication class's id as the vocabulary writes it (`corticosteroids`, `diuretics`).
package typealias MedicationClassID = Tagged<MedicationClassTag, String>

extension Recommendation.Test {
    /// The catalogue row of the test (`tests.json`), which gives its name and purpose.
    package var id: CatalogueTestID { CatalogueTestID(rawValue: rawValue) }

    /// The test a catalogue row is, if a recommendation can name it.
    package init?(id: CatalogueTestID) { self.init(rawValue: id.rawValue) }
}

/// The tag of threshold ids (`thresholds.json`): not a ``LiteralIDTag``, so the code names a
/// threshold only through `Threshold.Key`, the closed set of those it needs.
package enum ThresholdTag {}
/// A `thresholds.json` row's id (`persistent-any-days`), as the table and the knowledge page
/// write it.
package typealias ThresholdID = Tagged<ThresholdTag, String>

/// The tag of the drug groups a lab action names (`lab-actions.json` `drugGroups`).
package enum DrugGroupTag: LiteralIDTag {}
/// A drug group's id in `lab-actions.json` (`metformin`, `ppi`).
package typealias DrugGroupID = Tagged<DrugGroupTag, String>

/// The tag of the actions of `lab-actions.json`.
package enum LabActionTag: LiteralIDTag {}
/// A lab action's id in `lab-actions.json` (`potassium-low`), which its validation messages and
/// the knowledge page name.
package typealias LabActionID = Tagged<LabActionTag, String>

/// The tag of the specimen problems of `specimen-comments.json`.
package enum SpecimenProblemTag: LiteralIDTag {}
/// A specimen problem's id in `specimen-comments.json` (`haemolysed`).
package typealias SpecimenProblemID = Tagged<SpecimenProblemTag, String>

/// The tag of the rows of the feature-contrast tables (`contrasts.json`).
package enum ContrastRowTag: LiteralIDTag {}
/// A feature-contrast row's id, unique within its table (`duration`, `weakness`).
package typealias ContrastRowID = Tagged<ContrastRowTag, String>

/// The tag of the rows of `timeframes.json`.
package enum TimeframeTag: LiteralIDTag {}
/// A `timeframes.json` row's id: an urgency's own (`urgent`) or one a red flag's step names
/// (`same-day`, `read-today`, `eye-24-hours`).
package typealias TimeframeID = Tagged<TimeframeTag, String>

extension Urgency {
    /// The id of the urgency's own `timeframes.json` row.
    package var timeframeID: TimeframeID { TimeframeID(rawValue: rawValue) }
}
