import TriageIngest
import TriageModel

extension PatientRecordAssembler {
    /// One file's parts held in one list per kind of record, patient after patient, with each
    /// patient's ranges: the same parts as the file's ``FileParts`` (``part(_:)`` gives each back
    /// equal), in a few large allocations instead of several small ones per patient.
    ///
    /// The batch keeps a shared file's parts (a laboratory's export, the registration system's)
    /// until each patient's turn (SPEC §9). Kept as separate lists per patient and freed one
    /// patient at a time, they left a heap of half a gigabyte full of holes at 100,000 patients,
    /// which glibc's allocator then searched on every allocation of the run (issue 23: its share
    /// of the samples 12.8 % at 10,000 patients, 26.4 % at 100,000). Packed, a file's records
    /// are let go together, once its last patient has been taken.
    package struct PackedParts: Sendable {
        /// Where one patient's part lies in the file's lists.
        package struct Entry: Sendable, Hashable {
            /// The patient.
            package var patient: PatientID
            /// The part's file position and file, as in ``Part``.
            var fileIndex: Int
            var input: InputFile
            var journal: Range<Int>
            var labs: Range<Int>
            var otherResults: Range<Int>
            var demographics: Range<Int>
            var phoneDays: Range<Int>
            var diagnostics: Range<Int>
            var hasUnbuiltTriageData: Bool
        }

        /// One entry per patient, sorted by patient id.
        package private(set) var entries: [Entry] = []
        private var journal: [JournalEntry] = []
        private var labs: [LabResult] = []
        private var otherResults: [Referral.OtherResult] = []
        private var demographics: [PatientDemographics] = []
        private var phoneDays: [PhoneDay] = []
        private var diagnostics: [Diagnostic] = []

        /// Packs a file's parts by patient (``FileParts/parts``).
        package init(_ parts: [PatientID: Part]) {
            let patients = parts.keys.sorted()
            var counts = (0, 0, 0, 0, 0, 0)
            for part in parts.values {
                counts.0 += part.journal.count
                counts.1 += part.labs.count
                counts.2 += part.otherResults.count
                counts.3 += part.demographics.count
                counts.4 += part.phoneDays.count
                counts.5 += part.diagnostics.count
            }
            entries.reserveCapacity(patients.count)
            journal.reserveCapacity(counts.0)
            labs.reserveCapacity(counts.1)
            otherResults.reserveCapacity(counts.2)
            demographics.reserveCapacity(counts.3)
            phoneDays.reserveCapacity(counts.4)
            diagnostics.reserveCapacity(counts.5)
            for patient in patients {
                let part = parts[patient]!
                entries.append(
                    Entry(
                        patient: patient, fileIndex: part.fileIndex, input: part.input,
                        journal: Self.append(part.journal, to: &journal),
                        labs: Self.append(part.labs, to: &labs),
                        otherResults: Self.append(part.otherResults, to: &otherResults),
                        demographics: Self.append(part.demographics, to: &demographics),
                        phoneDays: Self.append(part.phoneDays, to: &phoneDays),
                        diagnostics: Self.append(part.diagnostics, to: &diagnostics),
                        hasUnbuiltTriageData: part.hasUnbuiltTriageData))
            }
        }

        /// The part of the entry at `index`, equal to the one packed.
        package func part(_ index: Int) -> Part {
            let entry = entries[index]
            var part = Part(fileIndex: entry.fileIndex, input: entry.input)
            part.journal = Array(journal[entry.journal])
            part.labs = Array(labs[entry.labs])
            part.otherResults = Array(otherResults[entry.otherResults])
            part.demographics = Array(demographics[entry.demographics])
            part.phoneDays = Array(phoneDays[entry.phoneDays])
            part.diagnostics = Array(diagnostics[entry.diagnostics])
            part.hasUnbuiltTriageData = entry.hasUnbuiltTriageData
            return part
        }

        private static func append<Element>(_ elements: [Element], to list: inout [Element]) -> Range<Int> {
            let start = list.count
            list.append(contentsOf: elements)
            return start..<list.count
        }
    }
}
