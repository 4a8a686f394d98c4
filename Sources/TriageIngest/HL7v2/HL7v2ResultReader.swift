import TriageModel

/// The state of reading one HL7 v2 file: the current message's delimiters, patient and OBR
/// time, and the file's counts; turns each OBX into a ``LabRecord`` (SPEC §3.9).
///
/// An OBX is read when its identifier (OBX-3, else its alternate) is LOINC (`LN`) with the
/// code of a known analyte, or a local code (another coding system) that the site's code map
/// or its text names an analyte by (``LocalCodeReading``), its value type (OBX-2) is NM, SN or
/// ST, and its status (OBX-11) is F, C, P or R (P is used and marked preliminary). Another
/// OBX that the lab flagged (OBX-8 other than N) is kept as an other result; the rest are
/// counted per file. NTE-3 after an OBX is its comment; after an OBR before its first OBX,
/// the comment of every result of that OBR; every NTE of the OBR's group is also the panel's
/// comment (``LabRecord/panelComment``), which the specimen words are read from. Value
/// OBX-5 (SN: comparator and number; a range or ratio is skipped), units OBX-6, range
/// OBX-7 (`3.5-5.1`, `<5`, `>10`), flag OBX-8, time OBX-14 else OBR-7 else OBR-8 (the end of
/// the specimen collection; OBX-19, the time of the analysis, is never used).
///
/// Also: an OBX-5 with several repetitions (`4.2~4.3`) is skipped (which one is the result is
/// not guessed); OBX-8 `<` or `>` (off scale, table 0078) makes a plain value censored at its
/// number and is not kept as a flag; MSH-18 `8859/1` makes the message's text Latin-1; an
/// MSH without MSH-9 skips its message; a PID-3 repetition typed `SS` (a social security
/// number) is never the patient id.
struct HL7v2ResultReader {
    let file: String
    /// The file in the run's file table, for the locations made per record.
    let fileID: SourceFileID
    private let knownCodes: Set<String>
    private var result = ReadResult(kind: .hl7v2)
    private var delimiters = HL7v2Delimiters()
    private var fields: [UnsafeBufferPointer<UInt8>] = []
    /// Where the current message starts, if one has started.
    private var messageLine: Int?
    private var skippingMessage = false
    private var patientID: String?
    private var patientReported = false
    private var requestTime: (text: String, location: SourceLocation)?
    private var counts = ResultCodeCounts()
    private var localCodes: LocalCodeReading
    /// Where the current OBR's results start in ``result``'s labs and other results.
    private var panelStart = (labs: 0, others: 0)
    /// The current OBR's NTEs before its first OBX (the panel's own comment), and all of its NTEs.
    private var panelComments: [String] = []
    private var groupComments: [String] = []
    /// Whether an OBX has been seen since the OBR.
    private var panelHasOBX = false
    /// The result the next NTE belongs to: the last OBX's, when it was kept.
    private enum CommentTarget {
        case none
        case lab(Int)
        case other(Int)
    }
    private var commentTarget = CommentTarget.none
    /// Codes, units, flags and ids made once per distinct value.
    private let strings = ByteStringCache()

    init(file: String, options: ReadOptions, size: Int = 0) {
        self.file = file
        self.fileID = SourceFileID(file)
        self.knownCodes = options.loincCodes
        self.localCodes = options.localCodes(file: file)
        // An OBX is 40 bytes at the least, usually 60-120: room for the results up front, so that
        // the array of records (hundreds of bytes each) is never copied as it grows. Reserving
        // for the shortest costs address space only: pages never written are never resident.
        result.labs.reserveCapacity(CSVFileReader.reservation(size / 40, of: LabRecord.self))
    }

    // MARK: Segments

    /// A segment longer than the limit: skipped, and reported.
    mutating func oversized(line: Int) {
        result.diagnostics.append(
            .error(
                at: SourceLocation(fileID: fileID, line: line), HL7v2Messages.segmentTooLong,
                patientID: skippingMessage ? nil : patientID.map(PatientID.init(rawValue:))))
    }

