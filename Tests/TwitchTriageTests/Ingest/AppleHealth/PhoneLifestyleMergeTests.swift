import Testing
import TriageEngine
import TriageKnowledge
import TriageModel
import TriageNormalise

/// Phone lifestyle fills the days and columns the journal leaves empty; for the same day and
/// column the journal wins (SPEC §3.9); a phone-only day is never a day without twitching.
@Suite struct PhoneLifestyleMergeTests {
    static let export = SourceLocation(file: "P1/export.xml", line: 12, column: 2)

    static func entry(_ day: Int, hour: Int = 8, count: Int? = 3) -> JournalEntry {
        var entry = JournalEntry(
            source: SourceLocation(file: "P1/journal.csv", line: day + 1),
            patientID: "P1",
            timestamp: Timestamp(date: LocalDate(year: 2026, month: 11, day: day)!, timeOfDayMinutes: hour * 60))
        entry.twitchCount = count
        return entry
    }

    static func phone(_ day: Int, caffeine: Double? = nil, sleep: Double? = nil, water: Double? = nil) -> PhoneDay {
        var phone = PhoneDay(date: LocalDate(year: 2026, month: 11, day: day)!)
        if let caffeine {
            phone.lifestyle.caffeineMilligrams = caffeine
            phone.lifestyle.phoneSources[.caffeine] = export
        }
        if let sleep {
            phone.lifestyle.sleepHours = sleep
            phone.lifestyle.phoneSources[.sleep] = export
        }
        if let water {
            phone.lifestyle.waterLitres = water
            phone.lifestyle.phoneSources[.water] = export
        }
        return phone
    }

    @Test func theJournalWinsForTheSameDayAndColumn() {
        var first = Self.entry(1)
        first.lifestyle.caffeineMilligrams = 100
        var journal = [first]
        PhoneLifestyleMerge.fill(&journal, from: [Self.phone(1, caffeine: 400, sleep: 5.5)])
        #expect(journal[0].lifestyle.caffeineMilligrams == 100)
        #expect(journal[0].lifestyle.origin(of: .caffeine) == .journal)
        #expect(journal[0].lifestyle.sleepHours == 5.5)
        #expect(journal[0].lifestyle.origin(of: .sleep) == .phone(Self.export))
    }

    /// A column any entry of the day has is the journal's, even when the day's first entry
    /// leaves it empty; the phone's value goes on the first entry, once.
    @Test func aDayWithSeveralEntriesIsFilledOnceAndOnlyWhereNoEntryHasTheColumn() {
        var second = Self.entry(1, hour: 18)
        second.lifestyle.sleepHours = 8
        var journal = [Self.entry(1), second]
        PhoneLifestyleMerge.fill(&journal, from: [Self.phone(1, caffeine: 250, sleep: 4)])
        #expect(journal.map(\.lifestyle.caffeineMilligrams) == [250, nil])
        #expect(journal.map(\.lifestyle.sleepHours) == [nil, 8])
        let day = Lifestyle.day(of: journal.map(\.lifestyle))
        #expect(day.sleepHours == 8 && day.origin(of: .sleep) == .journal)
        #expect(day.caffeineMilligrams == 250 && day.origin(of: .caffeine) == .phone(Self.export))
    }

    @Test func twoExportsOfOneDayMergeColumnByColumnTheEarlierFirst() {
        let days = PhoneLifestyleMerge.days([
            Self.phone(2, caffeine: 100), Self.phone(2, caffeine: 900, water: 1.5), Self.phone(1, sleep: 7),
        ])
        #expect(days.map(\.date.description) == ["2026-11-01", "2026-11-02"])
        #expect(days[1].lifestyle.caffeineMilligrams == 100)
        #expect(days[1].lifestyle.waterLitres == 1.5)
    }

    /// Phone-only days (no journal entry) are not compared: the caffeine correlation counts
    /// the journal's days only, and a phone value that filled a journal day is its evidence.
    @Test func phoneOnlyDaysAreNeverDaysWithoutTwitching() throws {
        let knowledge = try Knowledge.bundled
        let asOf = LocalDate(year: 2026, month: 11, day: 20)!
        // Six journal days, twitching on all; the phone has caffeine on three of them and
        // on four days with no journal entry at all.
        var journal = (1...6).map { Self.entry($0, count: $0 <= 3 ? 8 : 2) }
        var phone = (1...3).map { Self.phone($0, caffeine: 400) }
        phone += (10...13).map { Self.phone($0, caffeine: 50) }
        PhoneLifestyleMerge.fill(&journal, from: phone)
        var record = PatientRecord(id: "P1", demographics: nil, journal: journal, labs: [], diagnostics: [], inputs: [])
        record.phoneDays = phone
        let findings = FindingsDeriver(knowledge: knowledge).derive(record, asOf: asOf)
        let caffeine = try #require(findings.lifestyle.correlations.first { $0.factor == .caffeine })
        #expect(caffeine.exposedDays == 3 && caffeine.unexposedDays == 3)
        #expect(caffeine.exposedMean == 8 && caffeine.unexposedMean == 2)
        #expect(caffeine.linked)
        #expect(caffeine.phoneEvidence.map(\.line) == [12, 12, 12])
        #expect(caffeine.phoneEvidence.map { $0.date?.description } == ["2026-11-01", "2026-11-02", "2026-11-03"])

        let referral = ReferralBuilder(knowledge: knowledge).referral(for: record, asOf: asOf)
        let summary = try #require(referral.phone)
        #expect(summary.phoneOnlyDays == 4)
        #expect(
            summary.values.map { "\($0.date) \($0.column.rawValue) \($0.text) \($0.source.line ?? 0)" }
                == ["2026-11-01 caffeine 400 mg 12", "2026-11-02 caffeine 400 mg 12", "2026-11-03 caffeine 400 mg 12"])
        let finding = try #require(referral.findings.first { $0.id == FindingID.correlation(.caffeine) })
        #expect(finding.summary.hasSuffix("(caffeine on 3 of these days from the phone export)."))
        #expect(finding.evidence.map(\.file) == ["P1/export.xml", "P1/export.xml", "P1/export.xml"])
    }
}
