/// Ten lab results per patient in the three laboratory formats of `Samples/`: a US hospital
/// CSV (conventional units, flags), a European partner lab's `;`-delimited CSV (BOM, CRLF,
/// decimal commas, SI units, `reference` as `0,70-1,00`), and lab XML (times in UTC).
enum LabFormat: CaseIterable {
    case usCSV, siCSV, xml

    /// Offset from the journal app's rotation, so every app meets every lab format.
    static func of(_ index: Int) -> LabFormat { allCases[(index / 5) % 3] }

    func path(group: Int) -> String {
        switch self {
        case .usCSV: return "labs/northside_lab_results_\(Drop.pad(group, 3)).csv"
        case .siCSV: return "labs/partnerlabor_export_\(Drop.pad(group, 3)).csv"
        case .xml: return "labs/mercy_valley_lab_results_\(Drop.pad(group, 3)).xml"
        }
    }
}

/// One analyte as each laboratory reports it.
struct AnalyteSpec {
    var usName: String, xmlName: String, usLoinc: String, usUnit: String, usLow: Double, usHigh: Double, usDecimals: Int
    var siName: String, siLoinc: String, siUnit: String, siLow: Double, siHigh: Double, siDecimals: Int
    /// SI value = US value × factor.
    var factor: Double

    static let magnesium = AnalyteSpec(usName: "Magnesium", xmlName: "magnesium", usLoinc: "19123-9", usUnit: "mg/dL", usLow: 1.7, usHigh: 2.2,
                                       usDecimals: 1, siName: "Mg", siLoinc: "2601-3", siUnit: "mmol/L", siLow: 0.70, siHigh: 1.00,
                                       siDecimals: 2, factor: 0.4114)
    static let potassium = AnalyteSpec(usName: "Potassium", xmlName: "potassium", usLoinc: "2823-3", usUnit: "mmol/L", usLow: 3.5, usHigh: 5.1,
                                       usDecimals: 1, siName: "K", siLoinc: "2823-3", siUnit: "mmol/L", siLow: 3.5, siHigh: 5.1,
                                       siDecimals: 1, factor: 1)
    static let calcium = AnalyteSpec(usName: "Calcium", xmlName: "calcium", usLoinc: "17861-6", usUnit: "mg/dL", usLow: 8.6, usHigh: 10.3,
                                     usDecimals: 1, siName: "Ca", siLoinc: "2000-8", siUnit: "mmol/L", siLow: 2.15, siHigh: 2.55,
                                     siDecimals: 2, factor: 0.2495)
    static let b12 = AnalyteSpec(usName: "Vitamin B12", xmlName: "vitamin B12", usLoinc: "2132-9", usUnit: "pg/mL", usLow: 200, usHigh: 900,
                                 usDecimals: 0, siName: "Vitamin B12", siLoinc: "14685-2", siUnit: "pmol/L", siLow: 145, siHigh: 569,
                                 siDecimals: 0, factor: 0.7378)
    static let vitaminD = AnalyteSpec(usName: "Vitamin D, 25-Hydroxy", xmlName: "25-OH vitamin D", usLoinc: "62292-8", usUnit: "ng/mL",
                                      usLow: 30, usHigh: 100, usDecimals: 0, siName: "25(OH)D", siLoinc: "", siUnit: "nmol/L",
                                      siLow: 50, siHigh: 125, siDecimals: 0, factor: 2.496)
    static let tsh = AnalyteSpec(usName: "TSH", xmlName: "TSH", usLoinc: "3016-3", usUnit: "mIU/L", usLow: 0.45, usHigh: 4.50, usDecimals: 2,
                                 siName: "TSH", siLoinc: "3016-3", siUnit: "mIU/L", siLow: 0.27, siHigh: 4.20, siDecimals: 2, factor: 1)
    static let sodium = AnalyteSpec(usName: "Sodium", xmlName: "sodium", usLoinc: "2951-2", usUnit: "mmol/L", usLow: 135, usHigh: 145,
                                    usDecimals: 0, siName: "Na", siLoinc: "2951-2", siUnit: "mmol/L", siLow: 135, siHigh: 145,
                                    siDecimals: 0, factor: 1)
    static let hba1c = AnalyteSpec(usName: "Hemoglobin A1c", xmlName: "HbA1c", usLoinc: "4548-4", usUnit: "%", usLow: 4.0, usHigh: 5.6,
                                   usDecimals: 1, siName: "HbA1c", siLoinc: "59261-8", siUnit: "mmol/mol", siLow: 20, siHigh: 38,
                                   siDecimals: 0, factor: 10.93)
    static let glucose = AnalyteSpec(usName: "Glucose", xmlName: "glucose", usLoinc: "2345-7", usUnit: "mg/dL", usLow: 70, usHigh: 99,
                                     usDecimals: 0, siName: "Glucose", siLoinc: "2345-7", siUnit: "mmol/L", siLow: 3.9, siHigh: 5.5,
                                     siDecimals: 1, factor: 0.0555)
}

