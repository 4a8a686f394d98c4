import Foundation
import TwitchTriage

#if canImport(Glibc)
import Glibc
#endif

// render-bench [--rounds N] [--samples DIR]
//
// The per-patient render time of the batch: builds the referrals of Samples/ (as-of 2026-11-20)
// once, then renders every patient's files (`ReferralOutputs`, the list the batch writes:
// referral.json, referral.md, referral.html, referral.fhir.json) N times over (default 400),
// after a warm-up round. Prints one line:
//   render patients=P rounds=N ms_per_patient_median=… min=… cpu_ms_per_patient=… bytes=B load=L
// where the median and minimum are over rounds (wall clock, each round renders every patient
// once), the CPU figure is the process's CPU time over all rounds per patient render, and bytes
// the total output of one round (a check that the work did not change). Run it several times,
// alternating with another build, on a shared machine: the load average is printed.

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data(("render-bench: " + message + "\n").utf8))
    exit(64)
}

func clock(_ id: clockid_t) -> Double {
    var t = timespec()
    clock_gettime(id, &t)
    return Double(t.tv_sec) * 1e3 + Double(t.tv_nsec) / 1e6
}

var arguments = Array(CommandLine.arguments.dropFirst())
var rounds = 400
var samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Samples").path
while let option = arguments.first {
    arguments.removeFirst()
    guard let value = arguments.first else { fail("\(option) needs a value") }
    arguments.removeFirst()
    switch option {
    case "--rounds": guard let n = Int(value), n > 0 else { fail("--rounds needs a positive number") }; rounds = n
    case "--samples": samples = value
    default: fail("usage: render-bench [--rounds N] [--samples DIR]")
    }
}

let asOf = LocalDate(iso: "2026-11-20")!
let knowledge: Knowledge
let referrals: [Referral]
do {
    knowledge = try KnowledgeLoader.loadBundled()
    let records = try BenchmarkInputs.records(under: [samples], knowledge: knowledge, asOf: asOf)
    let builder = ReferralBuilder(knowledge: knowledge)
    referrals = records.map { builder.referral(for: $0, asOf: asOf) }
} catch { fail("cannot read \(samples): \(error)") }
guard !referrals.isEmpty else { fail("no patients in \(samples)") }

/// One round: every patient's files, as the batch renders them; returns the bytes made.
@inline(never)
func round() -> Int {
    var bytes = 0
    for referral in referrals {
        for file in ReferralOutputs.files(referral, knowledge: knowledge) { bytes += file.text.utf8.count }
    }
    return bytes
}

let size = round() // warm-up
var times: [Double] = []
times.reserveCapacity(rounds)
let cpuStart = clock(CLOCK_PROCESS_CPUTIME_ID)
for _ in 0..<rounds {
    let start = clock(CLOCK_MONOTONIC)
    let made = round()
    times.append(clock(CLOCK_MONOTONIC) - start)
    if made != size { fail("a round made \(made) bytes, the first \(size)") }
}
let cpu = clock(CLOCK_PROCESS_CPUTIME_ID) - cpuStart
times.sort()
let perPatient = Double(referrals.count)
var load = [Double](repeating: 0, count: 3)
getloadavg(&load, 3)
print("render patients=\(referrals.count) rounds=\(rounds)"
      + " ms_per_patient_median=\(String(format: "%.4f", times[times.count / 2] / perPatient))"
      + " min=\(String(format: "%.4f", times[0] / perPatient))"
      + " cpu_ms_per_patient=\(String(format: "%.4f", cpu / Double(rounds) / perPatient))"
      + " bytes=\(size) load=\(String(format: "%.2f", load[0]))")