    /// One segment, without its terminator.
    mutating func segment(_ segment: UnsafeBufferPointer<UInt8>, line: Int, columnOffset: Int) {
        guard segment.count >= 3 else { return unknownLine(line) }
        let name = (segment[0], segment[1], segment[2])
        if name == (0x4D, 0x53, 0x48) { return header(segment, line: line) }  // MSH
        if name == (0x46, 0x48, 0x53) || name == (0x42, 0x48, 0x53) {  // FHS, BHS: a batch's own encoding characters
            if segment.count >= 4 { delimiters = HL7v2Delimiters(header: segment) }
            return
        }
        guard segment.count == 3 || segment[3] == delimiters.field,
            HL7v2ResultReader.isSegmentName(segment)
        else { return unknownLine(line) }
        guard messageLine != nil else {
            if name == (0x42, 0x54, 0x53) || name == (0x46, 0x54, 0x53) { return }  // BTS, FTS
            result.diagnostics.append(.error(at: SourceLocation(fileID: fileID, line: line), HL7v2Messages.segmentBeforeMSH))
            return
        }
        guard !skippingMessage else { return }
        split(segment, columnOffset: columnOffset)
        switch name {
        case (0x50, 0x49, 0x44): patient(line: line, columnOffset: columnOffset)  // PID
        case (0x4F, 0x42, 0x52): request(line: line)  // OBR
        case (0x4F, 0x42, 0x58):  // OBX
            panelHasOBX = true
            commentTarget = .none
            observation(line: line)
        case (0x4E, 0x54, 0x45): note()  // NTE
        default: break
        }
    }

    private static func isSegmentName(_ segment: UnsafeBufferPointer<UInt8>) -> Bool {
        (0..<3).allSatisfy { segment[$0] &- 0x41 < 26 || segment[$0] &- 0x30 < 10 }
    }

    private mutating func unknownLine(_ line: Int) {
        result.diagnostics.append(.error(at: SourceLocation(fileID: fileID, line: line), HL7v2Messages.notASegment))
    }

    private mutating func header(_ segment: UnsafeBufferPointer<UInt8>, line: Int) {
        closePanel()
        messageLine = line
        patientID = nil
        patientReported = false
        requestTime = nil
        skippingMessage = false
        guard segment.count >= 8 else {
            skippingMessage = true
            result.diagnostics.append(.error(at: SourceLocation(fileID: fileID, line: line), HL7v2Messages.badMSH))
            return
        }
        delimiters = HL7v2Delimiters(header: segment)
        split(segment, columnOffset: 0)
        // MSH-18, the character set: ISO 8859-1 is read as Latin-1 (µ is one byte there);
        // anything else as UTF-8 (ASCII, UNICODE UTF-8).
        delimiters.latin1 = fields.count > 17 && XMLBytes.trimmed(delimiters.component(fields[17], 1)).elementsEqual("8859/1".utf8)
        guard fields.count > 8, !XMLBytes.trimmed(fields[8]).isEmpty else {
            skippingMessage = true
            result.diagnostics.append(.warning(at: SourceLocation(fileID: fileID, line: line), HL7v2Messages.noMessageType))
            return
        }
        // MSH-1 is the separator itself: MSH-n is piece n-1.
        let type = fields.count > 8 ? fields[8] : UnsafeBufferPointer(rebasing: segment[0..<0])
        let code = delimiters.text(delimiters.component(type, 1), cache: strings)
        let event = delimiters.text(delimiters.component(type, 2), cache: strings)
        if code != "ORU" || (event != "R01" && !event.isEmpty) {
            skippingMessage = true
            result.diagnostics.append(.warning(at: SourceLocation(fileID: fileID, line: line, column: column(8)), HL7v2Messages.notORU))
        }
    }

