/// A CDS Hooks 2.0 service call (`POST /cds-services/{id}`): the fields the service reads.
/// Prefetched resources are read through ``FHIRView``; their raw bytes, which the batch's own
/// FHIR reader reads, are found with ``RawJSON``.
public struct CDSHooksRequest: Decodable, Sendable {
    /// The `fhirAuthorization` object (its token is never logged).
    public struct FHIRAuthorization: Decodable, Sendable {
        /// The bearer token for `fhirServer`.
        public var accessToken: String
        /// `Bearer`.
        public var tokenType: String?

        enum CodingKeys: String, CodingKey {
            case accessToken = "access_token"
            case tokenType = "token_type"
        }
    }

    /// The hook's context.
    public struct Context: Decodable, Sendable {
        /// The user.
        public var userId: String?
        /// The FHIR id of the patient in context.
        public var patientId: String
        /// The encounter in context.
        public var encounterId: String?
        /// order-select: the ids of the newly selected orders (`ServiceRequest/123`).
        public var selections: [String]?
        /// order-select, order-sign: the unsigned orders, a Bundle.
        public var draftOrders: FHIRView?
    }

    /// The hook (`patient-view`, `order-select`, `order-sign`).
    public var hook: String
    /// The call's unique id.
    public var hookInstance: String
    /// The EHR's FHIR server.
    public var fhirServer: String?
    /// A token for `fhirServer`.
    public var fhirAuthorization: FHIRAuthorization?
    /// The context.
    public var context: Context
    /// Prefetched resources by template key (a key may be null: not prefetched). A Bundle's
    /// entries are not decoded here: the service reads them from the raw bytes (``RawJSON``),
    /// which is several times faster for 200 Observations.
    public var prefetch: [String: FHIRView?]?

    enum CodingKeys: String, CodingKey {
        case hook, hookInstance, fhirServer, fhirAuthorization, context, prefetch
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        hook = try container.decode(String.self, forKey: .hook)
        hookInstance = try container.decode(String.self, forKey: .hookInstance)
        fhirServer = try container.decodeIfPresent(String.self, forKey: .fhirServer)
        fhirAuthorization = try container.decodeIfPresent(FHIRAuthorization.self, forKey: .fhirAuthorization)
        context = try container.decode(Context.self, forKey: .context)
        guard container.contains(.prefetch), !(try container.decodeNil(forKey: .prefetch)) else {
            prefetch = nil
            return
        }
        let values = try container.nestedContainer(keyedBy: AnyKey.self, forKey: .prefetch)
        var out: [String: FHIRView?] = [:]
        for key in values.allKeys {
            if try values.decodeNil(forKey: key) {
                out[key.stringValue] = .some(nil)
            } else {
                out[key.stringValue] = try values.decode(PrefetchView.self, forKey: key).view
            }
        }
        prefetch = out
    }
}

/// A prefetched resource without its Bundle entries (see ``CDSHooksRequest/prefetch``).
struct PrefetchView: Decodable {
    var view: FHIRView

    init(from decoder: any Decoder) throws {
        view = try FHIRView(from: decoder, entries: false)
    }
}

/// A lenient view of a FHIR resource: the few elements the service reads, each nil when absent
/// or of another shape (a resource the service cannot use is ignored, never a 400).
public struct FHIRView: Decodable, Sendable {
    /// `Patient.identifier`.
    public struct Identifier: Decodable, Sendable {
        /// The system.
        public var system: String?
        /// The value.
        public var value: String?
    }

    /// A reference.
    public struct Reference: Decodable, Sendable {
        /// `Patient/123`.
        public var reference: String?
    }

    /// A Coding.
    public struct Coding: Decodable, Sendable {
        /// The system.
        public var system: String?
        /// The code.
        public var code: String?
        /// The display.
        public var display: String?
    }

    /// A CodeableConcept.
    public struct CodeableConcept: Decodable, Sendable {
        /// The codings.
        public var coding: [Coding]?
        /// The text.
        public var text: String?
    }

    /// A Bundle entry.
    public struct Entry: Decodable, Sendable {
        /// The resource.
        public var resource: FHIRView?

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: AnyKey.self)
            resource = try? container.decodeIfPresent(FHIRView.self, forKey: AnyKey("resource"))
        }
    }

    /// A Bundle link.
    public struct Link: Decodable, Sendable {
        /// `next`, `self`.
        public var relation: String?
        /// The URL.
        public var url: String?
    }

    /// The resource type.
    public var resourceType: String?
    /// The id.
    public var id: String?
    /// The status.
    public var status: String?
    /// Patient: identifiers.
    public var identifier: [Identifier]?
    /// Observation, ServiceRequest: subject.
    public var subject: Reference?
    /// Observation, ServiceRequest: code.
    public var code: CodeableConcept?
    /// Bundle: entries.
    public var entry: [Entry]?
    /// Bundle: links.
    public var link: [Link]?

    public init(from decoder: any Decoder) throws {
        try self.init(from: decoder, entries: true)
    }

    /// Decodes the view, with or without a Bundle's entries.
    init(from decoder: any Decoder, entries: Bool) throws {
        let container = try decoder.container(keyedBy: AnyKey.self)
        resourceType = try? container.decodeIfPresent(String.self, forKey: AnyKey("resourceType"))
        id = try? container.decodeIfPresent(String.self, forKey: AnyKey("id"))
        status = try? container.decodeIfPresent(String.self, forKey: AnyKey("status"))
        identifier = try? container.decodeIfPresent([Identifier].self, forKey: AnyKey("identifier"))
        subject = try? container.decodeIfPresent(Reference.self, forKey: AnyKey("subject"))
        code = try? container.decodeIfPresent(CodeableConcept.self, forKey: AnyKey("code"))
        entry = entries ? try? container.decodeIfPresent([Entry].self, forKey: AnyKey("entry")) : nil
        link = try? container.decodeIfPresent([Link].self, forKey: AnyKey("link"))
    }

    /// The URL of the Bundle's `next` page.
    public var nextPage: String? { link?.first { $0.relation == "next" }?.url }
}

/// A coding key made from any string.
struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
