/// The clinical stories of `Samples/` (see its README), drawn with weights so that a large drop
/// has the same spread: benign short episodes, persistent and spreading twitching, sensory,
/// neck-arm and central patterns, motor neuron red flags (and breathing difficulty), stress-
/// driven widespread twitching; crossed with lab profiles (normal, low, censored low, critical,
/// stale) and medications.
enum Story: CaseIterable {
    case benign, persistent, spreading, sensory, sensoryWithWeakness, neckArm, central, motorNeuron, breathing, anxiety

    /// Relative frequency in a drop (per 100 patients).
    var weight: Int {
        switch self {
        case .benign: return 22
        case .persistent: return 22
        case .spreading: return 8
        case .sensory: return 8
        case .sensoryWithWeakness: return 4
        case .neckArm: return 6
        case .central: return 6
        case .motorNeuron: return 6
        case .breathing: return 2
        case .anxiety: return 16
        }
    }

    static func draw(_ rng: inout SplitMix64) -> Story {
        var n = rng.int(0...99)
        for story in allCases {
            if n < story.weight { return story }
            n -= story.weight
        }
        return .persistent
    }
}

enum LabProfile: CaseIterable {
    case normal, lowMagnesium, lowVitaminD, lowB12Censored, criticalPotassium, stale

    static func draw(_ rng: inout SplitMix64) -> LabProfile {
        let n = rng.int(0...99)
        switch n {
        case 0..<68: return .normal
        case 68..<76: return .lowMagnesium
        case 76..<84: return .lowVitaminD
        case 84..<89: return .lowB12Censored
        case 89..<92: return .criticalPotassium
        default: return .stale
        }
    }
}

/// One journal day, in the terms every writer shares.
struct JournalDay {
    var day: Int
    var minutes: Int
    var locations: [String] = []
    var side: String = ""
    var count = 0
    var duration = 0
    var atRest = false
    var triggers: [String] = []
    var symptoms: [String] = []
    var weakness: Int?
    var weaknessLocation = ""
    var caffeine = 100
    var sleep = 7.5
    var stress = 3
    var alcohol = 0
    var water = 1.8
    var exercise = "none"
    var medications: [String] = []
    var note = ""
}

/// A generated patient: id, demographics, story and 90 journal days.
struct GeneratedPatient {
    var index: Int
    var id: String
    var birthDay: Int
    var age: Int
    var sex: String
    var displayName: String
    var story: Story
    var labs: LabProfile
    var medication: String?
    var days: [JournalDay]
}

enum Drop {
    /// The as-of date of generated drops: 2026-11-20; every record is dated on or before 2026-11-19.
    static let asOf = Calendar.day(2026, 11, 20)
    static let journalDays = 90
    static let firstDay = asOf - journalDays

    static let givenNames = ["Mark", "Ruth", "Daniel", "Priya", "Hannah", "Grant", "Doris", "Aisha", "Chloe", "Kevin",
                             "Mei", "Sofia", "Jenna", "Tomás", "Zoë", "Jürgen", "Amara", "Luis", "Noor", "Oskar"]
    static let familyNames = ["Halvorsen", "Okafor", "Lindqvist", "Rivera", "Raman", "Becker", "McAllister",
                              "Kowalski", "Bello", "Whitfield", "O'Brien", "Lin", "Marchetti", "Price", "Nyström"]
    static let medications = ["prednisone", "hydrochlorothiazide", "salbutamol", "sertraline", "ibuprofen", "furosemide",
                              "albuterol inhaler", "lisinopril"]
    static let notes = [
        "twitching on and off all evening",
        "after yard work, calf jumping on the couch",
        "four coffees today, twitching all afternoon",
        "read about ALS online and scared myself",
        "slept badly, \"popcorn\" feeling in the legs",
        "strength fine, climbed stairs ok",
        "worse after a long shift, better on days off",
        "GP says bloods to be repeated & reviewed",
        "little ripples under the skin <2 min",
        "noticed it while reading\nstopped when I got up",
    ]

    /// The patient with index `index` (1-based) of the drop seeded with `seed`.
    static func patient(_ index: Int, seed: UInt64) -> GeneratedPatient {
        var rng = SplitMix64(seed: seed, stream: UInt64(index))
        let id = index % 50 == 0 ? "MRN-" + pad(index, 7) : "G" + pad(index, 7)
        let story = Story.draw(&rng)
        let labs = LabProfile.draw(&rng)
        var medication: String? = rng.chance(0.15) ? rng.pick(medications) : nil
        var age: Int
        switch story {
        case .motorNeuron, .breathing, .sensoryWithWeakness: age = rng.int(50...78)
        case .central: age = rng.int(22...45)
        default: age = rng.int(19...72)
        }
        if story == .neckArm && medication == nil { medication = "ibuprofen" }
        age = max(18, age)
        let birthDay = asOf - age * 365 - rng.int(10...350)
        let sex = rng.chance(0.5) ? "female" : "male"
        let displayName = rng.chance(0.2) ? "" : rng.pick(givenNames) + " " + rng.pick(familyNames)
        let benign = (length: rng.int(4...12), spot: rng.pick(["left eyelid", "right eyelid", "left calf", "right thumb"]))
        var days: [JournalDay] = []
        days.reserveCapacity(journalDays)
        for i in 0..<journalDays {
            days.append(day(i, story: story, medication: medication, benign: benign, rng: &rng))
        }
        return GeneratedPatient(index: index, id: id, birthDay: birthDay, age: Calendar.civil(asOf).year - Calendar.civil(birthDay).year,
                                sex: sex, displayName: displayName, story: story, labs: labs, medication: medication, days: days)
    }

