import Foundation
import Testing
import TriageModel

@testable import TriageKnowledge

/// Each rule of the loader, broken once on a copy of the shipped tables, with its exact message.
@Suite struct KnowledgeValidationTests {
    @Test func theUnbrokenCopyLoads() throws {
        #expect(try BrokenKnowledge().loadError() == nil)
    }

    @Test func aUnitWithoutFactor() throws {
        let copy = try BrokenKnowledge()
        try copy.replace("analytes.json", "\"factor\": 0.2495134488,", with: "")
        #expect(copy.loadError() == #"analytes.json: row 3 (calcium): unit "mg/dL" has no factor"#)
    }

    @Test func aNullFactor() throws {
        let copy = try BrokenKnowledge()
        try copy.replace("analytes.json", "\"factor\": 0.2495134488,", with: "\"factor\": null,")
        #expect(copy.loadError() == #"analytes.json: row 3 (calcium): unit "mg/dL" has no factor"#)
    }

    @Test func aValueOfTheWrongType() throws {
        let copy = try BrokenKnowledge()
        try copy.replace("thresholds.json", "\"value\": 14,", with: "\"value\": \"fourteen\",")
        #expect(copy.loadError() == "thresholds.json: row 1 (persistent-without-improvement-days): has a value that is not a number")
    }

    @Test func aMissingRowField() throws {
        let copy = try BrokenKnowledge()
        try copy.editRow("analytes.json", id: "potassium") { $0["canonicalUnit"] = nil }
        #expect(copy.loadError() == "analytes.json: row 2 (potassium): has no canonicalUnit")
    }

    @Test func aDuplicateID() throws {
        let copy = try BrokenKnowledge()
        try copy.replace("conditions.json", "\"id\": \"anxiety-twitching\"", with: "\"id\": \"bfs\"")
        #expect(copy.loadError() == #"conditions.json: row 2 (bfs): repeats the id "bfs" of row 1"#)
    }

    @Test func aRegionInAnUnknownGroup() throws {
        let copy = try BrokenKnowledge()
        try copy.replace("vocabulary.json", "\"group\": \"upper limb\"", with: "\"group\": \"upper-limb\"")
        #expect(
            copy.loadError()
                == #"vocabulary.json: regions row 9 (shoulder): names group "upper-limb", which is not in vocabulary.json regionGroups"#)
    }

    @Test func aRedFlagWithAnUnknownSymptom() throws {
        let copy = try BrokenKnowledge()
        try copy.replace("red-flags.json", "\"weakness\"", with: "\"weaknes\"")
        #expect(
            copy.loadError()
                == #"red-flags.json: row 4 (progressive-weakness): names symptom "weaknes", which is not in vocabulary.json symptoms"#)
    }

