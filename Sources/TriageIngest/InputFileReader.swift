import Crypto
import TriageModel

/// Reads one input file: maps it, fingerprints it, tells XML, JSON, HL7 v2 and CSV apart by
/// their first bytes (``InputContentSniffer``) and hands it to the matching reader.
///
/// XML's root element then decides its kind (``XMLRootKind``), JSON's `resourceType`
/// (``FHIRJSONReader``), a CSV's header (``CSVKindDetector``); anything else is tried as CSV,
/// whose reader refuses what fits no known header. The file's name plays no part.
public enum InputFileReader {
    /// One file's outcome and fingerprint.
    public struct Outcome: Sendable, Hashable {
        /// The file as provenance names it.
        package var input: InputFile
        /// What reading it came to.
        public var outcome: FileReadOutcome
    }

    /// Reads the file at `found`.
    ///
    /// - Parameters:
    ///   - found: the file, from ``InputDiscovery``.
    ///   - options: reader options.
    ///   - maxFileSize: files larger than this are refused.
    ///   - selection: when given, the readers that support it build only the records it selects
    ///     (``PatientSelection``).
    package static func read(
        _ found: InputDiscovery.Found, options: ReadOptions, maxFileSize: Int = .max,
        selection: PatientSelection? = nil
    ) -> Outcome {
        // A large file is hashed on a thread of its own as its bytes arrive, so the hash is
        // done soon after the last byte is read, while this thread reads the records.
        let file: FileBytes
        do {
            file = try FileBytes(path: found.path, maxSize: maxFileSize, fingerprinting: true)
        } catch {
            return Outcome(
                input: InputFile(file: found.displayPath, sha256: ""),
                outcome: .refused(refusal(error, file: found.displayPath)))
        }
        return withExtendedLifetime(file) {
            var outcome = read(bytes: file.bytes, file: found.displayPath, options: options, fingerprint: false, selection: selection)
            outcome.input.sha256 = file.sha256()
            return outcome
        }
    }

    /// `cannot read the file: …; file skipped`.
    private static func refusal(_ error: any Error, file: String) -> Diagnostic {
        let reason = (error as? FileBytes.Failure)?.reason ?? "cannot be read"
        return .error(at: SourceLocation(file: file), "cannot read the file: \(reason); file skipped")
    }

    /// Maps the file at `found` and hands its bytes to `body`, or to `refused` why it cannot
    /// be read.
    ///
    /// - Parameters:
    ///   - found: the file, from ``InputDiscovery``.
    ///   - maxFileSize: files larger than this are refused.
    ///   - body: what to do with the bytes, which are valid only during the call.
    ///   - refused: what to do with the refusal (`cannot read the file: …; file skipped`).
    package static func withBytes<T>(
        of found: InputDiscovery.Found, maxFileSize: Int = .max,
        _ body: (UnsafeRawBufferPointer) -> T, refused: (Diagnostic) -> T
    ) -> T {
        let file: FileBytes
        do {
            file = try FileBytes(path: found.path, maxSize: maxFileSize)
        } catch {
            return refused(refusal(error, file: found.displayPath))
        }
        return withExtendedLifetime(file) { body(file.bytes) }
    }

    /// Reads bytes already in memory as the file named `file`.
    ///
    /// A large file's SHA-256 is computed on a thread of its own while the file is read
    /// (``FingerprintThread``).
    ///
    /// - Parameters:
    ///   - fingerprint: whether to compute the SHA-256 (when false, the outcome's
    ///     ``InputFile/sha256`` is empty; the batch computes it only for the files it keeps).
    ///   - selection: when given, the readers that support it build only the records it selects.
    public static func read(
        bytes: UnsafeRawBufferPointer, file: String, options: ReadOptions,
        fingerprint: Bool = true, selection: PatientSelection? = nil
    ) -> Outcome {
        let read = { () -> FileReadOutcome in
            switch InputContentSniffer.sniff(bytes) {
            case .xml: XMLFileReader.read(bytes, file: file, options: options)
            case .json: FHIRJSONReader.read(bytes, file: file, options: options)
            case .hl7v2: HL7v2Reader.read(bytes, file: file, options: options)
            case .other: CSVFileReader.read(bytes, file: file, options: options, selection: selection)
            }
        }
        guard fingerprint else { return Outcome(input: InputFile(file: file, sha256: ""), outcome: read()) }
        let (digest, outcome) = FingerprintThread.sha256(of: bytes, whileDoing: read)
        return Outcome(input: InputFile(file: file, sha256: digest), outcome: outcome)
    }

    /// The lowercase hex SHA-256 of `bytes`.
    package static func sha256(_ bytes: UnsafeRawBufferPointer) -> String {
        hex(SHA256.hash(data: bytes))
    }

    /// A digest in lowercase hex.
    static func hex(_ digest: SHA256Digest) -> String {
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(64)
        for byte in digest {
            text.append(hex[Int(byte >> 4)])
            text.append(hex[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
