import Analysis
import DataIO
import Foundation
import Regression
import Testing

/// The frailty Cox model's between-patient variation against R
/// (Tests/StatModelsTests/Reference/frailty_interval.json, make_frailty_interval_fixtures.R): θ's
/// profile-likelihood interval (gamma; R's I-likelihood `c.loglik` at a fixed θ, solved by `uniroot`),
/// the frailty quartiles and the median relief of a patient at each, at the reference profile; also on the
/// infusion log's episodes as counting-process rows `(start_day, stop_day]` (medians on that time scale); with case
/// weights (kidney, `--weights`), sparse and as a penalised factor (4 groups).
@Suite("Frailty Cox variance interval and spread vs R")
struct FrailtyVarianceIntervalTests {
    struct File: Decodable { let cases: [Case] }
    struct Case: Decodable {
        let name: String
        let distribution: String
        let theta: Double
        let i_likelihood: Double?
        let theta_lower: Double?
        let theta_upper: Double?
        let frailty_quartiles: [Double]
        let typical_relief: [Double?]
    }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let reference = root.appendingPathComponent("Tests/StatModelsTests/Reference")

    static func estimates(_ name: String, distribution: FrailtyDistribution) throws -> FrailtyCoxEstimates {
        let kidney = name.hasPrefix("kidney"), episodes = name.hasPrefix("episodes")
        // kidneyw_gamma: weights w_cens, 38 groups; kidney4w_gamma: frailty(disease) (4 groups, a penalised factor), weights w_frac.
        let weights = ["kidneyw_gamma": "w_cens", "kidney4w_gamma": "w_frac"][name]
        var roles = ColumnRoles()
        if kidney { (roles.time, roles.event, roles.id) = ("time", "status", nil) }
        if episodes { (roles.start, roles.time) = ("start_day", "stop_day") }
        let path = kidney ? reference.appendingPathComponent(weights == nil ? "frailty_kidney.csv" : "frailty_kidney_weighted.csv").path
            : episodes ? reference.appendingPathComponent("recurrent_episodes.csv").path
            : root.appendingPathComponent("data/ketamine_trial.csv").path
        var specification = ModelSpecification(
            formula: kidney ? "age + sex + frailty(\(name == "kidney4w_gamma" ? "disease" : "id"))"
                : "dose_group + \(episodes ? "baseline_pain" : "interval_days") + frailty(patient_id)",
            referenceLevels: kidney ? [:] : ["dose_group": "low"])
        specification.frailtyDistribution = distribution
        specification.weights = weights
        let result = try FitRequest(source: DataSource(path: path, roles: roles), model: .cox, specification: specification).run().result
        return try #require(result.estimates as? FrailtyCoxEstimates)
    }

    @Test("theta's interval, the frailty quartiles and the typical relief of each", arguments: ["kidney_gamma", "trial_gamma", "trial_gaussian", "episodes_gamma", "kidneyw_gamma", "kidney4w_gamma"])
    func reference(name: String) throws {
        let data = try Data(contentsOf: Self.reference.appendingPathComponent("frailty_interval.json"))
        let c = try #require(try JSONDecoder().decode(File.self, from: data).cases.first { $0.name == name })
        let distribution = try #require(FrailtyDistribution(rawValue: c.distribution))
        let estimates = try Self.estimates(name, distribution: distribution)
        let fit = estimates.frailty
        #expect(abs(fit.theta - c.theta) < 1e-6 * c.theta, "theta \(fit.theta) vs \(c.theta)")
        if let lower = c.theta_lower, let upper = c.theta_upper {
            let interval = try #require(fit.thetaInterval)
            // The limits solve I(θ) = I(θ̂) − 1.92 here and in R; R's inner fits start from 0, ours from the
            // nearest θ fitted, so the I-likelihoods differ by up to ~1e-7 and the limits by up to ~1e-5 relative.
            #expect(abs(interval.lowerBound - lower) <= 1e-4 * lower, "lower \(interval.lowerBound) vs \(lower)")
            #expect(abs(interval.upperBound - upper) < 1e-4 * upper, "upper \(interval.upperBound) vs \(upper)")
            #expect(abs((fit.marginalLogLikelihood ?? .nan) - (c.i_likelihood ?? .nan)) < 1e-6)
        } else {
            #expect(fit.thetaInterval == nil, "no interval for the gaussian frailty")
        }
        let quartiles = fit.frailtyQuartiles
        #expect(abs(quartiles.lower - c.frailty_quartiles[0]) < 1e-8 && abs(quartiles.upper - c.frailty_quartiles[1]) < 1e-8,
                "quartiles \(quartiles) vs \(c.frailty_quartiles)")
        let span = try #require(estimates.typicalReliefSpan)
        #expect(span.lower == c.typical_relief[0] && span.upper == c.typical_relief[1],
                "typical relief \(String(describing: span)) vs \(c.typical_relief)")
    }
}
