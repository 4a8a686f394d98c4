import Benchmark
import DropGenerator
import Foundation
import TwitchTriage

// In-process microbenchmarks (ordo-one/benchmark) for the hot spots of a batch: the per-patient
// work (findings and rules, the three renderers) and the readers on generated in-memory files.
// Run: `make bench-micro` (or `swift package --package-path Benchmarks/Micro benchmark`).

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .instructions],
                                           maxDuration: .seconds(2), maxIterations: 10_000)

    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let asOf = LocalDate(iso: "2026-11-20")!
    let knowledge = try! KnowledgeLoader.loadBundled()
    let readOptions = ReadOptions(knowledge: knowledge)
    let samples = try! BenchmarkInputs.records(under: [root.appendingPathComponent("Samples").path], knowledge: knowledge, asOf: asOf)
    let builder = ReferralBuilder(knowledge: knowledge)
    // P001: the longest sample story (86 days, red flags, labs); P018: 60 days, many regions.
    for id in ["P001", "P018"] {
        let record = samples.first { $0.id.rawValue == id }!
        let referral = builder.referral(for: record, asOf: asOf)
        Benchmark("findings and rules, \(id)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(builder.referral(for: record, asOf: asOf)) }
        }
        Benchmark("render JSON, \(id)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(ReferralJSON.render(referral)) }
        }
        Benchmark("render Markdown, \(id)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(ReferralMarkdown.render(referral, knowledge: knowledge)) }
        }
        Benchmark("render HTML, \(id)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(ReferralHTML.render(referral, knowledge: knowledge)) }
        }
    }

    // Readers on 2 MB generated files, throughput in bytes.
    for name in ["labs.csv", "labs-si.csv", "journal.csv", "labs.xml", "journal.xml"] {
        let bytes = DropGenerator.file(name, bytes: 2_000_000)
        let isXML = name.hasSuffix(".xml")
        Benchmark("read \(name), 2 MB", configuration: .init(scalingFactor: .one)) { benchmark in
            for _ in benchmark.scaledIterations {
                bytes.withUnsafeBytes { buffer in
                    blackHole(isXML ? XMLFileReader.read(buffer, file: name, options: readOptions)
                                    : CSVFileReader.read(buffer, file: name, options: readOptions))
                }
            }
        }
        Benchmark("read and normalise \(name), 2 MB", configuration: .init(scalingFactor: .one)) { benchmark in
            let assembler = PatientRecordAssembler(knowledge: knowledge, asOf: asOf)
            for _ in benchmark.scaledIterations {
                bytes.withUnsafeBytes { buffer in
                    blackHole(assembler.parts(of: InputFileReader.read(bytes: buffer, file: name, options: readOptions), fileIndex: 0))
                }
            }
        }
    }
}