/// One result in US terms (the writer converts for the SI lab).
struct LabDraw {
    var spec: AnalyteSpec
    var day: Int
    var minutes: Int
    /// The US value, or nil with `censored` for a value below the analyser's range.
    var value: Double
    var censored: String?
    var flag: String
    /// Where a normal value lies in its reference range (0-1), so each laboratory reports a
    /// value normal by its own range; abnormal values are converted with the factor instead.
    var position: Double = 0.5

    /// The value in the SI lab's unit.
    var siValue: Double {
        flag == "N" ? spec.siLow + (spec.siHigh - spec.siLow) * position : value * spec.factor
    }
}

enum LabWriter {
    /// The patient's ten results: the core five, TSH, sodium, HbA1c, glucose, and a repeat sodium.
    static func draws(_ p: GeneratedPatient, seed: UInt64) -> [LabDraw] {
        var rng = SplitMix64(seed: seed ^ 0x1AB5, stream: UInt64(p.index))
        let day = p.labs == .stale ? Calendar.day(2026, 4, 14) + rng.int(0...20) : Drop.asOf - rng.int(2...60)
        let minutes = rng.int(7 * 60...16 * 60)
        func normal(_ s: AnalyteSpec) -> (Double, Double) {
            let position = rng.double(0.15...0.85)
            return (s.usLow + (s.usHigh - s.usLow) * position, position)
        }
        var draws: [LabDraw] = []
        for spec in [AnalyteSpec.magnesium, .potassium, .calcium, .b12, .vitaminD, .tsh, .sodium, .hba1c, .glucose] {
            let (value, position) = normal(spec)
            var draw = LabDraw(spec: spec, day: day, minutes: minutes, value: value, censored: nil, flag: "N", position: position)
            switch (p.labs, spec.usName) {
            case (.lowMagnesium, "Magnesium"): draw.value = rng.double(1.2...1.5); draw.flag = "L"
            case (.lowVitaminD, "Vitamin D, 25-Hydroxy"): draw.value = rng.double(9...19); draw.flag = "L"
            case (.lowB12Censored, "Vitamin B12"): draw.value = 150; draw.censored = "<"; draw.flag = "L"
            case (.criticalPotassium, "Potassium"): draw.value = rng.double(2.1...2.5); draw.flag = "LL"
            default: break
            }
            draws.append(draw)
        }
        let (sodium, position) = normal(.sodium)
        draws.append(LabDraw(spec: .sodium, day: min(day + 7, Drop.asOf - 1), minutes: minutes, value: sodium, censored: nil,
                             flag: "N", position: position))
        return draws
    }

