/// What a running batch reports as it goes, for a progress line or a log. Carries counts,
/// file names and step names only: never values, names or free text (SPEC §10).
package enum BatchEvent: Sendable, Hashable {
    /// A step starts: `[index/count] name`.
    case step(index: Int, count: Int, name: String)
    /// Items of the named step done so far (files read, patients written), of the total.
    case progress(step: String, done: Int, total: Int)
}
