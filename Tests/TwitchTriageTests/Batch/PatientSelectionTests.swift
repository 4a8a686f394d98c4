import Foundation
import TestSupport
import Testing
import TriageBatch
import TriageIngest
import TriageKnowledge
import TriageModel
import TriageNormalise

/// `report --patient ID` reads a multi-patient CSV through a ``PatientSelection`` (SPEC §9):
/// what it gives must be exactly what reading every row gave, restricted to that patient and
/// to the problems no patient can claim (a single-patient report leaves out the batch's count
/// of other patients with nothing to triage), for every patient of every sample, every file of
/// the hostile corpus and files made here with every awkward case.
@Suite struct PatientSelectionTests {
    static let asOf = LocalDate(year: 2026, month: 11, day: 20)!

    /// A lab export with what a selection must see through: a byte order mark, CRLF and a lone
    /// CR, quoted ids, a line break and doubled quotes inside fields, ids that are a prefix or a
    /// suffix of the selected one, the selected id in another column, spaces around an id, an
    /// id that is the selected one only after doubled quotes are undone, an id in quotes with a
    /// line break after it; and rows the reader cannot attribute: a blank id, an id that is not
    /// UTF-8, a wrong field count, text after a closing quote, a stray quote, a row of commas,
    /// empty lines, and a quote never closed at the end. G12's first row is after the as-of
    /// date and a later one is usable; G13 has only rows after it (nothing to triage); G14 and
    /// G15 alternate.
    static let labs =
        "\u{FEFF}patient_id,collected_at,test,loinc,value,unit,ref_low,ref_high,lab\r\n"
        + "G1,2026-10-02,magnesium,19123-9,1.4,mg/dL,1.7,2.2,\"Lab, \"\"North\"\"\"\r\n"
        + "G12,2026-12-02,potassium,2823-3,4.1,mmol/L,3.5,5.1,G1\r\n"
        + "G12,2026-10-02,potassium,2823-3,4.1,mmol/L,3.5,5.1,G1\r\n"
        + "XG1,2026-10-02,potassium,2823-3,4.1,mmol/L,3.5,5.1,lab\r\n"
        + "\"G1\",2026-10-03,potassium,2823-3,3.1,mmol/L,3.5,5.1,\"multi\r\nline\"\r\n"
        + " G1 ,2026-10-04,calcium,17861-6,9.0,mg/dL,8.6,10.3,lab\r\n"
        + "\"G\"\"1\",2026-10-04,calcium,17861-6,9.0,mg/dL,8.6,10.3,lab\r\n"
        + "G13,2026-12-01,sodium,2951-2,140,mmol/L,135,145,lab\r\n"
        + "G13,2026-12-03,sodium,2951-2,141,mmol/L,135,145,lab\r\n"
        + ",2026-10-02,sodium,2951-2,140,mmol/L,135,145,lab\r\n"
        + "   ,2026-10-02,sodium,2951-2,140,mmol/L,135,145,lab\r\n"
        + "G1,2026-10-05,sodium,2951-2,140,mmol/L,135,145,lab,extra\r\n"
        + "G12,2026-10-05,\"sodium\"x,2951-2,140,mmol/L,135,145,lab\r\n"
        + "G1\u{FFFD}X,2026-10-05,sodium,2951-2,140,mmol/L,135,145,lab\r\n"
        + "G\u{E9}1,2026-10-05,sodium,2951-2,140,mmol/L,135,145,lab\r\n"
        + "G1,2026-10-06,sodium,2951-2,139,mmol/L,135,145,5\" lab\r"
        + ",,,,,,,,\r\n"
        + "\r\n\r\n"
        + "G14,2026-10-07,sodium,2951-2,139,mmol/L,135,145,lab\n"
        + "G15,2026-10-07,sodium,2951-2,139,mmol/L,135,145,lab\n"
        + "G14,2026-10-08,sodium,2951-2,12,mmol/L,135,145,lab\n"
        + "G15,2026-10-08,sodium,2951-2,139,parsecs,135,145,lab\n"
        + "\"G1\n\",2026-10-09,sodium,2951-2,138,mmol/L,135,145,lab\n"
        + "G12,2026-10-09,sodium,2951-2,138,mmol/L,135,145,lab\n"
        + "G1,2026-10-10,sodium,2951-2,138,mmol/L,135,145,\"never closed\n"
        + "G12,2026-10-10,sodium,2951-2,138,mmol/L,135,145,lab\n"

