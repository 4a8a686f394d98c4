/// The symptom ids the code names, as one list: what `vocabulary.json` must hold
/// (``KnowledgeRequirements/symptoms``). Each constant of ``SymptomID`` is in it, which
/// `KnowledgeRequirementsTests` checks against the constants' declarations, so a constant added
/// and not listed here fails a test instead of going unchecked against the vocabulary.
extension SymptomID {
    /// Every constant of ``SymptomID``, in declaration order.
    package static let named: [SymptomID] = [
        .weakness, .atrophy, .fineMotor, .speech, .swallowing, .breathing, .numbness, .tingling, .burning, .cramps, .neckArm,
        .reducedReflexes, .balance, .vision, .fatigue, .weightLoss, .falls, .anxietySymptoms, .footDrop, .bladderBowel,
        .sexualFunction, .saddleNumbness, .breathlessAtRestOrLyingFlat, .unableToSwallow, .facialDroop, .suddenDeficit,
        .weaknessWorseningOverDays, .ascendingTingling, .suddenVisionLoss, .doubleVision, .droopingEyelid, .fatigableWeakness,
        .headDrop, .weakCough, .morningHeadaches, .daytimeSleepiness, .stiffness, .emotionalLability, .foodSticking,
        .perioralTingling, .handSpasm, .tremor, .palpitations,
    ]
}
