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
// - bench-output-limit: the bare output limit, a plain program writing the files a batch
//   wrote (same count and sizes, temporary file and rename).
// - render-bench: the per-patient render time (the files ReferralOutputs lists) over Samples/.
//
// The ordo-one/benchmark microbenchmarks are a package of their own (`Micro/`), so that
// `make bench` builds offline, with nothing but the main package's own dependencies.
//
// `make bench` in the repository root runs all of it; see Benchmarks/README.md.
let package = Package(
    name: "twitch-triage-benchmarks",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "DropGenerator", targets: ["DropGenerator"]),
    ],
    dependencies: [
        .package(path: ".."),
    ],
    targets: [
        .target(name: "DropGenerator", path: "Sources/DropGenerator"),
        .executableTarget(name: "generate-drop", dependencies: ["DropGenerator"], path: "Sources/generate-drop"),
        .executableTarget(
            name: "ingest-bench",
            dependencies: [.product(name: "TwitchTriage", package: root)],
            path: "Sources/ingest-bench"
        ),
        .executableTarget(name: "bench-output-limit", path: "Sources/bench-output-limit"),
        .executableTarget(
            name: "render-bench",
            dependencies: [.product(name: "TwitchTriage", package: root)],
            path: "Sources/render-bench"
        ),
    ],
    swiftLanguageModes: [.v6]
)
