import Foundation

/// A small clinic drop for batch tests: three journals, a lab file, and whatever a test adds.
enum BatchFixture {
    static func journal(_ id: String, days: Int, location: String = "right forearm", symptoms: String = "") -> String {
        var text = "patient_id,date,location,twitch_count,symptoms,weakness\n"
        for day in 0..<days {
            let date = "2026-10-\(day + 1 < 10 ? "0" : "")\(day + 1)"
            text += "\(id),\(date),\(location),\(3 + day % 4),\(symptoms),0\n"
        }
        return text
    }

    static let labs = """
        patient_id,collected_at,test,loinc,value,unit,ref_low,ref_high
        B001,2026-10-02,magnesium,19123-9,1.4,mg/dL,1.7,2.2
        B002,2026-10-02,potassium,2823-3,4.1,mmol/L,3.5,5.1
        B003,2026-10-02,vitamin B12,2132-9,450,pg/mL,200,900

        """

    /// Writes the drop into a new folder and returns it.
    static func make(extra: [String: Data] = [:]) throws -> URL {
        let folder = try BinaryRunner.temporaryFolder().appendingPathComponent("in")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let files: [String: String] = [
            "B001.csv": journal("B001", days: 25),
            "B002.csv": journal("B002", days: 5, location: "left eyelid"),
            "B003.csv": journal("B003", days: 20, symptoms: "tingling"),
            "labs.csv": labs,
        ]
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        for (name, data) in extra { try data.write(to: folder.appendingPathComponent(name)) }
        return folder
    }

    /// Every file under `folder` with its bytes, hidden ones left out.
    static func snapshot(_ folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(
            at: folder, includingPropertiesForKeys: [.isRegularFileKey],
            options: [.skipsHiddenFiles])
        while let url = enumerator?.nextObject() as? URL {
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            result[String(url.path.dropFirst(folder.path.count + 1))] = try Data(contentsOf: url)
        }
        return result
    }

    /// Modification times of every file under `folder`.
    static func modificationTimes(_ folder: URL) throws -> [String: Date] {
        var result: [String: Date] = [:]
        for path in try snapshot(folder).keys {
            result[path] =
                try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(path).path)[.modificationDate] as? Date
        }
        return result
    }
}
