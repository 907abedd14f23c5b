#include <stdint.h>

#include "exc.h"
#include "gc.h"
#include "mpfconfig.h"

#define ALIGN (sizeof(void *) > 8 ? sizeof(void *) : 8)

static uint8_t *heap_cur, *heap_end;
static uint8_t *pystack_start, *pystack_cur, *pystack_end;

static uint8_t *align_up(uint8_t *p) {
    return (uint8_t *)(((uintptr_t)p + ALIGN - 1) & ~(uintptr_t)(ALIGN - 1));
}

void mpf_gc_init(void *mem, size_t bytes) {
    uint8_t *start = align_up(mem);
    uint8_t *end = (uint8_t *)mem + bytes;
    size_t usable = end > start ? (size_t)(end - start) : 0;
    size_t py = usable / MPF_PYSTACK_FRACTION;
    pystack_start = start;
    pystack_cur = start;
    pystack_end = start + py;
    heap_cur = align_up(pystack_end);
    heap_end = end;
}

void *mpf_alloc_maybe(size_t bytes) {
    uint8_t *p = heap_cur;
    if (bytes > (size_t)(heap_end - p)) {
        return NULL;
    }
    heap_cur = align_up(p + bytes);
    if (heap_cur > heap_end) {
        heap_cur = heap_end;
    }
    return p;
}

void *mpf_alloc(size_t bytes) {
    void *p = mpf_alloc_maybe(bytes);
    if (p == NULL) {
        mpf_raise_memory_error();
    }
    return p;
}

void *mpf_pystack_alloc(size_t bytes) {
    uint8_t *p = pystack_cur;
    if (bytes > (size_t)(pystack_end - p)) {
        mpf_raise_recursion_depth();
    }
    pystack_cur = align_up(p + bytes);
    if (pystack_cur > pystack_end) {
        pystack_cur = pystack_end;
    }
    return p;
}

void mpf_pystack_free(void *p) {
    pystack_cur = p;
}

void mpf_pystack_reset(void) {
    pystack_cur = pystack_start;
}
