// The bare peer of the CDS Hooks service benchmark (Benchmarks/service/README.md): a Hummingbird
// 2 endpoint that answers `POST /cds-services/twitch-triage` with fixed bytes (the service's own
// answer to the benchmark's call, captured before the run), reading and dropping the body as the
// service does. No token check, no JSON, no evaluation: what HTTP alone costs on this machine.
//
// Usage: cds-bare-endpoint <response-file> <port>
import Foundation
import Hummingbird

let arguments = CommandLine.arguments
guard arguments.count == 3, let response = FileManager.default.contents(atPath: arguments[1]), let port = Int(arguments[2]) else {
    FileHandle.standardError.write(Data("usage: cds-bare-endpoint <response-file> <port>\n".utf8))
    exit(64)
}
let bytes = ByteBuffer(bytes: response)
let router = Router()
router.post("cds-services/twitch-triage") { request, _ -> Response in
    var request = request
    _ = try await request.collectBody(upTo: 10 << 20)
    return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: bytes))
}
let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)))
try await app.runService()
