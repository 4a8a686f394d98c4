import Foundation

extension Worklist.Summary {
    /// The worklist's view of `referral`: the one function every worklist line is made from.
    ///
    /// The key red flag is the first red flag the most urgent recommendation gives as a reason
    /// (the rule's own order), else the first red flag present.
    public init(_ referral: Referral, knowledge: Knowledge) {
        self.init(referral, labels: ReportLabels.shared(knowledge))
    }

    /// The worklist's view of `referral`, with labels already looked up.
    init(_ referral: Referral, labels: ReportLabels) {
        let present = referral.findings.filter { $0.present && labels.isRedFlag($0.id) }
        let cited = referral.recommendations.flatMap(\.reasons).first { id in present.contains { $0.id == id } }
        let key = cited.flatMap { id in present.first { $0.id == id } } ?? present.first
        var seen: Set<String> = []
        let tests = referral.recommendations.map(labels.testName).filter { seen.insert($0).inserted }
        self.init(
            sameDay: referral.sameDay, age: referral.patient.age, sex: referral.patient.sex?.rawValue,
            keyRedFlag: key.map { finding in
                let words = labels.redFlagWords(finding.id)
                // A progressive course has no onset of its own: its evidence is the first and the latest score.
                guard finding.id != FindingID.progressiveWeakness else { return words }
                return finding.evidence.compactMap(\.date).min().map { "\(words) since \($0)" } ?? words
            },
            redFlagCount: present.count,
            timeframe: referral.sameDay ? "same day" : referral.recommendations.first { $0.urgency == referral.urgency }?.timeframe,
            lastJournalDate: referral.window?.last, tests: tests)
    }
}

extension Worklist.Summary {
    /// The summary a `worklist.json` patient object carries (``WorklistRenderer/json(_:)``), nil
    /// when it carries none (a resolved patient, an older worklist).
    public init?(worklistJSON object: [String: Any]) {
        guard let tests = object["testNames"] as? [String], let count = object["redFlagCount"] as? Int else { return nil }
        self.init(sameDay: object["sameDay"] as? Bool ?? false, age: object["age"] as? Int, sex: object["sex"] as? String,
                  keyRedFlag: object["keyRedFlag"] as? String, redFlagCount: count, timeframe: object["timeframe"] as? String,
                  lastJournalDate: (object["lastJournalDate"] as? String).flatMap(LocalDate.init(iso:)), tests: tests)
    }
}

extension Worklist {
    /// The summaries of the patients in the `worklist.json` at `path`, by patient id; empty when
    /// there is no such file or it cannot be read. A batch run that keeps a patient's reports
    /// because nothing changed takes the patient's summary from here.
    public static func summaries(inWorklistAt path: String) -> [String: Summary] {
        guard let data = FileManager.default.contents(atPath: path),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let patients = object["patients"] as? [[String: Any]] else { return [:] }
        var result: [String: Summary] = [:]
        for patient in patients {
            if let id = patient["id"] as? String, let summary = Summary(worklistJSON: patient) { result[id] = summary }
        }
        return result
    }
}
