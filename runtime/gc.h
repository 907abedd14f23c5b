/* Memory: one fixed region split into the VM stack (call frames) and a garbage-collected heap.
 *
 * The heap is a mark-sweep collector over blocks of MPF_GC_BLOCK bytes. Three bitmaps
 * describe the blocks: `used` (allocated), `head` (first block of an allocation) and
 * `mark` (reached in the current collection); with 16-byte blocks that is 3 bits per
 * 16 bytes, under 2.5% of the heap.
 *
 * Roots, and why each is one:
 *   - the C stack, scanned conservatively from the collecting frame up to the top set by
 *     mpf_gc_set_stack_top (mpf_run_* sets it), with the registers spilled into a
 *     jmp_buf first: C code holds objects in locals between allocations, and listing
 *     every such local precisely would burden every runtime function;
 *   - the VM stack [start, current top): every Python frame's locals and value stack;
 *   - up to MPF_GC_MAX_ROOTS pointer slots registered with mpf_gc_add_root: runtime
 *     statics that hold heap pointers (the run-time qstr pool, the running modules'
 *     contexts, the static MemoryError's traceback).
 * Scanning is conservative everywhere: any word that points into an allocation (its
 * first byte or inside it) keeps the whole allocation, and every word of a kept
 * allocation is scanned in turn. So objects need no per-type layout description, and
 * a pointer into a string's bytes keeps the string alive.
 *
 * Allocation is first fit from the lowest free block; when nothing fits the heap is
 * collected once and the search repeated; if it still does not fit, MemoryError
 * (mpf_alloc) or NULL (mpf_alloc_maybe). Memory comes back zeroed.
 */
#ifndef MPF_GC_H
#define MPF_GC_H

#include <stdbool.h>
#include <stddef.h>

#define MPF_GC_BLOCK (16)
#define MPF_GC_MAX_ROOTS (8)

void mpf_gc_init(void *mem, size_t bytes);
void *mpf_alloc(size_t bytes);       /* raises MemoryError when full */
void *mpf_alloc_maybe(size_t bytes); /* NULL when full */
/* Grows or shrinks in place when it can; NULL `p` allocates. Raises MemoryError. */
void *mpf_realloc(void *p, size_t bytes);
void mpf_free(void *p); /* optional: unreferenced memory is collected anyway */
_Noreturn void mpf_raise_memory_error(void);

/* The C stack's outermost address worth scanning (the frame of mpf_run_*). */
void mpf_gc_set_stack_top(void *top);
void mpf_gc_add_root(void **slot);
void mpf_gc_collect(void);
/* Only mpf_gc_collect frees; disabled, a full heap raises MemoryError at once. */
void mpf_gc_enable(bool on);
bool mpf_gc_is_enabled(void);

typedef struct {
    size_t total, used, free; /* bytes of the heap */
    size_t max_free;          /* largest free run, bytes */
} mpf_gc_info_t;
void mpf_gc_info(mpf_gc_info_t *info);

/* LIFO frames; raises RuntimeError (recursion depth) when full. */
void *mpf_pystack_alloc(size_t bytes);
void mpf_pystack_free(void *p); /* frees p and all above it */
void *mpf_pystack_top(void);
/* Frames left by unwound calls are dropped when a new run starts. */
void mpf_pystack_reset(void);

#endif /* MPF_GC_H */
