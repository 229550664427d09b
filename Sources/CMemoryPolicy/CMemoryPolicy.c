#include "CMemoryPolicy.h"

#include <limits.h>  // first, so that glibc's features.h defines __GLIBC__
#if defined(__GLIBC__)
#include <malloc.h>
#endif

int relief_return_large_blocks(long bytes) {
#if defined(__GLIBC__)
    if (bytes <= 0 || bytes > INT_MAX) return 0;
    return mallopt(M_MMAP_THRESHOLD, (int)bytes);
#else
    (void)bytes;
    return 0;
#endif
}
