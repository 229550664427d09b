/// How the truncation time tau of the restricted mean survival time was chosen.
public enum RestrictedMeanTauRule: String, Sendable, Equatable, CaseIterable {
    /// Given by the user (`--tau`).
    case specified
    /// The default: the largest time at which every group still has someone at risk, i.e. the minimum
    /// over groups of each group's last observed time.
    case commonFollowUp = "common-follow-up"
    /// The default of a stratified comparison: the largest time at which every group within every stratum
    /// still has someone at risk, i.e. the minimum over the group × stratum cells of each cell's last time.
    case commonStratumFollowUp = "common-stratum-follow-up"

    /// A sentence describing the rule, for reports.
    public var explanation: String {
        switch self {
        case .specified:
            return "tau given with --tau"
        case .commonFollowUp:
            return "tau is the largest time at which every group still has someone at risk "
                + "(the shortest group follow-up); set it with --tau"
        case .commonStratumFollowUp:
            return "tau is the largest time at which every group still has someone at risk within every stratum "
                + "(the shortest group x stratum follow-up); set it with --tau"
        }
    }
}
