// swift-tools-version:6.1
import Foundation
import PackageDescription

// The main package and the benchmark harness, by path. SwiftPM names a path dependency after its
// folder (`main`, a worktree's name, a CI clone's name), so the name is read from this
// manifest's own location.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .lastPathComponent.lowercased()

// In-process microbenchmarks with ordo-one/benchmark (`make bench-micro`), to find hot spots.
// A package of its own, apart from `make bench`'s harness (`..`), because ordo-one/benchmark
// must be fetched from the network and `make bench` must build without it.
let package = Package(
    name: "twitch-triage-micro-benchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(path: "../.."),
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "Triage",
            dependencies: [
                .product(name: "DropGenerator", package: "benchmarks"),
                .product(name: "TwitchTriage", package: root),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/Triage",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
