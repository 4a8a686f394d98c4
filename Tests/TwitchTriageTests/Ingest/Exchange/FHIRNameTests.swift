import Testing
import TriageIngest

/// The FHIR element-name table both FHIR readers look every key and element up in.
@Suite struct FHIRNameTests {
    private func lookup(_ text: String) -> FHIRName {
        var copy = text
        return copy.withUTF8 { FHIRName.lookup($0) }
    }

    @Test func everyNameIsFoundByItsSpellingAndNothingElse() {
        for name in FHIRName.allCases where name != .other && name != .valueOther {
            #expect(lookup(name.spelling) == name, "\(name.spelling)")
            #expect(lookup(name.spelling + "x") != name, "\(name.spelling)x")
            #expect(lookup(String(name.spelling.dropLast())) != name, "\(name.spelling) less one")
        }
    }

    @Test func otherValuesAndUnknownNamesAreTold() {
        #expect(lookup("valueCodeableConcept") == .valueOther)
        #expect(lookup("valueRange") == .valueOther)
        #expect(lookup("valueQuantity") == .valueQuantity)
        #expect(lookup("value") == .value)
        #expect(lookup("values") == .other)
        #expect(lookup("") == .other)
        #expect(lookup("effectiveDateTimes") == .other)
        #expect(lookup("aVeryLongElementNameThatNoTableHolds") == .other)
        #expect(lookup("Status") == .other)
    }
}
