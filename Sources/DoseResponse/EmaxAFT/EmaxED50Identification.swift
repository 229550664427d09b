import Foundation

/// Whether the doses identify ED50 of a one-step Emax AFT (``EmaxAFT``), judged from the profile
/// log-likelihood of ED50 over DoseFinding's search range, before any Newton step.
///
/// The range is DoseFinding's `defBnds`: ED50 in `[0.001, 1.5] × max dose`. On a grid of ``grid`` ED50
/// values (log-spaced, both ends included) the profile `ℓ_p(ED50) = max over the other parameters` is the
/// one of the quadratic (Wald) approximation of the likelihood around the dose-level fit
/// `log T = γ_level + xᵀb + σW` (one free location per dose level, or per dose group when the doses are
/// continuous): with `g = exp(γ̂)` and `S = diag(g) Cov(γ̂) diag(g)`,
/// `ℓ_p(ED50) ≈ ℓ_levels − ½ min_{E0, Emax} (g − E0 − Emax·f(d; ED50))ᵀ S⁻¹ (g − E0 − Emax·f(d; ED50))`
/// (DoseFinding's `fitMod(type = "general")` criterion on the one-step model's own dose-level estimates;
/// for the sigmoid curve the Hill exponent is profiled too, over `[0.5, 10]`). It costs one linear AFT
/// fit whatever the number of rows, which is also the fit the Newton start comes from.
///
/// The rule (``Status``), with `c = χ²₁(level)/2` (1.92 at 95%), the drop of the profile at which the
/// profile-likelihood interval of ED50 ends:
/// 1. fewer distinct doses than the curve has parameters (3 for Emax, 4 for the sigmoid) → not identified;
/// 2. the profile stays within `c` of its maximum at BOTH ends of the range → ``Status/flat``;
/// 3. it stays within `c` of its maximum at the upper end (or rises to it) → ``Status/dosesBelowED50``: the
///    data cannot exclude that every dose lies far below ED50, where the effect still grows about linearly
///    over the doses and Emax and ED50 cannot be told apart;
/// 4. the same at the lower end → ``Status/dosesAboveED50``: every dose may lie far above ED50, on the
///    plateau of the curve;
/// 5. otherwise identified by the grid. The exact fit then has the last word: when its maximum ends on a
///    bound of the range, or its profile-likelihood interval (``EmaxAFTProfileInterval``, when computed)
///    reaches beyond an end of the range, ED50 is not identified in that direction; when it does not
///    converge, ED50 is not identified towards the end where the grid's profile falls least (``Evidence``).
///
/// In words: ED50 is identified when its `level` profile-likelihood interval lies inside DoseFinding's
/// range; this is the brief's "likelihood-ratio drop from the maximum to either bound below χ²₁/2".
public struct EmaxED50Identification: Sendable, Equatable {
    /// The verdict.
    public enum Status: String, Sendable, Equatable, CaseIterable {
        /// The profile falls by at least the cut-off towards both ends of the range.
        case identified
        /// The profile stays within the cut-off up to the lower end of the range: the doses may all lie
        /// far above ED50.
        case dosesAboveED50 = "doses_above_ed50"
        /// The profile stays within the cut-off up to the upper end of the range: the doses may all lie far
        /// below ED50.
        case dosesBelowED50 = "doses_below_ed50"
        /// The profile stays within the cut-off at both ends of the range.
        case flat
        /// Fewer distinct doses than curve parameters.
        case tooFewDoseLevels = "too_few_dose_levels"
    }

    /// What the verdict rests on.
    public enum Evidence: String, Sendable, Equatable, CaseIterable {
        /// The profile grid (or the count of dose levels).
        case profileGrid = "profile_grid"
        /// The maximum-likelihood estimate ended on a bound of the range.
        case estimateOnBound = "estimate_on_bound"
        /// The profile-likelihood interval of the exact fit reaches beyond an end of the range.
        case profileInterval = "profile_interval"
        /// The exact fit did not converge (a likelihood ridge along which E0, Emax and ED50 trade off); the
        /// direction is the end of the range where the profile grid falls least.
        case fitNotConverged = "fit_not_converged"
    }

    /// The verdict.
    public let status: Status
    /// DoseFinding's ED50 range `[0.001, 1.5] × max dose`.
    public let bounds: ClosedRange<Double>
    /// The ED50 grid (log-spaced over ``bounds``, both ends included); empty when not profiled.
    public let grid: [Double]
    /// `ℓ_p − max ℓ_p` at each grid point (`≤ 0`; 0 at the best one); empty when not profiled.
    public let profileDrop: [Double]
    /// The cut-off `χ²₁(level)/2`.
    public let cutoff: Double
    /// The confidence level of the cut-off.
    public let level: Double
    /// The number of distinct doses.
    public let doseLevels: Int
    /// The number of distinct doses the curve needs (3 or 4).
    public let requiredDoseLevels: Int
    /// The smallest and largest positive dose.
    public let positiveDoseRange: ClosedRange<Double>
    /// What the verdict rests on.
    public let evidence: Evidence

