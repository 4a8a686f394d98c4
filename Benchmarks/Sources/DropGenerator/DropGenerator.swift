#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The generator's entry points: whole drops and large reader files on disk, and single files
/// in memory for the microbenchmarks.
public enum DropGenerator {
    public static func printError(_ message: String) { Output.printError(message) }

    public static func writeDrop(patients n: Int, seed: UInt64, out: String) {
        let perGroup = 5_000
        var buffer = ByteBuffer()
        var group = -1
        var labs: [LabFormat: Output.Appender] = [:]
        var registered: Output.Appender?
        var walkIns: Output.Appender?
        var folders: Set<String> = []
        func closeGroup() {
            for (format, appender) in labs {
                LabWriter.footer(format, into: &appender.buffer)
                appender.close()
            }
            labs = [:]
            registered?.close()
            walkIns?.close()
        }
        Output.makeDirectories(out + "/labs")
        Output.makeDirectories(out + "/patients")
        for index in 1...n {
            if (index - 1) / perGroup != group {
                closeGroup()
                group = (index - 1) / perGroup
                for format in LabFormat.allCases {
                    let appender = Output.Appender(path: out + "/" + format.path(group: group))
                    LabWriter.header(format, into: &appender.buffer)
                    labs[format] = appender
                }
                registered = Output.Appender(path: out + "/patients/patients_\(Drop.pad(group, 3)).csv")
                PatientsWriter.header(walkIn: false, into: &registered!.buffer)
                walkIns = Output.Appender(path: out + "/patients/patients_walkin_\(Drop.pad(group, 3)).csv")
                PatientsWriter.header(walkIn: true, into: &walkIns!.buffer)
            }
            let patient = Drop.patient(index, seed: seed)
            let app = JournalApp.of(index)
            let folder = out + "/" + app.folder + "/batch-" + Drop.pad(index / 1000, 3)
            if folders.insert(folder).inserted { Output.makeDirectories(folder) }
            buffer.removeAll()
            JournalWriter.header(app, into: &buffer)
            JournalWriter.rows(patient, app: app, into: &buffer)
            JournalWriter.footer(app, into: &buffer)
            Output.write(buffer, to: folder + "/" + app.fileName(patient.id))

            let format = LabFormat.of(index)
            LabWriter.rows(patient, format: format, seed: seed, into: &labs[format]!.buffer)
            labs[format]!.flushIfLarge()
            if patient.id.hasPrefix("MRN-") {
                PatientsWriter.row(patient, walkIn: true, into: &walkIns!.buffer)
            } else if !app.carriesDemographics {
                PatientsWriter.row(patient, walkIn: false, into: &registered!.buffer)
            }
            registered!.flushIfLarge()
            walkIns!.flushIfLarge()
        }
        closeGroup()
    }

    public static func writeIngestFiles(bytes target: Int, seed: UInt64, out: String) {
        Output.makeDirectories(out)
        enum Kind { case lab(LabFormat), journal(JournalApp) }
        let files: [(String, Kind)] = [("labs.xml", .lab(.xml)), ("labs.csv", .lab(.usCSV)), ("labs-si.csv", .lab(.siCSV)),
                                       ("journal.csv", .journal(.twitchLog)), ("journal.xml", .journal(.xml))]
        for (name, kind) in files {
            let appender = Output.Appender(path: out + "/" + name)
            switch kind {
            case .lab(let format): LabWriter.header(format, into: &appender.buffer)
            case .journal(let app): JournalWriter.header(app, into: &appender.buffer)
            }
            var index = 1
            while appender.size < target {
                let patient = Drop.patient(index, seed: seed)
                switch kind {
                case .lab(let format): LabWriter.rows(patient, format: format, seed: seed, into: &appender.buffer)
                case .journal(let app): JournalWriter.rows(patient, app: app, into: &appender.buffer)
                }
                appender.flushIfLarge()
                index += 1
            }
            switch kind {
            case .lab(let format): LabWriter.footer(format, into: &appender.buffer)
            case .journal(let app): JournalWriter.footer(app, into: &appender.buffer)
            }
            appender.close()
        }
    }

    /// A multi-patient file in memory, as `writeIngestFiles` writes it, of at least `bytes`
    /// bytes: `labs.xml`, `labs.csv`, `labs-si.csv`, `journal.csv` or `journal.xml`.
    public static func file(_ name: String, bytes target: Int, seed: UInt64 = 2026) -> [UInt8] {
        var out = ByteBuffer(capacity: target + 65_536)
        enum Kind { case lab(LabFormat), journal(JournalApp) }
        let kinds: [String: Kind] = ["labs.xml": .lab(.xml), "labs.csv": .lab(.usCSV), "labs-si.csv": .lab(.siCSV),
                                     "journal.csv": .journal(.twitchLog), "journal.xml": .journal(.xml)]
        guard let kind = kinds[name] else { return [] }
        switch kind {
        case .lab(let format): LabWriter.header(format, into: &out)
        case .journal(let app): JournalWriter.header(app, into: &out)
        }
        var index = 1
        while out.count < target {
            let patient = Drop.patient(index, seed: seed)
            switch kind {
            case .lab(let format): LabWriter.rows(patient, format: format, seed: seed, into: &out)
            case .journal(let app): JournalWriter.rows(patient, app: app, into: &out)
            }
            index += 1
        }
        switch kind {
        case .lab(let format): LabWriter.footer(format, into: &out)
        case .journal(let app): JournalWriter.footer(app, into: &out)
        }
        return out.bytes
    }
}
