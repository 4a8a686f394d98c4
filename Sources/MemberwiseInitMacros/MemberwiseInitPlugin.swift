import SwiftCompilerPlugin
import SwiftSyntaxMacros

/// The compiler plugin that provides `MemberwiseInit`'s macros.
@main
struct MemberwiseInitPlugin: CompilerPlugin {
    let providingMacros: [any Macro.Type] = [PackageMemberwiseInitMacro.self]
}
