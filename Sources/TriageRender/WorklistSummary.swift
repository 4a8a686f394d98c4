import Foundation
import TriageEngine
import TriageKnowledge
import TriageModel

extension Worklist.Summary {
    /// The worklist's view of `referral`: the one function every worklist line is made from.
    ///
    /// The key red flag is the most dangerous one (`page.json`'s order of danger), with the
    /// value that drives it.
    package init(_ referral: Referral, knowledge: Knowledge) {
        self.init(referral, labels: ReportLabels.shared(knowledge))
    }

    /// The worklist's view of `referral`, with labels already looked up.
    init(_ referral: Referral, labels: ReportLabels) {
        let flags = RedFlagDanger.flags(referral, labels: labels)
        let present = referral.findings.filter { $0.present && labels.isRedFlag($0.id) }
        var seen: Set<String> = []
        // What to book now: a conditional step (`when`) is decided by the examination and is on
        // the patient's page, not in the morning's booking column.
        let tests = referral.recommendations.filter { $0.when == nil }.map { labels.testName($0) }
            .filter { seen.insert($0).inserted }
        let knowledge = labels.knowledge
        self.init(
            sameDay: referral.sameDay, age: referral.patient.age, sex: referral.patient.sex?.rawValue,
            keyRedFlag: flags.first?.line(knowledge), redFlagCount: present.count,
            timeframe: referral.sameDay
                ? knowledge.phrase(.sameDay) : referral.recommendations.first { $0.urgency == referral.urgency }?.timeframe,
            lastJournalDate: referral.window?.last, tests: tests)
        let band = Self.band(referral, flags: flags, labels: labels)
        self.band = band
        dangerRank = flags.first?.rank
        keyRedFlagPossible = flags.first?.possible ?? false
        oldestRedFlagDate = flags.compactMap(\.date).min()
        otherRedFlags = flags.dropFirst().map { $0.possible ? knowledge.phrase(.possibleRedFlagWords, ["flag": $0.words]) : $0.words }
        duration = Self.duration(referral, knowledge: knowledge)
        var actors: [String] = []
        for recommendation in referral.recommendations where recommendation.when == nil {
            let actor = labels.actor(recommendation)
            if !actor.isEmpty, !actors.contains(actor) { actors.append(actor) }
        }
        who = actors.sorted { labels.actorRank($0) < labels.actorRank($1) }
        var byActor: [String: [String]] = [:]
        var planActors: [String] = []
        for recommendation in referral.recommendations {
            let actor = labels.actor(recommendation)
            let test = labels.testName(recommendation)
            let name = recommendation.when == nil ? test : knowledge.phrase(.worklistIfNeeded, ["test": test])
            if byActor[actor] == nil { planActors.append(actor) }
            if !(byActor[actor] ?? []).contains(name) { byActor[actor, default: []].append(name) }
        }
        plan = planActors.sorted { labels.actorRank($0) < labels.actorRank($1) }.map { actor in
            (actor.isEmpty ? "" : actor.capitalizedFirst + ": ") + (byActor[actor] ?? []).joined(separator: "; ")
        }
        labCaveats = referral.labs.compactMap { lab in
            guard lab.status == .unreliable else { return nil }
            let analyte = labels.analyteShort(lab.analyte)
            return lab.unreliableBecause.map { knowledge.phrase(.worklistUnreliableBecause, ["analyte": analyte, "why": $0]) }
                ?? knowledge.phrase(.worklistUnreliable, ["analyte": analyte])
        }
        var staleDates: [LocalDate] = []
        for lab in referral.labs where lab.stale && !staleDates.contains(lab.collected.date) { staleDates.append(lab.collected.date) }
        labCaveats += staleDates.map { knowledge.phrase(.worklistStale, ["date": "\($0)"]) }
        bookings = Self.bookings(referral, band: band, knowledge: knowledge)
    }

    /// Same day; read today (a clinician review, symptom text not understood, a possible
    /// same-day red flag); urgent; soon; routine with a step for neurology or only GP actions;
    /// self-care.
    static func band(_ referral: Referral, flags: [RedFlagDanger], labels: ReportLabels) -> Worklist.Band {
        if referral.sameDay { return .sameDay }
        let sameDaySymptoms = Set((labels.knowledge.page?.sameDaySymptoms.symptoms ?? []).map(FindingID.symptom))
        let possibleSameDay = flags.contains { flag in flag.possible && flag.finding.map(sameDaySymptoms.contains) == true }
        if !referral.needsReview.isEmpty || possibleSameDay || referral.recommendations.contains(where: { $0.test == .clinicianReview }) {
            return .readToday
        }
        switch referral.urgency {
        case .urgent: return .urgent
        case .soon: return .soon
        case .selfCare: return .selfCare
        case .routine:
            let specialist = referral.recommendations.contains { recommendation in
                recommendation.urgency == .routine && recommendation.when == nil
                    && !["", Recommendation.Actor.gp.rawValue].contains(labels.actor(recommendation))
            }
            return specialist ? .routineNeurology : .routineGP
        }
    }

