import Foundation

/// A CDS Hooks 2.0 service call (`POST /cds-services/{id}`): the fields the service reads.
/// ``decode(_:)`` checks the whole body is JSON (``JSONValidator``), then reads only these
/// fields: the small objects (context, fhirAuthorization, a Patient) with Foundation's decoder,
/// a prefetched Bundle's entries not at all (the service hands their raw bytes, found by
/// ``RawJSON``, to the batch's FHIR reader: ``prefetchRanges``).
package struct CDSHooksRequest: Sendable {
    /// The `fhirAuthorization` object (its token is never logged).
    package struct FHIRAuthorization: Decodable, Sendable {
        /// The bearer token for `fhirServer`.
        package var accessToken: String
        /// `Bearer`.
        package var tokenType: String?

        enum CodingKeys: String, CodingKey {
            case accessToken = "access_token"
            case tokenType = "token_type"
        }
    }

    /// The hook's context.
    package struct Context: Decodable, Sendable {
        /// The user.
        package var userId: String?
        /// The FHIR id of the patient in context.
        package var patientId: String
        /// The encounter in context.
        package var encounterId: String?
        /// order-select: the ids of the newly selected orders (`ServiceRequest/123`).
        package var selections: [String]?
        /// order-select, order-sign: the unsigned orders, a Bundle.
        package var draftOrders: FHIRView?
    }

    /// The hook (`patient-view`, `order-select`, `order-sign`).
    package var hook: String
    /// The call's unique id.
    package var hookInstance: String
    /// The EHR's FHIR server.
    package var fhirServer: String?
    /// A token for `fhirServer`.
    package var fhirAuthorization: FHIRAuthorization?
    /// The context.
    package var context: Context
    /// Prefetched resources by template key (a key may be null: not prefetched). A Bundle's
    /// entries are not decoded here.
    package var prefetch: [String: FHIRView?]?
    /// The byte range in the decoded body of each prefetched resource that is not null, by key.
    package var prefetchRanges: [String: Range<Int>]
    /// Where the body's arrays and objects end, for reading ``prefetchRanges`` with ``RawJSON``.
    package var containers: JSONContainerIndex

    /// Decodes a request body: nil when it is not JSON, or not an object with the string members
    /// `hook` and `hookInstance` and an object `context` with a string `patientId`, both
    /// non-empty; or when `fhirServer`, `fhirAuthorization`, `prefetch` or a prefetched resource
    /// has the wrong shape (a string, an object, an object of objects or nulls). A member given
    /// twice counts once, the first time.
    package static func decode(_ body: [UInt8]) -> CDSHooksRequest? {
        body.withUnsafeBufferPointer { bytes in
            guard let containers = JSONValidator.index(bytes), let request = CDSHooksRequest(validated: bytes, containers: containers),
                !request.hookInstance.isEmpty, !request.context.patientId.isEmpty
            else { return nil }
            return request
        }
    }

    /// The request's members read.
    private enum Member: String, CaseIterable {
        case hook, hookInstance, fhirServer, fhirAuthorization, context, prefetch
    }

    /// Reads a document ``JSONValidator`` accepted, with its `containers`.
    init?(validated bytes: UnsafeBufferPointer<UInt8>, containers: JSONContainerIndex) {
        self.containers = containers
        guard
            let members = RawJSON.firstMembers(
                Member.self, in: bytes, object: RawJSON.document(bytes, index: containers), index: containers),
            let hook = members[.hook].flatMap({ RawJSON.stringValue(in: bytes, at: $0) }),
            let hookInstance = members[.hookInstance].flatMap({ RawJSON.stringValue(in: bytes, at: $0) }),
            let context = members[.context], let decodedContext = Self.decoded(Context.self, bytes, context)
        else { return nil }
        self.hook = hook
        self.hookInstance = hookInstance
        self.context = decodedContext
        if let fhirServer = members[.fhirServer], !RawJSON.isNull(in: bytes, at: fhirServer) {
            guard let server = RawJSON.stringValue(in: bytes, at: fhirServer) else { return nil }
            self.fhirServer = server
        }
        if let fhirAuthorization = members[.fhirAuthorization], !RawJSON.isNull(in: bytes, at: fhirAuthorization) {
            guard let authorization = Self.decoded(FHIRAuthorization.self, bytes, fhirAuthorization) else { return nil }
            self.fhirAuthorization = authorization
        }
        prefetchRanges = [:]
        guard let prefetch = members[.prefetch], !RawJSON.isNull(in: bytes, at: prefetch) else {
            self.prefetch = nil
            return
        }
        var resources: [String: FHIRView?] = [:]
        var ranges: [String: Range<Int>] = [:]
        var wellFormed = true
        let prefetchIsObject = RawJSON.forEachMember(in: bytes, object: prefetch, index: containers) { key, value in
            guard let name = RawJSON.stringValue(in: bytes, at: (key.lowerBound - 1)..<(key.upperBound + 1)) else {
                wellFormed = false
                return false
            }
            guard resources[name] == nil else { return true }
            if RawJSON.isNull(in: bytes, at: value) {
                resources[name] = .some(nil)
            } else if let view = FHIRView(validated: bytes, object: value, containers: containers) {
                resources[name] = view
                ranges[name] = value
            } else {
                wellFormed = false
                return false
            }
            return true
        }
        guard prefetchIsObject, wellFormed else { return nil }
        self.prefetch = resources
        prefetchRanges = ranges
    }

    /// `T` decoded from the small value at `range` of `bytes`; nil when it has another shape.
    static func decoded<T: Decodable>(_ type: T.Type, _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> T? {
        try? JSONDecoder().decode(T.self, from: Data(UnsafeBufferPointer(rebasing: bytes[range])))
    }
}

/// A lenient view of a FHIR resource: the few elements the service reads, each nil when absent
/// or of another shape (a resource the service cannot use is ignored, never a 400).
package struct FHIRView: Decodable, Sendable {
    /// `Patient.identifier`.
    package struct Identifier: Decodable, Sendable {
        /// The system.
        package var system: String?
        /// The value.
        package var value: String?
    }

    /// A reference.
    package struct Reference: Decodable, Sendable {
        /// `Patient/123`.
        package var reference: String?
    }

    /// A Coding.
    package struct Coding: Decodable, Sendable {
        /// The system.
        package var system: String?
        /// The code.
        package var code: String?
        /// The display.
        package var display: String?
    }

    /// A CodeableConcept.
    package struct CodeableConcept: Decodable, Sendable {
        /// The codings.
        package var coding: [Coding]?
        /// The text.
        package var text: String?
    }

    /// A Bundle entry.
    package struct Entry: Decodable, Sendable {
        /// The resource.
        package var resource: FHIRView?

        package init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: AnyKey.self)
            resource = try? container.decodeIfPresent(FHIRView.self, forKey: AnyKey("resource"))
        }
    }

    /// A Bundle link.
    package struct Link: Decodable, Sendable {
        /// `next`, `self`.
        package var relation: String?
        /// The URL.
        package var url: String?
    }

    /// The resource type.
    package var resourceType: String?
    /// The id.
    package var id: String?
    /// The status.
    package var status: String?
    /// Patient: identifiers.
    package var identifier: [Identifier]?
    /// Observation, ServiceRequest: subject.
    package var subject: Reference?
    /// Observation, ServiceRequest: code.
    package var code: CodeableConcept?
    /// Bundle: entries.
    package var entry: [Entry]?
    /// Bundle: links.
    package var link: [Link]?

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        resourceType = try? container.decodeIfPresent(String.self, forKey: AnyKey("resourceType"))
        id = try? container.decodeIfPresent(String.self, forKey: AnyKey("id"))
        status = try? container.decodeIfPresent(String.self, forKey: AnyKey("status"))
        identifier = try? container.decodeIfPresent([Identifier].self, forKey: AnyKey("identifier"))
        subject = try? container.decodeIfPresent(Reference.self, forKey: AnyKey("subject"))
        code = try? container.decodeIfPresent(CodeableConcept.self, forKey: AnyKey("code"))
        entry = try? container.decodeIfPresent([Entry].self, forKey: AnyKey("entry"))
        link = try? container.decodeIfPresent([Link].self, forKey: AnyKey("link"))
    }

    /// The view of the object at `range` of a document ``JSONValidator`` accepted, without a
    /// Bundle's entries (one pass over the object; only the small members are decoded); nil
    /// when the value there is not an object.
    package init?(validated bytes: UnsafeBufferPointer<UInt8>, object range: Range<Int>, containers: JSONContainerIndex? = nil) {
        guard let members = RawJSON.firstMembers(Member.self, in: bytes, object: range, index: containers) else { return nil }
        resourceType = members[.resourceType].flatMap { RawJSON.stringValue(in: bytes, at: $0) }
        id = members[.id].flatMap { RawJSON.stringValue(in: bytes, at: $0) }
        status = members[.status].flatMap { RawJSON.stringValue(in: bytes, at: $0) }
        identifier = members[.identifier].flatMap { CDSHooksRequest.decoded([Identifier].self, bytes, $0) }
        subject = members[.subject].flatMap { CDSHooksRequest.decoded(Reference.self, bytes, $0) }
        code = members[.code].flatMap { CDSHooksRequest.decoded(CodeableConcept.self, bytes, $0) }
        link = members[.link].flatMap { CDSHooksRequest.decoded([Link].self, bytes, $0) }
    }

    /// The members a view reads (a Bundle's `entry` is read apart, ``RawJSON/elements(in:array:index:)``).
    private enum Member: String, CaseIterable {
        case resourceType, id, status, identifier, subject, code, link
    }

    /// The view of a whole JSON document (a page the FHIR server answered), without a Bundle's
    /// entries; nil when it is not JSON or not an object.
    package static func decode(page: [UInt8]) -> FHIRView? {
        page.withUnsafeBufferPointer { bytes in
            guard let containers = JSONValidator.index(bytes) else { return nil }
            return FHIRView(validated: bytes, object: RawJSON.document(bytes, index: containers), containers: containers)
        }
    }

    /// The URL of the Bundle's `next` page.
    package var nextPage: String? { link?.first { $0.relation == "next" }?.url }
}

/// A coding key made from any string.
struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
