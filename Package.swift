import CompilerPluginSupport
// swift-tools-version:6.0
import Foundation
import PackageDescription

// Linux only (README, Requirements): the code calls Glibc and Linux's /proc directly and is built
// and tested on Debian only, so no Apple platform is declared.
let package = Package(
    name: "twitch-triage",
    products: [
        .executable(name: "twitch-triage", targets: ["twitch-triage"]),
        // The CDS Hooks service (SPEC §7.2): `twitch-triage serve …` replaces itself with this
        // executable, installed beside it, so that no other command loads its web server, TLS or
        // HTTP client (FoundationNetworking, libcurl) at start (SPEC §9).
        .executable(name: "twitch-triage-serve", targets: ["twitch-triage-serve"]),
        .library(name: "TwitchTriage", targets: ["TwitchTriage"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        // The CDS Hooks service (SPEC §7.2), in its own target: the batch library links none of these.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        // `@PackageMemberwiseInit` (Sources/MemberwiseInitMacros): the one macro, built for the host.
        .package(url: "https://github.com/swiftlang/swift-syntax", from: "603.0.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // The library, as layers the compiler enforces (STYLE §15, swift-nio's targets): data flows
        // one way, Model ← Knowledge ← Ingest ← Normalise ← Engine ← Render ← Batch, each target
        // depending only on those above it, with `package` access between them.
        // `@PackageMemberwiseInit`: the `package` memberwise initialiser Swift synthesises only as
        // `internal`, for the value types the layers above build. Its expansion is a compiler plugin.
        .macro(
            name: "MemberwiseInitMacros",
            dependencies: [
                .product(name: "SwiftSyntaxMacros", package: "swift-syntax"),
                .product(name: "SwiftCompilerPlugin", package: "swift-syntax"),
            ]
        ),
        .target(name: "MemberwiseInit", dependencies: ["MemberwiseInitMacros"]),
        // Plain value types: patients, journal entries, lab results, findings, referrals, ids.
        .target(name: "TriageModel", dependencies: ["MemberwiseInit"]),
        // The knowledge tables (Resources/), their compiled snapshot, loading and validation. The
        // snapshot's readers and writers (`<Type>+Snapshot.swift`) are generated at build time by
        // SnapshotCodingPlugin, never committed.
        .target(
            name: "TriageKnowledge",
            dependencies: ["TriageModel", "MemberwiseInit", .product(name: "Crypto", package: "swift-crypto")],
            resources: [.copy("Resources")],
            plugins: ["SnapshotCodingPlugin"]
        ),
        // The build-tool plugin and the program it runs (Foundation only; built for the host with
        // the tools' own flags, never the fuzz or release flags of the products).
        .executableTarget(name: "snapshot-coding-generator"),
        .plugin(name: "SnapshotCodingPlugin", capability: .buildTool(), dependencies: ["snapshot-coding-generator"]),
        // Input discovery, kind detection and one reader per format; the only user of libxml2.
        .target(
            name: "TriageIngest",
            dependencies: [
                "TriageModel", "TriageKnowledge", "CLibXML2", "MemberwiseInit", .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Records to patients: the vocabulary, frames, units and code maps; one record per patient.
        .target(name: "TriageNormalise", dependencies: ["TriageModel", "TriageKnowledge", "TriageIngest"]),
        // Findings from a patient's timeline, and the rules, one per file, with their registry.
        .target(name: "TriageEngine", dependencies: ["TriageModel", "TriageKnowledge"]),
        // The report document and its renderings: JSON, Markdown, HTML, FHIR, the worklist.
        .target(
            name: "TriageRender",
            dependencies: ["TriageModel", "TriageKnowledge", "TriageEngine", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // The nightly pipeline: named steps, the ledger, atomic writes, locking, sharding.
        .target(
            name: "TriageBatch",
            dependencies: [
                "TriageModel", "TriageKnowledge", "TriageIngest", "TriageNormalise", "TriageEngine", "TriageRender",
                "MemberwiseInit",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The library product for other packages (Benchmarks/): every layer, re-exported, as
        // swift-nio's `NIO` re-exports NIOCore and NIOPosix.
        .target(
            name: "TwitchTriage",
            dependencies: [
                "TriageModel", "TriageKnowledge", "TriageIngest", "TriageNormalise", "TriageEngine", "TriageRender", "TriageBatch",
            ]
        ),
        // The CDS Hooks request as it comes over the wire (SPEC §7.2): the decoder, a strict JSON
        // validator and the raw-range finder; Foundation only, so that its fuzz target builds with
        // ASan in seconds (no web server, no batch library).
        .target(name: "CDSHooksWire"),
        // The CDS Hooks service (SPEC §7.2): a thin Hummingbird router over the library.
        .target(
            name: "TriageService",
            dependencies: [
                "TriageModel", "TriageKnowledge", "TriageIngest", "TriageRender", "TriageBatch",
                "CDSHooksWire", "MemberwiseInit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // What both executables share: `--knowledge DIR`, exit statuses, the console, `--log-level`.
        .target(
            name: "TriageCommandLine",
            dependencies: [
                "TriageModel", "TriageKnowledge",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Every command but `serve`; links neither TriageService nor FoundationNetworking.
        .executableTarget(
            name: "twitch-triage",
            dependencies: [
                "TriageModel", "TriageKnowledge", "TriageIngest", "TriageEngine", "TriageRender", "TriageBatch",
                "TriageCommandLine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            // Release: the Swift runtime and Foundation linked in statically (SPEC §9: a process
            // start of 7 ms of CPU instead of 11, a single report 25 instead of 31; Benchmarks/
            // RESULTS.md). The static Foundation's own libraries are named, as the driver does
            // not add them; libxml2 and SQLite stay shared.
            linkerSettings: [
                .unsafeFlags(
                    [
                        "-static-stdlib", "-lFoundationInternationalization", "-lFoundationEssentials", "-lCoreFoundation",
                        "-l_FoundationICU", "-l_FoundationCShims", "-l_FoundationCollections", "-lswiftSynchronization",
                    ],
                    .when(platforms: [.linux], configuration: .release))
            ]
        ),
        // `twitch-triage serve`: the service's thin main.
        .executableTarget(
            name: "twitch-triage-serve",
            dependencies: [
                "TriageModel", "TriageIngest",
                "TriageService",
                "TriageCommandLine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // libFuzzer targets (`make fuzz`; Fuzz/README.md): each main is the code under test and its
        // invariants; FuzzSupport is the driver they share, which hands the process to libFuzzer only
        // when built with `-sanitize=fuzzer -DFUZZING` (a plain build makes a stub that says how to run it).
        .target(name: "FuzzSupport", dependencies: ["TriageModel", "TriageIngest"]),
        .executableTarget(name: "FuzzCSVScanner", dependencies: ["FuzzSupport", "TriageIngest"]),
        .executableTarget(name: "FuzzCSVReader", dependencies: ["FuzzSupport", "TriageModel", "TriageKnowledge", "TriageIngest"]),
        .executableTarget(name: "FuzzXMLReader", dependencies: ["FuzzSupport", "TriageModel", "TriageKnowledge", "TriageIngest"]),
        .executableTarget(name: "FuzzDateParser", dependencies: ["FuzzSupport", "TriageModel", "TriageIngest"]),
        .executableTarget(name: "FuzzNumberParser", dependencies: ["FuzzSupport", "TriageModel", "TriageIngest"]),
        .executableTarget(name: "FuzzJSONTokenizer", dependencies: ["FuzzSupport", "TriageModel", "TriageKnowledge", "TriageIngest"]),
        .executableTarget(name: "FuzzHL7v2Reader", dependencies: ["FuzzSupport", "TriageModel", "TriageKnowledge", "TriageIngest"]),
        .executableTarget(name: "FuzzCDSHooksRequest", dependencies: ["FuzzSupport", "CDSHooksWire"]),
        // The bare peer of the CDS Hooks service benchmark (Benchmarks/service/): fixed bytes over Hummingbird.
        .executableTarget(
            name: "CDSBareEndpoint",
            dependencies: [.product(name: "Hummingbird", package: "hummingbird")],
            path: "Benchmarks/service/BareEndpoint"
        ),
        // What the test targets share: the seeded generator every random test draws from.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(
            name: "TwitchTriageTests",
            dependencies: [
                "TriageModel", "TriageKnowledge", "TriageIngest", "TriageNormalise", "TriageEngine", "TriageRender", "TriageBatch",
                "TestSupport", "MemberwiseInit",
            ]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["TriageModel", "TriageKnowledge", "TriageIngest", "TriageEngine", "TriageRender", "TriageBatch", "TestSupport"]
        ),
        .testTarget(
            name: "ServiceTests",
            dependencies: [
                "TriageService",
                "TriageModel", "TriageKnowledge", "TriageIngest", "TriageEngine", "TriageRender", "TriageBatch",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            resources: [.copy("cds-hooks-card.schema.json")]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// The libFuzzer build (`make fuzz-build` sets TWITCH_TRIAGE_FUZZ=1, with its own scratch path): this
// package's library targets and the fuzz targets are compiled with libFuzzer's coverage, ASan and
// `-DFUZZING`, and the fuzz targets linked with libFuzzer. Set per target, not by `-Xswiftc`: SwiftPM
// passes `-Xswiftc` flags to the tools that build-tool plugins run as well, and the snapshot
// generator, built with them, would link libFuzzer and ASan (and fails to link).
if ProcessInfo.processInfo.environment["TWITCH_TRIAGE_FUZZ"] == "1" {
    let sanitizers = ["-sanitize=fuzzer,address"]
    for target in package.targets where target.type == .regular || (target.type == .executable && target.name.hasPrefix("Fuzz")) {
        target.swiftSettings = (target.swiftSettings ?? []) + [.unsafeFlags(sanitizers), .define("FUZZING")]
        if target.type == .executable {
            target.linkerSettings = (target.linkerSettings ?? []) + [.unsafeFlags(sanitizers)]
        }
    }
}
