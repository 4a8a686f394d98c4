/// The four journal "apps" of `Samples/` and the journal XML of SPEC §3.4, each with its own
/// header spelling, column order, date format, line ending, byte-order mark and delimiter.
enum JournalApp: CaseIterable {
    case twitchLog, fasciTrack, symptomDiary, twitchDiaryAndroid, xml

    static func of(_ index: Int) -> JournalApp { allCases[index % allCases.count] }

    var folder: String {
        switch self {
        case .twitchLog: return "journals/twitchlog"
        case .fasciTrack: return "journals/fascitrack"
        case .symptomDiary: return "journals/symptom-diary"
        case .twitchDiaryAndroid: return "journals/twitchdiary-android"
        case .xml: return "journals/xml"
        }
    }

    func fileName(_ id: String) -> String {
        switch self {
        case .twitchLog: return "twitchlog_\(id)_export_20261119.csv"
        case .fasciTrack: return "FasciTrack-\(id)-2026-11-19.csv"
        case .symptomDiary: return "symptom_diary_\(id).csv"
        case .twitchDiaryAndroid: return "\(id)_twitchdiary.tsv"
        case .xml: return "\(id)_journal.xml"
        }
    }

    /// Whether the app carries demographics itself (the XML `<patient>` element).
    var carriesDemographics: Bool { self == .xml }
}

enum JournalWriter {
    static let twitchLogHeader = "patient_id,date,location,side,twitch_count,duration_min,at_rest,triggers,symptoms,weakness,caffeine_mg,sleep_hours,stress,alcohol_units,water_l,exercise,medications,notes"
    static let fasciTrackHeader = "mrn,timestamp,episodes,location,side,at_rest,weakness,symptoms,triggers,medications,caffeine_mg,alcohol_units,sleep_hours,water_l,stress,exercise,notes"
    static let diaryHeader = "Patient ID,Recorded At,Location,Count,Duration Min,At Rest,Weakness,Symptoms,Triggers,Caffeine mg,Sleep Hours,Stress,Alcohol Units,Water L,Exercise,Medications,Mood,Notes"
    static let tsvHeader = "patientid\tdatetime\tlocation\tcount\tduration_min\tat_rest\ttriggers\tsymptoms\tweakness\tcaffeine_mg\tsleep_hours\tstress\talcohol_units\twater_l\texercise\tmedications\tnotes"

    /// Writes the header of an app's CSV (with its byte-order mark and line ending).
    static func header(_ app: JournalApp, into out: inout ByteBuffer) {
        switch app {
        case .twitchLog: out.text(twitchLogHeader); out.byte(0x0A)
        case .fasciTrack: out.text(fasciTrackHeader); out.text("\r\n")
        case .symptomDiary: out.bytes += [0xEF, 0xBB, 0xBF]; out.text(diaryHeader); out.byte(0x0A)
        case .twitchDiaryAndroid: out.text(tsvHeader); out.byte(0x0A)
        case .xml: out.text("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<symptomJournal version=\"1\">\n")
        }
    }

    static func footer(_ app: JournalApp, into out: inout ByteBuffer) {
        if app == .xml { out.text("</symptomJournal>\n") }
    }

    /// Writes a patient's rows (or, for XML, the `<patient>` element and entries).
    static func rows(_ p: GeneratedPatient, app: JournalApp, into out: inout ByteBuffer) {
        switch app {
        case .twitchLog: for d in p.days { twitchLog(p, d, &out) }
        case .fasciTrack: for d in p.days { fasciTrack(p, d, &out) }
        case .symptomDiary: for d in p.days { diary(p, d, &out) }
        case .twitchDiaryAndroid: for d in p.days { tsv(p, d, &out) }
        case .xml: xml(p, &out)
        }
    }

    private static func list(_ items: [String], _ out: inout ByteBuffer, delimiter: UInt8) {
        out.csvField(items.joined(separator: ";"), delimiter: delimiter)
    }

    private static func weakness(_ d: JournalDay, _ out: inout ByteBuffer) {
        if let w = d.weakness { out.int(w) }
    }

    private static func twitchLog(_ p: GeneratedPatient, _ d: JournalDay, _ out: inout ByteBuffer) {
        let c: UInt8 = 0x2C
        out.text(p.id); out.byte(c)
        out.date(d.day); out.byte(c)
        list(d.locations, &out, delimiter: c); out.byte(c)
        out.text(d.side); out.byte(c)
        out.int(d.count); out.byte(c)
        out.int(d.duration); out.byte(c)
        out.text(d.atRest ? "yes" : "no"); out.byte(c)
        list(d.triggers, &out, delimiter: c); out.byte(c)
        list(d.symptoms, &out, delimiter: c); out.byte(c)
        weakness(d, &out); out.byte(c)
        out.int(d.caffeine); out.byte(c)
        out.fixed(d.sleep, decimals: 1); out.byte(c)
        out.int(d.stress); out.byte(c)
        out.int(d.alcohol); out.byte(c)
        out.fixed(d.water, decimals: 1); out.byte(c)
        out.text(d.exercise); out.byte(c)
        list(d.medications, &out, delimiter: c); out.byte(c)
        out.csvField(d.note, delimiter: c)
        out.byte(0x0A)
    }