    /// The same id bytes, with one byte that is not UTF-8 (`G1\xFFX`) in place of the U+FFFD.
    static var labBytes: [UInt8] {
        var bytes: [UInt8] = []
        let marker = Array("\u{FFFD}".utf8)
        let text = Array(labs.utf8)
        var index = 0
        while index < text.count {
            if text[index...].starts(with: marker) {
                bytes.append(0xFF)
                index += marker.count
            } else {
                bytes.append(text[index])
                index += 1
            }
        }
        return bytes
    }

    /// A `;` journal with runs of patients, an interleaved one, a bad date, a quoted note
    /// spanning lines and an id in the notes.
    static let journal =
        "patient_id;date;location;twitch_count;notes\n"
        + "G1;2026-10-01;right forearm;4;\"after \"\"yard\"\" work\nand more\"\n"
        + "G2;2026-10-01;left calf;2;G1 said so\n"
        + "G2;2026-10-02;left calf;3;\n"
        + "G1;10/02/2026;left calf;2;\n"
        + "G3;2026-12-01;left calf;2;\n"
        + "G2;2026-10-03;left calf;1,5;\n"
        + ";2026-10-03;left calf;1;\n"
        + "G1;2026-10-04;right forearm;5;\n"

    static func folder(_ files: [String: [UInt8]]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tt-selection-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, bytes) in files { try Data(bytes).write(to: folder.appendingPathComponent(name)) }
        return folder
    }

    /// The patient ids a path's files name anywhere (records and problems), read in full.
    static func namedPatients(_ paths: [String]) throws -> Set<PatientID> {
        var ids: Set<PatientID> = []
        for file in try InputDiscovery.files(under: paths) {
            if case .read(let result) = InputFileReader.read(file, options: ReadOptions.forTests()).outcome {
                ids.formUnion(PatientRecordAssembler.patients(in: result))
            }
        }
        return ids
    }

    /// For every patient the files name, and ids they do not hold (a prefix, a suffix, none):
    /// the selected reading gives that patient's record exactly as reading everything did, and
    /// the same problems for no patient, but the count of patients with nothing to triage.
    static func expectSameAsFull(_ paths: [String], alsoTrying extra: [String] = []) throws {
        let knowledge = Knowledge.forTests
        let full = try Ingestion.run(paths: paths, options: ReadOptions(knowledge: knowledge), knowledge: knowledge, asOf: asOf)
        let ids = try namedPatients(paths).union(full.patients.map(\.id)).union((extra + ["nobody"]).map(PatientID.init(rawValue:)))
        for id in ids.sorted() {
            let single = try Ingestion.run(
                paths: paths, options: ReadOptions(knowledge: knowledge), knowledge: knowledge, asOf: asOf, patient: id)
            #expect(single.patients == full.patients.filter { $0.id == id }, "\(id) in \(paths)")
            #expect(single.unattributed == SinglePatientIngestionTests.forOnePatient(full.unattributed), "\(id) in \(paths)")
        }
    }

    @Test func generatedFilesWithEveryAwkwardCaseGiveWhatTheFullReadGave() throws {
        let folder = try Self.folder(["labs.csv": Self.labBytes, "journal.csv": Array(Self.journal.utf8)])
        try Self.expectSameAsFull([folder.path], alsoTrying: ["G", "G1 ", "1", "G11", "G\"1", "G\u{E9}1", "G1\n"])
        try Self.expectSameAsFull([folder.appendingPathComponent("labs.csv").path])
        try Self.expectSameAsFull([folder.appendingPathComponent("journal.csv").path])
    }

    @Test func aPatientsFileBesideTheExportGivesWhatTheFullReadGave() throws {
        let patients = "patient_id,birth_date,sex\nG1,1980-01-01,F\nG13,1975-05-05,M\nG99,1990-02-02,F\n"
        let folder = try Self.folder(["labs.csv": Self.labBytes, "patients.csv": Array(patients.utf8)])
        try Self.expectSameAsFull([folder.path])
    }

    /// A file's own problems (an unknown column) belong to the patients whose rows it holds;
    /// when the selection leaves all of them out, they are still not problems for no patient.
    @Test func theProblemsOfAFileOfOtherPatientsStayTheirs() throws {
        let others =
            "patient_id,collected_at,test,loinc,value,unit,colour\nG2,2026-10-02,sodium,2951-2,140,mmol/L,red\n"
            + "G3,2026-10-02,sodium,2951-2,140,mmol/L,\"dark, red\"\n"
        let mine = "patient_id,date,location,twitch_count\nG1,2026-10-01,right forearm,4\n"
        let empty = "patient_id,collected_at,test,loinc,value,unit,colour\n"
        let folder = try Self.folder(["labs.csv": Array(others.utf8), "journal.csv": Array(mine.utf8), "none.csv": Array(empty.utf8)])
        try Self.expectSameAsFull([folder.path])
        let single = try Ingestion.run(
            paths: [folder.path], options: ReadOptions(knowledge: Knowledge.forTests), knowledge: Knowledge.forTests,
            asOf: Self.asOf, patient: "G1")
        let labs = Self.bytesRead(others, selecting: "G1")
        #expect(labs?.omittedRecords == 2)
        #expect(single.unattributed.map(\.description).allSatisfy { $0.hasPrefix("none.csv") })
        #expect(single.unattributed.isEmpty == false)
    }

    /// The read of `text` as `labs.csv` through a selection of `patient`.
    static func bytesRead(_ text: String, selecting patient: String) -> ReadResult? {
        let bytes = Array(text.utf8)
        guard let selection = PatientSelection(patient: patient) else { return nil }
        let outcome = bytes.withUnsafeBytes {
            InputFileReader.read(bytes: $0, file: "labs.csv", options: ReadOptions.forTests(), selection: selection)
        }
        return outcome.outcome.result
    }

    @Test func everySampleFileAloneAndTogetherGivesWhatTheFullReadGave() throws {
        let samples = SinglePatientIngestionTests.root.appendingPathComponent("Samples").path
        try Self.expectSameAsFull([samples])
        for file in try InputDiscovery.files(under: [samples]) where !file.path.contains("/tools/") {
            try Self.expectSameAsFull([file.path])
        }
    }

    @Test func everyFileOfTheHostileCorpusGivesWhatTheFullReadGave() throws {
        for name in try HostileCorpus.committedFiles() {
            try Self.expectSameAsFull(["\(HostileCorpus.folder)/\(name)"])
        }
    }

    /// The selection leaves rows out (so the tests above compare two different readings), and
    /// keeps every row it cannot attribute, each reported with the message it always had.
    @Test func theSelectionLeavesOutOtherPatientsRowsAndKeepsEveryUnattributableOne() throws {
        let bytes = Self.labBytes
        let selection = try #require(PatientSelection(patient: "G1"))
        let outcome = bytes.withUnsafeBytes {
            InputFileReader.read(bytes: $0, file: "labs.csv", options: ReadOptions.forTests(), selection: selection)
        }
        guard case .read(let result) = outcome.outcome else {
            Issue.record("not read")
            return
        }
        // Left out: every row of another patient with a plain id (G12, XG1, G13, G14, G15),
        // also G12's row after the quote never closed (line 30). Read: G1's rows, and the rows
        // whose id is not plain ASCII (`"G""1"`, `Gé1`) or spaced (` G1 `), for the reader to decide.
        #expect(result.omittedRecords == 11)
        #expect(result.labs.map(\.source.line) == [2, 6, 8, 9, 17, 18, 26])
        #expect(result.labs.map(\.patientID) == ["G1", "G1", "G1", "G\"1", "G\u{E9}1", "G1", "G1"])
        let expected = [
            "labs.csv:12:1: patient_id is empty; row skipped",
            "labs.csv:13:1: patient_id is empty; row skipped",
            "labs.csv:14:52: row has 10 fields, header has 9; row skipped",
            "labs.csv:15:24: text after a closing quote; row skipped",
            "labs.csv:16:1: patient_id is not valid UTF-8; row skipped",
            "labs.csv:18:49: quote inside an unquoted field; kept as a literal quote",
            "labs.csv:29:48: quoted field is never closed; row skipped",
        ]
        #expect(result.diagnostics.filter { $0.patientID == nil || $0.patientID == "G1" }.map(\.description) == expected)
        let full = bytes.withUnsafeBytes { InputFileReader.read(bytes: $0, file: "labs.csv", options: ReadOptions.forTests()) }
        guard case .read(let all) = full.outcome else {
            Issue.record("not read")
            return
        }
        #expect(all.omittedRecords == 0)
        #expect(
            all.diagnostics.filter { $0.patientID == nil || $0.patientID == "G1" }
                == result.diagnostics.filter { $0.patientID == nil || $0.patientID == "G1" })
        #expect(all.labs.filter { $0.patientID == "G1" } == result.labs.filter { $0.patientID == "G1" })
        #expect(result.diagnostics.allSatisfy { $0.patientID == nil || $0.patientID == "G1" || $0.patientID == "G1\u{FFFD}X" })
        #expect(outcome.input == full.input)
    }

    /// The problems of the file reach the selected patient's report with the messages they
    /// always had, and nothing about other patients.
    @Test func theSelectedReportCarriesTheFileProblemsWithTheirExactMessages() throws {
        let folder = try Self.folder(["labs.csv": Self.labBytes])
        let single = try Ingestion.run(
            paths: [folder.path], options: ReadOptions(knowledge: Knowledge.forTests), knowledge: Knowledge.forTests,
            asOf: Self.asOf, patient: "G1")
        let record = try #require(single.patients.first)
        let messages = (record.diagnostics + single.unattributed).filter { $0.patientID == nil }.map(\.description)
        #expect(
            messages == [
                "labs.csv:12:1: patient_id is empty; row skipped",
                "labs.csv:13:1: patient_id is empty; row skipped",
                "labs.csv:14:52: row has 10 fields, header has 9; row skipped",
                "labs.csv:15:24: text after a closing quote; row skipped",
                "labs.csv:16:1: patient_id is not valid UTF-8; row skipped",
                "labs.csv:29:48: quoted field is never closed; row skipped",
            ])
        #expect(single.unattributed.allSatisfy { $0.patientID == nil })
    }

    /// A single-patient report says nothing about other patients: G13 has only rows after the
    /// as-of date (nothing to triage), which the full read counts and the report of G1 does
    /// not; the rows of G12 after its first are read by neither.
    @Test func theReportOfOnePatientDoesNotCountOthersWithNothingToTriage() throws {
        let labs =
            "patient_id,collected_at,test,loinc,value,unit,ref_low,ref_high\n"
            + "G1,2026-10-02,magnesium,19123-9,1.4,mg/dL,1.7,2.2\n"
            + "G12,2026-12-02,potassium,2823-3,4.1,mmol/L,3.5,5.1\n"
            + "G12,2026-10-02,potassium,2823-3,4.1,mmol/L,3.5,5.1\n"
            + "G13,2026-12-01,sodium,2951-2,140,mmol/L,135,145\n"
            + "G13,2026-12-03,sodium,2951-2,141,mmol/L,135,145\n"
            + "G14,2026-10-02,sodium,2951-2,141,mmol/L,135,145\n"
            + "G14,2026-10-03,sodium,2951-2,141,mmol/L,135,145\n"
            + "G1,2026-10-09,potassium,2823-3,3.1,mmol/L,3.5,5.1\n"
        let folder = try Self.folder(["labs.csv": Array(labs.utf8)])
        try Self.expectSameAsFull([folder.path])
        let full = try Ingestion.run(
            paths: [folder.path], options: ReadOptions(knowledge: Knowledge.forTests), knowledge: Knowledge.forTests, asOf: Self.asOf)
        #expect(
            full.unattributed.map(\.description) == ["labs.csv: 1 patient has demographics but no journal or lab data; no report written"])
        let single = try Ingestion.run(
            paths: [folder.path], options: ReadOptions(knowledge: Knowledge.forTests), knowledge: Knowledge.forTests,
            asOf: Self.asOf, patient: "G1")
        #expect(single.unattributed.map(\.description) == [])
        #expect(single.patients.map(\.id) == ["G1"])
        #expect(single.patients.first?.labs.count == 2)
        #expect(Self.bytesRead(labs, selecting: "G1")?.omittedRecords == 6)
    }

    /// The patients a report does not build are asked only whether a result gives them
    /// something to triage: the same answer as normalising it (a result, or an error).
    @Test func givesTriageDataAnswersAsNormalisingDoes() throws {
        let normaliser = Normaliser(knowledge: Knowledge.forTests, asOf: Self.asOf)
        var records: [LabRecord] = []
        let samples = SinglePatientIngestionTests.root.appendingPathComponent("Samples").path
        for file in try InputDiscovery.files(under: [samples]) {
            if case .read(let result) = InputFileReader.read(file, options: ReadOptions.forTests()).outcome { records += result.labs }
        }
        if case .read(let result) = Self.labBytes.withUnsafeBytes({
            InputFileReader.read(bytes: $0, file: "labs.csv", options: ReadOptions.forTests()).outcome
        }) {
            records += result.labs
        }
        let unknown =
            "patient_id,collected_at,test,loinc,code,value,unit\nX,2026-10-01,frobnicase,,,1,U/L\nX,2026-10-01,,99999-9,,1,U/L\n"
            + "X,2026-10-01,potassium,,,1,parsecs\nX,2026-10-01,,2823-3,,-1,mmol/L\nX,2026-10-01,,,K,1,mmol/L\n"
        if case .read(let result) = Array(unknown.utf8).withUnsafeBytes({
            InputFileReader.read(bytes: $0, file: "u.csv", options: ReadOptions.forTests()).outcome
        }) {
            records += result.labs
        }
        #expect(records.count > 100)
        var answers: Set<Bool> = []
        for record in records {
            var diagnostics: [Diagnostic] = []
            let normalised =
                normaliser.labResult(from: record, diagnostics: &diagnostics) != nil || diagnostics.contains { $0.severity == .error }
            #expect(normaliser.givesTriageData(record) == normalised, "\(record.source)")
            answers.insert(normalised)
        }
        #expect(answers == [true, false])
    }

    /// Rows made of random pieces (ids, quotes, delimiters, spaces, line breaks), a fixed seed:
    /// the selected read keeps every record and problem of G1 and every problem for no
    /// patient exactly as the full read has them, whatever the scanner's fast pass skipped.
    @Test func randomRowsGiveTheSelectedPatientWhatTheFullReadGave() {
        var generator = SplitMix64.forTest(defaultSeed: 2026)
        func next(_ bound: Int) -> Int { Int(generator.next() % UInt64(bound)) }
        let ids = ["G1", "G2", "G12", "G1 ", "\"G1\"", "\"G2\"", "", "G\"1", "XG1", "G1x"]
        let pieces = ["sodium", "\"so,dium\"", "\"a\"\"b\"", "5\" x", "\"x\"y", "\"multi\nline\"", "", " ", "\"", "\"never"]
        let breaks = ["\n", "\r\n", "\r", "\n\n"]
        var skipped = 0
        for _ in 0..<300 {
            var text = "patient_id,collected_at,test,loinc,value,unit\n"
            for _ in 0..<(1 + next(12)) {
                let id = ids[next(ids.count)]
                let test = next(3) == 0 ? pieces[next(pieces.count)] : "sodium"
                let extra = next(8) == 0 ? ",extra" : (next(8) == 0 ? "" : ",mmol/L")
                text += "\(id),2026-10-0\(1 + next(9)),\(test),2951-2,14\(next(10))\(extra)" + breaks[next(breaks.count)]
            }
            let bytes = Array(text.utf8)
            let selection = PatientSelection(patient: "G1")!
            let selected = bytes.withUnsafeBytes {
                InputFileReader.read(bytes: $0, file: "r.csv", options: ReadOptions.forTests(), selection: selection)
            }
            let full = bytes.withUnsafeBytes { InputFileReader.read(bytes: $0, file: "r.csv", options: ReadOptions.forTests()) }
            guard let one = selected.outcome.result, let all = full.outcome.result else {
                #expect(selected.outcome == full.outcome, "\(text) (\(generator.reproduce))")
                continue
            }
            skipped += one.omittedRecords
            let mine: (Diagnostic) -> Bool = { $0.patientID == nil || $0.patientID == "G1" }
            #expect(
                one.labs.filter { $0.patientID == "G1" } == all.labs.filter { $0.patientID == "G1" }, "\(text) (\(generator.reproduce))")
            #expect(one.diagnostics.filter(mine) == all.diagnostics.filter(mine), "\(text) (\(generator.reproduce))")
            #expect(selected.input == full.input)
        }
        #expect(skipped > 300, "\(generator.reproduce)")
    }

    @Test func aNonASCIIIdIsReadWithoutASelection() {
        #expect(PatientSelection(patient: "G\u{E9}1") == nil)
        #expect(PatientSelection(patient: "K\u{212A}") == nil)
        #expect(PatientSelection(patient: "G1")?.patient == "G1")
    }
}
