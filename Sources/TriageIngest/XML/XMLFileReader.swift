import TriageModel

/// Reads one XML input file: detects its kind from the root element (SPEC §3.1) and reads it
/// as a symptom journal (SPEC §3.4) or lab results (SPEC §3.6).
///
/// XML is treated as hostile: libxml2's SAX2 push parser with safe options, no entity ever
/// expanded, no DTD or anything else fetched, depth and text length bounded (see
/// ``XMLPushParser``). Every problem becomes a ``Diagnostic`` of the form `what is wrong; what
/// was done`, naming elements and attributes but never a value or a patient id (the id goes in
/// ``Diagnostic/patientID``).
///
/// - A file that is not XML, is empty, or whose root is of no known kind is refused
///   (``FileReadOutcome/refused(_:)``) with a message that says why.
/// - A file that stops being well-formed part-way keeps the records read before the error;
///   one error says where, why, and how many records were kept. ``ReadResult/rejected`` is
///   set only when nothing was kept.
public enum XMLFileReader {
    /// Reads an XML file's bytes.
    ///
    /// Safe to call from several threads at once, one file each.
    ///
    /// - Parameters:
    ///   - bytes: the whole file (read whole into memory by the caller).
    ///   - file: the path to show in every ``SourceLocation`` (relative to the input root).
    ///   - options: how to read dates.
    /// - Returns: the records and diagnostics, or the reason the file was refused.
    public static func read(_ bytes: UnsafeRawBufferPointer, file: String, options: ReadOptions) -> FileReadOutcome {
        if bytes.allSatisfy(XMLBytes.isSpace) {
            return .refused(.error(at: SourceLocation(file: file), Messages.empty))
        }
        let sniffer = XMLRootSniffer(file: file, options: options)
        let outcome = XMLPushParser.parse(bytes, handler: sniffer)
        if let reader = sniffer.reader {
            return .read(reader.finish(outcome))
        }
        if let refusal = sniffer.refusal {
            return .refused(refusal)
        }
        let failure = outcome.failure
        return .refused(
            .error(
                at: SourceLocation(file: file, line: failure?.line, column: failure?.column),
                Messages.notXML(failure?.reason ?? "no root element")))
    }

    enum Messages {
        static let empty = "file is empty; file skipped"

        static func notXML(_ reason: String) -> String {
            "not an XML document (\(reason)); file skipped"
        }
    }
}
