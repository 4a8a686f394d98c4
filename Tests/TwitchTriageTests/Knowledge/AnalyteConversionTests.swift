import Testing
import TriageKnowledge
import TriageModel

/// Conversions against hand-computed values, both ways (canonical = reported × factor + offset).
@Suite struct AnalyteConversionTests {
    private func analyte(_ id: String) throws -> AnalyteDefinition {
        try #require(try Knowledge.bundled.analyte(id: AnalyteID(id)))
    }

    private func close(_ a: Double?, _ b: Double, within tolerance: Double = 0.0005) -> Bool {
        guard let a else { return false }
        return abs(a - b) <= tolerance
    }

    @Test func magnesium() throws {
        let mg = try analyte("magnesium")
        // 1.5 mg/dL = 15 mg/L ÷ 24.305 g/mol = 0.6172 mmol/L
        #expect(close(mg.canonicalValue(1.5, from: "mg/dL"), 0.6172))
        #expect(mg.rounded(try #require(mg.canonicalValue(1.5, from: "mg/dL"))) == 0.62)
        #expect(close(mg.value(fromCanonical: 0.617, to: "mg/dL"), 1.4996))
        // 1.7 mEq/L ÷ 2 (divalent) = 0.85 mmol/L
        #expect(close(mg.canonicalValue(1.7, from: "mEq/L"), 0.85))
        #expect(close(mg.value(fromCanonical: 0.85, to: "meq/l"), 1.7))
    }

    @Test func calcium() throws {
        let ca = try analyte("calcium")
        // 9.0 mg/dL = 90 mg/L ÷ 40.078 g/mol = 2.2456 mmol/L
        #expect(close(ca.canonicalValue(9.0, from: "mg/dL"), 2.2456))
        #expect(ca.rounded(try #require(ca.canonicalValue(9.0, from: "MG/DL"))) == 2.25)
        #expect(close(ca.value(fromCanonical: 2.25, to: "mg/dL"), 9.0176))
    }

    @Test func vitaminB12() throws {
        let b12 = try analyte("vitaminB12")
        // 300 pg/mL = 300 ng/L ÷ 1355.37 g/mol = 221.34 pmol/L
        #expect(close(b12.canonicalValue(300, from: "pg/mL"), 221.34, within: 0.01))
        #expect(b12.rounded(try #require(b12.canonicalValue(300, from: "pg/mL"))) == 221)
        #expect(b12.rounded(try #require(b12.canonicalValue(300, from: "ng/L"))) == 221)
        #expect(close(b12.value(fromCanonical: 221, to: "pg/mL"), 299.54, within: 0.01))
    }

    @Test func vitaminD() throws {
        let d = try analyte("vitaminD")
        // 20 ng/mL = 20 µg/L ÷ 400.64 g/mol = 49.92 nmol/L
        #expect(close(d.canonicalValue(20, from: "ng/mL"), 49.92, within: 0.001))
        #expect(d.rounded(try #require(d.canonicalValue(20, from: "ng/mL"))) == 49.9)
        #expect(close(d.value(fromCanonical: 49.9, to: "ng/mL"), 19.991, within: 0.001))
        #expect(close(d.canonicalValue(20, from: "µg/L"), 49.92, within: 0.001))
    }

    @Test func hba1cMasterEquation() throws {
        let a1c = try analyte("hba1c")
        // NGSP % = 0.09148 × 48 mmol/mol + 2.152 = 6.543 %
        #expect(close(a1c.canonicalValue(48, from: "mmol/mol"), 6.54304, within: 0.00001))
        #expect(close(a1c.value(fromCanonical: 6.5, to: "mmol/mol"), 47.53, within: 0.01))
    }

    @Test func glucoseAndIdentityUnits() throws {
        let glucose = try analyte("glucose")
        // 90 mg/dL = 900 mg/L ÷ 180.16 g/mol = 4.9956 mmol/L
        #expect(close(glucose.canonicalValue(90, from: "mg/dL"), 4.9956))
        #expect(try analyte("potassium").canonicalValue(4.2, from: "mEq/L") == 4.2)
        #expect(try analyte("tsh").canonicalValue(2.5, from: "uIU/mL") == 2.5)
        #expect(try analyte("tsh").canonicalValue(2.5, from: "μIU/mL") == 2.5)
    }

    @Test func unitsThatDoNotFitAreRefused() throws {
        #expect(try analyte("potassium").unit(matching: "mg/dL") == nil)
        #expect(try analyte("vitaminB12").unit(matching: "nmol/L") == nil)
        #expect(try analyte("magnesium").unit(matching: "") == nil)
        #expect(try analyte("potassium").unitList == "mmol/L or mEq/L")
        #expect(try analyte("magnesium").unitList == "mmol/L, mg/dL or mEq/L")
    }

    @Test func defaultRangesAgreeWithTheirReportedUnitLimits() throws {
        // A result exactly at a mass-unit limit converts to exactly the canonical limit.
        let cases: [(String, Double, String, Double)] = [
            ("magnesium", 1.7, "mg/dL", 0.70), ("magnesium", 2.2, "mg/dL", 0.91),
            ("calcium", 8.5, "mg/dL", 2.12), ("calcium", 10.2, "mg/dL", 2.55),
            ("vitaminB12", 200, "pg/mL", 148), ("vitaminB12", 900, "pg/mL", 664),
            ("vitaminD", 20, "ng/mL", 49.9), ("vitaminD", 50, "ng/mL", 124.8),
        ]
        for (id, value, unit, limit) in cases {
            let a = try analyte(id)
            #expect(a.rounded(try #require(a.canonicalValue(value, from: unit))) == limit, "\(id) \(value) \(unit)")
        }
    }
}
