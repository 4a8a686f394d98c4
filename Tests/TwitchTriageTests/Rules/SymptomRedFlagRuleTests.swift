import Foundation
import Testing
import TriageEngine
import TriageKnowledge
import TriageModel

/// ``SymptomRedFlagRule``: every red flag the registry configures it for, one test each, read from
/// the flag's row (SPEC §6.1: any one red flag is enough; §4.1: a possible one is a phone call).
@Suite struct SymptomRedFlagRuleTests {
    static let knowledge = Knowledge.forTests
    /// The red flags the registry configures the rule for, in registry order.
    static let configured: [RedFlagID] = RuleRegistry.all.compactMap { ($0 as? SymptomRedFlagRule)?.flag }

    @Test func theRegistryConfiguresTheNineRowsOfThisKind() {
        #expect(
            Self.configured == [
                RedFlagID.suddenDeficit, .rapidWeakness, .breathlessAtRest, .suddenVisionLoss, .fatigableOcular,
                .visionOverDays, .weightLoss, .perioralTingling, .severeCramping,
            ])
    }

    /// A row with `notBeside` (cramps) does not hold beside a shown symptom of that set (weakness):
    /// a tier above acts (SPEC §6.1); each of the set's symptoms is tried.
    @Test(arguments: configured) func besideASymptomOfItsNotBesideSetItDoesNotFire(_ flag: RedFlagID) throws {
        let knowledge = Self.knowledge
        let row = try #require(knowledge.redFlag(id: flag))
        guard let above = row.notBeside else { return }
        let set = knowledge.symptomSet(above).symptoms
        #expect(!set.isEmpty)
        for symptom in row.symptoms {
            for other in set {
                let context = RedFlagScenario(symptoms: [symptom, other]).context(knowledge)
                #expect(!SymptomRedFlagRule(flag).evaluate(context).fired, "\(symptom) beside \(other)")
            }
        }
    }

    @Test func severeCrampingHoldsOnlyWithoutAMotorOrBulbarFinding() throws {
        let row = try #require(Self.knowledge.redFlag(id: .severeCramping))
        #expect(row.notBeside == .motorOrBulbar)
        #expect(row.tier == .other)
    }

    /// Each of the row's symptoms, stated alone: the row's steps, headline, conditions and red flag.
    @Test(arguments: configured) func eachStatedSymptomIsTheRowsPlan(_ flag: RedFlagID) throws {
        let knowledge = Self.knowledge
        let row = try #require(knowledge.redFlag(id: flag))
        let rule = SymptomRedFlagRule(flag)
        #expect(rule.id.rawValue == flag.rawValue)
        #expect(!row.symptoms.isEmpty)
        for symptom in row.symptoms {
            let outcome = rule.evaluate(RedFlagScenario(symptoms: [symptom]).context(knowledge))
            #expect(outcome.fired, "\(symptom)")
            #expect(outcome.redFlags == [flag], "\(symptom)")
            #expect(outcome.recommendations.count == row.steps?.count, "\(symptom)")
            #expect(outcome.recommendations.allSatisfy { $0.rule == rule.id && $0.reasons == [FindingID.symptom(symptom)] }, "\(symptom)")
            #expect(outcome.headline == row.headline?.replacingOccurrences(of: "{findings}", with: symptom.rawValue), "\(symptom)")
            #expect(outcome.conditions == (row.conditions ?? []), "\(symptom)")
            #expect(outcome.support == Dictionary(uniqueKeysWithValues: (row.conditions ?? []).map { ($0, [FindingID.symptom(symptom)]) }))
        }
    }

    /// Each of the row's symptoms written with doubt: the row's possible steps (a clinician phones
    /// today) when it has them, without the red flag or a condition; else nothing.
    @Test(arguments: configured) func eachPossibleSymptomIsThePossibleStepsOrNothing(_ flag: RedFlagID) throws {
        let knowledge = Self.knowledge
        let row = try #require(knowledge.redFlag(id: flag))
        for symptom in row.symptoms {
            let outcome = SymptomRedFlagRule(flag).evaluate(RedFlagScenario(possible: [symptom]).context(knowledge))
            if let steps = row.possibleSteps {
                #expect(outcome.recommendations.count == steps.count, "\(symptom)")
                #expect(outcome.recommendations.allSatisfy { $0.test == .clinicianReview }, "\(symptom)")
                #expect(outcome.redFlags.isEmpty && outcome.conditions.isEmpty, "\(symptom)")
            } else {
                #expect(!outcome.fired, "\(symptom)")
            }
        }
    }

    @Test(arguments: configured) func withoutTheRowsSymptomsItDoesNotFire(_ flag: RedFlagID) {
        #expect(!SymptomRedFlagRule(flag).evaluate(RedFlagScenario(symptoms: ["stiffness"]).context(Self.knowledge)).fired)
    }
}
