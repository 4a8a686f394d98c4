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
public enum SymptomTag: LiteralIDTag {}
/// A symptom id of the vocabulary (`fine-motor difficulty`).
public typealias SymptomID = Tagged<SymptomTag, String>

/// The tag of condition ids (`conditions.json`).
public enum ConditionTag: LiteralIDTag {}
/// A condition's id as the tables write it (`als`).
public typealias ConditionID = Tagged<ConditionTag, String>

/// The tag of feature-contrast table ids (`contrasts.json`).
public enum ContrastTableTag: LiteralIDTag {}
/// A feature-contrast table's id (`normal-vs-serious`).
public typealias ContrastTableID = Tagged<ContrastTableTag, String>

/// The tag of rule ids: a rule names itself with a literal in its own file.
public enum RuleTag: LiteralIDTag {}
/// A rule's id as reports name it (`motor-neuron-red-flags`).
public typealias RuleID = Tagged<RuleTag, String>

/// The tag of finding ids: not a ``LiteralIDTag``, so findings are named only by
/// ``FindingID``'s constants and builders.
public enum FindingTag {}
/// The id of a finding (SPEC §7 `findings[].id`), which recommendations name in `reasons`.
public typealias FindingID = Tagged<FindingTag, String>

/// The tag of red-flag ids (`red-flags.json`).
public enum RedFlagTag: LiteralIDTag {}
/// A red flag's id as `red-flags.json` writes it (`bulbar-crisis`).
public typealias RedFlagID = Tagged<RedFlagTag, String>

/// The tag of trigger ids (the vocabulary's triggers: `caffeine`, `poor sleep`).
public enum TriggerTag: LiteralIDTag {}
/// A trigger's id as the vocabulary writes it.
public typealias TriggerID = Tagged<TriggerTag, String>
