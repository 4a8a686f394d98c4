#if canImport(Glibc)
import Glibc
#endif

/// glibc's malloc arenas for the long-running service.
enum MallocArenas {
    /// At most two malloc arenas (glibc's default is eight per core), unless `MALLOC_ARENA_MAX`
    /// is set: with one arena per thread that ever contended, each call's 100 kB body and its
    /// copies left free memory scattered over many arenas and the service's RSS rose by steps
    /// over 100,000 calls while every set it keeps stayed the same size; with two it stayed
    /// flat (Benchmarks/RESULTS.md, "CDS Hooks service"). Called before the server's threads start.
    /// `M_ARENA_MAX` of glibc's <malloc.h> (not imported into Swift).
    static let arenaMax: Int32 = -8

    static func limit() {
        #if canImport(Glibc)
        // mallopt is in <malloc.h>, which Swift's Glibc module does not import: found by name.
        guard getenv("MALLOC_ARENA_MAX") == nil, let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
        typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
        _ = unsafeBitCast(symbol, to: MallOpt.self)(arenaMax, 2)
        #endif
    }
}