    @Test func aRedFlagWithAnUnknownCondition() throws {
        let copy = try BrokenKnowledge()
        try copy.replace("red-flags.json", "\"myasthenia-gravis\"", with: "\"myasthenia\"")
        #expect(
            copy.loadError() == #"red-flags.json: row 31 (fatigable-ocular): names condition "myasthenia", which is not in conditions.json"#
        )
    }

    @Test func aContrastWithAnUnknownCondition() throws {
        let copy = try BrokenKnowledge()
        try copy.replace("contrasts.json", "\"als\"", with: "\"alss\"")
        #expect(
            copy.loadError()
                == #"contrasts.json: row 1 (normal-vs-serious/duration): names condition "alss", which is not in conditions.json"#)
    }

    @Test func aPanelWithAnUnknownAnalyte() throws {
        let copy = try BrokenKnowledge()
        try copy.replace("tests.json", "\"sodium\"", with: "\"natrium\"")
        #expect(
            copy.loadError()
                == #"tests.json: row 4 (bloodWork): variant "electrolytes" names analyte "natrium", which is not in analytes.json"#)
    }

    @Test func adviceForAnUnknownTrigger() throws {
        let copy = try BrokenKnowledge()
        try copy.replace("advice.json", "\"trigger\": \"caffeine\"", with: "\"trigger\": \"coffee\"")
        #expect(copy.loadError() == #"advice.json: row 1 (caffeine): names trigger "coffee", which is not in vocabulary.json triggers"#)
    }

    @Test func adviceWithheldBesideAnUnknownAnalyte() throws {
        let copy = try BrokenKnowledge()
        try copy.editRow("advice.json", id: "hydration") { row in
            var withheld = try #require(row["withheldWhen"] as? [String: Any])
            withheld["lowLabs"] = ["natrium"]
            row["withheldWhen"] = withheld
        }
        #expect(copy.loadError() == #"advice.json: row 3 (hydration): names analyte "natrium", which is not in analytes.json"#)
    }

    @Test func aMissingRegionSetTheRulesName() throws {
        let copy = try BrokenKnowledge()
        try copy.edit("rules.json") { json in
            var rules = try #require(json as? [String: Any])
            var sets = try #require(rules["regionSets"] as? [[String: Any]])
            sets.removeAll { $0["id"] as? String == RegionSetID.backOrLeg.rawValue }
            rules["regionSets"] = sets
            json = rules
        }
        #expect(copy.loadError() == #"rules.json: regionSets has no row "back-or-leg""#)
    }

    @Test func aRowWithoutSources() throws {
        let copy = try BrokenKnowledge()
        try copy.editRow("thresholds.json", id: "persistent-without-improvement-days") { $0["sources"] = [Any]() }
        #expect(copy.loadError() == "thresholds.json: row 1 (persistent-without-improvement-days): has no source")
    }

    @Test func aLimitWithoutSources() throws {
        let copy = try BrokenKnowledge()
        try copy.editRow("analytes.json", id: "sodium") { row in
            var critical = try #require(row["critical"] as? [String: Any])
            critical["sources"] = [Any]()
            row["critical"] = critical
        }
        #expect(copy.loadError() == "analytes.json: row 7 (sodium): critical has no source")
    }

    @Test func aSourceThatIsNotAnArticle() throws {
        let copy = try BrokenKnowledge()
        try copy.replace("conditions.json", "\"name\": \"arm-twitching-guide\"", with: "\"name\": \"wikipedia\"")
        #expect(
            copy.loadError()
                == #"conditions.json: row 1 (bfs): cites "wikipedia", which is not one of the four articles, a guideline or reference in knowledge.json, or twitch-triage"#
        )
    }

    @Test func aLabReferenceOutsideTheAnalytes() throws {
        let copy = try BrokenKnowledge()
        try copy.replace("contrasts.json", "\"name\": \"random-twitches\"", with: "\"name\": \"UCUM\"")
        #expect(
            copy.loadError()
                == #"contrasts.json: row 1 (normal-vs-serious/duration): cites "UCUM", which is not one of the four articles, a guideline in knowledge.json, or twitch-triage"#
        )
    }

    @Test func aUnitSourceThatIsNotAReference() throws {
        let copy = try BrokenKnowledge()
        try copy.replace("analytes.json", "\"name\": \"IUPAC standard atomic weights\"", with: "\"name\": \"a textbook\"")
        #expect(
            copy.loadError()
                == #"analytes.json: row 1 (magnesium): unit "mg/dL" cites "a textbook", which is not one of the four articles, a guideline or reference in knowledge.json, or twitch-triage"#
        )
    }

    @Test func articlesOtherThanTheFourSeeds() throws {
        let copy = try BrokenKnowledge()
        try copy.replace("knowledge.json", "\"name\": \"random-twitches\"", with: "\"name\": \"random-twitch\"")
        #expect(
            copy.loadError()
                == "knowledge.json: the articles must be arm-twitching-causes, arm-twitching-guide, neurologist-guide, random-twitches, not arm-twitching-causes, arm-twitching-guide, neurologist-guide, random-twitch"
        )
    }

    @Test func aCanonicalUnitNotAmongTheUnits() throws {
        let copy = try BrokenKnowledge()
        try copy.replace("analytes.json", "\"canonicalUnit\": \"mmol/L\"", with: "\"canonicalUnit\": \"mmol/dL\"")
        #expect(copy.loadError() == #"analytes.json: row 1 (magnesium): canonical unit "mmol/dL" is not among its units"#)
    }

    @Test func aCanonicalUnitWhoseFactorIsNotOne() throws {
        let copy = try BrokenKnowledge()
        try copy.editRow("analytes.json", id: "magnesium") { row in
            var units = try #require(row["units"] as? [[String: Any]])
            units[0]["factor"] = 2
            row["units"] = units
        }
        #expect(
            copy.loadError()
                == #"analytes.json: row 1 (magnesium): canonical unit "mmol/L" has factor 2 and offset 0; it must have factor 1 and offset 0"#
        )
    }

    @Test func aFactorOfZero() throws {
        let copy = try BrokenKnowledge()
        try copy.replace("analytes.json", "\"factor\": 0.2495134488,", with: "\"factor\": 0,")
        #expect(copy.loadError() == #"analytes.json: row 3 (calcium): unit "mg/dL" has factor 0; a factor must be a positive number"#)
    }

    @Test func aUnitSpellingUnderTwoUnits() throws {
        let copy = try BrokenKnowledge()
        try copy.replace("analytes.json", "\"mg%\"", with: "\"mmol/l\"")
        #expect(copy.loadError() == #"analytes.json: row 1 (magnesium): lists the unit spelling "mmol/l" under both "mmol/L" and "mg/dL""#)
    }

    @Test func aReferenceRangeWithLowAboveHigh() throws {
        let copy = try BrokenKnowledge()
        try copy.editRow("analytes.json", id: "potassium") { row in
            var reference = try #require(row["reference"] as? [String: Any])
            reference["low"] = 6
            row["reference"] = reference
        }
        #expect(copy.loadError() == "analytes.json: row 2 (potassium): reference low 6 is not below high 5.2")
    }

    @Test func aCriticalLimitInsideTheReferenceRange() throws {
        let copy = try BrokenKnowledge()
        try copy.editRow("analytes.json", id: "potassium") { row in
            var critical = try #require(row["critical"] as? [String: Any])
            critical["low"] = 3.8
            row["critical"] = critical
        }
        #expect(copy.loadError() == "analytes.json: row 2 (potassium): critical low 3.8 is inside the reference range (low 3.7)")
    }

    @Test func aMissingRequiredThreshold() throws {
        let copy = try BrokenKnowledge()
        try copy.edit("thresholds.json") { json in
            var rows = try #require(json as? [[String: Any]])
            rows.remove(at: try #require(rows.index(of: "stale-lab-days")))
            json = rows
        }
        #expect(copy.loadError() == #"thresholds.json: the required threshold "stale-lab-days" is missing"#)
    }

    @Test func aMissingRequiredCondition() throws {
        let copy = try BrokenKnowledge()
        try copy.edit("conditions.json") { json in
            var rows = try #require(json as? [[String: Any]])
            rows.remove(at: try #require(rows.index(of: "isaacs-syndrome")))
            json = rows
        }
        #expect(copy.loadError() == #"conditions.json: has no row "isaacs-syndrome""#)
    }

    @Test func aSynonymThatMeansTwoRegions() throws {
        let copy = try BrokenKnowledge()
        try copy.replace("vocabulary.json", "\"upper arms\"", with: "\"lower arm\"")
        #expect(
            copy.loadError()
                == #"vocabulary.json: regions row 11 (forearm): synonym "lower arm" already means "upper arm"; it cannot also mean "forearm""#
        )
    }

    @Test func aLOINCCodeOfTwoAnalytes() throws {
        let copy = try BrokenKnowledge()
        try copy.replace("analytes.json", "\"17861-6\"", with: "\"2601-3\"")
        #expect(
            copy.loadError() == #"analytes.json: row 3 (calcium): LOINC "2601-3" already means "magnesium"; it cannot also mean "calcium""#)
    }

    @Test func aMissingFile() throws {
        let copy = try BrokenKnowledge()
        try copy.remove("advice.json")
        #expect(copy.loadError() == "advice.json: the file is missing")
    }

    @Test func aFileNotListedInTheManifest() throws {
        let copy = try BrokenKnowledge()
        try copy.replace("knowledge.json", "\"advice.json\"", with: "\"advise.json\"")
        #expect(copy.loadError() == #"knowledge.json: files does not list "advice.json""#)
    }

    @Test func aFileThatIsNotJSON() throws {
        let copy = try BrokenKnowledge()
        try copy.write("tests.json", "[{")
        let message = try #require(copy.loadError())
        #expect(message.hasPrefix("tests.json: is not valid JSON"))
    }

    @Test func theErrorIsALocalizedError() {
        let error: any Error = KnowledgeError(
            file: "analytes.json", row: .init(number: 3, id: "calcium"), subject: #"unit "mg/dL""#,
            reason: .missingField("factor"))
        #expect(error.localizedDescription == #"analytes.json: row 3 (calcium): unit "mg/dL" has no factor"#)
    }
}

/// A safety-net sign's `presentWhen` names symptoms of the vocabulary and findings the engine
/// derives, each checked against its own kind.
@Suite struct PresentWhenValidationTests {
    @Test func aFindingThatIsNotOneASignCanNameIsRefused() throws {
        let copy = try BrokenKnowledge()
        try copy.replace("advice.json", "\"findings\": [\n        \"spreading\"", with: "\"findings\": [\n        \"spread\"")
        #expect(
            copy.loadError()
                == #"advice.json: row 16 (return-spreading): names presentWhen finding "spread", which is not in the findings a safety-net sign can name"#
        )
    }

    @Test func aFindingWrittenAsASymptomIsRefused() throws {
        let copy = try BrokenKnowledge()
        try copy.replace(
            "advice.json", "\"symptoms\": [],\n      \"findings\": [\n        \"spreading\"\n      ]", with: "\"symptoms\": [\"spreading\"]"
        )
        #expect(
            copy.loadError()
                == #"advice.json: row 16 (return-spreading): names presentWhen symptom "spreading", which is not in vocabulary.json symptoms"#
        )
    }
}