    static func header(_ format: LabFormat, into out: inout ByteBuffer) {
        switch format {
        case .usCSV: out.text("patient_id,collected_at,test,loinc,value,unit,ref_low,ref_high,flag,lab\n")
        case .siCSV: out.bytes += [0xEF, 0xBB, 0xBF]; out.text("patient_id;collected;test;loinc;value;unit;reference\r\n")
        case .xml:
            out.text("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
            out.text("<!-- Mercy Valley Hospital laboratory interface (generated) -->\n<labResults version=\"1\">\n")
        }
    }

    static func footer(_ format: LabFormat, into out: inout ByteBuffer) {
        if format == .xml { out.text("</labResults>\n") }
    }

    static func rows(_ p: GeneratedPatient, format: LabFormat, seed: UInt64, into out: inout ByteBuffer) {
        for d in draws(p, seed: seed) {
            let s = d.spec
            switch format {
            case .usCSV:
                out.text(p.id); out.byte(0x2C)
                out.date(d.day); out.byte(0x54); out.time(d.minutes); out.byte(0x2C)
                out.csvField(s.usName, delimiter: 0x2C); out.byte(0x2C)
                out.text(s.usLoinc); out.byte(0x2C)
                if let c = d.censored { out.text(c) }
                out.fixed(d.value, decimals: s.usDecimals); out.byte(0x2C)
                out.text(s.usUnit); out.byte(0x2C)
                out.fixed(s.usLow, decimals: s.usDecimals); out.byte(0x2C)
                out.fixed(s.usHigh, decimals: s.usDecimals); out.byte(0x2C)
                out.text(d.flag); out.text(",Northside Clinical Laboratory\n")
            case .siCSV:
                let comma: UInt8 = 0x2C
                out.text(p.id); out.byte(0x3B)
                out.date(d.day); out.byte(0x54); out.time(d.minutes); out.byte(0x3B)
                out.text(s.siName); out.byte(0x3B)
                out.text(s.siLoinc); out.byte(0x3B)
                if let c = d.censored { out.text(c) }
                out.fixed(d.siValue, decimals: s.siDecimals, separator: comma); out.byte(0x3B)
                out.text(s.siUnit); out.byte(0x3B)
                out.fixed(s.siLow, decimals: s.siDecimals, separator: comma); out.byte(0x2D)
                out.fixed(s.siHigh, decimals: s.siDecimals, separator: comma); out.text("\r\n")
            case .xml:
                out.text("  <result patient=\""); out.xmlEscaped(p.id)
                out.text("\" collected=\""); out.date(d.day); out.byte(0x54); out.time(d.minutes); out.text(":00Z")
                out.text("\" test=\""); out.xmlEscaped(s.xmlName)
                out.text("\" loinc=\""); out.text(s.usName == "Vitamin D, 25-Hydroxy" ? "1989-3" : s.usLoinc)
                out.text("\" unit=\""); out.text(s.usUnit)
                out.text("\" low=\""); out.fixed(s.usLow, decimals: s.usDecimals)
                out.text("\" high=\""); out.fixed(s.usHigh, decimals: s.usDecimals); out.text("\">")
                if let c = d.censored { out.xmlEscaped(c) }
                out.fixed(d.value, decimals: s.usDecimals); out.text("</result>\n")
            }
        }
    }
}

enum PatientsWriter {
    static func header(walkIn: Bool, into out: inout ByteBuffer) {
        out.text(walkIn ? "patient_id,age,sex\n" : "patient_id,birth_date,sex,display_name\n")
    }

    static func row(_ p: GeneratedPatient, walkIn: Bool, into out: inout ByteBuffer) {
        out.text(p.id); out.byte(0x2C)
        if walkIn {
            out.int(p.age); out.byte(0x2C); out.text(p.sex); out.byte(0x0A)
        } else {
            out.date(p.birthDay); out.byte(0x2C); out.text(p.sex); out.byte(0x2C)
            out.csvField(p.displayName, delimiter: 0x2C); out.byte(0x0A)
        }
    }
}
