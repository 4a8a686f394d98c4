import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// Counts every answer and its latency (``ServiceMetrics``), thrown errors included.
struct MetricsMiddleware: RouterMiddleware {
    typealias Context = ServiceRequestContext
    let metrics: ServiceMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            metrics.answered(status: response.status.code, after: ContinuousClock.now - start)
            return response
        } catch let error as any HTTPResponseError {
            metrics.answered(status: error.status.code, after: ContinuousClock.now - start)
            throw error
        } catch {
            metrics.answered(status: 500, after: ContinuousClock.now - start)
            throw error
        }
    }
}

/// CORS for the clients' allow-listed origins only (SPEC §7.2): a preflight `OPTIONS` is
/// answered without a token, echoing the origin with `Vary: Origin` and allowing `GET, POST,
/// OPTIONS` and `Authorization, Content-Type`; the same headers go on every answer to such an
/// origin, errors included. Any other origin gets no CORS header (and a 403 preflight).
struct CORSMiddleware: RouterMiddleware {
    typealias Context = ServiceRequestContext
    let origins: Set<String>

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let origin = request.headers[.origin]
        let allowed = origin.map(origins.contains) ?? false
        if request.method == .options {
            var response = Response(status: allowed ? .noContent : .forbidden)
            if let origin, allowed { decorate(&response, origin: origin, preflight: true) }
            return response
        }
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            response = Response(status: error.status)
        }
        if let origin, allowed { decorate(&response, origin: origin, preflight: false) }
        return response
    }

    private func decorate(_ response: inout Response, origin: String, preflight: Bool) {
        response.headers[.accessControlAllowOrigin] = origin
        response.headers[.vary] = "Origin"
        if preflight {
            response.headers[.accessControlAllowMethods] = "GET, POST, OPTIONS"
            response.headers[.accessControlAllowHeaders] = "Authorization, Content-Type"
            response.headers[.accessControlMaxAge] = "600"
        }
    }
}

/// Checks the bearer token of every `/cds-services` call (``TokenVerifier``) against the URL
/// called (`--public-url` + path): 401 with no body on any failure. Writes the audit line (iss,
/// tenant, jti) of each accepted token; never the token.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = ServiceRequestContext
    let verifier: TokenVerifier?
    let publicURL: String
    let audit: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let verifier else { return try await next(request, context) }
        guard let header = request.headers[.authorization], header.count > 7,
            header.prefix(7).lowercased() == "bearer "
        else { return Response(status: .unauthorized) }
        let token = header.dropFirst(7)
        let now = Int64(Date().timeIntervalSince1970)
        let audience = publicURL + request.uri.path
        guard let caller = await verifier.verify(Substring(token), audience: audience, now: now) else {
            return Response(status: .unauthorized)
        }
        audit.info(
            "token accepted",
            metadata: [
                "iss": "\(caller.iss)", "tenant": "\(caller.tenant ?? "-")", "jti": "\(caller.jti)",
                "path": "\(request.uri.path)",
            ])
        var context = context
        context.caller = caller
        return try await next(request, context)
    }
}
