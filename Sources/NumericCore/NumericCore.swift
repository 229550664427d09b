// NumericCore: column-major matrices, BLAS/LAPACK factorizations, distributions and seeded
// random numbers. This is the only module that imports COpenBLAS.
