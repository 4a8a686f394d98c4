// swift-tools-version:6.1
import Foundation
import PackageDescription

// The main package, by path. SwiftPM names a path dependency after its folder (`main`, a
// worktree's name, a CI clone's name), so the name is read from this manifest's own location.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent.lowercased()

// The benchmark harness of twitch-triage, kept in its own package so the main build stays light
// (NOTES.md: ordo-one/benchmark takes 48 s debug, 89 s release from clean on 2 cores).
//
// - generate-drop: the synthetic drop generator (DropGenerator; no dependency on the main package).
// - ingest-bench: reader throughput on large generated files, against bare scans of the same
//   bytes (libxml2 SAX2 with empty callbacks, a byte scan over mmap).
// - Benchmarks/Triage: in-process microbenchmarks with ordo-one/benchmark
//   (`swift package benchmark`), to find hot spots.
//
// `make bench` in the repository root runs all of it; see Benchmarks/README.md.
let package = Package(
    name: "twitch-triage-benchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .target(name: "DropGenerator", path: "Sources/DropGenerator"),
        .executableTarget(name: "generate-drop", dependencies: ["DropGenerator"], path: "Sources/generate-drop"),
        .executableTarget(
            name: "ingest-bench",
            dependencies: [.product(name: "TwitchTriage", package: root)],
            path: "Sources/ingest-bench"
        ),
        .executableTarget(
            name: "Triage",
            dependencies: [
                "DropGenerator",
                .product(name: "TwitchTriage", package: root),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/Triage",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
