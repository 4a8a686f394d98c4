// libFuzzer target: the CDS Hooks request decoder (`CDSHooksRequest.decode`, which the
// service's `HookEvaluator.decode` calls), its strict JSON check (`JSONValidator`) and the
// raw-range finder (`RawJSON`) that hands prefetched Observations to the batch's FHIR reader
// (`make fuzz`; see Fuzz/README.md). It links only the small CDSHooksWire target (Foundation),
// so its ASan build takes seconds.
//
// Beyond "no crash", every input checks that:
// - `JSONValidator` accepts nothing Foundation's JSONDecoder refuses (the service answered 400
//   to what that decoder refused before it had its own check); it refuses a little more (a
//   number such as `00`, a NUL after the document), which Foundation let pass unread;
// - every range `RawJSON` gives lies inside the input, and for a decoded request each prefetch
//   range lies inside the body and starts with `{`; each raw `resource` that starts as an object
//   ends as one.
import CDSHooksWire
import Foundation
import FuzzSupport

/// Any JSON document: decoding it makes Foundation's decoder check the whole document.
struct Anything: Decodable {
    init(from decoder: any Decoder) throws {}
}

FuzzDriver.run("FuzzCDSHooksRequest") { input in
    guard !input.isEmpty else { return }
    let body = Array(input)
    let request = CDSHooksRequest.decode(body)
    let valid = body.withUnsafeBufferPointer { JSONValidator.isValid($0) }
    let foundation = (try? JSONDecoder().decode(Anything.self, from: Data(body))) != nil
    // One way: Foundation's decoder checks a number's grammar only when it reads that number
    // (`00` passes) and stops at a NUL byte (`1\0` passes); the validator refuses those. Only
    // documents that are an object or an array: Foundation reads a top-level string or number
    // at once (so it refuses a NUL or a stray byte in one), and the service refuses any
    // request that is not an object anyway.
    let container =
        body.first { ![0x20, 0x0A, 0x0D, 0x09].contains($0) }.map { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "[") } ?? false
    check(!container || !valid || foundation, "JSONValidator accepts what JSONDecoder refuses")
    for (key, range) in request?.prefetchRanges ?? [:] {
        check(
            range.lowerBound >= 0 && range.upperBound <= body.count && body[range.lowerBound] == UInt8(ascii: "{"), "prefetch \(key) range")
    }
    body.withUnsafeBufferPointer { bytes in
        let document = RawJSON.document(bytes)
        check(document.lowerBound >= 0 && document.upperBound <= bytes.count, "document range \(document) of \(bytes.count)")
        guard let prefetch = RawJSON.member("prefetch", in: bytes, object: document) else { return }
        check(prefetch.upperBound <= bytes.count && !prefetch.isEmpty, "prefetch range")
        guard let observations = RawJSON.member("observations", in: bytes, object: prefetch) else { return }
        check(observations.upperBound <= prefetch.upperBound, "observations outside prefetch")
        let entry = RawJSON.member("entry", in: bytes, object: observations)
        let elements = entry.flatMap { RawJSON.elements(in: bytes, array: $0) }
        for element in elements ?? [] {
            check(element.lowerBound >= observations.lowerBound && element.upperBound <= observations.upperBound, "element outside")
            guard let resource = RawJSON.member("resource", in: bytes, object: element) else { continue }
            check(resource.upperBound <= element.upperBound, "resource outside its entry")
            if request != nil {
                check(
                    bytes[resource.lowerBound] != UInt8(ascii: "{") || bytes[resource.upperBound - 1] == UInt8(ascii: "}"),
                    "resource object not closed")
            }
        }
    }
}
