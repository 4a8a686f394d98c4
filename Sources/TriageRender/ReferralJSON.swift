import TriageEngine
import TriageModel

/// Writes `referral.json`: the machine-readable truth of a referral, schema version 1
/// (SPEC §7). Keys sorted; optional keys left out when empty rather than written as null.
public enum ReferralJSON {
    /// The schema version.
    package static let schemaVersion = "1"

    /// The referral as a JSON value.
    package static func value(_ referral: Referral) -> JSONValue {
        var patient: [String: JSONValue] = ["id": .string(referral.patient.id.rawValue)]
        patient.set("age", referral.patient.age)
        patient.set("sex", referral.patient.sex?.rawValue)
        patient.set("displayName", referral.patient.displayName)

        var document: [String: JSONValue] = [
            "schemaVersion": .string(schemaVersion),
            "tool": .object(["name": .string(ToolInfo.name), "version": .string(referral.toolVersion)]),
            "knowledgeVersion": .string(referral.knowledgeVersion),
            "asOf": .string(referral.asOf.description),
            "patient": .object(patient),
            "urgency": .string(referral.urgency.rawValue),
            "headline": .string(referral.headline),
            "recommendations": .array(referral.recommendations.map(recommendation)),
            "findings": .array(referral.findings.map(finding)),
            "labs": .array(referral.labs.map(lab)),
            "otherResults": .array(referral.otherResults.map(otherResult)),
            "considerations": .array(referral.considerations.map(consideration)),
            "lifestyle": .object([
                "correlations": .array(
                    referral.correlations.map { correlation in
                        .object([
                            "factor": .string(correlation.factor),
                            "exposedDays": .number(Double(correlation.exposedDays)),
                            "exposedMean": .number(correlation.exposedMean),
                            "unexposedDays": .number(Double(correlation.unexposedDays)),
                            "unexposedMean": .number(correlation.unexposedMean),
                            "comparable": .bool(correlation.comparable),
                            "linked": .bool(correlation.linked),
                        ])
                    }),
                "advice": .array(referral.advice.prefix(AdviceSelection.limit).map(adviceItem)),
            ]),
            "dataQuality": .array(referral.dataQuality.map(dataQualityItem)),
            "provenance": .object([
                "inputs": .array(referral.inputs.map { .object(["file": .string($0.file), "sha256": .string($0.sha256)]) }),
                "knowledgeVersion": .string(referral.knowledgeVersion),
                "toolVersion": .string(referral.toolVersion),
                "asOf": .string(referral.asOf.description),
            ]),
            "disclaimer": .string(referral.disclaimer),
            "notes": .array(
                referral.notes.map { note in
                    .object([
                        "date": .string(note.date.description), "file": .string(note.source.file),
                        "line": note.source.line.map { .number(Double($0)) } ?? .null, "text": .string(note.text),
                    ])
                }),
            "needsReview": .array(
                referral.needsReview.map { item in
                    .object([
                        "file": .string(item.file), "lines": .array(item.lines.map { .number(Double($0)) }),
                        "text": .string(item.text), "count": .number(Double(item.count)),
                    ])
                }),
            "sameDay": .bool(referral.sameDay),
            "safetyNet": .array(referral.safetyNet.map(adviceItem)),
        ]
        document.set("tellPatient", referral.tellPatient)
        if let phone = referral.phone, case .object(var lifestyle)? = document["lifestyle"] {
            lifestyle["phone"] = .object([
                "files": .strings(phone.files),
                "values": .array(
                    phone.values.map { value in
                        .object([
                            "date": .string(value.date.description), "column": .string(value.column.rawValue),
                            "value": .string(value.text), "file": .string(value.source.file),
                            "line": value.source.line.map { .number(Double($0)) } ?? .null,
                        ])
                    }),
                "phoneOnlyDays": .number(Double(phone.phoneOnlyDays)),
                "mindfulDays": .number(Double(phone.mindfulDays)),
                "mindfulMinutes": .number(NumberFormatting.rounded(phone.mindfulMinutes, places: 1)),
            ])
            document["lifestyle"] = .object(lifestyle)
        }
        if referral.queryMND { document["queryMND"] = .bool(true) }
        if !referral.examination.isEmpty {
            document["examination"] = .array(
                referral.examination.map { item in
                    .object(["item": .string(item.item), "for": .string(item.forWhat), "sources": .strings(item.sources)])
                })
        }
        if !referral.history.isEmpty {
            // SPEC §7 `history[]`: diagnoses and family history the patient states.
            document["history"] = .array(
                referral.history.map { item in
                    var object: [String: JSONValue] = [
                        "kind": .string(item.kind.rawValue), "text": .string(item.text),
                        "quote": .string(item.quote), "file": .string(item.source.file),
                    ]
                    object.set("line", item.source.line)
                    object.set("firstDegree", item.firstDegree)
                    return .object(object)
                })
        }
        if let window = referral.window {
            document["window"] = .object([
                "first": .string(window.first.description), "last": .string(window.last.description),
                "entries": .number(Double(window.entries)),
            ])
        }
        return .object(document)
    }

    /// The referral as text.
    public static func render(_ referral: Referral) -> String { value(referral).written() }

