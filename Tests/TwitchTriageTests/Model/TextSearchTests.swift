import Foundation
import Testing
import TriageModel

/// The byte paths of ``Swift/String/containsText(_:)``, ``Swift/String/filling(_:with:)`` and
/// ``Swift/String/findingSlug`` give what Foundation and the Character path give, for ASCII
/// text and for text that is not (which still goes the old way).
@Suite struct TextSearchTests {
    static let texts = [
        "", " ", "twitching in the calf", " worried about als, ", "{analyte} low: {analyte} again", "{a}{a}{a}",
        "café twitch", "cafe\u{301} twitch", "Ωhm {value}", "line\r\nbreak {x}", "ends with {analyte}",
    ]
    static let patterns = ["", " ", "twitch", " als,", "{analyte}", "{a}", "é", "e", "\r\n", "{x}", "missing"]

    @Test func containsTextIsFoundationsContains() {
        for text in Self.texts {
            for pattern in Self.patterns {
                #expect(text.containsText(pattern) == text.contains(pattern), "\(text.debugDescription) \(pattern.debugDescription)")
            }
        }
    }

    @Test func fillingIsFoundationsReplacingOccurrences() {
        for text in Self.texts {
            for pattern in Self.patterns {
                for value in ["", "potassium", "K⁺ 2.3", "{analyte}"] {
                    #expect(
                        text.filling(pattern, with: value) == text.replacingOccurrences(of: pattern, with: value),
                        "\(text.debugDescription) \(pattern.debugDescription) \(value.debugDescription)")
                }
            }
        }
    }

    @Test func fillingReplacesEveryPlaceholderLeftToRight() {
        #expect("{analyte} low; recheck {analyte}".filling("{analyte}", with: "potassium") == "potassium low; recheck potassium")
        #expect("no placeholder".filling("{analyte}", with: "potassium") == "no placeholder")
    }

    @Test func findingSlugsOfASCIIAndOtherIDsAreTheCharacterPaths() {
        for id in ["Fine-motor difficulty", "neck/arm", "CALF", "a b/c", "Épaule gauche", "straße", ""] {
            let characterPath = String(id.lowercased().map { $0 == " " || $0 == "/" ? "-" : $0 })
            #expect(id.findingSlug == characterPath)
        }
        #expect("Fine-motor difficulty".findingSlug == "fine-motor-difficulty")
    }
}
