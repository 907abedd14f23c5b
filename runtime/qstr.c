#include <string.h>

#include "gc.h"
#include "qstr.h"

/* Interned at run time; the text itself stays where the loader found it. */
static mpf_qstr_def_t *dyn_pool;
static size_t dyn_len, dyn_alloc;

void mpf_qstr_init(void) {
    dyn_pool = NULL;
    dyn_len = 0;
    dyn_alloc = 0;
    /* the pool's array is on the heap and referenced from nowhere else */
    mpf_gc_add_root((void **)&dyn_pool);
}

const char *mpf_qstr_str(uint16_t q, size_t *len) {
    const mpf_qstr_def_t *d;
    if (q < mpf_qstr_rom_count) {
        d = &mpf_qstr_rom[q];
    } else if (q - mpf_qstr_rom_count < dyn_len) {
        d = &dyn_pool[q - mpf_qstr_rom_count];
    } else {
        *len = 0;
        return "";
    }
    *len = d->len;
    return d->str;
}

static int find(const mpf_qstr_def_t *pool, size_t n, const char *s, size_t len) {
    for (size_t i = 0; i < n; ++i) {
        if (pool[i].len == len && memcmp(pool[i].str, s, len) == 0) {
            return (int)i;
        }
    }
    return -1;
}

uint16_t mpf_qstr_from_strn_static(const char *s, size_t len) {
    /* id 0 is the null qstr; its empty text must not shadow the real '' at id 1 */
    int i = find(mpf_qstr_rom + 1, mpf_qstr_rom_count - 1, s, len);
    if (i >= 0) {
        return (uint16_t)(i + 1);
    }
    i = find(dyn_pool, dyn_len, s, len);
    if (i >= 0) {
        return (uint16_t)(mpf_qstr_rom_count + (size_t)i);
    }
    if (len > UINT16_MAX || mpf_qstr_rom_count + dyn_len >= UINT16_MAX) {
        mpf_raise_memory_error();
    }
    if (dyn_len == dyn_alloc) {
        size_t new_alloc = dyn_alloc ? dyn_alloc * 2 : 32;
        mpf_qstr_def_t *p = mpf_alloc(new_alloc * sizeof(*p));
        if (dyn_len) {
            memcpy(p, dyn_pool, dyn_len * sizeof(*p));
        }
        dyn_pool = p;
        dyn_alloc = new_alloc;
    }
    dyn_pool[dyn_len].len = (uint16_t)len;
    dyn_pool[dyn_len].str = s;
    return (uint16_t)(mpf_qstr_rom_count + dyn_len++);
}
