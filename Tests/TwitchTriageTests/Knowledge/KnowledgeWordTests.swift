import Foundation
import Testing
import TriageKnowledge

/// A knowledge field that holds one of a fixed set of words (``KnowledgeWord``) is decoded as
/// its enum: an unknown word is refused at the file, row and field, with what it must be.
@Suite struct KnowledgeWordTests {
    /// Replaces the first `old` in `file` of a copy of the shipped tables and returns the load error.
    private func error(_ file: String, _ old: String, _ new: String) throws -> String? {
        let copy = try BrokenKnowledge()
        try copy.replace(file, old, with: new)
        return copy.loadError()
    }

    @Test func aSymptomSetsMatch() throws {
        #expect(
            try error("rules.json", "\"match\": \"any\"", "\"match\": \"some\"")
                == #"rules.json: symptomSets row 1 (motor-red-flags): has match "some"; it must be "any" or "all""#)
    }

    /// A symptom set's id is one the code names (``SymptomSetID``): a set no code reads is refused.
    @Test func aSymptomSetsId() throws {
        #expect(
            try error("rules.json", "\"id\": \"motor-red-flags\"", "\"id\": \"motor-flags\"")
                == #"rules.json: symptomSets row 1 (motor-flags): has id "motor-flags"; it must be a symptom set the code names (SymptomSetID)"#
        )
    }

    @Test func aLabActionsBandTestWhoAndUrgency() throws {
        #expect(
            try error("lab-actions.json", "\"band\": \"any-low\"", "\"band\": \"lowish\"")
                == #"lab-actions.json: actions row 1 (b12-low-neurological): has band "lowish"; it must be "low", "any-low", "critical-low", "high", "any-high", "critical-high", "indeterminate", "unreliable" or "any""#
        )
        #expect(
            try error("lab-actions.json", "\"test\": \"treatment\"", "\"test\": \"injection\"")
                == #"lab-actions.json: actions row 1 (b12-low-neurological): has test "injection"; it must be "EMG", "NCS", "MRI", "bloodWork", "neurologyExam", "sameDayAssessment", "clinicianReview", "prescriberReview", "lifestyle", "swallowAssessment", "eyeExamination", "breathingTests" or "treatment""#
        )
        #expect(
            try error("lab-actions.json", "\"who\": \"GP\"", "\"who\": \"nurse\"")
                == #"lab-actions.json: actions row 1 (b12-low-neurological): has who "nurse"; it must be "GP", "neurology", "neurophysiology", "radiology", "eye examination", "speech and language therapy" or "emergency department""#
        )
        #expect(
            try error("lab-actions.json", "\"urgency\": \"urgent\"", "\"urgency\": \"asap\"")
                == #"lab-actions.json: actions row 1 (b12-low-neurological): has urgency "asap"; it must be "self-care", "routine", "soon" or "urgent""#
        )
    }

    @Test func aRedFlagStepsTestWhoAndUrgency() throws {
        #expect(
            try error("red-flags.json", "\"test\": \"neurologyExam\"", "\"test\": \"examination\"")
                == #"red-flags.json: row 1 (persistent-two-weeks): steps item 1 has test "examination"; it must be "EMG", "NCS", "MRI", "bloodWork", "neurologyExam", "sameDayAssessment", "clinicianReview", "prescriberReview", "lifestyle", "swallowAssessment", "eyeExamination", "breathingTests" or "treatment""#
        )
        #expect(
            try error("red-flags.json", "\"who\": \"GP\"", "\"who\": \"nurse\"")
                == #"red-flags.json: row 1 (persistent-two-weeks): steps item 1 has who "nurse"; it must be "GP", "neurology", "neurophysiology", "radiology", "eye examination", "speech and language therapy" or "emergency department""#
        )
        #expect(
            try error("red-flags.json", "\"urgency\": \"routine\"", "\"urgency\": \"whenever\"")
                == #"red-flags.json: row 1 (persistent-two-weeks): steps item 1 has urgency "whenever"; it must be "self-care", "routine", "soon" or "urgent""#
        )
    }

    @Test func anAdvicesKindAndPattern() throws {
        #expect(
            try error("advice.json", "\"kind\": \"lifestyle\"", "\"kind\": \"tip\"")
                == #"advice.json: row 1 (caffeine): has kind "tip"; it must be "lifestyle", "safetyNet", "tellPatient" or "notice""#)
        #expect(
            try error("advice.json", "\"tellWhen\": \"benign\"", "\"tellWhen\": \"calm\"")
                == #"advice.json: row 18 (tell-benign): has tellWhen "calm"; it must be "benign", "motor", "other" or "under-age""#)
    }

    @Test func aTellPatientRowWithoutItsPattern() throws {
        #expect(try error("advice.json", "\"tellWhen\": \"benign\",", "") == "advice.json: row 18 (tell-benign): has no tellWhen")
    }

    @Test func aMappingsColumnAndAnActorInThePagesOrder() throws {
        #expect(
            try error("contrast-map.json", "\"column\": \"concerning\"", "\"column\": \"worrying\"")
                == #"contrast-map.json: mappings row 1 (normal-vs-serious/duration): has column "worrying"; it must be "benign" or "concerning""#
        )
        #expect(
            try error("page.json", "\"actorOrder\": [\"emergency department\"", "\"actorOrder\": [\"casualty\"")
                == #"page.json: actorOrder has item 1 "casualty"; it must be "GP", "neurology", "neurophysiology", "radiology", "eye examination", "speech and language therapy" or "emergency department""#
        )
    }

    @Test func aSentenceTheRulesDoNotWriteAndOneMissing() throws {
        #expect(
            try error("rules.json", "\"id\": \"no-rule-fired\"", "\"id\": \"no-rule-at-all\"")
                == #"rules.json: sentences row 21 (no-rule-at-all): has id "no-rule-at-all"; it must be a sentence the rules write (SentenceID)"#
        )
        let copy = try BrokenKnowledge()
        try copy.edit("rules.json") { json in
            var object = json as! [String: Any]
            object["sentences"] = Array((object["sentences"] as! [Any]).dropLast())
            json = object
        }
        #expect(copy.loadError() == #"rules.json: sentences has no row "correlation""#)
    }

    @Test func aSignalWithoutWords() throws {
        let copy = try BrokenKnowledge()
        try copy.edit("contrast-map.json") { json in
            var object = json as! [String: Any]
            object["readings"] = Array((object["readings"] as! [Any]).dropLast())
            json = object
        }
        #expect(copy.loadError() == #"contrast-map.json: readings has no row "sleep-or-stress-linked""#)
    }

    @Test func aRecommendableTestWithoutItsReportName() throws {
        #expect(try error("tests.json", "\"label\": \"Nerve conduction studies\",", "") == "tests.json: row 2 (NCS): has no label")
        #expect(
            try error("tests.json", "\"label\": \"Nerve conduction studies\",", "\"label\": \"\",")
                == "tests.json: row 2 (NCS): has an empty label")
    }
}
