import Foundation
import Testing
import TriageKnowledge
import TriageModel
import TriageRender

/// The FHIR R4 bundle's structure (SPEC §7.1), so that `swift test` alone checks the mapping;
/// `make test` also validates every sample's bundle with Python's fhir.resources.
@Suite struct ReferralFHIRTests {
    let knowledge = Knowledge.forTests

    func resources(_ text: String) throws -> [[String: Any]] {
        let bundle = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(bundle["resourceType"] as? String == "Bundle")
        #expect(bundle["type"] as? String == "collection")
        let entries = try #require(bundle["entry"] as? [[String: Any]])
        let urls = Set(entries.compactMap { $0["fullUrl"] as? String })
        #expect(urls.count == entries.count && urls.allSatisfy { $0.hasPrefix("urn:uuid:") })
        for reference in text.components(separatedBy: "\"reference\": \"").dropFirst().map({ String($0.prefix { $0 != "\"" }) }) {
            #expect(urls.contains(reference), "reference \(reference) resolves")
        }
        return entries.compactMap { $0["resource"] as? [String: Any] }
    }

    func urgentPatient() -> PatientBuilder {
        var patient = PatientBuilder()
        patient.demographics = PatientDemographics(
            source: SourceLocation(file: "p.csv", line: 2), patientID: "T001", age: 58,
            sex: .female, displayName: "Jane Example")
        patient.days(20, symptoms: [SymptomID.swallowing])
        patient.lab("magnesium", 0.55, status: .low, knowledge: knowledge)
        return patient
    }

    @Test func thePatientHasItsIdentifierAndNoName() throws {
        let text = ReferralFHIR.render(urgentPatient().referral(knowledge), knowledge: knowledge)
        let patient = try #require(try resources(text).first { $0["resourceType"] as? String == "Patient" })
        #expect((patient["identifier"] as? [[String: Any]])?.first?["value"] as? String == "T001")
        #expect(patient["name"] == nil && !text.contains("Jane Example"))
    }

