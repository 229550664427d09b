#ifndef RELIEF_CMEMORYPOLICY_H
#define RELIEF_CMEMORYPOLICY_H

/// Asks the C allocator to serve every block of at least `bytes` bytes with its own mapping, returned to
/// the system when freed (glibc's M_MMAP_THRESHOLD, fixed, so it no longer grows after large frees).
/// Without glibc it does nothing. Returns 1 when the setting was applied, 0 otherwise.
int relief_return_large_blocks(long bytes);

/// Returns the free memory of every allocator arena to the system (glibc's malloc_trim(0)), e.g. what the
/// threads that parsed a file's pieces freed. Without glibc it does nothing. Returns 1 when memory was
/// released, 0 otherwise.
int relief_trim_free_memory(void);

#endif
