import SwiftDiagnostics
import SwiftSyntax
import SwiftSyntaxMacros

/// The expansion of `@PackageMemberwiseInit` (see the macro's declaration in `MemberwiseInit`).
public struct PackageMemberwiseInitMacro: MemberMacro {
    /// A problem with the type the attribute is attached to.
    enum Problem: String, DiagnosticMessage {
        case notAStruct = "@PackageMemberwiseInit applies to a struct"
        case noTypeAnnotation = "@PackageMemberwiseInit needs a type annotation on every stored property"
        case notAnIdentifier = "@PackageMemberwiseInit needs one name per stored property (no tuple pattern)"

        var message: String { rawValue }
        var diagnosticID: MessageID { MessageID(domain: "MemberwiseInit", id: "\(self)") }
        var severity: DiagnosticSeverity { .error }
    }

    /// One parameter of the initialiser.
    struct Parameter {
        var name: String
        var type: String
        var defaultValue: String?
    }

    /// The initialiser for the struct `declaration`, or none, with a diagnostic, when it is not a
    /// struct or a stored property cannot be written as a parameter.
    public static func expansion(
        of node: AttributeSyntax, providingMembersOf declaration: some DeclGroupSyntax, conformingTo protocols: [TypeSyntax],
        in context: some MacroExpansionContext
    ) throws -> [DeclSyntax] {
        guard declaration.is(StructDeclSyntax.self) else {
            context.diagnose(Diagnostic(node: node, message: Problem.notAStruct))
            return []
        }
        var parameters: [Parameter] = []
        for member in declaration.memberBlock.members {
            guard let variable = member.decl.as(VariableDeclSyntax.self) else { continue }
            guard let found = storedParameters(of: variable, in: context) else { return [] }
            parameters += found
        }
        let signature = parameters.map { parameter in
            "\(parameter.name): \(parameter.type)" + (parameter.defaultValue.map { " = \($0)" } ?? "")
        }
        let body = parameters.map { "self.\($0.name) = \($0.name)" }
        return ["package init(\(raw: signature.joined(separator: ", "))) {\n\(raw: body.joined(separator: "\n"))\n}"]
    }

    /// The parameters a property declaration contributes: none for a static, lazy or computed
    /// property or a `let` with a value; nil (diagnosed) when one cannot be written.
    static func storedParameters(of variable: VariableDeclSyntax, in context: some MacroExpansionContext) -> [Parameter]? {
        let skipped: Set<String> = ["static", "class", "lazy"]
        guard !variable.modifiers.contains(where: { skipped.contains($0.name.text) }) else { return [] }
        let isLet = variable.bindingSpecifier.tokenKind == .keyword(.let)
        var parameters: [Parameter] = []
        for binding in variable.bindings {
            if let accessors = binding.accessorBlock, !isObserversOnly(accessors) { continue }
            if isLet, binding.initializer != nil { continue }
            guard let name = binding.pattern.as(IdentifierPatternSyntax.self)?.identifier.text else {
                context.diagnose(Diagnostic(node: binding, message: Problem.notAnIdentifier))
                return nil
            }
            guard let type = binding.typeAnnotation?.type else {
                context.diagnose(Diagnostic(node: binding, message: Problem.noTypeAnnotation))
                return nil
            }
            var defaultValue = binding.initializer?.value.trimmedDescription
            if defaultValue == nil, !isLet, isOptional(type) { defaultValue = "nil" }
            let written = isFunction(type) ? "@escaping \(type.trimmedDescription)" : type.trimmedDescription
            parameters.append(Parameter(name: name, type: written, defaultValue: defaultValue))
        }
        return parameters
    }

    /// Whether the accessors are only `willSet`/`didSet` (the property is still stored).
    static func isObserversOnly(_ accessors: AccessorBlockSyntax) -> Bool {
        guard case .accessors(let list) = accessors.accessors else { return false }
        return list.allSatisfy { [.keyword(.willSet), .keyword(.didSet)].contains($0.accessorSpecifier.tokenKind) }
    }

    /// Whether the type is `T?`, `T!` or `Optional<T>`.
    static func isOptional(_ type: TypeSyntax) -> Bool {
        if type.is(OptionalTypeSyntax.self) || type.is(ImplicitlyUnwrappedOptionalTypeSyntax.self) { return true }
        return type.as(IdentifierTypeSyntax.self)?.name.text == "Optional"
    }

    /// Whether the type is a function type, with or without attributes (`@Sendable (Int) -> Void`).
    static func isFunction(_ type: TypeSyntax) -> Bool {
        if let attributed = type.as(AttributedTypeSyntax.self) { return isFunction(attributed.baseType) }
        return type.is(FunctionTypeSyntax.self)
    }
}