    /// `87 days`, or `at least 60 days (a note: "for months"); 13 in the journal` when a note
    /// says it has lasted longer (the knowledge's duration phrase and its fewest days, in the
    /// `worklist-duration-note` phrase; the note quoted here).
    static func duration(_ referral: Referral, knowledge: Knowledge) -> String? {
        guard let window = referral.window else { return nil }
        let days = window.first.days(to: window.last) + 1
        let text = "\(days) day\(days == 1 ? "" : "s")"
        guard let longer = referral.findings.first(where: { $0.id == FindingID.durationFromNotes && $0.present }),
            let phrase = knowledge.rules.durationPhrases.first(where: { longer.summary.contains("\"\($0.phrase)\"") }),
            phrase.atLeastDays > days
        else { return text }
        return knowledge.phrase(
            .worklistDurationNote, ["atLeast": "\(phrase.atLeastDays)", "note": "\"\(phrase.phrase)\"", "days": "\(days)"])
    }

    /// What the line books, counted once per patient: a same-day assessment, a clinician read,
    /// a neurology examination, EMG with NCS (or either alone), an MRI per region, a blood draw,
    /// a swallow assessment, an eye examination, breathing tests. Conditional steps are not
    /// booked. The words are `page.json`'s `booking-…` phrases.
    static func bookings(_ referral: Referral, band: Worklist.Band, knowledge: Knowledge) -> [String] {
        let now = referral.recommendations.filter { $0.when == nil }
        let tests = Set(now.map(\.test))
        var booked: [PagePhraseID] = []
        if tests.contains(.sameDayAssessment) || referral.sameDay { booked.append(.bookingSameDayAssessment) }
        if band == .readToday { booked.append(.bookingClinicianRead) }
        if tests.contains(.neurologyExam) { booked.append(.bookingNeurologyExamination) }
        switch (tests.contains(.emg), tests.contains(.ncs)) {
        case (true, true): booked.append(.bookingEMGWithNCS)
        case (true, false): booked.append(.bookingEMG)
        case (false, true): booked.append(.bookingNCS)
        case (false, false): break
        }
        var bookings = booked.map { knowledge.phrase($0) }
        var regions: [VariantID] = []
        for item in now where item.test == .mri { if let region = item.region, !regions.contains(region) { regions.append(region) } }
        bookings += regions.map { knowledge.phrase(.bookingMRI, ["region": $0.rawValue]) }
        let after: [(Recommendation.Test, PagePhraseID)] = [
            (.bloodWork, .bookingBloodDraw), (.swallowAssessment, .bookingSwallowAssessment),
            (.eyeExamination, .bookingEyeExamination), (.breathingTests, .bookingBreathingTests),
        ]
        bookings += after.filter { tests.contains($0.0) }.map { knowledge.phrase($0.1) }
        return bookings
    }
}

extension Worklist.Summary {
    /// The summary a `worklist.json` patient object carries (``WorklistRenderer/json(_:)``), nil
    /// when it carries none (a resolved patient, an older worklist).
    package init?(worklistJSON object: [String: Any]) {
        guard let tests = object["testNames"] as? [String], let count = object["redFlagCount"] as? Int else { return nil }
        self.init(
            sameDay: object["sameDay"] as? Bool ?? false, age: object["age"] as? Int, sex: object["sex"] as? String,
            keyRedFlag: object["keyRedFlag"] as? String, redFlagCount: count, timeframe: object["timeframe"] as? String,
            lastJournalDate: (object["lastJournalDate"] as? String).flatMap(LocalDate.init(iso:)), tests: tests)
        band = (object["band"] as? String).flatMap(Worklist.Band.init(rawValue:))
        dangerRank = object["dangerRank"] as? Int
        keyRedFlagPossible = object["keyRedFlagPossible"] as? Bool ?? false
        oldestRedFlagDate = (object["oldestRedFlagDate"] as? String).flatMap(LocalDate.init(iso:))
        otherRedFlags = object["otherRedFlags"] as? [String] ?? []
        duration = object["duration"] as? String
        who = object["who"] as? [String] ?? []
        plan = object["plan"] as? [String] ?? []
        labCaveats = object["labCaveats"] as? [String] ?? []
        bookings = object["bookings"] as? [String] ?? []
    }
}

extension Worklist {
    /// The summaries of the patients in the `worklist.json` at `path`, by patient id; empty when
    /// there is no such file or it cannot be read. A batch run that keeps a patient's reports
    /// because nothing changed takes the patient's summary from here.
    package static func summaries(inWorklistAt path: String) -> [PatientID: Summary] {
        guard let data = FileManager.default.contents(atPath: path),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let patients = object["patients"] as? [[String: Any]]
        else { return [:] }
        var result: [PatientID: Summary] = [:]
        for patient in patients {
            if let id = patient["id"] as? String, let summary = Summary(worklistJSON: patient) { result[PatientID(rawValue: id)] = summary }
        }
        return result
    }
}
