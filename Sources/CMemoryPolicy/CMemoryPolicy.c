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

int relief_trim_free_memory(void) {
#if defined(__GLIBC__)
    return malloc_trim(0);
#else
    return 0;
#endif
}
