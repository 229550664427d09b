import Foundation
import NumericCore

extension DoseResponseFit {
    /// The non-linear search outcome: parameters and optimiser bookkeeping.
    private struct Search {
        var nonlinear: [Double]
        var evaluations: Int
        var converged: Bool
    }

    /// Fits one model: non-linear search (if any), profiled linear parameters, covariance and summaries.
    package func fitOne(_ model: DoseModel, data: DoseFitData, bounds: [ClosedRange<Double>],
                offset: Double) throws(DoseResponseError) -> DoseModelFit {
        let p = model.parameterCount
        guard data.levelCount >= p else {
            throw .tooFewDoseLevels(model: model, levels: data.levelCount, required: p)
        }
        if data.type == .normal && data.observationCount <= p {
            throw .tooFewDoseLevels(model: model, levels: data.observationCount, required: p + 1)
        }
        guard bounds.count == model.nonlinearCount,
              bounds.allSatisfy({ $0.lowerBound.isFinite && $0.upperBound.isFinite && $0.lowerBound > 0 }) else {
            throw .invalidArgument(context: "DoseResponseFit", message: "model \(model.rawValue) needs \(model.nonlinearCount) "
                + "finite positive bound range(s) for its non-linear parameters, got \(bounds)")
        }
        var search = Search(nonlinear: [], evaluations: 0, converged: true)
        switch model.nonlinearCount {
        case 0: break
        case 1: search = try searchOneDimension(model, data: data, bounds: bounds[0], offset: offset)
        default: search = try searchTwoDimensions(model, data: data, bounds: bounds, offset: offset)
        }
        let profiled: (beta: [Double], criterion: Double)
        do {
            profiled = try profile(model, data: data, nonlinear: search.nonlinear, offset: offset)
        } catch {
            throw .fitFailed(model: model, message: "the least-squares step failed (\(error.description))")
        }
        let estimates = profiled.beta + search.nonlinear
        return try summarise(model, data: data, estimates: estimates, criterion: profiled.criterion,
                             bounds: bounds, offset: offset, search: (search.evaluations, search.converged))
    }

    /// Linear parameters by (G)LS given the non-linear ones, and the criterion `‖W(y − Xβ)‖²`.
    package func profile(_ model: DoseModel, data: DoseFitData, nonlinear: [Double],
                 offset: Double) throws(LinearAlgebraError) -> (beta: [Double], criterion: Double) {
        let rows = data.doses.map { [1] + model.linearColumns(dose: $0, nonlinear: nonlinear[...], offset: offset) }
        let x = try data.whiten(rows)
        guard x.isFinite else { throw .nonFiniteValue("dose-model design for \(model.rawValue)") }
        let beta = try LeastSquares.fullRank(x, data.whitenedResponses)
        let fitted = try x.gemv(beta)
        var criterion = 0.0
        for (a, b) in zip(data.whitenedResponses, fitted) { criterion += (a - b) * (a - b) }
        return (beta, criterion)
    }

    /// The profiled criterion, `+∞` where the design is degenerate.
    private func criterion(_ model: DoseModel, data: DoseFitData, nonlinear: [Double], offset: Double) -> Double {
        (try? profile(model, data: data, nonlinear: nonlinear, offset: offset).criterion) ?? .infinity
    }

    /// emax / exponential: DoseFinding's 30-point midpoint grid, then R's `optimize` on ±1.1 cells.
    private func searchOneDimension(_ model: DoseModel, data: DoseFitData, bounds: ClosedRange<Double>,
                                    offset: Double) throws(DoseResponseError) -> Search {
        let n = gridDim1
        let width = bounds.upperBound - bounds.lowerBound
        var best = bounds.lowerBound, bestValue = Double.infinity
        for i in 1...n {
            let node = Double(2 * i - 1) / Double(2 * n) * width + bounds.lowerBound
            let value = criterion(model, data: data, nonlinear: [node], offset: offset)
            if value < bestValue { best = node; bestValue = value }
        }
        guard bestValue.isFinite else {
            throw .fitFailed(model: model, message: "the criterion is undefined over the whole grid")
        }
        let cell = width / Double(n)
        let lower = max(best - 1.1 * cell, bounds.lowerBound)
        let upper = min(best + 1.1 * cell, bounds.upperBound)
        do {
            let result = try BrentMinimizer(tolerance: Double.ulpOfOne.squareRoot()).minimize(lower: lower, upper: upper) { t in
                criterion(model, data: data, nonlinear: [t], offset: offset)
            }
            return Search(nonlinear: [result.minimum], evaluations: n + result.evaluations, converged: true)
        } catch {
            throw .fitFailed(model: model, message: error.description)
        }
    }