    private mutating func patient(line: Int, columnOffset: Int) {
        patientID = nil
        patientReported = false
        var chosen: String?
        var socialSecurity = false
        for repetition in delimiters.repetitions(field(3)) {
            let id = delimiters.text(delimiters.component(repetition, 1), cache: strings)
            let type = delimiters.text(delimiters.component(repetition, 5), cache: strings)
            if !id.isEmpty, type == "SS" { socialSecurity = true }
            guard !id.isEmpty, type != "SS" else { continue }  // a social security number is never a patient id
            if type == "MR" {
                chosen = id
                break
            }
            if chosen == nil { chosen = id }
        }
        guard let id = chosen else {
            result.diagnostics.append(
                .error(
                    at: SourceLocation(fileID: fileID, line: line, column: column(3)),
                    socialSecurity ? HL7v2Messages.onlySocialSecurityNumber : HL7v2Messages.noPatientID))
            patientReported = true
            return
        }
        patientID = id
        var birthDate: LocalDate?
        let birth = delimiters.text(delimiters.component(field(7), 1))
        if !birth.isEmpty {
            birthDate = HL7v2DateTime.parse(birth)?.date
            if birthDate == nil {
                result.diagnostics.append(
                    .warning(
                        at: SourceLocation(fileID: fileID, line: line, column: column(7)), HL7v2Messages.birthDateInvalid,
                        patientID: PatientID(id)))
            }
        }
        var sex: PatientDemographics.Sex?
        switch delimiters.text(delimiters.component(field(8), 1)) {
        case "": sex = nil
        case "A": sex = .other
        case "N": sex = .unknown
        case let text: sex = PatientDemographics.Sex(text: text)
        }
        if birthDate != nil || sex != nil {
            result.demographics.append(
                ExchangeRecords.demographics(
                    source: SourceLocation(fileID: fileID, line: line),
                    patientID: id, birthDate: birthDate, sex: sex))
        }
    }

    /// NTE-3 (its repetitions joined), escapes decoded: the last kept OBX's comment, or, before
    /// the OBR's first OBX, the panel's; every NTE of the group is the panel's comment too.
    private mutating func note() {
        let text = delimiters.repetitions(field(3)).map { delimiters.text($0) }.filter { !$0.isEmpty }.joined(separator: " ")
        guard !text.isEmpty else { return }
        groupComments.append(text)
        if !panelHasOBX {
            panelComments.append(text)
            return
        }
        switch commentTarget {
        case .none: break
        case .lab(let index): result.labs[index].comment = HL7v2ResultReader.joined(result.labs[index].comment, text)
        case .other(let index):
            result.otherResults[index].result.comment = HL7v2ResultReader.joined(result.otherResults[index].result.comment, text)
        }
    }

    private static func joined(_ first: String?, _ second: String) -> String {
        guard let first, !first.isEmpty else { return second }
        return first + "; " + second
    }

    /// Ends the current OBR's group: its own NTEs go to every result of it, and all its NTEs
    /// become each result's panel comment.
    private mutating func closePanel() {
        defer {
            panelStart = (result.labs.count, result.otherResults.count)
            panelHasOBX = false
            commentTarget = .none
        }
        guard !groupComments.isEmpty else { return }  // the usual case: no NTE, nothing to free
        defer {
            panelComments.removeAll()
            groupComments.removeAll()
        }
        let panel = panelComments.joined(separator: "; ")
        let group = groupComments.joined(separator: "; ")
        for index in panelStart.labs..<result.labs.count {
            if !panel.isEmpty { result.labs[index].comment = HL7v2ResultReader.joined(result.labs[index].comment, panel) }
            result.labs[index].panelComment = group
        }
        if !panel.isEmpty {
            for index in panelStart.others..<result.otherResults.count {
                result.otherResults[index].result.comment = HL7v2ResultReader.joined(result.otherResults[index].result.comment, panel)
            }
        }
    }

    private mutating func request(line: Int) {
        closePanel()
        // OBR-7 is when the specimen was collected; when it is empty, OBR-8 (the end of the
        // collection) is the nearest time the standard gives. OBX-19 (when the lab analysed
        // it) is never used: that can be days after the blood was drawn.
        for n in [7, 8] {
            let text = delimiters.text(delimiters.component(field(n), 1))
            requestTime = text.isEmpty ? nil : (text, SourceLocation(fileID: fileID, line: line, column: column(n)))
            if requestTime != nil { return }
        }
    }

