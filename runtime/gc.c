/* The VM stack and the mark-sweep heap; the design and the roots are in gc.h. */
#include <setjmp.h>
#include <stdint.h>
#include <string.h>

#include "exc.h"
#include "gc.h"
#include "mpfconfig.h"

/* Under AddressSanitizer (scons sanitize=1) the heap's free blocks and the VM stack
 * above its top are poisoned: a read of memory the collector freed (a pointer it was
 * not shown) or past a frame is reported, as malloc'd memory would be. */
#if defined(__SANITIZE_ADDRESS__)
#define MPF_ASAN (1)
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define MPF_ASAN (1)
#endif
#endif
#ifdef MPF_ASAN
#include <sanitizer/asan_interface.h>
#define POISON(p, n) ASAN_POISON_MEMORY_REGION((p), (n))
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#else
#define POISON(p, n) ((void)(p), (void)(n))
#define UNPOISON(p, n) ((void)(p), (void)(n))
#endif

#define ALIGN (sizeof(void *) > 8 ? sizeof(void *) : 8)
#define MARK_STACK_DEPTH (64)

static uint8_t *pystack_start, *pystack_cur, *pystack_end;

static uint8_t *blocks;     /* first block, MPF_GC_BLOCK aligned */
static size_t n_blocks;
static uint8_t *bm_used, *bm_head, *bm_mark;
static size_t cursor;       /* where the next allocation starts looking (next fit) */
static uintptr_t stack_top;
static void **roots[MPF_GC_MAX_ROOTS];
static size_t n_roots;
static bool enabled;

/* marking: a bounded stack of allocations whose words are still to scan; when it
 * overflows, the marked allocations are rescanned until nothing new is reached */
static size_t mark_stack[MARK_STACK_DEPTH];
static size_t mark_sp;
static bool mark_overflow;

static inline bool bit(const uint8_t *bm, size_t i) {
    return (bm[i >> 3] >> (i & 7)) & 1;
}

static inline void bit_set(uint8_t *bm, size_t i) {
    bm[i >> 3] |= (uint8_t)(1u << (i & 7));
}

static inline void bit_clr(uint8_t *bm, size_t i) {
    bm[i >> 3] &= (uint8_t)~(1u << (i & 7));
}

static uint8_t *align_up(uint8_t *p, size_t a) {
    return (uint8_t *)(((uintptr_t)p + a - 1) & ~(uintptr_t)(a - 1));
}

void mpf_gc_init(void *mem, size_t bytes) {
    uint8_t *start = align_up(mem, ALIGN);
    uint8_t *end = (uint8_t *)mem + bytes;
    size_t usable = end > start ? (size_t)(end - start) : 0;
    pystack_start = start;
    pystack_cur = start;
    pystack_end = align_up(start + usable / MPF_PYSTACK_FRACTION, ALIGN);
    if (pystack_end > end) {
        pystack_end = end;
    }
    /* each block costs its bytes plus 3 bits of bitmap; one block of slack for alignment */
    size_t rest = (size_t)(end - pystack_end);
    size_t n = rest * 8 / (MPF_GC_BLOCK * 8 + 3);
    n = n > 1 ? n - 1 : 0;
    size_t bm_bytes = (n + 7) / 8;
    bm_used = pystack_end;
    bm_head = bm_used + bm_bytes;
    bm_mark = bm_head + bm_bytes;
    memset(bm_used, 0, 3 * bm_bytes);
    blocks = align_up(bm_mark + bm_bytes, MPF_GC_BLOCK);
    n_blocks = n;
    UNPOISON(mem, bytes); /* a heap given again (mpf_init anew) starts clean */
    POISON(blocks, n_blocks * MPF_GC_BLOCK);
    POISON(pystack_start, (size_t)(pystack_end - pystack_start));
    cursor = 0;
    n_roots = 0;
    enabled = true;
    mark_sp = 0;
    mark_overflow = false;
}

void mpf_gc_set_stack_top(void *top) {
    stack_top = (uintptr_t)top;
}

void mpf_gc_add_root(void **slot) {
    for (size_t i = 0; i < n_roots; ++i) {
        if (roots[i] == slot) {
            return;
        }
    }
    /* the runtime registers a fixed handful; more is a runtime bug, caught in tests */
    if (n_roots < MPF_GC_MAX_ROOTS) {
        roots[n_roots++] = slot;
    }
}

void mpf_gc_enable(bool on) {
    enabled = on;
}

bool mpf_gc_is_enabled(void) {
    return enabled;
}

/* --- marking --- */

static size_t alloc_blocks(size_t head) {
    size_t i = head + 1;
    while (i < n_blocks && bit(bm_used, i) && !bit(bm_head, i)) {
        ++i;
    }
    return i - head;
}

