import Regression
import Reporting

/// The middle 50% of patients' typical relief at the design's reference profile (numeric columns at
/// their median, text columns at their reference level), as the documents of a fit with a per-patient
/// effect (``PatientVariationFit``) show it: a sentence, a CSV row and two JSON members.
public struct TypicalReliefSpread: Sendable {
    /// The reference profile as `column = value` text, nil when it could not be set.
    public let referenceProfile: String?
    /// The middle 50% (``PatientVariationFit/typicalReliefSpan(at:)``), nil without a profile.
    public let span: (lower: Double, upper: Double)?

    /// The spread of `fit` at the reference profile of the context's design.
    init(fit: any PatientVariationFit, context: RegressionEstimatesContext) {
        let profile = ReferenceProfile(design: context.design, dataset: context.dataset)
        self.referenceProfile = profile?.text
        self.span = profile.flatMap { fit.typicalReliefSpan(at: $0.row) }
    }

    /// The sentence on the spread, nil without a reference profile.
    /// - Parameters:
    ///   - words: The unit and outcome words.
    ///   - explanation: How the limits are computed, e.g. `the median relief exp(x'beta ± 0.6745 tau) ...`.
    func sentence(words: OutcomeWording, explanation: String) -> String? {
        guard let span, let referenceProfile else { return nil }
        return "The middle 50% of patients' typical \(words.outcome) at the reference profile spans \(Self.days(span.lower)) to "
            + "\(words.time(Self.days(span.upper))) (\(explanation); reference profile: \(referenceProfile), numeric columns at "
            + "their median, text columns at their reference level)."
    }

    /// The CSV row `typical_relief_middle_50` in `section` (none without a profile).
    func addRow(section: String, to table: inout RegressionCSVRows) {
        if let span {
            table.add(section, term: referenceProfile ?? "", measure: "typical_relief_middle_50", lower: span.lower, upper: span.upper)
        }
    }

    /// The JSON members `typical_relief_middle_50` (`[lower, upper]`) and `reference_profile` (null without a profile).
    var jsonMembers: [(key: String, value: JSONValue)] {
        [
            ("typical_relief_middle_50", span.map { .array([.optional($0.lower), .optional($0.upper)]) } ?? .null),
            ("reference_profile", referenceProfile.map { .string($0) } ?? .null),
        ]
    }

    /// Days with 3 significant digits.
    static func days(_ value: Double) -> String { ReportText.display(value, style: .general(significant: 3), missing: "NA") }
}
