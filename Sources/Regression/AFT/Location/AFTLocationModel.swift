import NumericCore
import Survival

/// The location `μᵢ(θ)` of `y = log T` in an accelerated-failure-time model `yᵢ = μᵢ(θ) + σ Wᵢ`, with its
/// derivatives in `θ`: what distinguishes the linear AFT (``LinearLocation``, `μ = xᵀβ`) from the
/// one-step Emax AFT (`EmaxLocation` in DoseResponse, `μ = log(E0 + Emax·dʰ/(ED50ʰ + dʰ)) + xᵀb`).
/// The likelihood (``AFTLikelihood``), the optimiser, the variances and the predictions are shared.
///
/// The likelihood walks the rows in blocks and, per block, asks the model for `μ` (``locate(_:rows:derivatives:workspace:)``),
/// computes the per-row derivatives of `ℓ` in `μ` (``AFTRowDerivatives``), then asks the model to add the
/// block's score `Jᵀ g`, information `Jᵀ D J − Σ gᵢ ∂²μᵢ` and cross terms `Jᵀ c` with `J = ∂μ/∂θ`
/// (``accumulate(_:rows:derivatives:workspace:into:)``). The `Workspace` carries a block from the first call
/// to the second, so nothing is allocated per row; a linear model copies the block of `X` once and uses
/// BLAS (`gemv`, `syrk`), a nonlinear one fills its Jacobian block. A model with random effects (issue 14)
/// adds its own structured accumulation the same way.
package protocol AFTLocationModel: Sendable {
    /// Per-block scratch space, reused for every block of an evaluation.
    associatedtype Workspace

    /// The number of rows `n`.
    var rows: Int { get }
    /// The names of the location parameters, in `θ` order (`k = parameterNames.count`).
    var parameterNames: [String] { get }
    /// Box constraints on `θ` (enforced by the optimiser), default none.
    var bounds: [DampedNewton.Bound] { get }

    /// Scratch space for blocks of up to `blockRows` rows.
    func makeWorkspace(blockRows: Int) -> Workspace

    /// `μᵢ(θ)` for the rows `rows` (a block); when `derivatives`, also prepares the block's derivatives in
    /// `workspace` for ``accumulate(_:rows:derivatives:workspace:into:)``.
    ///
    /// - Returns: `μ` for the block, or nil when the location is undefined for a row (the likelihood is
    ///   then `−∞` and the optimiser steps back).
    /// - Throws: A BLAS failure.
    func locate(_ theta: [Double], rows: Range<Int>, derivatives: Bool,
                workspace: inout Workspace) throws(LinearAlgebraError) -> [Double]?

    /// Adds the block's contributions to the location part of the score, information and cross terms,
    /// given the per-row derivatives of `ℓ` in `μ` (the last `locate` call was for the same block).
    ///
    /// - Throws: A BLAS failure.
    func accumulate(_ theta: [Double], rows: Range<Int>, derivatives: AFTRowDerivatives, workspace: inout Workspace,
                    into total: inout AFTLocationDerivatives) throws(LinearAlgebraError)

    /// Adds `rowScores[i] · ∂μᵢ/∂θ` to row `clusters[i]` of `sums` (columns `0..<k`), for every row `i`:
    /// the per-cluster scores of the sandwich variance and the outer product of scores.
    func addClusterScores(_ theta: [Double], rowScores: [Double], clusters: [Int], into sums: inout Matrix)

    /// Starting values of `θ` (and `log σ` when it is estimated), with a reference (null) fit when the
    /// model has one.
    ///
    /// - Throws: `StatModelError` when no start can be found.
    func startingValues(_ response: AFTResponse) throws(StatModelError) -> AFTStart
}

extension AFTLocationModel {
    /// No bounds.
    package var bounds: [DampedNewton.Bound] { [] }
}
