/// Places a patient's findings against one row of a feature-contrast table: does the data look
/// like the benign column, the concerning one, or neither (or is it not something a journal
/// and labs can show: EMG findings, prevalence, the examination)?
///
/// Rows are matched by their feature's words, so the knowledge data can reword an id without
/// breaking the mapping; a test checks that every row of the loaded tables is either mapped or
/// listed as not observable here.
struct ContrastEvaluator {
    /// Which column the data matches, and why, in one phrase.
    enum Match: Equatable {
        case benign(String)
        case concerning(String)
    }

    let findings: PatientFindings
    let knowledge: Knowledge

    /// The feature words this evaluator reads; a row's feature must contain one of these or one
    /// of ``notObservable`` (a test checks every row of the loaded tables).
    static let observable = ["age", "risk", "duration", "location", "affected area", "associated", "trigger", "lifestyle", "rest",
                             "atrophy", "wasting", "weakness", "progress", "function", "pattern"]

    /// Features the journal and labs cannot show; rows with these are skipped.
    static let notObservable = ["exam", "emg", "prevalence", "prognosis", "cause", "severity", "reflex", "onset"]

    func evaluate(_ row: FeatureContrast) -> Match? {
        let feature = Feature(row.feature)
        let course = findings.course
        let symptoms = findings.symptoms
        if row.table == "eyelid-vs-ms", course.regionFirstSeen[RegionID.eyelid] == nil { return nil }

        if feature.has("age") {
            guard let age = findings.age else { return nil }
            let low = Int(knowledge.threshold(Threshold.Key.alsOnsetAgeMin))
            let high = Int(knowledge.threshold(Threshold.Key.alsOnsetAgeMax))
            return (low...high).contains(age) ? .concerning("age \(age)") : .benign("age \(age)")
        }
        if feature.has("risk") {
            let exposed = findings.lifestyle.correlations.filter(\.linked)
            return exposed.isEmpty ? nil : .benign("twitching follows \(exposed.map(\.factor.rawValue).joined(separator: ", "))")
        }
        if Self.notObservable.contains(where: feature.has) { return nil }
        if feature.has("duration"), row.table == "eyelid-vs-ms" {
            // The eyelid's own course: first to last day the eyelid twitched.
            guard let first = course.regionFirstSeen[RegionID.eyelid], let last = course.regionLastSeen[RegionID.eyelid] else { return nil }
            let days = first.days(to: last) + 1
            let persistentDays = Int(knowledge.threshold(Threshold.Key.persistentWithoutImprovementDays))
            return days <= persistentDays ? .benign("eyelid twitching over \(days) day\(days == 1 ? "" : "s")")
                : .concerning("eyelid twitching over \(days) days")
        }
        if feature.has("duration") {
            let persistentDays = Int(knowledge.threshold(Threshold.Key.persistentWithoutImprovementDays))
            if course.spanDays == 0 { return nil }
            if course.spanDays <= persistentDays { return .benign("\(course.spanDays)-day span") }
            return .concerning("\(course.spanDays)-day span\(course.trend == .improving ? ", improving" : " without improvement")")
        }
        if feature.has("location") || feature.has("affected area") {
            if row.table == "eyelid-vs-ms" {
                return findings.isPresent(FindingID.eyelidFacialSpread) ? .concerning("eyelid twitching spread over the face")
                    : .benign("no facial spread from the eyelid")
            }
            if !course.newGroupsAfterFirstWeek.isEmpty { return .concerning("spread to a new region group after the first week") }
            if course.regionFirstSeen.count == 1 { return .benign("one spot (\(course.regionFirstSeen.keys.first!))") }
            if course.groups.count > 1 { return .concerning("\(course.groups.count) region groups") }
            return nil
        }
        if feature.has("associated") {
            let concerning: [String]
            switch row.table {
            // Fatigue alone is too common (anxiety, poor sleep) to speak for MS; it counts with the others.
            case "eyelid-vs-ms":
                let specific = [SymptomID.vision, SymptomID.numbness, SymptomID.balance]
                concerning = specific.contains(where: symptoms.has) ? specific + [SymptomID.fatigue] : specific
            case "anxiety-bfs-vs-als": concerning = [SymptomID.weakness, SymptomID.speech, SymptomID.swallowing, SymptomID.breathing]
            default: concerning = [SymptomID.weakness, SymptomID.atrophy, SymptomID.cramps, SymptomID.numbness]
            }
            let present = concerning.filter(symptoms.has)
            return present.isEmpty ? .benign("none of \(concerning.joined(separator: ", ")) recorded")
                : .concerning(present.joined(separator: ", "))
        }
        if feature.has("trigger") {
            if row.table == "eyelid-vs-ms" { return nil }
            let exposed = findings.lifestyle.correlations.filter(\.linked)
            if !exposed.isEmpty { return .benign("more twitching on \(exposed.map(\.factor.rawValue).joined(separator: ", ")) days") }
            if findings.isPresent(FindingID.atRest) { return .concerning("at rest, with no trigger linked to the counts") }
            return nil
        }
        if feature.has("lifestyle") || feature.has("rest") {
            guard let change = findings.lifestyle.changes.first else { return nil }
            return change.twitchingImproved ? .benign("improved after cutting \(change.factor.rawValue)")
                : .concerning("no improvement after cutting \(change.factor.rawValue)")
        }
        if feature.has("atrophy") || feature.has("wasting") {
            return symptoms.has(SymptomID.atrophy) ? .concerning("atrophy recorded") : .benign("no atrophy recorded")
        }
        if feature.has("weakness") {
            return symptoms.has(SymptomID.weakness) ? .concerning("weakness recorded (highest \(symptoms.maxWeakness ?? 1) of 3)")
                : .benign("no weakness recorded")
        }
        if feature.has("progress") {
            if symptoms.progressiveWeakness { return .concerning("weakness getting worse") }
            if course.trend == .worsening { return .concerning("twitch counts rising") }
            if course.trend == .unknown { return nil }
            return .benign("counts \(course.trend.rawValue), weakness not progressive")
        }
        if feature.has("function") {
            let present = [SymptomID.fineMotor, SymptomID.falls].filter(symptoms.has)
            return present.isEmpty ? .benign("no loss of function recorded") : .concerning(present.joined(separator: ", "))
        }
        if feature.has("pattern") {
            if row.table == "eyelid-vs-ms" { return nil }
            if !course.newGroupsAfterFirstWeek.isEmpty { return .concerning("spreading from where it began") }
            if course.groups.count > 1 { return .benign("widespread from the start") }
            return nil
        }
        return nil
    }

    /// A row's feature, lowercased, and a substring test on it. Features are ASCII in the
    /// knowledge tables, and there a byte search is what `String.contains` finds (without
    /// Foundation's `range(of:)`, which was 5% of a batch's time); other text takes the
    /// general path.
    struct Feature {
        let text: String
        let ascii: Bool

        init(_ feature: String) {
            text = feature.lowercased()
            ascii = text.utf8.allSatisfy { $0 < 0x80 }
        }

        func has(_ word: String) -> Bool {
            guard ascii else { return text.contains(word) }
            let haystack = Array(text.utf8), needle = Array(word.utf8)
            guard !needle.isEmpty else { return true }
            guard needle.count <= haystack.count else { return false }
            for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
                if haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
            }
            return false
        }
    }
}
