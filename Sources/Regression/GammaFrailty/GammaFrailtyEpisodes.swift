import Foundation
import NumericCore

/// The episodes of a gamma-frailty Weibull AFT fit grouped by patient: the design, `y = log t`, the entry
/// `y₀ = log start` (`−∞` without entry), the events, and per episode its patient (dense index over the
/// groups with at least one episode).
package struct GammaFrailtyEpisodes: Sendable {
    /// The `n × p` design.
    package let x: Matrix
    /// `log t`.
    package let y: [Double]
    /// `log start`, `−∞` for episodes observed from 0.
    package let entry: [Double]
    /// The events.
    package let event: [Bool]
    /// Per episode, its patient `0..<patients`.
    package let patient: [Int]
    /// Per patient, the frailty group it came from.
    package let groups: [Int]
    /// Per patient, its episodes.
    package let episodes: [Int]
    /// Per patient, its events `dᵢ`.
    package let events: [Int]

    /// Groups the rows.
    ///
    /// - Parameters:
    ///   - x: The design.
    ///   - y: `log t` per row.
    ///   - entry: `log start` per row (`−∞` for none), or nil.
    ///   - event: The events.
    ///   - codes: Per row its group, `0..<groupCount` (checked by the caller).
    ///   - groupCount: The number of groups.
    package init(x: Matrix, y: [Double], entry: [Double]?, event: [Bool], codes: [Int], groupCount: Int) {
        var dense = [Int](repeating: -1, count: groupCount)
        var groups: [Int] = []
        for code in codes where dense[code] < 0 {
            dense[code] = 0
        }
        for g in 0..<groupCount where dense[g] == 0 {
            dense[g] = groups.count
            groups.append(g)
        }
        var episodes = [Int](repeating: 0, count: groups.count)
        var events = [Int](repeating: 0, count: groups.count)
        let patient = codes.map { dense[$0] }
        for (row, i) in patient.enumerated() {
            episodes[i] += 1
            if event[row] { events[i] += 1 }
        }
        self.x = x
        self.y = y
        self.entry = entry ?? [Double](repeating: -.infinity, count: y.count)
        self.event = event
        self.patient = patient
        self.groups = groups
        self.episodes = episodes
        self.events = events
    }

    /// The number of patients.
    package var patients: Int { groups.count }
    /// The number of design columns `p`.
    package var columns: Int { x.columns }

    /// Per patient, `Σⱼ Hᵢⱼ` at `(β, log σ)`: `Hᵢⱼ = exp((y − xβ)/σ) − exp((y₀ − xβ)/σ)`.
    /// - Complexity: O(n p).
    package func cumulativeHazards(beta: [Double], logScale: Double) -> [Double] {
        var total = [Double](repeating: 0, count: patients)
        let sigma = exp(logScale)
        for row in y.indices {
            var eta = 0.0
            for j in 0..<columns { eta += x[row, j] * beta[j] }
            total[patient[row]] += exp((y[row] - eta) / sigma) - (entry[row].isFinite ? exp((entry[row] - eta) / sigma) : 0)
        }
        return total
    }
}