    private mutating func observation(line: Int) {
        let location = SourceLocation(fileID: fileID, line: line)
        func at(_ n: Int) -> SourceLocation { SourceLocation(fileID: fileID, line: line, column: column(n)) }
        let identifier = field(3)
        var code: String?
        var anyLOINC = false
        for alternate in 0..<2 {
            let system = XMLBytes.trimmed(delimiters.component(identifier, alternate == 1 ? 6 : 3))
            guard HL7v2ResultReader.bytes(system, is: 0x4C, 0x4E) else { continue }  // LN
            anyLOINC = true
            let candidate = delimiters.text(delimiters.component(identifier, alternate == 1 ? 4 : 1), cache: strings)
            if knownCodes.contains(candidate) {
                code = candidate
                break
            }
        }
        var local: LocalCodeReading.Match?
        if code == nil {
            // A local code (SPEC §3.10): the site's code map, else the code's text by name.
            // Checked on the bytes first: most OBX here are LOINC codes of other analytes, and
            // then no string is made (a system written `LN`, a code with no byte, are never
            // another text once decoded).
            var unit: String?
            for alternate in 0..<2 {
                let systemBytes = XMLBytes.trimmed(delimiters.component(identifier, alternate == 1 ? 6 : 3))
                let codeBytes = XMLBytes.trimmed(delimiters.component(identifier, alternate == 1 ? 4 : 1))
                guard !codeBytes.isEmpty, !HL7v2ResultReader.bytes(systemBytes, is: 0x4C, 0x4E) else { continue }
                let system = delimiters.text(systemBytes, cache: strings)
                let localCode = delimiters.text(codeBytes, cache: strings)
                guard system != "LN", !localCode.isEmpty else { continue }
                let text = delimiters.text(delimiters.component(identifier, alternate == 1 ? 5 : 2))
                if unit == nil { unit = delimiters.text(delimiters.component(field(6), 1), cache: strings) }
                let unit = unit ?? ""
                local = localCodes.identify(
                    system: system, code: localCode, text: text, unit: unit, at: location,
                    diagnostics: &result.diagnostics)
                if local != nil { break }
            }
        }
        guard code != nil || local != nil else {
            if !keepOther(line: line) {
                counts.countUnidentified(hadLOINC: anyLOINC)
            }
            return
        }
        guard let patientID else {
            if !patientReported {
                result.diagnostics.append(.error(at: location, HL7v2Messages.noPatient))
                patientReported = true
            }
            return
        }
        func skip(_ message: String, _ column: Int, _ severity: Diagnostic.Severity = .error) {
            result.diagnostics.append(Diagnostic(severity, at: at(column), message, patientID: PatientID(patientID)))
        }
        // Codes are compared as bytes (an escape in them makes them invalid anyway).
        let status = XMLBytes.trimmed(delimiters.component(field(11), 1))
        if status.count == 1, status[0] == 0x50 {  // P
            skip(HL7v2Messages.preliminary, 11, .warning)
        } else if !(status.isEmpty || (status.count == 1 && (status[0] == 0x46 || status[0] == 0x43 || status[0] == 0x52))) {
            return skip(HL7v2Messages.statusNotUsed, 11, .warning)  // not F, C, R
        }
        let type = XMLBytes.trimmed(delimiters.component(field(2), 1))
        let firstValue = HL7v2Delimiters.piece(field(5), 0, separatedBy: delimiters.repetition)
        // Several repetitions of a numeric or string result: which one is the result is not
        // ours to guess.
        if firstValue.count != field(5).count { return skip(HL7v2Messages.valueRepeated, 5) }
        var value: LabValue
        if HL7v2ResultReader.bytes(type, is: 0x4E, 0x4D) || HL7v2ResultReader.bytes(type, is: 0x53, 0x54) {  // NM, ST
            let raw = XMLBytes.trimmed(firstValue)
            guard !raw.isEmpty else { return skip(HL7v2Messages.noValue, 5) }
            let parsed = raw.contains(delimiters.escape) ? LabValue.parse(delimiters.text(raw)) : LabValue.parse(raw)
            guard let parsed else { return skip(HL7v2Messages.valueInvalid, 5) }
            value = parsed
        } else if HL7v2ResultReader.bytes(type, is: 0x53, 0x4E) {  // SN
            guard let parsed = HL7v2ResultReader.structuredNumeric(firstValue, delimiters) else {
                return skip(HL7v2Messages.structuredInvalid, 5)
            }
            value = parsed
        } else {
            return skip(HL7v2Messages.valueType, 2)
        }
        let collected: Timestamp
        let observed = XMLBytes.trimmed(delimiters.component(field(14), 1))
        if !observed.isEmpty {
            guard let parsed = HL7v2DateTime.parse(observed) else {
                result.diagnostics.append(.error(at: at(14), HL7v2Messages.timeInvalid, patientID: PatientID(patientID)))
                return
            }
            collected = parsed
        } else {
            guard let time = requestTime else { return skip(HL7v2Messages.noTime, 14) }
            guard let parsed = HL7v2DateTime.parse(time.text) else {
                result.diagnostics.append(.error(at: time.location, HL7v2Messages.timeInvalid, patientID: PatientID(patientID)))
                return
            }
            collected = parsed
        }
        var unit = delimiters.text(delimiters.component(field(6), 1), cache: strings)
        if unit.isEmpty { unit = delimiters.text(delimiters.component(field(6), 2), cache: strings) }
        if unit.isEmpty, let mapUnit = local?.mapUnit { unit = mapUnit }
        var low: Double?
        var high: Double?
        let rangeBytes = XMLBytes.trimmed(delimiters.component(field(7), 1))
        if !rangeBytes.isEmpty {
            let range =
                rangeBytes.contains(delimiters.escape)
                ? HL7v2ReferenceRange.parse(delimiters.text(rangeBytes))
                : HL7v2ReferenceRange.parse(rangeBytes)
            if let range {
                (low, high) = range
            } else {
                skip(HL7v2Messages.rangeInvalid, 7, .warning)
            }
        }
        let flagText = delimiters.text(
            delimiters.component(HL7v2Delimiters.piece(field(8), 0, separatedBy: delimiters.repetition), 1),
            cache: strings)
        let (flag, censored, unread) = ExchangeRecords.interpret(flagText.isEmpty ? nil : (flagText, at(8)), value: &value)
        if censored { skip(HL7v2Messages.offScale, 8, .warning) }
        if unread { counts.interpretationsNotRead += 1 }
        commentTarget = .lab(result.labs.count)
        result.labs.append(
            ExchangeRecords.lab(
                source: location, patientID: patientID, collected: collected, loinc: code, loincLocation: at(3),
                value: value, valueLocation: at(5), unit: unit, unitLocation: at(6),
                referenceLow: low, referenceHigh: high, flag: flag, analyte: local?.analyteID))
    }