    /// Whether ED50 is identified.
    public var isIdentified: Bool { status == .identified }

    /// The grid ED50 with the highest profile, nil when not profiled.
    public var bestGridED50: Double? {
        guard let index = profileDrop.indices.max(by: { profileDrop[$0] < profileDrop[$1] }) else { return nil }
        return grid[index]
    }

    /// One sentence for the reader: the verdict, its evidence and what it means.
    public var statement: String {
        let range = "DoseFinding's range [\(Self.format(bounds.lowerBound)), \(Self.format(bounds.upperBound))] "
            + "(0.001 to 1.5 x the largest dose)"
        let doses = "the positive doses (\(Self.format(positiveDoseRange.lowerBound)) to "
            + "\(Self.format(positiveDoseRange.upperBound)))"
        let best = profileDrop.indices.max { profileDrop[$0] < profileDrop[$1] }
        func evidence(_ end: String, _ value: Double) -> String {
            switch self.evidence {
            case .estimateOnBound:
                return "the maximum-likelihood ED50 runs to the \(end) end \(Self.format(value)) of \(range)"
            case .profileInterval:
                return "the \(Self.percent(level)) profile-likelihood interval of ED50 reaches beyond the \(end) end "
                    + "\(Self.format(value)) of \(range)"
            case .fitNotConverged:
                let drop = end == "lower" ? profileDrop.first : profileDrop.last
                return "the maximum-likelihood fit does not converge (the likelihood is nearly flat along a ridge on "
                    + "which E0, Emax and ED50 trade off), and the profile likelihood of ED50 falls by only "
                    + "\(Self.format(-(drop ?? 0))) towards the \(end) end \(Self.format(value)) of \(range)"
            case .profileGrid:
                let atEnd = end == "lower" ? best == 0 : best == profileDrop.count - 1
                return atEnd ? "the profile likelihood of ED50 keeps rising to the \(end) end \(Self.format(value)) of \(range)"
                    : "the profile likelihood of ED50 stays within \(Self.format(cutoff)) (the \(Self.percent(level)) "
                        + "cut-off) of its maximum up to the \(end) end \(Self.format(value)) of \(range)"
            }
        }
        switch status {
        case .identified:
            return "ED50 is identified: its profile likelihood falls by more than \(Self.format(cutoff)) (the "
                + "\(Self.percent(level)) cut-off) from its maximum towards both ends of \(range)."
        case .dosesAboveED50:
            return "ED50 is not identified from these doses: \(evidence("lower", bounds.lowerBound)), so all \(doses) may "
                + "lie far above ED50, on the plateau of the curve: the data show the maximum effect but not the dose "
                + "that gives half of it."
        case .dosesBelowED50:
            return "ED50 is not identified from these doses: \(evidence("upper", bounds.upperBound)), so all \(doses) may "
                + "lie far below ED50: relief still grows steadily over the dose range, and Emax and ED50 cannot be told apart."
        case .flat:
            return "ED50 is not identified from these doses: " + (self.evidence == .profileGrid
                ? "the profile likelihood of ED50 stays within \(Self.format(cutoff)) (the \(Self.percent(level)) cut-off) "
                    + "of its maximum at both ends of \(range)"
                : "the \(Self.percent(level)) profile-likelihood interval of ED50 reaches beyond both ends of \(range)")
                + ", so every ED50 there fits about equally well."
        case .tooFewDoseLevels:
            return "ED50 is not identified: \(doseLevels) distinct dose level(s), but the curve needs at least "
                + "\(requiredDoseLevels); report the dose-group estimates instead, or add dose levels."
        }
    }

    /// `%.4g`.
    static func format(_ value: Double) -> String { String(format: "%.4g", value) }

    /// `95%`.
    static func percent(_ level: Double) -> String { String(format: "%g%%", level * 100) }
}

extension EmaxED50Identification {
    /// The same verdict data with `status` decided by the exact fit.
    ///
    /// - Parameters:
    ///   - status: The new status.
    ///   - evidence: `.estimateOnBound` or `.profileInterval`.
    /// - Returns: The updated verdict.
    package func decided(_ status: Status, by evidence: Evidence) -> EmaxED50Identification {
        EmaxED50Identification(status: status, bounds: bounds, grid: grid, profileDrop: profileDrop, cutoff: cutoff,
                               level: level, doseLevels: doseLevels, requiredDoseLevels: requiredDoseLevels,
                               positiveDoseRange: positiveDoseRange, evidence: evidence)
    }
}
