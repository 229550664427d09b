/// One infusion of an in-memory infusion log (``InfusionLog/init(infusions:roles:)``): who, when, and
/// what was recorded after it.
public struct Infusion: Sendable, Hashable {
    /// The patient.
    public var patient: String
    /// When the infusion was given.
    public var date: ClinicalDate
    /// When relief ended, or `nil` when it had not ended (by the next infusion or the last contact).
    public var reliefEnd: ClinicalDate?
    /// The patient's last contact, or `nil` when follow-up ends at the next infusion.
    public var lastContact: ClinicalDate?

    /// Creates an infusion.
    /// - Parameters:
    ///   - patient: The patient.
    ///   - date: When it was given.
    ///   - reliefEnd: When relief ended, `nil` if it had not.
    ///   - lastContact: The last contact, `nil` if none was recorded.
    public init(patient: String, date: ClinicalDate, reliefEnd: ClinicalDate? = nil, lastContact: ClinicalDate? = nil) {
        self.patient = patient
        self.date = date
        self.reliefEnd = reliefEnd
        self.lastContact = lastContact
    }
}
