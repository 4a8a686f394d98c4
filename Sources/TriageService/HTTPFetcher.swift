import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The service's outgoing HTTP (a `jku` key set, the EHR's FHIR server): GET only, a timeout,
/// no redirect followed (a redirect could lead anywhere; the allow-lists name exact URLs), no
/// cookie, no cache, a cap on the body. Foundation's URLSession (libcurl on Linux), so that the
/// service needs no HTTP client package and its TLS stack (SPEC §7.2 asks for https to these).
package final class HTTPFetcher: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    // @unchecked: `session` is set once in init and URLSession is thread-safe.
    private var session: URLSession!

    /// Creates a fetcher.
    package override init() {
        super.init()
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpCookieStorage = nil
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.httpMaximumConnectionsPerHost = 4
        session = URLSession(configuration: configuration, delegate: self, delegateQueue: nil)
    }

    /// `GET url` with `headers`, within `timeout` seconds; the body of a 200 answer of at most
    /// `maxBytes`, else nil. The timeout bounds the whole exchange: URLSession's own
    /// `timeoutInterval` is an idle timeout (a server that trickles, or answers after a pause
    /// longer than the budget, passed it), so the fetch races a timer and is cancelled when the
    /// timer wins.
    package func get(_ url: String, headers: [String: String], timeout: Double, maxBytes: Int) async -> [UInt8]? {
        guard let target = URL(string: url), timeout > 0 else { return nil }
        var request = URLRequest(url: target, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.httpMethod = "GET"
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let session = self.session!
        let finished = Task { () -> [UInt8]? in
            do {
                let (data, response) = try await session.data(for: request)
                guard let http = response as? HTTPURLResponse, http.statusCode == 200, data.count <= maxBytes else { return nil }
                return Array(data)
            } catch {
                return nil
            }
        }
        let timer = Task {
            guard (try? await Task.sleep(for: .milliseconds(Int64(timeout * 1000)))) != nil else { return }
            finished.cancel()
        }
        let body = await finished.value
        timer.cancel()
        // A fetch the timer cancelled may still have completed a moment before: too late.
        return finished.isCancelled ? nil : body
    }

    /// Refuses every redirect: the answer is then the 3xx itself, which ``get(_:headers:timeout:maxBytes:)`` treats as a failure.
    package func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }

    /// Ends the session.
    package func shutdown() {
        session.invalidateAndCancel()
    }
}
