import Foundation
import TriageIngest

/// The hostile-input corpus (`Tests/HostileCorpus/README.md`): committed files, read from the
/// folder beside this target's, and the large ones made at run time, all read through
/// ``InputFileReader/read(bytes:file:options:)`` as the nightly run reads them (CSV or XML
/// told apart by content).
enum HostileCorpus {
    /// The folder of committed corpus files (outside the test target, so that SwiftPM does
    /// not take them for unhandled resources).
    static let folder: String = {
        var path = "\(#filePath)"
        for _ in 0..<3 { path = String(path[..<path.lastIndex(of: "/")!]) }
        return path + "/HostileCorpus"
    }()

    /// The bytes of the committed corpus file `name`.
    static func bytes(_ name: String) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: "\(folder)/\(name)") else { fatalError("missing corpus file \(name)") }
        return [UInt8](data)
    }

    /// The names of the committed corpus files (README.md aside).
    static func committedFiles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted()
    }

    /// Reads `bytes` as the file `name` through the real entry point.
    static func read(_ bytes: [UInt8], as name: String, options: ReadOptions = ReadOptions.forTests()) -> FileReadOutcome {
        bytes.withUnsafeBytes { InputFileReader.read(bytes: $0, file: name, options: options).outcome }
    }

    /// Reads the committed corpus file `name`, with `replacing` pairs applied to its text
    /// first (to point a URL at a test's own listener).
    static func read(_ name: String, replacing replacements: [(String, String)] = []) -> FileReadOutcome {
        var bytes = bytes(name)
        if !replacements.isEmpty {
            var text = String(decoding: bytes, as: UTF8.self)
            for (target, replacement) in replacements { text = text.replacingOccurrences(of: target, with: replacement) }
            bytes = Array(text.utf8)
        }
        return read(bytes, as: name)
    }
}

/// A TCP socket listening on 127.0.0.1 at a port of the kernel's choice, to prove that a
/// parse never connects anywhere: a connection attempt completes in the kernel's backlog
/// even if nobody accepts it, so after the parse a pending connection means a fetch was tried.
final class LoopbackListener {
    private let descriptor: Int32
    /// The port it listens on.
    let port: UInt16

    init() {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        precondition(descriptor >= 0, "socket")
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let listening = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(descriptor, generic, length) == 0 && listen(descriptor, 8) == 0
                    && getsockname(descriptor, generic, &length) == 0
            }
        }
        precondition(listening, "bind")
        self.descriptor = descriptor
        port = UInt16(bigEndian: address.sin_port)
    }

    /// An http URL on this listener.
    var url: String { "http://127.0.0.1:\(port)/" }

    /// Whether anyone has connected (without waiting).
    var wasContacted: Bool {
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&poller, 1, 0) > 0
    }

    deinit { close(descriptor) }
}
