import Foundation
import Testing
import TriageModel

@testable import TriageService

/// The request as it comes over the wire (the CDSHooksWire target): the strict JSON check, the
/// container index, the decoder, and the raw filter that keeps the prefetched Observations the
/// batch's reader must see.
@Suite("CDS Hooks request decoding")
struct WireTests {
    func valid(_ text: String) -> Bool {
        Array(text.utf8).withUnsafeBufferPointer { JSONValidator.isValid($0) }
    }

    @Test("the JSON check accepts RFC 8259 documents, and what Foundation's decoder let pass in strings")
    func accepts() {
        for text in [
            #"{}"#, #"[]"#, #" {"a":[1,-0.5,2e10,1E-3,true,false,null,{"b":{}}]} "#, #""x""#, "\u{FEFF}{\"a\":1}",
            #"{"s":"\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00"}"#, "{\"tab\":\"a\tb\"}", "{\"nul\":\"\u{0}\"}", "12",
        ] {
            #expect(valid(text), "\(text)")
        }
        #expect(Array([0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xFF, 0x22, 0x7D]).withUnsafeBufferPointer { JSONValidator.isValid($0) })
    }

    @Test("the JSON check refuses what is not one document")
    func refuses() {
        for text in [
            "", " ", "{", #"{"a":1,}"#, "[1,]", #"{"a" 1}"#, #"{a:1}"#, "[1 2]", "01", "1.", ".5", "-", "1e", "tru", "nul",
            #""abc"#, #""\x""#, #""\u12G4""#, #""\ud800""#, #""\udc00""#, #""\ud800\u0041""#, "{} {}", "[1]x", "1\u{0}",
        ] {
            #expect(!valid(text), "\(text)")
        }
        let deep =
            String(repeating: "[", count: JSONValidator.maximumDepth + 1) + String(repeating: "]", count: JSONValidator.maximumDepth + 1)
        #expect(!valid(deep))
        let deepest = String(repeating: "[", count: JSONValidator.maximumDepth) + String(repeating: "]", count: JSONValidator.maximumDepth)
        #expect(valid(deepest))
    }

