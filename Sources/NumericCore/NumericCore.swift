// NumericCore — numerical foundations for Relief.
//
// This is the only module that imports the C module COpenBLAS (`internal import COpenBLAS`,
// in LAPACK.swift and BLAS.swift only). Everything above it sees Swift types and typed errors.
//
// Linear algebra (column-major, LAPACKE/CBLAS underneath)
//   Matrix                       dense column-major matrix; Matrix+BLAS: gemv, gemm, syrk,
//                                crossProduct, dot, axpy
//   LinearAlgebraError           typed errors: dimensionMismatch, notPositiveDefinite, singular,
//                                noConvergence, sizeTooLarge, nonFiniteValue, invalidArgument
//   Cholesky                     dpotrf / dpotrs / dpotri: solve, inverse, logDeterminant
//   PivotedQR                    dgeqp3 with numerical rank (|R_ii| > tol·|R_00|, tol 1e-7)
//   LeastSquares                 dgels (full rank), dgelsd (any rank; LeastSquaresSolution)
//   SymmetricEigen               dsyevd, ascending eigenvalues and orthonormal vectors
//   SymmetricIndefiniteSolver    dsytrf / dsytrs (Bunch–Kaufman)
//   SymmetricGeneralizedInverse  eigen-based Moore–Penrose inverse of a PSD matrix with rank;
//                                generalizedInverseSolve(v, z) -> (solution, quadraticForm, rank)
//   Every C call: sizes through Int32(exactly:) (.sizeTooLarge), inputs checked for shape and
//   finiteness first, info < 0 -> .invalidArgument, info > 0 -> the routine's numerical condition.
//
// Distributions and special functions (pure Swift, tails computed directly, never as 1 - cdf)
//   Normal                       cdf, survival, density, quantile (Wichura AS 241)
//   ChiSquared                   cdf, survival = Q(ν/2, x/2), density, quantile
//   StudentT                     cdf, survival, density, quantile (safeguarded Newton)
//   SpecialFunctions             logGamma, logBeta, regularizedGammaP/Q (series + Lentz continued
//                                fraction), regularizedBeta / regularizedBetaComplement (continued
//                                fraction; asymptotic expansion in log x for one large shape)
//   Accuracy, checked against R in Tests/NumericCoreTests: 1e-12 relative or better for every
//   value, including p-values down to 1e-300.
//
// Random numbers (Sources/NumericCore/Random/): SeededGenerator and RandomVariates.
//
// Optimisation (Sources/NumericCore/Optimization/): DampedNewton, the one damped Newton–Raphson
// maximiser of every likelihood (NewtonObjective supplies value, gradient and information; presets
// coxph = R coxfit6, survreg = R survreg6, backtracking for nonlinear models), LevenbergMarquardt
// (bounded least squares) and BrentMinimizer (R's optimize).
