// libFuzzer target: the XML readers (symptom journal, lab results, and every other XML kind
// a document without a root in front may be: FHIR, C-CDA, Apple Health) through
// `XMLFileReader` (`make fuzz`; see Fuzz/README.md).
//
// Input: the first byte picks a root to put in front (none, `symptomJournal` with a patient,
// `labResults`, `symptomJournal` alone), whether to close it at the end, and the date order;
// the rest is the document. Every `~` in the rest becomes the sentinel `ZQX#SENTINEL`, which
// cannot be part of an XML name, so it can only ever be a value.
//
// Beyond "no crash", every input checks that:
// - no diagnostic message holds the sentinel (messages name elements and attributes, never
//   values, and never quote libxml2's own messages);
// - every message is one line (no control characters), and every location names the file
//   with a line and column of 1 or more where given;
// - a rejected file has no records, every record has a non-empty patient id, and every number
//   read is finite and within its attribute's range; an Apple Health export's days are in
//   order, unattached, and their sums finite, at least 0 (sleep at most 24 hours).
import FuzzSupport
import TriageIngest
import TriageKnowledge
import TriageModel

/// The shipped knowledge, whose analytes the reader keeps results by.
let knowledge = try! Knowledge.bundled

let roots: [(open: String, close: String)] = [
    ("", ""),
    ("<symptomJournal version=\"1\"><patient id=\"P1\"/>\n", "</symptomJournal>\n"),
    ("<labResults version=\"1\">\n", "</labResults>\n"),
    ("<symptomJournal>\n", "</symptomJournal>\n"),
]

FuzzDriver.run("FuzzXMLReader") { input in
    guard let selector = input.first else { return }
    let root = roots[Int(selector & 3)]
    var file = plantingSentinels(UnsafeBufferPointer(rebasing: input.dropFirst()), after: Array(root.open.utf8))
    if selector & 4 != 0 { file += root.close.utf8 }
    let options = ReadOptions(knowledge: knowledge, dateOrder: selector & 8 != 0 ? .dmy : selector & 16 != 0 ? .mdy : nil)
    let outcome = file.withUnsafeBytes { XMLFileReader.read($0, file: "fuzz.xml", options: options) }
    guard let phone = checkOutcome(outcome, file: "fuzz.xml", coded: false)?.phone else { return }
    check(phone.patientID == nil, "Apple Health export attached while read")
    check(zip(phone.days, phone.days.dropFirst()).allSatisfy { $0.date < $1.date }, "Apple Health days out of order")
    for day in phone.days {
        checkNumber(day.lifestyle.caffeineMilligrams, atLeastZero, "phone caffeine")
        checkNumber(day.lifestyle.waterLitres, atLeastZero, "phone water")
        checkNumber(day.lifestyle.sleepHours, 0...24, "phone sleep")
        checkNumber(day.exerciseMinutes, atLeastZero, "phone exercise")
        checkNumber(day.mindfulMinutes, atLeastZero, "phone mindful")
    }
}