    @Test func anObservationPerLabWithLOINCUCUMInterpretationAndRange() throws {
        let resources = try resources(ReferralFHIR.render(urgentPatient().referral(knowledge), knowledge: knowledge))
        let observations = resources.filter { $0["resourceType"] as? String == "Observation" }
        #expect(observations.count == 1)
        let observation = try #require(observations.first)
        let coding = try #require(((observation["code"] as? [String: Any])?["coding"] as? [[String: Any]])?.first)
        #expect(
            coding["system"] as? String == "http://loinc.org"
                && coding["code"] as? String == knowledge.analyte(id: "magnesium")!.loinc.first)
        let value = try #require(observation["valueQuantity"] as? [String: Any])
        #expect(
            value["value"] as? Double == 0.55 && value["system"] as? String == "http://unitsofmeasure.org"
                && value["code"] as? String == "mmol/L")
        let interpretation = ((observation["interpretation"] as? [[String: Any]])?.first?["coding"] as? [[String: Any]])?.first
        #expect(interpretation?["code"] as? String == "L")
        #expect((observation["referenceRange"] as? [[String: Any]])?.first?["low"] != nil)
        #expect(observation["effectiveDateTime"] as? String == "2026-11-10")
    }

    @Test func aServiceRequestPerTestAndPerBloodAnalyte() throws {
        let referral = urgentPatient().referral(knowledge)
        let requests = try resources(ReferralFHIR.render(referral, knowledge: knowledge)).filter {
            $0["resourceType"] as? String == "ServiceRequest"
        }
        let blood = referral.recommendations.filter { $0.test == .bloodWork }.flatMap { $0.analytes ?? [] }
        let tests = referral.recommendations.filter {
            [.emg, .ncs, .mri, .neurologyExam, .sameDayAssessment, .swallowAssessment, .eyeExamination, .breathingTests].contains($0.test)
        }
        #expect(!blood.isEmpty && requests.count == Set(blood).count + tests.count)
        for request in requests {
            #expect(request["status"] as? String == "draft" && request["intent"] as? String == "proposal")
            // The persistent work-up is routine beside the urgent suspected-MND referral (issue 20).
            #expect(["urgent", "routine"].contains(request["priority"] as? String ?? ""))
            #expect(request["authoredOn"] as? String == "2026-11-20")
            #expect((request["reasonCode"] as? [[String: Any]])?.isEmpty == false)
            #expect((request["note"] as? [[String: Any]])?.isEmpty == false)
        }
        let mri = try #require(requests.first { ($0["code"] as? [String: Any])?["text"] as? String == "MRI of the brain" })
        #expect((mri["bodySite"] as? [[String: Any]])?.first?["text"] as? String == "brain")
        // Magnesium is recent (and low: its treatment is the GP's); potassium, never measured, is drawn.
        let magnesium = try #require(requests.first { ($0["code"] as? [String: Any])?["text"] as? String == "Potassium (serum)" })
        #expect(((magnesium["code"] as? [String: Any])?["coding"] as? [[String: Any]])?.first?["system"] as? String == "http://loinc.org")
        #expect((magnesium["reasonReference"] as? [[String: Any]])?.isEmpty == false)
    }

    @Test func prioritiesFollowNICEsTermsAndSameDayIsAsap() throws {
        #expect(ReferralFHIR.priority(.routine) == "routine")
        #expect(ReferralFHIR.priority(.soon) == "routine")
        #expect(ReferralFHIR.priority(.urgent) == "urgent")
        var referral = urgentPatient().referral(knowledge)
        referral.sameDay = true
        referral.recommendations.append(
            Recommendation(
                test: .sameDayAssessment, detail: "Assess breathing today.", urgency: .urgent,
                rule: "motor-neuron-red-flags", reasons: [], sources: []))
        let requests = try resources(ReferralFHIR.render(referral, knowledge: knowledge)).filter {
            $0["resourceType"] as? String == "ServiceRequest"
        }
        let asap = requests.filter { $0["priority"] as? String == "asap" }
        #expect(asap.count == 1)
        #expect((asap.first?["occurrencePeriod"] as? [String: Any])?["end"] as? String == "2026-11-20")
        #expect((asap.first?["performerType"] as? [String: Any])?["text"] as? String == "emergency department")
    }

    @Test func whoActsIsThePerformerTypeAndAConditionalStepSaysWhenInItsFirstNote() throws {
        var referral = urgentPatient().referral(knowledge)
        var emg = Recommendation(
            test: .emg, detail: "EMG with NCS if the examination finds it.", urgency: .routine, rule: "persistent-twitching",
            reasons: [], sources: ["neurologist-guide"])
        emg.when = "if the examination finds weakness, wasting or reflex change"
        var swallow = Recommendation(
            test: .swallowAssessment, detail: "Swallow assessment.", urgency: .urgent, rule: "motor-neuron-red-flags",
            reasons: [], sources: ["neurologist-guide"])
        swallow.who = .speechAndLanguageTherapy
        referral.recommendations = [emg, swallow]
        let requests = try resources(ReferralFHIR.render(referral, knowledge: knowledge)).filter {
            $0["resourceType"] as? String == "ServiceRequest"
        }
        #expect(requests.count == 2)
        let first = try #require(requests.first { ($0["code"] as? [String: Any])?["text"] as? String == "EMG" })
        #expect((first["performerType"] as? [String: Any])?["text"] as? String == "neurophysiology")
        #expect(
            (first["note"] as? [[String: Any]])?.first?["text"] as? String
                == "When: if the examination finds weakness, wasting or reflex change.")
        #expect(first["priority"] as? String == "routine" && first["occurrencePeriod"] == nil)
        let second = try #require(requests.first { ($0["code"] as? [String: Any])?["text"] as? String == "Swallow assessment" })
        #expect((second["performerType"] as? [String: Any])?["text"] as? String == "speech and language therapy")
        #expect(second["priority"] as? String == "urgent")
    }

    @Test func idsComeFromThePatientIdAndTheTestOnly() {
        let referral = urgentPatient().referral(knowledge)
        let first = ReferralFHIR.render(referral, knowledge: knowledge)
        #expect(first == ReferralFHIR.render(referral, knowledge: knowledge))
        var other = referral
        other.patient.id = "T002"
        #expect(ReferralFHIR.reference("T001", "patient") != ReferralFHIR.reference("T002", "patient"))
        #expect(
            ReferralFHIR.reference("T001", "patient").range(
                of: "^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$",
                options: .regularExpression) != nil)
        #expect(!ReferralFHIR.render(other, knowledge: knowledge).contains(ReferralFHIR.reference("T001", "patient")))
    }
}
