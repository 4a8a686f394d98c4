import TriageModel

/// What the FHIR readers gather from one Observation before it becomes a ``LabRecord``: only
/// the elements SPEC §3.9 uses, each with where it was written.
struct FHIRObservation: Sendable {
    /// Where the resource starts.
    var source: SourceLocation
    /// The resource's number in its file (in order of start): a `#id` reference it holds
    /// names a resource contained in it (``FHIRPatient/containedIn``).
    var serial = 0
    /// The resource id (for `Observation/id` and `#id` references).
    package var id: String?
    /// The Bundle entry's `fullUrl`, if any.
    var fullUrl: String?
    /// `status` as written.
    var status: String?
    /// The LOINC codes of `code.coding` (system `http://loinc.org`), in order.
    var loincCodes: [(code: String, location: SourceLocation)] = []
    /// The other codings of `code`: system, code, display (SPEC §3.10's local codes).
    var otherCodings: [(system: String, code: String, display: String)] {
        get { extras?.otherCodings ?? [] }
        set { setExtras(otherCodings: newValue, codeText: codeText, loincDisplay: loincDisplay, notes: notes) }
    }
    /// `code.text`.
    var codeText: String? {
        get { extras?.codeText }
        set { setExtras(otherCodings: otherCodings, codeText: newValue, loincDisplay: loincDisplay, notes: notes) }
    }
    /// The first LOINC coding's `display`.
    var loincDisplay: String? {
        get { extras?.loincDisplay }
        set { setExtras(otherCodings: otherCodings, codeText: codeText, loincDisplay: newValue, notes: notes) }
    }
    /// `note.text`s: the lab's comments.
    var notes: [String] {
        get { extras?.notes ?? [] }
        set { setExtras(otherCodings: otherCodings, codeText: codeText, loincDisplay: loincDisplay, notes: newValue) }
    }
    /// `subject.reference`.
    var subjectReference: String?
    /// `subject.identifier.value`.
    var subjectIdentifier: String?
    /// `effectiveDateTime`, `effectivePeriod.start`, `issued`, as written, with where.
    var effectiveDateTime: (text: String, location: SourceLocation)?
    var effectivePeriodStart: (text: String, location: SourceLocation)?
    var issued: (text: String, location: SourceLocation)?
    /// `valueQuantity.value` as written (a JSON number or XML `value` attribute).
    var quantityValue: (text: String, location: SourceLocation)?
    var quantityComparator: String?
    var quantityUnit: (text: String, location: SourceLocation)?
    var quantityCode: (text: String, location: SourceLocation)?
    /// `valueString`.
    var valueString: (text: String, location: SourceLocation)?
    /// Whether some other `value[x]` was given (a CodeableConcept, a Range…).
    var otherValue = false
    /// Whether `dataAbsentReason` was given.
    var dataAbsent = false
    /// The first `interpretation.coding.code`.
    var interpretation: (text: String, location: SourceLocation)?
    /// The first `referenceRange`'s `low.value` and `high.value`, and each bound's unit (its
    /// `code`, else its `unit`).
    var referenceLow: String?
    var referenceHigh: String?
    var referenceLowUnit: (code: String?, unit: String?) = (nil, nil)
    var referenceHighUnit: (code: String?, unit: String?) = (nil, nil)
    /// Whether the first reference range has been read (later ones are ignored).
    var referenceRangeDone = false
    /// `hasMember.reference`s: a panel's results, which inherit its subject and time.
    var members: [String] = []

    /// ``otherCodings``, ``codeText``, ``loincDisplay`` and ``notes``, which most Observations
    /// lack, held apart: one reference instead of four fields (48 bytes) in each Observation,
    /// which the readers copy and destroy per resource (as ``LabRecord`` holds its notes).
    /// (Not private: the memberwise initialiser the readers call stays available, and makes
    /// the Observation in its place in their array.)
    var extras: Extras? = nil

    /// The four fields behind ``extras``, made anew whenever one of them is set.
    final class Extras: Sendable {
        let otherCodings: [(system: String, code: String, display: String)]
        let codeText: String?
        let loincDisplay: String?
        let notes: [String]

        init(
            otherCodings: [(system: String, code: String, display: String)], codeText: String?,
            loincDisplay: String?, notes: [String]
        ) {
            self.otherCodings = otherCodings
            self.codeText = codeText
            self.loincDisplay = loincDisplay
            self.notes = notes
        }
    }

    /// Sets the four fields of ``extras`` at once (nothing is held when all are empty).
    private mutating func setExtras(
        otherCodings: [(system: String, code: String, display: String)], codeText: String?,
        loincDisplay: String?, notes: [String]
    ) {
        if otherCodings.isEmpty, codeText == nil, loincDisplay == nil, notes.isEmpty {
            extras = nil
        } else {
            extras = Extras(otherCodings: otherCodings, codeText: codeText, loincDisplay: loincDisplay, notes: notes)
        }
    }
}

/// What the FHIR readers gather from one Patient: its identifiers, gender and birth date.
/// Names, addresses and telecom are never read.
struct FHIRPatient: Sendable {
    /// Where the resource starts.
    var source: SourceLocation
    /// The resource id.
    package var id: String?
    /// The Bundle entry's `fullUrl`, if any.
    var fullUrl: String?
    /// For a `contained` Patient, the ``FHIRObservation/serial`` of the resource holding it:
    /// its id names it only there (as `#id`), and is never a patient id.
    var containedIn: Int?
    /// Identifiers in order: value, and whether `type.coding.code` is `MR`. A social security
    /// number (``FHIRCodeSystem/isSocialSecurity(system:type:)``) is never kept.
    var identifiers: [(value: String, isMedicalRecord: Bool)] = []
    /// Whether an identifier was left out because it is a social security number.
    var socialSecurityNumberLeftOut = false
    /// `gender` as written.
    var gender: String?
    /// `birthDate` as written, with where.
    var birthDate: (text: String, location: SourceLocation)?

    /// The patient id of SPEC §3.9: the identifier typed `MR`, else the first identifier,
    /// else the resource id.
    var patientID: String? {
        identifierPatientID ?? id.map { $0.trimmingSpaces() }.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The patient id an identifier gives: the one typed `MR`, else the first; all a
    /// `contained` Patient's id can be, as its resource id is local.
    var identifierPatientID: String? {
        let trimmed = identifiers.map { ($0.value.trimmingSpaces(), $0.isMedicalRecord) }.filter { !$0.0.isEmpty }
        if let medicalRecord = trimmed.first(where: { $0.1 }) { return medicalRecord.0 }
        return trimmed.first?.0
    }
}

/// What the FHIR readers gather from one DiagnosticReport: the subject and time its `result`
/// Observations inherit when they do not carry their own.
struct FHIRDiagnosticReport: Sendable {
    /// The resource's number in its file (see ``FHIRObservation/serial``).
    var serial = 0
    var subjectReference: String?
    var subjectIdentifier: String?
    var effectiveDateTime: (text: String, location: SourceLocation)?
    var effectivePeriodStart: (text: String, location: SourceLocation)?
    var issued: (text: String, location: SourceLocation)?
    /// `result.reference`s.
    var results: [String] = []
    /// `conclusion`: the lab's comment on the whole report.
    var conclusion: String?
}