    /// Keeps the current OBX as an other result (SPEC §3.10) when the lab flagged it (OBX-8
    /// other than N), it has a patient and a value, and its status is used; false otherwise.
    private mutating func keepOther(line: Int) -> Bool {
        // Checked on the bytes first: most results of other analytes are unflagged or N.
        let flagBytes = XMLBytes.trimmed(delimiters.component(HL7v2Delimiters.piece(field(8), 0, separatedBy: delimiters.repetition), 1))
        guard !flagBytes.isEmpty, !(flagBytes.count == 1 && flagBytes[0] == 0x4E), let patientID else { return false }
        let flag = delimiters.text(flagBytes, cache: strings)
        guard !flag.isEmpty, flag != "N" else { return false }
        let status = delimiters.text(delimiters.component(field(11), 1))
        guard ["", "F", "C", "P", "R"].contains(status) else { return false }
        let identifier = field(3)
        var code = delimiters.text(delimiters.component(identifier, 1))
        var system = delimiters.text(delimiters.component(identifier, 3))
        var name = delimiters.text(delimiters.component(identifier, 2))
        if code.isEmpty {
            code = delimiters.text(delimiters.component(identifier, 4))
            system = delimiters.text(delimiters.component(identifier, 6))
            name = delimiters.text(delimiters.component(identifier, 5))
        }
        let type = delimiters.text(delimiters.component(field(2), 1))
        let value: String
        if type == "SN", let structured = HL7v2ResultReader.structuredNumeric(field(5), delimiters) {
            value = structured.description
        } else {
            value = delimiters.text(HL7v2Delimiters.piece(field(5), 0, separatedBy: delimiters.repetition))
        }
        guard !value.isEmpty else { return false }
        let unit = delimiters.text(delimiters.component(field(6), 1))
        var timeText = delimiters.text(delimiters.component(field(14), 1))
        if timeText.isEmpty, let requested = requestTime { timeText = requested.text }
        let other = Referral.OtherResult(
            name: name.isEmpty ? code : name, code: code.isEmpty ? nil : code, system: system.isEmpty ? nil : system,
            value: value, unit: unit.isEmpty ? nil : unit, flag: flag, collected: HL7v2DateTime.parse(timeText),
            source: SourceLocation(fileID: fileID, line: line))
        commentTarget = .other(result.otherResults.count)
        result.otherResults.append(OtherLabRecord(patientID: PatientID(patientID), result: other))
        return true
    }

