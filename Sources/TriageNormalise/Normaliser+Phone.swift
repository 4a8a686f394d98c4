import TriageModel

extension Normaliser {
    /// An attached phone export's days, ready to merge into the journal (SPEC §3.9): days
    /// after the as-of date left out (one warning for them all), and each day's exercise
    /// minutes turned into its exercise level against the knowledge tables'
    /// `exercise-light-min-minutes` and `exercise-intense-min-minutes`.
    ///
    /// - Parameters:
    ///   - export: the export, attached (its ``PhoneExport/patientID`` set).
    ///   - file: the export's path, for the warning.
    ///   - diagnostics: where the warning is appended.
    package func phoneDays(from export: PhoneExport, file: String, diagnostics: inout [Diagnostic]) -> [PhoneDay] {
        let light = knowledge.threshold(.exerciseLightMinMinutes)
        let intense = knowledge.threshold(.exerciseIntenseMinMinutes)
        var days: [PhoneDay] = []
        var later = 0
        for var day in export.days {
            guard day.date <= asOf else {
                later += 1
                continue
            }
            if let minutes = day.exerciseMinutes {
                day.lifestyle.exercise = minutes >= intense ? .intense : minutes >= light ? .light : Lifestyle.Exercise.none
                if let source = day.exerciseSource { day.lifestyle.phoneSources[.exercise] = source }
            }
            days.append(day)
        }
        if later > 0 {
            diagnostics.append(
                .warning(
                    at: SourceLocation(file: file), NormaliserMessages.phoneDaysAfterAsOf(later, asOf: asOf),
                    patientID: export.patientID))
        }
        return days
    }
}
