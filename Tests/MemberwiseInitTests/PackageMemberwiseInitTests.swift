import MemberwiseInitMacros
import SwiftSyntaxMacroExpansion
import SwiftSyntaxMacrosGenericTestSupport
import Testing

@Suite struct PackageMemberwiseInitTests {
    let macros: [String: MacroSpec] = ["PackageMemberwiseInit": MacroSpec(type: PackageMemberwiseInitMacro.self)]

    func expand(_ source: String, _ expanded: String, diagnostics: [DiagnosticSpec] = []) {
        assertMacroExpansion(
            source, expandedSource: expanded, diagnostics: diagnostics, macroSpecs: macros,
            failureHandler: { Issue.record(Comment(rawValue: $0.message)) })
    }

    @Test func everyStoredPropertyInOrderWithItsDefault() {
        expand(
            """
            @PackageMemberwiseInit
            package struct Window {
                package let first: Int
                package var last: Int
                package var note: String?
                package var tags: [String] = []
                package let kind = "window"
                package static let empty = 0
                package var count: Int { tags.count }
            }
            """,
            """
            package struct Window {
                package let first: Int
                package var last: Int
                package var note: String?
                package var tags: [String] = []
                package let kind = "window"
                package static let empty = 0
                package var count: Int { tags.count }

                package init(first: Int, last: Int, note: String? = nil, tags: [String] = []) {
                    self.first = first
                    self.last = last
                    self.note = note
                    self.tags = tags
                }
            }
            """)
    }

    @Test func anOptionalLetHasNoDefaultAndAFunctionEscapes() {
        expand(
            """
            @PackageMemberwiseInit
            struct Step {
                let label: String?
                var body: @Sendable (Int) -> Void
                var observed: Int = 1 {
                    didSet {}
                }
            }
            """,
            """
            struct Step {
                let label: String?
                var body: @Sendable (Int) -> Void
                var observed: Int = 1 {
                    didSet {}
                }

                package init(label: String?, body: @escaping @Sendable (Int) -> Void, observed: Int = 1) {
                    self.label = label
                    self.body = body
                    self.observed = observed
                }
            }
            """)
    }

    @Test func aPropertyWithoutATypeIsAnError() {
        expand(
            """
            @PackageMemberwiseInit
            struct Counts {
                var total = 0
            }
            """,
            """
            struct Counts {
                var total = 0
            }
            """,
            diagnostics: [
                DiagnosticSpec(message: "@PackageMemberwiseInit needs a type annotation on every stored property", line: 3, column: 9)
            ])
    }

    @Test func onlyAStruct() {
        expand(
            """
            @PackageMemberwiseInit
            enum Kind {
                case one
            }
            """,
            """
            enum Kind {
                case one
            }
            """,
            diagnostics: [DiagnosticSpec(message: "@PackageMemberwiseInit applies to a struct", line: 1, column: 1)])
    }
}
