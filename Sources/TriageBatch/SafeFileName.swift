/// Turns a patient id into a folder name that cannot leave the output folder (SPEC §7, §10).
///
/// Letters, digits, `-`, `_` and `.` are kept; any other character becomes `_`. An id that is
/// empty, only dots (`.`, `..`), longer than 128 bytes, or starts with a dot (hidden) cannot be
/// made safe and is an error: the patient gets no report, and the run says why. Two ids that
/// become the same name (`a/b` and `a_b`) are a conflict the batch reports rather than letting
/// one overwrite the other.
package enum SafeFileName {
    /// Why an id cannot be a folder name.
    package struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
        /// What is wrong.
        package var reason: String
        /// The reason.
        package var description: String { reason }
    }

    /// The folder name for `id`.
    ///
    /// - Throws: ``Failure`` when the id cannot be made safe.
    package static func make(_ id: String) throws -> String {
        guard !id.isEmpty else { throw Failure(reason: "patient id is empty") }
        guard id.utf8.count <= 128 else { throw Failure(reason: "patient id is longer than 128 bytes") }
        var name = ""
        for scalar in id.unicodeScalars {
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "-", "_", ".": name.unicodeScalars.append(scalar)
            default: name += "_"
            }
        }
        guard !name.hasPrefix(".") else {
            throw Failure(reason: "patient id starts with a dot, which would make a hidden or parent folder")
        }
        return name
    }
}