static void mark_word(uintptr_t w) {
    if (w < (uintptr_t)blocks || w >= (uintptr_t)blocks + n_blocks * MPF_GC_BLOCK) {
        return;
    }
    size_t i = (w - (uintptr_t)blocks) / MPF_GC_BLOCK;
    if (!bit(bm_used, i)) {
        return;
    }
    while (!bit(bm_head, i)) {
        --i;
    }
    if (bit(bm_mark, i)) {
        return;
    }
    bit_set(bm_mark, i);
    if (mark_sp < MARK_STACK_DEPTH) {
        mark_stack[mark_sp++] = i;
    } else {
        mark_overflow = true;
    }
}

/* Conservative scans read words that may be any data, including the stack frames of
 * other functions: the sanitizer must not instrument these reads. */
#if defined(__clang__) || defined(__GNUC__)
#define NO_SANITIZE __attribute__((no_sanitize_address))
#else
#define NO_SANITIZE
#endif

NO_SANITIZE static void mark_range(const void *from, const void *to) {
    const uintptr_t *p = (const uintptr_t *)align_up((uint8_t *)(uintptr_t)from, sizeof(uintptr_t));
    for (; (const void *)(p + 1) <= to; ++p) {
        mark_word(*p);
    }
}

static void drain(void) {
    while (mark_sp) {
        size_t i = mark_stack[--mark_sp];
        uint8_t *a = blocks + i * MPF_GC_BLOCK;
        mark_range(a, a + alloc_blocks(i) * MPF_GC_BLOCK);
    }
}

static void rescan_marked(void) {
    while (mark_overflow) {
        mark_overflow = false;
        for (size_t i = 0; i < n_blocks; ++i) {
            if (bit(bm_mark, i)) {
                uint8_t *a = blocks + i * MPF_GC_BLOCK;
                mark_range(a, a + alloc_blocks(i) * MPF_GC_BLOCK);
                drain();
            }
        }
    }
}

/* noinline: its frame, which holds the spilled registers, must lie below the caller's */
NO_SANITIZE __attribute__((noinline)) static void mark_c_stack(void) {
    jmp_buf regs;
    memset(&regs, 0, sizeof(regs));
    if (setjmp(regs) == 0) {
        volatile uintptr_t here = (uintptr_t)&regs;
        if (stack_top > here) {
            mark_range((const void *)here, (const void *)stack_top);
        }
        drain();
    }
}

/* A byte of the bitmaps at a time where it can: a byte with nothing allocated, or
 * whose heads are all marked and that does not continue a dead allocation, only has
 * its marks cleared. Mark bits are only ever set on heads. */
static void sweep(void) {
    bool in_dead = false; /* the block before belongs to an allocation being freed */
    for (size_t i = 0; i < n_blocks;) {
        if ((i & 7) == 0 && i + 8 <= n_blocks) {
            size_t k = i >> 3;
            if (bm_used[k] == 0 || (!in_dead && (bm_head[k] & ~bm_mark[k]) == 0)) {
                /* a byte whose last block is used continues a live allocation, if any */
                in_dead = false;
                bm_mark[k] = 0;
                i += 8;
                continue;
            }
        }
        if (bit(bm_head, i)) {
            in_dead = !bit(bm_mark, i);
            bit_clr(bm_mark, i);
            if (in_dead) {
                bit_clr(bm_head, i);
                bit_clr(bm_used, i);
                POISON(blocks + i * MPF_GC_BLOCK, MPF_GC_BLOCK);
            }
        } else if (in_dead && bit(bm_used, i)) {
            bit_clr(bm_used, i);
            POISON(blocks + i * MPF_GC_BLOCK, MPF_GC_BLOCK);
        } else {
            in_dead = false;
        }
        ++i;
    }
}

void mpf_gc_collect(void) {
    mark_sp = 0;
    mark_overflow = false;
    for (size_t i = 0; i < n_roots; ++i) {
        mark_word((uintptr_t)*roots[i]);
        drain();
    }
    mark_range(pystack_start, pystack_cur);
    drain();
    mark_c_stack();
    rescan_marked();
    sweep();
}

/* --- allocation --- */

/* The first run of n free blocks in [from, n_blocks), marked used; NULL if none.
 * Whole bytes of the bitmap are stepped over where they decide nothing: eight used
 * blocks, or eight free ones that still leave the run short. */
static void *find_run(size_t from, size_t n) {
    size_t run = 0;
    for (size_t i = from; i < n_blocks;) {
        if ((i & 7) == 0 && i + 8 <= n_blocks) {
            uint8_t b = bm_used[i >> 3];
            if (b == 0xff) {
                run = 0;
                i += 8;
                continue;
            }
            if (b == 0 && run + 8 < n) {
                run += 8;
                i += 8;
                continue;
            }
        }
        if (bit(bm_used, i)) {
            run = 0;
            ++i;
            continue;
        }
        if (++run == n) {
            size_t head = i + 1 - n;
            for (size_t j = head; j <= i; ++j) {
                bit_set(bm_used, j);
            }
            bit_set(bm_head, head);
            cursor = i + 1;
            uint8_t *p = blocks + head * MPF_GC_BLOCK;
            UNPOISON(p, n * MPF_GC_BLOCK);
            memset(p, 0, n * MPF_GC_BLOCK);
            return p;
        }
        ++i;
    }
    return NULL;
}