    /// Whether `bytes` are exactly the two bytes given.
    @inline(__always)
    package static func bytes(_ bytes: UnsafeBufferPointer<UInt8>, is first: UInt8, _ second: UInt8) -> Bool {
        bytes.count == 2 && bytes[0] == first && bytes[1] == second
    }

    /// An SN value (`<^5`, `^4.2`, `>=^10`); nil for a range or ratio (`^2^-^4`, `^1^:^128`)
    /// or anything malformed.
    static func structuredNumeric(_ bytes: UnsafeBufferPointer<UInt8>, _ delimiters: HL7v2Delimiters) -> LabValue? {
        let comparatorText = delimiters.text(delimiters.component(bytes, 1))
        let number = delimiters.text(delimiters.component(bytes, 2))
        guard delimiters.text(delimiters.component(bytes, 3)).isEmpty, delimiters.text(delimiters.component(bytes, 4)).isEmpty,
            let comparator = comparatorText == "=" ? .equal : FHIRStatusRule.comparator(comparatorText),
            let value = NumberParser.parse(number)
        else { return nil }
        if comparator != .equal, value < 0 { return nil }
        return LabValue(value, comparator: comparator)
    }

    // MARK: Fields

    /// Splits a segment into fields: `fields[n]` is field n (for MSH, MSH-(n+1)).
    private mutating func split(_ segment: UnsafeBufferPointer<UInt8>, columnOffset: Int) {
        fields.removeAll(keepingCapacity: true)
        segmentBase = segment.baseAddress
        self.columnOffset = columnOffset
        guard let base = segment.baseAddress else { return fields.append(segment) }
        let separator = delimiters.field
        var start = 0
        var index = 0
        while index < segment.count {
            if base[index] == separator {
                fields.append(UnsafeBufferPointer(start: base + start, count: index - start))
                start = index + 1
            }
            index += 1
        }
        fields.append(UnsafeBufferPointer(start: base + start, count: segment.count - start))
    }

    private var segmentBase: UnsafePointer<UInt8>?
    private var columnOffset = 0

    /// Field `n` of the current segment (empty when absent).
    private func field(_ n: Int) -> UnsafeBufferPointer<UInt8> {
        n < fields.count ? fields[n] : UnsafeBufferPointer(start: nil, count: 0)
    }

    /// The 1-based byte column where field `n` starts.
    private func column(_ n: Int) -> Int? {
        guard n < fields.count, let base = segmentBase, let start = fields[n].baseAddress else { return nil }
        return start - base + 1 + columnOffset
    }

    /// The file's records and diagnostics, with its closing counts.
    mutating func finish() -> ReadResult {
        closePanel()
        counts.report(into: &result.diagnostics, fileID: fileID, HL7v2Messages.counts)
        if messageLine == nil {
            result.rejected = true
            result.diagnostics.append(.error(at: SourceLocation(fileID: fileID), HL7v2Messages.noMessage))
        }
        return result
    }
}