    private static func fasciTrack(_ p: GeneratedPatient, _ d: JournalDay, _ out: inout ByteBuffer) {
        let c: UInt8 = 0x2C
        out.text(p.id); out.byte(c)
        out.date(d.day); out.byte(0x54); out.time(d.minutes); out.byte(c)
        out.int(d.count); out.byte(c)
        list(d.locations, &out, delimiter: c); out.byte(c)
        out.text(d.side); out.byte(c)
        out.text(d.atRest ? "1" : "0"); out.byte(c)
        weakness(d, &out); out.byte(c)
        list(d.symptoms, &out, delimiter: c); out.byte(c)
        list(d.triggers, &out, delimiter: c); out.byte(c)
        list(d.medications, &out, delimiter: c); out.byte(c)
        out.int(d.caffeine); out.byte(c)
        out.int(d.alcohol); out.byte(c)
        out.fixed(d.sleep, decimals: 1); out.byte(c)
        out.fixed(d.water, decimals: 1); out.byte(c)
        out.int(d.stress); out.byte(c)
        out.text(d.exercise); out.byte(c)
        out.csvField(d.note, delimiter: c)
        out.text("\r\n")
    }

    private static func diary(_ p: GeneratedPatient, _ d: JournalDay, _ out: inout ByteBuffer) {
        let c: UInt8 = 0x2C
        out.text(p.id); out.byte(c)
        out.date(d.day); out.byte(0x20); out.time(d.minutes); out.byte(c)
        list(d.locations, &out, delimiter: c); out.byte(c)
        out.int(d.count); out.byte(c)
        out.int(d.duration); out.byte(c)
        out.text(d.atRest ? "true" : "false"); out.byte(c)
        weakness(d, &out); out.byte(c)
        list(d.symptoms, &out, delimiter: c); out.byte(c)
        list(d.triggers, &out, delimiter: c); out.byte(c)
        out.int(d.caffeine); out.byte(c)
        out.fixed(d.sleep, decimals: 1); out.byte(c)
        out.int(d.stress); out.byte(c)
        out.int(d.alcohol); out.byte(c)
        out.fixed(d.water, decimals: 1); out.byte(c)
        out.text(d.exercise); out.byte(c)
        list(d.medications, &out, delimiter: c); out.byte(c)
        out.text(d.stress >= 7 ? "stressed" : ["ok", "good", "tired", "meh"][d.day % 4]); out.byte(c)
        out.csvField(d.note, delimiter: c)
        out.byte(0x0A)
    }

    /// Twitch Diary for Android writes local times with the UTC offset, which changes when
    /// daylight saving ends (2026-10-25 in the UK); times stay on the same UTC day.
    private static func tsv(_ p: GeneratedPatient, _ d: JournalDay, _ out: inout ByteBuffer) {
        let t: UInt8 = 0x09
        out.text(p.id); out.byte(t)
        out.date(d.day); out.byte(0x54); out.time(d.minutes); out.text(":00")
        out.text(d.day < Calendar.day(2026, 10, 25) ? "+01:00" : "+00:00"); out.byte(t)
        list(d.locations, &out, delimiter: t); out.byte(t)
        out.int(d.count); out.byte(t)
        out.int(d.duration); out.byte(t)
        out.text(d.atRest ? "yes" : "no"); out.byte(t)
        list(d.triggers, &out, delimiter: t); out.byte(t)
        list(d.symptoms, &out, delimiter: t); out.byte(t)
        weakness(d, &out); out.byte(t)
        out.int(d.caffeine); out.byte(t)
        out.fixed(d.sleep, decimals: 1); out.byte(t)
        out.int(d.stress); out.byte(t)
        out.int(d.alcohol); out.byte(t)
        out.fixed(d.water, decimals: 1); out.byte(t)
        out.text(d.exercise); out.byte(t)
        list(d.medications, &out, delimiter: t); out.byte(t)
        out.csvField(d.note, delimiter: t)
        out.byte(0x0A)
    }

    private static func xml(_ p: GeneratedPatient, _ out: inout ByteBuffer) {
        out.text("  <patient id=\""); out.xmlEscaped(p.id)
        out.text("\" birthDate=\""); out.date(p.birthDay)
        out.text("\" sex=\""); out.text(p.sex); out.text("\"/>\n")
        for d in p.days {
            out.text("  <entry date=\""); out.date(d.day); out.text("\" time=\""); out.time(d.minutes); out.text("\">\n")
            // Several <twitch> per entry: the count and minutes split over the locations.
            let n = d.locations.count
            for (k, location) in d.locations.enumerated() {
                let count = d.count / n + (k < d.count % n ? 1 : 0)
                out.text("    <twitch location=\""); out.xmlEscaped(location)
                out.text("\" count=\""); out.int(count)
                out.text("\" durationMin=\""); out.int(max(1, d.duration / n))
                out.text("\" atRest=\""); out.text(d.atRest ? "true" : "false"); out.text("\"/>\n")
            }
            if n == 0 {
                out.text("    <twitch count=\"0\"/>\n")
            }
            if let w = d.weakness, w > 0 {
                out.text("    <symptom name=\"weakness\" severity=\""); out.int(w); out.byte(0x22)
                if !d.weaknessLocation.isEmpty { out.text(" location=\""); out.xmlEscaped(d.weaknessLocation); out.byte(0x22) }
                out.text("/>\n")
            }
            for s in d.symptoms {
                out.text("    <symptom name=\""); out.xmlEscaped(s); out.text("\"/>\n")
            }
            for t in d.triggers where t != "none" {
                out.text("    <trigger>"); out.xmlEscaped(t); out.text("</trigger>\n")
            }
            out.text("    <lifestyle caffeineMg=\""); out.int(d.caffeine)
            out.text("\" sleepHours=\""); out.fixed(d.sleep, decimals: 1)
            out.text("\" stress=\""); out.int(d.stress)
            out.text("\" exercise=\""); out.text(d.exercise); out.text("\"/>\n")
            for m in d.medications {
                out.text("    <medication>"); out.xmlEscaped(m); out.text("</medication>\n")
            }
            if !d.note.isEmpty {
                out.text("    <note>"); out.xmlEscaped(d.note); out.text("</note>\n")
            }
            out.text("  </entry>\n")
        }
    }
}
