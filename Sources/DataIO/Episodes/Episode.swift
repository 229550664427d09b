/// One relief episode: an infusion and how long relief lasted after it.
public struct Episode: Sendable, Hashable {
    /// What ended the episode.
    public enum Ending: UInt8, Sendable, Hashable, CaseIterable {
        /// The recorded end of relief (an event; also when it falls on the next infusion or the last contact).
        case reliefEnded
        /// The patient's next infusion (censored: the next infusion resets relief).
        case nextInfusion
        /// The patient's last contact (censored).
        case lastContact
    }

    /// The patient.
    public let patient: String
    /// 1, 2, ... over the patient's infusions in date order.
    public let infusionNumber: Int
    /// When the infusion was given.
    public let infusionDate: ClinicalDate
    /// Days since the patient's previous infusion; `nil` for the first.
    public let intervalDays: Double?
    /// Days from the infusion to the end of the episode (fractional when times of day are given).
    public let reliefDays: Double
    /// Days from the patient's first infusion to this infusion (0 for the first): the entry time of the
    /// episode on the calendar time scale, `start` of R's `Surv(start, stop, event)`.
    public let startDay: Double
    /// Days from the patient's first infusion to the end of the episode: `startDay + reliefDays`, computed
    /// from the moments themselves so that an episode censored at the next infusion stops exactly where the
    /// next one starts.
    public let stopDay: Double
    /// What ended the episode.
    public let ending: Ending
    /// The infusion's line in the file (its 1-based position for an in-memory log).
    public let line: Int

    /// Whether relief was seen to end (`relief_ended = 1`); `false` = censored.
    public var reliefEnded: Bool { ending == .reliefEnded }
}
