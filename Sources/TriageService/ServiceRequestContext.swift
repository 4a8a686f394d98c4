import Hummingbird

/// The request context of the service: Hummingbird's core storage and the caller the token
/// names (set by ``AuthenticationMiddleware``).
public struct ServiceRequestContext: RequestContext {
    /// Hummingbird's storage.
    public var coreContext: CoreRequestContextStorage
    /// The verified caller; nil before authentication (and with `--insecure-no-auth`).
    public var caller: TokenVerifier.Caller?

    /// Creates a context.
    public init(source: Source) {
        coreContext = .init(source: source)
    }
}
