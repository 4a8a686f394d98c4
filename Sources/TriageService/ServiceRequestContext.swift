import Hummingbird

/// The request context of the service: Hummingbird's core storage and the caller the token
/// names (set by ``AuthenticationMiddleware``).
package struct ServiceRequestContext: RequestContext {
    /// Hummingbird's storage.
    package var coreContext: CoreRequestContextStorage
    /// The verified caller; nil before authentication (and with `--insecure-no-auth`).
    package var caller: TokenVerifier.Caller?

    /// Creates a context.
    package init(source: Source) {
        coreContext = .init(source: source)
    }
}