/* Next fit: allocation moves on from where the last one ended, and only when it reaches
 * the end of the heap does it collect and start again from the bottom. Restarting every
 * search from the lowest free block would rescan the same long-lived objects on every
 * allocation once small holes appear near the bottom. */
void *mpf_alloc_maybe(size_t bytes) {
    size_t n = bytes ? (bytes + MPF_GC_BLOCK - 1) / MPF_GC_BLOCK : 1;
    if (bytes > n_blocks * MPF_GC_BLOCK) {
        return NULL;
    }
    void *p = find_run(cursor, n);
    if (p == NULL) {
        if (enabled) {
            mpf_gc_collect();
        }
        p = find_run(0, n);
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

static bool is_head(const void *p, size_t *index) {
    uintptr_t w = (uintptr_t)p;
    if (w < (uintptr_t)blocks || w >= (uintptr_t)blocks + n_blocks * MPF_GC_BLOCK ||
        (w - (uintptr_t)blocks) % MPF_GC_BLOCK) {
        return false;
    }
    *index = (w - (uintptr_t)blocks) / MPF_GC_BLOCK;
    return bit(bm_head, *index);
}

void mpf_free(void *p) {
    size_t i;
    if (!is_head(p, &i)) {
        return;
    }
    size_t n = alloc_blocks(i);
    for (size_t j = i; j < i + n; ++j) {
        bit_clr(bm_used, j);
    }
    bit_clr(bm_head, i);
    POISON(p, n * MPF_GC_BLOCK);
}

void *mpf_realloc(void *p, size_t bytes) {
    size_t i;
    if (p == NULL || !is_head(p, &i)) {
        return mpf_alloc(bytes);
    }
    size_t have = alloc_blocks(i);
    size_t want = bytes ? (bytes + MPF_GC_BLOCK - 1) / MPF_GC_BLOCK : 1;
    if (want <= have) {
        for (size_t j = i + want; j < i + have; ++j) {
            bit_clr(bm_used, j);
        }
        POISON(blocks + (i + want) * MPF_GC_BLOCK, (have - want) * MPF_GC_BLOCK);
        return p;
    }
    /* grow in place when the blocks after it are free */
    size_t j = i + have;
    while (j < i + want && j < n_blocks && !bit(bm_used, j)) {
        ++j;
    }
    if (j == i + want) {
        for (size_t k = i + have; k < j; ++k) {
            bit_set(bm_used, k);
        }
        UNPOISON(blocks + (i + have) * MPF_GC_BLOCK, (want - have) * MPF_GC_BLOCK);
        memset(blocks + (i + have) * MPF_GC_BLOCK, 0, (want - have) * MPF_GC_BLOCK);
        if (cursor > i + have && cursor < j) {
            cursor = j;
        }
        return p;
    }
    void *q = mpf_alloc(bytes);
    memcpy(q, p, have * MPF_GC_BLOCK);
    mpf_free(p);
    return q;
}

void mpf_gc_info(mpf_gc_info_t *info) {
    size_t used = 0, run = 0, max_run = 0;
    for (size_t i = 0; i < n_blocks; ++i) {
        if (bit(bm_used, i)) {
            ++used;
            run = 0;
        } else if (++run > max_run) {
            max_run = run;
        }
    }
    info->total = n_blocks * MPF_GC_BLOCK;
    info->used = used * MPF_GC_BLOCK;
    info->free = info->total - info->used;
    info->max_free = max_run * MPF_GC_BLOCK;
}

/* --- the VM stack --- */

void *mpf_pystack_alloc(size_t bytes) {
    uint8_t *p = pystack_cur;
    if (bytes > (size_t)(pystack_end - p)) {
        mpf_raise_recursion_depth();
    }
    pystack_cur = align_up(p + bytes, ALIGN);
    if (pystack_cur > pystack_end) {
        pystack_cur = pystack_end;
    }
    UNPOISON(p, (size_t)(pystack_cur - p));
    return p;
}

void mpf_pystack_free(void *p) {
    if ((uint8_t *)p < pystack_cur) {
        POISON(p, (size_t)(pystack_cur - (uint8_t *)p));
    }
    pystack_cur = p;
}

void *mpf_pystack_top(void) {
    return pystack_cur;
}

void mpf_pystack_reset(void) {
    mpf_pystack_free(pystack_start);
}