    static func pad(_ n: Int, _ width: Int) -> String {
        let digits = String(n)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    /// Day `i` (0-89) of a story.
    static func day(_ i: Int, story: Story, medication: String?, benign: (length: Int, spot: String),
                    rng: inout SplitMix64) -> JournalDay {
        var d = JournalDay(day: firstDay + i, minutes: rng.int(17...22) * 60 + 5 * rng.int(0...11))
        d.caffeine = rng.pick([80, 100, 120, 150, 200])
        d.sleep = Double(rng.int(13...16)) / 2
        d.stress = rng.int(1...6)
        d.alcohol = rng.pick([0, 0, 0, 1, 2])
        d.water = Double(rng.int(12...24)) / 10
        d.exercise = rng.pick(["none", "none", "light", "intense"])
        if let medication { d.medications = [medication] }

        func twitch(_ locations: [String], _ counts: ClosedRange<Int>, atRest: Double = 0.5) {
            d.locations = locations
            d.count = rng.int(counts)
            d.duration = rng.int(1...10)
            d.atRest = rng.chance(atRest)
            let sides = Set(locations.map { $0.split(separator: " ").first.map(String.init) ?? "" })
            d.side = sides.count == 1 && ["left", "right", "both"].contains(sides.first!) ? sides.first! : ""
        }

        switch story {
        case .benign:
            // Twitching only in the last 4-12 days, after a run of caffeine and short nights.
            if i >= journalDays - benign.length {
                twitch([benign.spot], 2...8, atRest: 0.3)
                d.caffeine = rng.pick([450, 500, 600, 650])
                d.sleep = 5
                d.triggers = ["caffeine", "poor sleep"]
            }
        case .persistent:
            if rng.chance(0.9) { twitch(rng.pick([["left calf"], ["right calf"], ["left calf", "right calf"], ["left thigh"]]), 3...10, atRest: 0.9) }
        case .spreading:
            if i >= 30 && i < 40 {
                twitch(["left calf"], 3...8)
            } else if i >= 40 {
                twitch(["left calf", rng.pick(["right forearm", "right upper arm"])], 5...12)
            }
        case .sensory, .sensoryWithWeakness:
            if i >= 60 {
                twitch([rng.pick(["left calf", "right calf", "left foot"])], 3...8, atRest: 0.8)
                d.symptoms = rng.chance(0.5) ? ["pins and needles", "numbness"] : ["burning", "numbness"]
                if story == .sensoryWithWeakness {
                    d.weakness = 1
                    d.weaknessLocation = "left ankle"
                } else {
                    d.weakness = 0
                }
            }
        case .neckArm:
            if i >= 50 {
                twitch(rng.pick([["right forearm"], ["right hand"], ["right thumb"], ["right forearm", "right hand"]]), 3...9)
                d.symptoms = ["neck pain radiating to the arm"]
                if i >= 70 && i % 3 == 0 { d.symptoms.append("reduced reflexes") }
            }
        case .central:
            if i >= 55 {
                var locations = ["left eyelid"]
                if i >= 65 { locations.append("left cheek") }
                if i >= 75 { locations.append("left mouth") }
                twitch(locations, 4...12)
                if i >= 70 { d.symptoms = ["blurred vision", "fatigue"] }
            }
        case .motorNeuron:
            if i >= 5 {
                let locations = i < 30 ? ["right thumb"] : i < 60 ? ["right thumb", "right forearm"]
                    : ["right forearm", "right upper arm", "right shoulder"]
                twitch(locations, i < 60 ? 2...10 : 12...22, atRest: i >= 60 ? 1 : 0.4)
                d.weakness = i < 35 ? 0 : i < 70 ? 1 : 2
                d.weaknessLocation = "right hand"
                if i >= 50 && i % 2 == 1 { d.symptoms.append("dropping things") }
                if i >= 60 { d.symptoms.append("opening jars") }
                if i >= 66 && (i - 66) % 4 == 0 { d.symptoms.append("thinner muscle") }
                if i >= 72 { d.symptoms.append("trouble buttoning") }
                if i >= 80 { d.symptoms.append("slurred speech") }
            }
        case .breathing:
            if i >= 78 {
                twitch(["chest", rng.pick(["left upper arm", "right upper arm"]), "back"], 3...10, atRest: 1)
                d.symptoms = i >= 83 ? ["fatigue", "short of breath"] : ["fatigue"]
                d.exercise = "none"
            }
        case .anxiety:
            let stressed = rng.chance(0.4)
            d.stress = stressed ? rng.int(7...9) : rng.int(1...4)
            let all = ["left calf", "right calf", "left upper arm", "right forearm", "back", "abdomen", "left eyelid"]
            let locations = i < 3 ? all : [rng.pick(all), rng.pick(all)]
            twitch(Array(Set(locations)).sorted(), stressed ? 15...28 : 3...10, atRest: 0.6)
            if stressed { d.triggers = ["stress"] }
        }
        if d.count > 0 && d.triggers.isEmpty { d.triggers = ["none"] }
        if d.count > 0 && rng.chance(0.08) { d.note = rng.pick(notes) }
        return d
    }
}