    /// An advice or safety-net item: `{ "id", "text", "sources" }`.
    static func adviceItem(_ item: Referral.AdviceItem) -> JSONValue {
        .object(["id": .string(item.id.rawValue), "text": .string(item.text), "sources": .strings(item.sources)])
    }

    static func recommendation(_ item: Recommendation) -> JSONValue {
        var object: [String: JSONValue] = [
            "test": .string(item.test.rawValue), "detail": .string(item.detail), "urgency": .string(item.urgency.rawValue),
            "rule": .string(item.rule.rawValue), "reasons": .strings(item.reasons.map(\.rawValue)), "sources": .strings(item.sources),
        ]
        object.set("region", item.region?.rawValue)
        object.set("analytes", item.analytes?.map(\.rawValue))
        object.set("alsoRecommendedBy", item.alsoRecommendedBy?.map(\.rawValue))
        object.set("timeframe", item.timeframe)
        object.set("who", item.who?.rawValue)
        object.set("when", item.when)
        return .object(object)
    }

    static func finding(_ item: Finding) -> JSONValue {
        var fields: [String: JSONValue] = [
            "id": .string(item.id.rawValue), "present": .bool(item.present), "summary": .string(item.summary),
            "evidence": .array(
                item.evidence.map { evidence in
                    var object: [String: JSONValue] = ["file": .string(evidence.file)]
                    object.set("line", evidence.line)
                    object.set("date", evidence.date?.description)
                    object.set("field", evidence.field)
                    object.set("quote", evidence.quote)
                    if evidence.approximate { object["approximate"] = .bool(true) }
                    return .object(object)
                }),
        ]
        // SPEC §7 `findings[].certainty`: a symptom read from the patient's words, stated or possible.
        fields.set("certainty", item.certainty?.rawValue)
        return .object(fields)
    }

    static func quantity(_ quantity: LabResult.Quantity) -> JSONValue {
        var object: [String: JSONValue] = ["value": .number(quantity.value.number), "unit": .string(quantity.unit)]
        if quantity.value.isCensored { object["comparator"] = .string(quantity.value.comparator.rawValue) }
        return .object(object)
    }

    static func lab(_ item: LabResult) -> JSONValue {
        var object: [String: JSONValue] = [
            "analyte": .string(item.analyte.rawValue), "collected": .string(item.collected.description),
            "reported": quantity(item.reported), "canonical": quantity(item.canonical),
            "status": .string(item.status.rawValue), "stale": .bool(item.stale),
            "source": source(item.source),
        ]
        object.set("loinc", item.loinc)
        object.set("reportedFlag", item.reportedFlag)
        object.set("comment", item.comment)
        object.set("unreliableBecause", item.unreliableBecause)
        if let reference = item.reference {
            var range: [String: JSONValue] = ["unit": .string(reference.unit), "origin": .string(reference.origin.rawValue)]
            range.set("low", reference.low)
            range.set("high", reference.high)
            object["reference"] = .object(range)
        }
        return .object(object)
    }

    /// Where a lab or other result was read: `{ "file", "line" }`, the line null when unknown.
    static func source(_ location: SourceLocation) -> JSONValue {
        .object(["file": .string(location.file), "line": location.line.map { .number(Double($0)) } ?? .null])
    }

    /// An other result (SPEC §3.10): as reported, with where it came from.
    package static func otherResult(_ item: Referral.OtherResult) -> JSONValue {
        var object: [String: JSONValue] = [
            "name": .string(item.name), "value": .string(item.value), "flag": .string(item.flag),
            "source": source(item.source),
        ]
        object.set("code", item.code)
        object.set("system", item.system)
        object.set("unit", item.unit)
        object.set("collected", item.collected?.description)
        object.set("comment", item.comment)
        return .object(object)
    }

    static func consideration(_ item: Consideration) -> JSONValue {
        var object: [String: JSONValue] = [
            "condition": .string(item.condition), "conditionId": .string(item.conditionID.rawValue),
            "for": .strings(item.supporting), "against": .strings(item.opposing),
            "diagnosticApproach": .string(item.diagnosticApproach), "sources": .strings(item.sources),
        ]
        object.set("assessment", item.assessment)
        if item.assessment == Consideration.unlikely { object["unlikely"] = .bool(true) }
        return .object(object)
    }

    static func dataQualityItem(_ item: DataQualityItem) -> JSONValue {
        var object = located(item.location, message: item.message, severity: item.severity)
        object.set("text", item.term)
        if item.count > 1 {
            object["count"] = .number(Double(item.count))
            object["lines"] = .array(item.lines.map { .number(Double($0)) })
        }
        return .object(object)
    }

    static func dataQuality(_ item: Diagnostic) -> JSONValue {
        .object(located(item.location, message: item.message, severity: item.severity))
    }

    /// What every data-quality entry holds: `file`, `message`, `severity`, and `line` and
    /// `column` where the location has them.
    private static func located(_ location: SourceLocation, message: String, severity: Diagnostic.Severity) -> [String: JSONValue] {
        var object: [String: JSONValue] = [
            "file": .string(location.file), "message": .string(message), "severity": .string(severity.rawValue),
        ]
        object.set("line", location.line)
        object.set("column", location.column)
        return object
    }
}