    @Test("the container index gives every array's and object's end, and RawJSON uses it")
    func containerIndex() throws {
        let text = Array(#"{"a":[1,{"b":[]}],"c":{},"d":"{not a container}"}"#.utf8)
        try text.withUnsafeBufferPointer { bytes in
            let index = try #require(JSONValidator.index(bytes))
            #expect(index.end(ofContainerAt: 0) == bytes.count)
            #expect(index.end(ofContainerAt: 5) == 17)  // [1,{"b":[]}]
            #expect(index.end(ofContainerAt: 8) == 16)  // {"b":[]}
            #expect(index.end(ofContainerAt: 13) == 15)  // []
            #expect(index.end(ofContainerAt: 1) == nil)
            let c = try #require(RawJSON.member("c", in: bytes, object: 0..<bytes.count, index: index))
            #expect(String(decoding: UnsafeBufferPointer(rebasing: bytes[c]), as: UTF8.self) == "{}")
            #expect(RawJSON.string("d", in: bytes, object: 0..<bytes.count, index: index) == "{not a container}")
        }
        #expect(Array("[1,".utf8).withUnsafeBufferPointer { JSONValidator.index($0) } == nil)
    }

    @Test("the decoder reads the fields, keeps the first of a repeated member, and refuses wrong shapes")
    func decoder() throws {
        let body = Array(
            #"{"hook":"patient-view","hook":"order-sign","hookInstance":"h","context":{"patientId":"p"},"fhirServer":null,"prefetch":{"patient":{"resourceType":"Patient","id":"p","identifier":[{"system":"s","value":"M1"}]},"none":null,"observations":{"resourceType":"Bundle","entry":[{"resource":{}}],"link":[{"relation":"next","url":"https://x/2"}]}}}"#
                .utf8)
        let request = try #require(CDSHooksRequest.decode(body))
        #expect(request.hook == "patient-view")
        #expect(request.fhirServer == nil)
        #expect(request.prefetch?["patient"]??.identifier?.first?.value == "M1")
        #expect(request.prefetch?.keys.contains("none") == true)
        #expect(request.prefetch?["none"] ?? nil == nil)
        #expect(request.prefetch?["observations"]??.nextPage == "https://x/2")
        #expect(request.prefetch?["observations"]??.entry == nil)
        let range = try #require(request.prefetchRanges["observations"])
        #expect(String(decoding: body[range], as: UTF8.self).hasPrefix(#"{"resourceType":"Bundle""#))
        for text in [
            #"{"hook":"patient-view","hookInstance":"h","context":{"patientId":"p"},"fhirServer":5}"#,
            #"{"hook":"patient-view","hookInstance":"h","context":{"patientId":"p"},"prefetch":[]}"#,
            #"{"hook":"patient-view","hookInstance":"h","context":{"patientId":"p"},"prefetch":{"patient":"x"}}"#,
            #"{"hook":"patient-view","hookInstance":"","context":{"patientId":"p"}}"#,
            #"{"hook":"patient-view","hookInstance":"h","context":{}}"#,
            #"{"hook":1,"hookInstance":"h","context":{"patientId":"p"}}"#,
            #"["hook"]"#,
        ] {
            #expect(CDSHooksRequest.decode(Array(text.utf8)) == nil, "\(text)")
        }
    }

    @Test("prefetched Observations: of the patient, final, amended or corrected, and not dated two days or more before the night")
    func rawFilter() throws {
        let night = try #require(LocalDate(iso: "2026-11-20"))
        let cutoff = Array(night.adding(days: -2).description.utf8)
        let subject = Array("Patient/p1".utf8)
        func kept(_ resource: String) -> Bool {
            Array(resource.utf8).withUnsafeBufferPointer { bytes in
                guard let index = JSONValidator.index(bytes) else { return false }
                return HookEvaluator.isKept(bytes, resource: 0..<bytes.count, containers: index, subject: subject, cutoff: cutoff)
            }
        }
        func observation(
            status: String = "final", subject: String = "Patient/p1", effective: String? = #""effectiveDateTime":"2026-11-21T08:00:00Z""#
        ) -> String {
            #"{"resourceType":"Observation","status":"\#(status)","code":{"coding":[{"code":"2823-3"}]},"subject":{"reference":"\#(subject)"}\#(effective.map { "," + $0 } ?? "")}"#
        }
        #expect(kept(observation()))
        #expect(kept(observation(status: "amended")))
        #expect(kept(observation(status: "corrected")))
        #expect(!kept(observation(status: "preliminary")))
        #expect(kept(observation(subject: "https://ehr.test/fhir/Patient/p1")))
        #expect(!kept(observation(subject: "Patient/p12")))
        #expect(!kept(observation(subject: "https://ehr.test/fhir/Patient/xp1")))
        #expect(!kept(#"{"resourceType":"DiagnosticReport","status":"final","subject":{"reference":"Patient/p1"}}"#))
        // Dated: two days before the night or earlier is left out; anything the reader must judge stays.
        #expect(!kept(observation(effective: #""effectiveDateTime":"2026-11-17T23:59:59-12:00""#)))
        #expect(!kept(observation(effective: #""effectiveInstant":"2025-01-06T08:00:00Z""#)))
        #expect(kept(observation(effective: #""effectiveDateTime":"2026-11-18T01:00:00+14:00""#)))
        #expect(kept(observation(effective: #""effectiveDateTime":"2026-11-20""#)))
        #expect(kept(observation(effective: #""effectiveDateTime":"2026-11""#)))
        #expect(kept(observation(effective: #""effectiveDateTime":"20261101""#)))
        #expect(kept(observation(effective: #""effectivePeriod":{"start":"2020-01-01"}"#)))
        #expect(kept(observation(effective: #""issued":"2020-01-01T00:00:00Z""#)))
        #expect(kept(observation(effective: nil)))
    }
}
