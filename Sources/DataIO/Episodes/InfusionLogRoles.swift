/// Which columns of an infusion log (one row per infusion) play which role, and how its dates are written.
///
/// Every other column is carried over to the episodes unchanged.
public struct InfusionLogRoles: Sendable, Hashable {
    /// The patient column.
    public var patient = "patient_id"
    /// The date (and time) of the infusion.
    public var infusionDate = "infusion_date"
    /// The date relief ended; missing when it had not ended (by the next infusion or the last contact).
    public var reliefEndDate = "relief_end_date"
    /// The patient's last contact; missing when follow-up ends at the next infusion.
    public var lastContactDate = "last_contact_date"
    /// How the three date columns are written.
    public var dateFormat = DateFormatSpec.iso
    /// Exclude rows with invalid values (listing each) instead of failing.
    public var skipInvalid = false

    /// Creates roles; every parameter has the documented default.
    /// - Parameters:
    ///   - patient: The patient column.
    ///   - infusionDate: The infusion date column.
    ///   - reliefEndDate: The relief end date column.
    ///   - lastContactDate: The last contact date column.
    ///   - dateFormat: How the dates are written.
    ///   - skipInvalid: Exclude invalid rows instead of failing.
    public init(
        patient: String = "patient_id", infusionDate: String = "infusion_date", reliefEndDate: String = "relief_end_date",
        lastContactDate: String = "last_contact_date", dateFormat: DateFormatSpec = .iso, skipInvalid: Bool = false
    ) {
        self.patient = patient
        self.infusionDate = infusionDate
        self.reliefEndDate = reliefEndDate
        self.lastContactDate = lastContactDate
        self.dateFormat = dateFormat
        self.skipInvalid = skipInvalid
    }

    /// The role columns with their options, in the order patient, infusion, relief end, last contact.
    var named: [(option: String, column: String)] {
        [("--patient", patient), ("--infusion-date", infusionDate), ("--relief-end-date", reliefEndDate),
         ("--last-contact-date", lastContactDate)]
    }

    /// Checks that the four columns are named and distinct.
    /// - Throws: ``DataError`` of kind usage.
    func validate() throws(DataError) {
        for (option, column) in named where column.isEmpty {
            throw DataError(.usage, message: "\(option) needs a column name")
        }
        for (k, role) in named.enumerated() {
            if let other = named.prefix(k).first(where: { $0.column == role.column }) {
                throw DataError(
                    .usage, message: "\(other.option) and \(role.option) name the same column '\(_Quoting.display(role.column))'",
                    hint: "give each role its own column")
            }
        }
    }
}
