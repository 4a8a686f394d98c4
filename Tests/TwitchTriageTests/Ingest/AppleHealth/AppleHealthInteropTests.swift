import Testing
import TriageModel

/// The two real Apple Health exports in `shared/interop/` (committed in
/// `Tests/Fixtures/interop`): what is read, what is skipped and counted.
@Suite struct AppleHealthInteropTests {
    /// 15 step and distance records, two activity summaries, one workout, and `Me`: the
    /// birth date, sex and the workout's minutes read, one warning that counts the rest.
    @Test func tddaExportGivesMeAndCountsTheRest() throws {
        let path = "tdda-applehealthdata/export6s3sample.xml"
        let result = try #require(ExchangeTest.result(ExchangeTest.readFixture(path)))
        #expect(result.kind == .appleHealth)
        #expect(result.phone?.birthDate == LocalDate(year: 1965, month: 7, day: 31))
        #expect(result.phone?.sex == .male)
        // One workout of 31.7 minutes, on the day it starts: light exercise.
        #expect(AppleHealthTest.days(result) == ["2016-04-02 exercise=31.737"])
        #expect(result.phone?.cutShortAt == nil)
        #expect(
            ExchangeTest.messages(result) == [
                "\(path): Apple Health export: 15 records of 2 other types, 2 activity summaries not read (only caffeine, water, asleep time, exercise time, workouts, mindful sessions and Me are); skipped, counted here"
            ])
    }

    /// Not well-formed at line 153 (a stray `</Record>` left when it was trimmed by hand): the
    /// 17 blood-glucose records before it are counted, nothing after it is read, and the
    /// export is marked cut short there.
    @Test func ashtomExportIsCutShortAtLine153() throws {
        let path = "ashtom-hkimport/exportSmall.xml"
        let result = try #require(ExchangeTest.result(ExchangeTest.readFixture(path)))
        #expect(result.kind == .appleHealth)
        #expect(!result.rejected)
        #expect(result.phone?.days == [])
        #expect(result.phone?.birthDate == nil && result.phone?.sex == nil)
        #expect(result.phone?.cutShortAt == SourceLocation(file: path, line: 153, column: 11))
        #expect(
            ExchangeTest.messages(result) == [
                "\(path): Apple Health export: 17 records of 1 other type not read (only caffeine, water, asleep time, exercise time, workouts, mindful sessions and Me are); skipped, counted here",
                "\(path):153:11: XML is not well-formed (Opening and ending tag mismatch); Apple Health export cut short here: rest of file skipped, what came before it kept (19 elements seen, 0 records read)",
            ])
    }

    /// The same export repaired where the hand-trimming broke it: the stray `</Record>` at line
    /// 153 and `</Correlation>` at line 176 (whose start tag was trimmed away) removed, and the
    /// `</Correlation>` missing before the first workout (line 424) put back. Its two apps'
    /// records of one night
    /// (21:39 to 06:28, overlapping) are merged into one night on the day it ends, plus a
    /// two-hour asleep record later that morning; in-bed time is not sleep; the workouts give
    /// their minutes to the days they start on (five on 2017-06-26: 37.05 minutes); the 17
    /// blood-glucose records and the 3 food records left outside their correlation are
    /// counted, the 13 correlations too.
    @Test func ashtomExportRepairedReadsSleepAndWorkouts() throws {
        let path = "ashtom-hkimport/exportSmall.xml"
        let bytes = try #require(XMLTest.contents(of: ExchangeTest.interopFolder + "/" + path))
        var lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[152] == " </Record>")
        #expect(lines[175] == " </Correlation>")
        #expect(lines[423].hasPrefix(" <Workout "))
        lines[152] = ""
        lines[175] = ""
        lines[423] = " </Correlation>\n" + lines[423]
        let result = try #require(ExchangeTest.result(ExchangeTest.read(lines.joined(separator: "\n"), file: path)))
        let days = AppleHealthTest.days(result)
        // 21:39:22 to 06:28:13 is 8 h 48 min 51 s; 11:00 to 13:00 is 2 h more.
        #expect(days.first == "2017-06-20 sleep=10.814")
        #expect(days.count == 1 + Set((result.phone?.days ?? []).filter { $0.exerciseMinutes != nil }.map(\.date)).count)
        #expect(days.contains("2017-06-26 exercise=37.049"))
        #expect(result.phone?.cutShortAt == nil)
        #expect(
            ExchangeTest.messages(result) == [
                "\(path): Apple Health export: 20 records of 4 other types, 13 correlations, 1 sleep record in bed or awake not read (only caffeine, water, asleep time, exercise time, workouts, mindful sessions and Me are); skipped, counted here"
            ])
    }
}
