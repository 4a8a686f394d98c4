import Testing
import TriageKnowledge
import TriageModel
import TriageNormalise

/// A phone day's exercise minutes become its exercise level against the knowledge tables'
/// thresholds (`exercise-light-min-minutes` 10, `exercise-intense-min-minutes` 43, from the
/// WHO's activity recommendations), and days after the as-of date are left out with one
/// warning.
@Suite struct PhoneExerciseLevelTests {
    @Test func levelsAtTheThresholds() throws {
        let knowledge = try Knowledge.bundled
        let light = knowledge.threshold(.exerciseLightMinMinutes)
        let intense = knowledge.threshold(.exerciseIntenseMinMinutes)
        #expect(light == 10 && intense == 43)
        let minutes: [Double] = [0, light - 0.01, light, intense - 0.01, intense, 120]
        var export = PhoneExport()
        export.patientID = "P1"
        export.days = minutes.enumerated().map { index, value in
            var day = PhoneDay(date: LocalDate(year: 2026, month: 11, day: index + 1)!)
            day.exerciseMinutes = value
            day.exerciseSource = SourceLocation(file: "P1/export.xml", line: 10 + index, column: 2)
            return day
        }
        let normaliser = Normaliser(knowledge: knowledge, asOf: LocalDate(year: 2026, month: 11, day: 20)!)
        var diagnostics: [Diagnostic] = []
        let days = normaliser.phoneDays(from: export, file: "P1/export.xml", diagnostics: &diagnostics)
        #expect(days.map { $0.lifestyle.exercise?.rawValue } == ["none", "none", "light", "light", "intense", "intense"])
        #expect(days[2].lifestyle.origin(of: .exercise) == .phone(SourceLocation(file: "P1/export.xml", line: 12, column: 2)))
        #expect(diagnostics.isEmpty)
    }

    @Test func daysAfterTheAsOfDateAreLeftOutWithOneWarning() throws {
        var export = PhoneExport()
        export.patientID = "P1"
        export.days = [19, 20, 21, 22].map { PhoneDay(date: LocalDate(year: 2026, month: 11, day: $0)!) }
        let normaliser = Normaliser(knowledge: try Knowledge.bundled, asOf: LocalDate(year: 2026, month: 11, day: 20)!)
        var diagnostics: [Diagnostic] = []
        let days = normaliser.phoneDays(from: export, file: "P1/export.xml", diagnostics: &diagnostics)
        #expect(days.map(\.date.description) == ["2026-11-19", "2026-11-20"])
        #expect(
            diagnostics.map(\.description) == [
                "P1/export.xml: Apple Health export has 2 days after the as-of date 2026-11-20; those days ignored"
            ])
        #expect(diagnostics.first?.patientID == "P1")
    }
}
