/// Adds a `package` memberwise initialiser to a struct: one parameter per stored property, in
/// declaration order, labelled with the property's name; a `var` with an initial value keeps it as
/// the parameter's default, an optional `var` without one defaults to `nil`, and a `let` with a
/// value is left out, as in the initialiser Swift synthesises.
///
/// Swift synthesises that initialiser with `internal` access only, and a `package` one declared in
/// an extension is rejected as a redeclaration of it; the value types the layers above build
/// (``TriageModel`` referrals, journal entries, lab results) used to spell it out by hand, a line per
/// property. Every stored property needs a type annotation; a function-typed one is `@escaping`.
@attached(member, names: named(init))
public macro PackageMemberwiseInit() = #externalMacro(module: "MemberwiseInitMacros", type: "PackageMemberwiseInitMacro")