    /// sigEmax: DoseFinding's lattice grid start, then bounded Levenberg–Marquardt on all parameters.
    private func searchTwoDimensions(_ model: DoseModel, data: DoseFitData, bounds: [ClosedRange<Double>],
                                     offset: Double) throws(DoseResponseError) -> Search {
        let nodes = Self.latticeGrid(size: gridDim2, bounds: bounds)
        var best = nodes.first ?? [bounds[0].lowerBound, bounds[1].lowerBound]
        var bestValue = Double.infinity
        for node in nodes {
            let value = criterion(model, data: data, nonlinear: node, offset: offset)
            if value < bestValue { best = node; bestValue = value }
        }
        guard bestValue.isFinite,
              let start = try? profile(model, data: data, nonlinear: best, offset: offset) else {
            throw .fitFailed(model: model, message: "the criterion is undefined over the whole grid")
        }
        let linearCount = model.parameterCount - model.nonlinearCount
        let lower = [Double](repeating: -.infinity, count: linearCount) + bounds.map(\.lowerBound)
        let upper = [Double](repeating: .infinity, count: linearCount) + bounds.map(\.upperBound)
        let k = data.levelCount, p = model.parameterCount
        do {
            let result = try LevenbergMarquardt().minimize(start: start.beta + best, lower: lower, upper: upper) { params in
                var g = Matrix(rows: k, columns: p)
                var r = [Double](repeating: 0, count: k)
                for (j, d) in data.doses.enumerated() {
                    r[j] = model.value(dose: d, parameters: params, offset: offset)
                    for (c, v) in model.gradient(dose: d, parameters: params, offset: offset).enumerated() { g[j, c] = v }
                }
                let wr = (try? data.whitening.gemv(r)) ?? [Double](repeating: .nan, count: k)
                var whiteResidual = wr
                for j in 0..<k { whiteResidual[j] = wr[j] - data.whitenedResponses[j] }
                let wg = (try? data.whitening.gemm(g)) ?? Matrix(rows: k, columns: p, repeating: .nan)
                return .init(residuals: whiteResidual, jacobian: wg)
            }
            let nonlinear = Array(result.parameters[linearCount...])
            return Search(nonlinear: nonlinear, evaluations: nodes.count + result.evaluations, converged: result.converged)
        } catch {
            throw .fitFailed(model: model, message: error.description)
        }
    }

    /// DoseFinding's `getGrid(N, bnds, dim = 2)`: a rank-1 lattice with Fibonacci generator.
    package static func latticeGrid(size: Int, bounds: [ClosedRange<Double>]) -> [[Double]] {
        let fibonacci = [3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987, 1597, 2584, 4181, 6765,
                         10946, 17711, 28657, 46368, 75025]
        let wanted = min(max(size, 5), 75025)
        let index = fibonacci.firstIndex { $0 >= wanted } ?? (fibonacci.count - 1)
        let n = fibonacci[index]
        let generator = fibonacci[max(index - 1, 0)]
        guard bounds.count == 2 else { return [] }
        return (1...n).map { k in
            let u = (Double(k) - 0.5) / Double(n)
            let raw = (Double(generator * k) - 0.5) / Double(n)
            let v = raw - floor(raw)
            return [u * (bounds[0].upperBound - bounds[0].lowerBound) + bounds[0].lowerBound,
                    v * (bounds[1].upperBound - bounds[1].lowerBound) + bounds[1].lowerBound]
        }
    }
}
