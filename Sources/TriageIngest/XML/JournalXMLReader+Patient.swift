import TriageModel

extension JournalXMLReader {
    /// Reads `<patient id birthDate sex displayName age>` into ``PatientDemographics``.
    ///
    /// Without an id the element is skipped with an error, and entries after it have no
    /// patient until the next `<patient>`. A bad birth date, sex or age is left out with a
    /// warning; the rest is kept.
    func startPatient(_ element: XMLElementStart, session: XMLParseSession) -> Frame {
        let location = book.location(session.startTagPosition())
        patientElements += 1
        currentPatient = nil
        var id: String?
        var birthDate: LocalDate?
        var age: Int?
        var sex: PatientDemographics.Sex?
        var displayName: String?
        var warnings: [String] = []
        forEachAttribute(of: element, as: .patient, session: session) { attribute, value in
            switch attribute {
            case .id:
                id = strings.trimmedAttribute(value)
            case .birthDate:
                guard !XMLBytes.isBlank(value) else { break }
                switch DateParser.parse(XMLBytes.trimmed(value), order: options.dateOrder) {
                case .success(let timestamp): birthDate = timestamp.date
                case .failure(.slashDateNeedsOrder): warnings.append(Messages.birthDateAmbiguous)
                case .failure(.invalid): warnings.append(Messages.birthDateInvalid)
                }
            case .sex:
                guard !XMLBytes.isBlank(value) else { break }
                sex = PatientDemographics.Sex(text: XMLBytes.attributeString(value))
                if sex == nil { warnings.append(Messages.sexInvalid) }
            case .displayName:
                displayName = XMLBytes.trimmedAttribute(value)
            case .age:
                guard !XMLBytes.isBlank(value) else { break }
                age = XMLBytes.wholeNumber(value, in: 0...150)
                if age == nil { warnings.append(Messages.ageInvalid) }
            default:
                return false
            }
            return true
        }
        guard let id else {
            book.error(Messages.patientWithoutID, at: location)
            return .patient
        }
        for warning in warnings { book.warning(warning, at: location, patientID: id) }
        currentPatient = id
        result.demographics.append(
            PatientDemographics(
                source: location, patientID: PatientID(id), birthDate: birthDate,
                age: age, sex: sex, displayName: displayName))
        return .patient
    }
}
