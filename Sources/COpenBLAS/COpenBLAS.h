#ifndef RELIEF_COPENBLAS_H
#define RELIEF_COPENBLAS_H
#include <cblas.h>
#include <lapacke.h>
#endif
