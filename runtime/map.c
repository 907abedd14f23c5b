#include <string.h>

#include "gc.h"
#include "obj.h"

/* Open addressing on the qstr id; key 0 (the null qstr) marks an empty slot. */
typedef struct {
    mpf_qstr_t key;
    mpf_obj_t value;
} slot_t;

struct _mpf_map_t {
    size_t used, alloc; /* alloc is a power of two */
    slot_t *slots;
    mpf_obj_t dict; /* what globals()/locals() gave for it, NULL before */
};

static slot_t *new_slots(size_t n) {
    slot_t *s = mpf_alloc(n * sizeof(slot_t));
    memset(s, 0, n * sizeof(slot_t));
    return s;
}

mpf_map_t *mpf_map_new(size_t capacity) {
    size_t n = 8;
    while (n < capacity * 2) {
        n *= 2;
    }
    mpf_map_t *m = mpf_alloc(sizeof(*m));
    m->used = 0;
    m->alloc = n;
    m->slots = new_slots(n);
    m->dict = MPF_OBJ_NULL;
    return m;
}

static slot_t *lookup(const mpf_map_t *m, mpf_qstr_t key) {
    size_t mask = m->alloc - 1;
    size_t i = ((size_t)key * 2654435761u) & mask;
    while (m->slots[i].key != key && m->slots[i].key != 0) {
        i = (i + 1) & mask;
    }
    return &m->slots[i];
}

mpf_obj_t mpf_map_get(const mpf_map_t *m, mpf_qstr_t key) {
    slot_t *s = lookup(m, key);
    return s->key ? s->value : MPF_OBJ_NULL;
}

void mpf_map_set(mpf_map_t *m, mpf_qstr_t key, mpf_obj_t value) {
    slot_t *s = lookup(m, key);
    if (s->key) {
        s->value = value;
        return;
    }
    if ((m->used + 1) * 4 > m->alloc * 3) {
        slot_t *old = m->slots;
        size_t old_n = m->alloc;
        m->alloc *= 2;
        m->slots = new_slots(m->alloc);
        for (size_t i = 0; i < old_n; ++i) {
            if (old[i].key) {
                *lookup(m, old[i].key) = old[i];
            }
        }
        s = lookup(m, key);
    }
    s->key = key;
    s->value = value;
    m->used++;
}

/* The key keeps its slot with a NULL value: lookups then see it as absent, probing
 * past it still works, and a later store reuses it. */
bool mpf_map_delete(mpf_map_t *m, mpf_qstr_t key) {
    slot_t *s = lookup(m, key);
    if (s->key == 0 || s->value == MPF_OBJ_NULL) {
        return false;
    }
    s->value = MPF_OBJ_NULL;
    return true;
}

bool mpf_map_next(const mpf_map_t *m, size_t *pos, mpf_qstr_t *key, mpf_obj_t *value) {
    while (*pos < m->alloc) {
        const slot_t *s = &m->slots[(*pos)++];
        if (s->key && s->value != MPF_OBJ_NULL) {
            *key = s->key;
            *value = s->value;
            return true;
        }
    }
    return false;
}

/* globals() and locals(): one dict per map, brought up to date at each call (a store
 * into the dict is not seen by the map) */
mpf_obj_t mpf_map_as_dict(mpf_map_t *m) {
    if (m->dict == MPF_OBJ_NULL) {
        m->dict = mpf_dict_new(m->used);
    }
    mpf_dict_t *d = m->dict;
    d->used = 0;
    d->n_entries = 0;
    memset(d->index, 0xff, 2 * d->alloc * sizeof(int32_t));
    size_t pos = 0;
    mpf_qstr_t key;
    mpf_obj_t value;
    while (mpf_map_next(m, &pos, &key, &value)) {
        mpf_dict_store(d, MPF_OBJ_NEW_QSTR(key), value);
    }
    return d;
}
