import Testing
import TriageKnowledge

@Suite struct AnalyteLOINCSourcesTests {
    @Test func everyLOINCCodeHasItsSource() throws {
        for analyte in try Knowledge.bundled.analytes {
            let sources = analyte.loincSources ?? []
            #expect(sources.count == analyte.loinc.count, "\(analyte.id)")
            for (code, source) in zip(analyte.loinc, sources) {
                #expect(source.quote?.hasPrefix(code + " ") == true, "\(analyte.id) \(code)")
            }
        }
    }

    @Test func ionisedCalciumIsNeverTotalCalcium() throws {
        let index = try Knowledge.bundled.analyteIndex
        for code in ["1994-3", "13959-2", "1995-0"] { #expect(index.analyte(loinc: code) == nil) }
        for code in ["17861-6", "2000-8", "49765-1"] { #expect(index.analyte(loinc: code)?.id == "calcium") }
        #expect(index.analyte(loinc: "14635-7")?.id == "vitaminD")
    }
}
