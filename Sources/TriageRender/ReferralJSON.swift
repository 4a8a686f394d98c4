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
        if let age = referral.patient.age { patient["age"] = .number(Double(age)) }
        if let sex = referral.patient.sex { patient["sex"] = .string(sex.rawValue) }
        if let name = referral.patient.displayName { patient["displayName"] = .string(name) }

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
        if let tell = referral.tellPatient { document["tellPatient"] = .string(tell) }
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
                    if let line = item.source.line { object["line"] = .number(Double(line)) }
                    if let firstDegree = item.firstDegree { object["firstDegree"] = .bool(firstDegree) }
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
        if let region = item.region { object["region"] = .string(region.rawValue) }
        if let analytes = item.analytes { object["analytes"] = .strings(analytes.map(\.rawValue)) }
        if let also = item.alsoRecommendedBy { object["alsoRecommendedBy"] = .strings(also.map(\.rawValue)) }
        if let timeframe = item.timeframe { object["timeframe"] = .string(timeframe) }
        if let who = item.who { object["who"] = .string(who.rawValue) }
        if let when = item.when { object["when"] = .string(when) }
        return .object(object)
    }

    static func finding(_ item: Finding) -> JSONValue {
        var fields: [String: JSONValue] = [
            "id": .string(item.id.rawValue), "present": .bool(item.present), "summary": .string(item.summary),
            "evidence": .array(
                item.evidence.map { evidence in
                    var object: [String: JSONValue] = ["file": .string(evidence.file)]
                    if let line = evidence.line { object["line"] = .number(Double(line)) }
                    if let date = evidence.date { object["date"] = .string(date.description) }
                    if let field = evidence.field { object["field"] = .string(field) }
                    if let quote = evidence.quote { object["quote"] = .string(quote) }
                    if evidence.approximate { object["approximate"] = .bool(true) }
                    return .object(object)
                }),
        ]
        // SPEC §7 `findings[].certainty`: a symptom read from the patient's words, stated or possible.
        if let certainty = item.certainty { fields["certainty"] = .string(certainty.rawValue) }
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
            "source": .object(["file": .string(item.source.file), "line": item.source.line.map { .number(Double($0)) } ?? .null]),
        ]
        if let loinc = item.loinc { object["loinc"] = .string(loinc) }
        if let flag = item.reportedFlag { object["reportedFlag"] = .string(flag) }
        if let comment = item.comment { object["comment"] = .string(comment) }
        if let because = item.unreliableBecause { object["unreliableBecause"] = .string(because) }
        if let reference = item.reference {
            var range: [String: JSONValue] = ["unit": .string(reference.unit), "origin": .string(reference.origin.rawValue)]
            if let low = reference.low { range["low"] = .number(low) }
            if let high = reference.high { range["high"] = .number(high) }
            object["reference"] = .object(range)
        }
        return .object(object)
    }

    /// An other result (SPEC §3.10): as reported, with where it came from.
    package static func otherResult(_ item: Referral.OtherResult) -> JSONValue {
        var object: [String: JSONValue] = [
            "name": .string(item.name), "value": .string(item.value), "flag": .string(item.flag),
            "source": .object(["file": .string(item.source.file), "line": item.source.line.map { .number(Double($0)) } ?? .null]),
        ]
        if let code = item.code { object["code"] = .string(code) }
        if let system = item.system { object["system"] = .string(system) }
        if let unit = item.unit { object["unit"] = .string(unit) }
        if let collected = item.collected { object["collected"] = .string(collected.description) }
        if let comment = item.comment { object["comment"] = .string(comment) }
        return .object(object)
    }

    static func consideration(_ item: Consideration) -> JSONValue {
        var object: [String: JSONValue] = [
            "condition": .string(item.condition), "conditionId": .string(item.conditionID.rawValue),
            "for": .strings(item.supporting), "against": .strings(item.opposing),
            "diagnosticApproach": .string(item.diagnosticApproach), "sources": .strings(item.sources),
        ]
        if let assessment = item.assessment { object["assessment"] = .string(assessment) }
        if item.assessment == Consideration.unlikely { object["unlikely"] = .bool(true) }
        return .object(object)
    }

    static func dataQualityItem(_ item: DataQualityItem) -> JSONValue {
        var object = located(item.location, message: item.message, severity: item.severity)
        if let term = item.term { object["text"] = .string(term) }
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
        if let line = location.line { object["line"] = .number(Double(line)) }
        if let column = location.column { object["column"] = .number(Double(column)) }
        return object
    }
}
