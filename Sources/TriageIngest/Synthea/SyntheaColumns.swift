/// A Synthea CSV header (SPEC §3.9), told by its column names (v2 and v3 exports):
/// `observations.csv` has `DATE, PATIENT, ENCOUNTER, [CATEGORY,] CODE, DESCRIPTION, VALUE,
/// UNITS, TYPE`; `patients.csv` has `Id, BIRTHDATE, …, GENDER, …` with `SSN` and names (never
/// read). Names are matched case-insensitively; other columns are ignored without a warning.
struct SyntheaColumns {
    /// Observations or patients.
    package let kind: FileKind
    /// Observations: the fields of each column (CATEGORY absent in v2 exports).
    var date = 0, patient = 0, code = 0, value = 0, units = 0
    var category: Int?
    /// Patients: the fields of `Id`, `BIRTHDATE`, `GENDER`.
    package var id = 0, birthDate = 0, gender = 0

    /// The columns of a Synthea header, or nil when the header is not one.
    init?(names: [String]) {
        let upper = names.map { $0.trimmingSpaces().uppercased() }
        func field(_ name: String) -> Int? { upper.firstIndex(of: name) }
        if let date = field("DATE"), let patient = field("PATIENT"), field("ENCOUNTER") != nil, let code = field("CODE"),
            field("DESCRIPTION") != nil, let value = field("VALUE"), let units = field("UNITS")
        {
            kind = .syntheaObservations
            self.date = date
            self.patient = patient
            self.code = code
            self.value = value
            self.units = units
            category = field("CATEGORY")
            return
        }
        if let id = field("ID"), let birthDate = field("BIRTHDATE"), let gender = field("GENDER"), field("SSN") != nil {
            kind = .syntheaPatients
            self.id = id
            self.birthDate = birthDate
            self.gender = gender
            return
        }
        return nil
    }
}
