#include <string.h>

#include "gc.h"
#include "exc.h"
#include "genhdr/opcodes.h"
#include "obj.h"
#include "print.h"
#include "qstr.h"

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

/* globals() and locals(): a dict-like object over the map itself, so that what is
 * stored through it is stored in the namespace (globals()[name] = v defines name) */
typedef struct {
    mpf_obj_base_t base;
    mpf_map_t *map;
} namespace_t;

static const mpf_type_t namespace_type;

static mpf_qstr_t ns_key(mpf_obj_t key) {
    if (MPF_OBJ_IS_QSTR(key)) {
        return MPF_OBJ_QSTR_VALUE(key);
    }
    if (!mpf_obj_is_str(key)) {
        mpf_raise_msg(&mpf_type_TypeError, "namespace keys must be str, not %s", mpf_obj_type_name(key));
    }
    size_t len;
    const char *s = mpf_obj_str_data(key, &len);
    return mpf_qstr_from_strn_static(s, len);
}

/* a snapshot as a plain dict, for printing and the methods that read */
static mpf_obj_t ns_snapshot(mpf_obj_t self) {
    const mpf_map_t *m = ((const namespace_t *)self)->map;
    mpf_obj_t d = mpf_dict_new(m->used);
    size_t pos = 0;
    mpf_qstr_t key;
    mpf_obj_t value;
    while (mpf_map_next(m, &pos, &key, &value)) {
        mpf_dict_store(d, MPF_OBJ_NEW_QSTR(key), value);
    }
    return d;
}

static void ns_print(mpf_print_t *p, mpf_obj_t self, bool repr) {
    mpf_obj_print_to(p, ns_snapshot(self), repr);
}

static mpf_obj_t ns_subscr(mpf_obj_t self, mpf_obj_t index, mpf_obj_t value) {
    mpf_map_t *m = ((namespace_t *)self)->map;
    mpf_qstr_t key = ns_key(index);
    if (value == MPF_SUBSCR_LOAD) {
        mpf_obj_t v = mpf_map_get(m, key);
        if (v == MPF_OBJ_NULL) {
            mpf_raise(mpf_exc_new(&mpf_type_KeyError, index));
        }
        return v;
    }
    mpf_class_attrs_changed(); /* locals() of a class body outlives the body */
    if (value == MPF_OBJ_NULL) {
        if (!mpf_map_delete(m, key)) {
            mpf_raise(mpf_exc_new(&mpf_type_KeyError, index));
        }
    } else {
        mpf_map_set(m, key, value);
    }
    return mpf_const_none;
}

static mpf_obj_t ns_binary_op(unsigned op, mpf_obj_t lhs, mpf_obj_t rhs) {
    if (op == MP_BINARY_OP_IN) {
        return MPF_OBJ_BOOL(mpf_obj_is_str(rhs) && mpf_map_get(((namespace_t *)lhs)->map, ns_key(rhs)) != MPF_OBJ_NULL);
    }
    if (op == MP_BINARY_OP_EQUAL) {
        return mpf_binary_op(op, ns_snapshot(lhs), rhs);
    }
    return MPF_OBJ_NULL;
}

static mpf_obj_t ns_iternext(mpf_obj_t self, size_t *pos) {
    mpf_qstr_t key;
    mpf_obj_t value;
    return mpf_map_next(((namespace_t *)self)->map, pos, &key, &value) ? MPF_OBJ_NEW_QSTR(key) : MPF_OBJ_NULL;
}

static size_t ns_len(mpf_obj_t self) {
    size_t n = 0, pos = 0;
    mpf_qstr_t key;
    mpf_obj_t value;
    while (mpf_map_next(((namespace_t *)self)->map, &pos, &key, &value)) {
        ++n;
    }
    return n;
}

/* get, keys, values, items, copy: the dict's own methods on a snapshot */
static mpf_obj_t ns_method(mpf_qstr_t name, size_t n_args, const mpf_obj_t *args) {
    mpf_obj_t dest[2];
    mpf_load_method(ns_snapshot(args[0]), name, dest);
    mpf_obj_t all[3] = {dest[1], n_args > 1 ? args[1] : MPF_OBJ_NULL, n_args > 2 ? args[2] : MPF_OBJ_NULL};
    return mpf_call(dest[0], n_args, 0, all);
}

#define NS_METHOD(NAME, Q) \
    static mpf_obj_t ns_##NAME(size_t n_args, size_t n_kw, const mpf_obj_t *args) { \
        (void)n_kw; \
        return ns_method(Q, n_args > 3 ? 3 : n_args, args); \
    } \
    static const mpf_builtin_t ns_##NAME##_obj = {{&mpf_type_builtin}, Q, ns_##NAME}
NS_METHOD(get, MP_QSTR_get);
NS_METHOD(keys, MP_QSTR_keys);
NS_METHOD(values, MP_QSTR_values);
NS_METHOD(items, MP_QSTR_items);
NS_METHOD(copy, MP_QSTR_copy);

static const mpf_method_t ns_methods[] = {
    {MP_QSTR_get, &ns_get_obj},
    {MP_QSTR_keys, &ns_keys_obj},
    {MP_QSTR_values, &ns_values_obj},
    {MP_QSTR_items, &ns_items_obj},
    {MP_QSTR_copy, &ns_copy_obj},
};

/* named dict, and a kind of dict to isinstance() */
static const mpf_type_t namespace_type = {
    .base = {&mpf_type_type},
    .name = MP_QSTR_dict,
    .parent = &mpf_type_dict,
    .print = ns_print,
    .binary_op = ns_binary_op,
    .subscr = ns_subscr,
    .iternext = ns_iternext,
    .len = ns_len,
    .methods = ns_methods,
    .n_methods = sizeof(ns_methods) / sizeof(ns_methods[0]),
};

mpf_obj_t mpf_map_as_dict(mpf_map_t *m) {
    if (m->dict == MPF_OBJ_NULL) {
        namespace_t *ns = mpf_alloc(sizeof(*ns));
        ns->base.type = &namespace_type;
        ns->map = m;
        m->dict = ns;
    }
    return m->dict;
}
