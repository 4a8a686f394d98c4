import MemberwiseInit
import Testing

/// A struct with every kind of member the macro reads.
@PackageMemberwiseInit
struct MemberwiseSample {
    let first: Int
    var last: Int
    var note: String?
    var tags: [String] = []
    let kind = "sample"
    static let empty = 0
    var count: Int { tags.count }
    var transform: @Sendable (Int) -> Int
    var observed: Int = 1 {
        didSet { changes += 1 }
    }
    var changes: Int = 0
    let label: String?
}

/// `@PackageMemberwiseInit` (Sources/MemberwiseInitMacros) gives the initialiser Swift would
/// synthesise, at `package` access: every stored property in order, labelled with its name; a
/// `var`'s initial value and an optional `var`'s `nil` as defaults; no `let` that has a value, no
/// static or computed property; a function-typed property escaping. The value types of the layers
/// build through it, so every test that builds a referral or a journal entry uses it too.
@Suite struct PackageMemberwiseInitTests {
    @Test func theDefaultsAreTheInitialValuesAndNilForOptionalVars() {
        let sample = MemberwiseSample(first: 1, last: 2, transform: { $0 * 2 }, label: nil)
        #expect(sample.first == 1 && sample.last == 2)
        #expect(sample.note == nil && sample.tags.isEmpty && sample.observed == 1 && sample.changes == 0)
        #expect(sample.kind == "sample" && sample.transform(21) == 42 && sample.label == nil)
    }

    @Test func everyParameterInDeclarationOrder() {
        let sample = MemberwiseSample(
            first: 1, last: 2, note: "n", tags: ["a"], transform: { $0 + 1 }, observed: 5, changes: 3, label: "l")
        #expect(sample.note == "n" && sample.tags == ["a"] && sample.count == 1)
        #expect(sample.observed == 5 && sample.changes == 3 && sample.label == "l" && sample.transform(1) == 2)
    }

    @Test func anObservedPropertyIsSetWithoutItsObserver() {
        var sample = MemberwiseSample(first: 0, last: 0, transform: { $0 }, observed: 7, label: "x")
        #expect(sample.changes == 0)
        sample.observed = 8
        #expect(sample.changes == 1)
    }
}
