/* Memory: one fixed region split into a heap and the VM stack (call frames).
 *
 * The heap is a bump allocator for this milestone: nothing is freed, so the VM keeps
 * per-call state off it (frames live on the VM stack, iterators on the value stack).
 */
#ifndef MPF_GC_H
#define MPF_GC_H

#include <stddef.h>

void mpf_gc_init(void *mem, size_t bytes);
void *mpf_alloc(size_t bytes);       /* raises MemoryError when full */
void *mpf_alloc_maybe(size_t bytes); /* NULL when full */
_Noreturn void mpf_raise_memory_error(void);

/* LIFO frames; raises RuntimeError (recursion depth) when full. */
void *mpf_pystack_alloc(size_t bytes);
void mpf_pystack_free(void *p);
/* Frames left by unwound calls are dropped when a new run starts. */
void mpf_pystack_reset(void);

#endif /* MPF_GC_H */
