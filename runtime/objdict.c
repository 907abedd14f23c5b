/* dict and set: one hash table (entries in insertion order, an index of entry numbers),
 * so both print and iterate in the order CPython does. */
#include <string.h>

#include "exc.h"
#include "gc.h"
#include "genhdr/opcodes.h"
#include "objfloat.h"
#include "print.h"

size_t mpf_obj_hash(mpf_obj_t o) {
    if (MPF_OBJ_IS_SMALL_INT(o)) { /* the common key, without the calls below */
        return (size_t)MPF_OBJ_SMALL_INT_VALUE(o);
    }
    if (mpf_obj_is_integer(o)) {
        return mpf_int_hash(o);
    }
    if (mpf_obj_is_str(o) || (MPF_OBJ_IS_PTR(o) && MPF_OBJ_TYPE_OF_PTR(o) == &mpf_type_bytes)) {
        /* FNV-1a over the text, so an interned and a heap copy of it hash alike */
        size_t len;
        const unsigned char *s = (const unsigned char *)mpf_obj_str_data(o, &len);
        uint32_t h = 2166136261u;
        for (size_t i = 0; i < len; ++i) {
            h = (h ^ s[i]) * 16777619u;
        }
        return h;
    }
    if (!MPF_OBJ_IS_PTR(o)) {
        return (size_t)(uintptr_t)o;
    }
    const mpf_type_t *t = MPF_OBJ_TYPE_OF_PTR(o);
    if (t->flags & MPF_TYPE_FLAG_CLASS) {
        return mpf_instance_hash(o);
    }
#if MPF_FEATURE_FLOAT
    if (t == &mpf_type_float) {
        return mpf_float_hash(((const mpf_float_obj_t *)o)->value);
    }
#endif
#if MPF_FEATURE_COMPLEX
    if (t == &mpf_type_complex) {
        /* a complex with no imaginary part hashes as its real part (they are equal) */
        const mpf_complex_obj_t *c = o;
        return mpf_float_hash(c->real) + 1000003u * mpf_float_hash(c->imag);
    }
#endif
    if (t == &mpf_type_tuple) {
        const mpf_tuple_t *tu = o;
        size_t h = 0x345678;
        for (size_t i = 0; i < tu->len; ++i) {
            h = (h * 1000003u) ^ mpf_obj_hash(tu->items[i]);
        }
        return h;
    }
    if (t == &mpf_type_frozenset) {
        /* order-free: equal sets hash alike whatever order their entries are in */
        const mpf_dict_t *d = o;
        size_t h = 0x1d5c3;
        for (size_t i = 0; i < d->n_entries; ++i) {
            if (d->entries[i].key != MPF_OBJ_NULL) {
                h ^= mpf_obj_hash(d->entries[i].key) * 0x9e3779b1u;
            }
        }
        return h;
    }
    if (t == &mpf_type_list || t == &mpf_type_dict || t == &mpf_type_set || t == &mpf_type_bytearray) {
        mpf_raise_msg(&mpf_type_TypeError, "unhashable type: '%q'", t->name);
    }
    return (size_t)(uintptr_t)o >> 3;
}

static void table_init(mpf_dict_t *d, size_t capacity) {
    d->alloc = capacity < 4 ? 4 : capacity;
    d->entries = mpf_alloc(d->alloc * sizeof(mpf_dict_entry_t));
    d->index = mpf_alloc(2 * d->alloc * sizeof(int32_t));
    memset(d->index, 0xff, 2 * d->alloc * sizeof(int32_t));
    d->used = 0;
    d->n_entries = 0;
}

/* The index slot of `key`: holding its entry, or the empty slot where it would go. */
static size_t find_slot(const mpf_dict_t *d, mpf_obj_t key, size_t hash) {
    size_t mask = 2 * d->alloc - 1; /* alloc is a power of two */
    size_t i = hash & mask;
    for (;;) {
        int32_t e = d->index[i];
        if (e < 0) {
            return i;
        }
        mpf_obj_t k = d->entries[e].key;
        /* two different small ints are unequal: no need to ask mpf_obj_equal */
        if (k != MPF_OBJ_NULL &&
            (k == key || (!(MPF_OBJ_IS_SMALL_INT(k) && MPF_OBJ_IS_SMALL_INT(key)) && mpf_obj_equal(k, key)))) {
            return i;
        }
        i = (i + 1) & mask;
    }
}

static void rebuild(mpf_dict_t *d, size_t alloc) {
    mpf_dict_entry_t *old = d->entries;
    size_t n = d->n_entries;
    d->alloc = alloc;
    d->entries = mpf_alloc(alloc * sizeof(mpf_dict_entry_t));
    d->index = mpf_alloc(2 * alloc * sizeof(int32_t));
    memset(d->index, 0xff, 2 * alloc * sizeof(int32_t));
    d->n_entries = 0;
    for (size_t i = 0; i < n; ++i) {
        if (old[i].key != MPF_OBJ_NULL) {
            size_t slot = find_slot(d, old[i].key, mpf_obj_hash(old[i].key));
            d->index[slot] = (int32_t)d->n_entries;
            d->entries[d->n_entries++] = old[i];
        }
    }
}

mpf_obj_t mpf_dict_new(size_t capacity) {
    mpf_dict_t *d = mpf_alloc(sizeof(*d));
    d->base.type = &mpf_type_dict;
    size_t n = 4;
    while (n < capacity) {
        n *= 2;
    }
    table_init(d, n);
    return d;
}

mpf_obj_t mpf_set_new(const mpf_type_t *type) {
    mpf_dict_t *d = mpf_dict_new(4);
    d->base.type = type;
    return d;
}

static mpf_dict_entry_t *lookup(const mpf_dict_t *d, mpf_obj_t key) {
    int32_t e = d->index[find_slot(d, key, mpf_obj_hash(key))];
    return e < 0 ? NULL : &d->entries[e];
}

mpf_obj_t mpf_dict_get(mpf_obj_t dict, mpf_obj_t key) {
    mpf_dict_entry_t *e = lookup(dict, key);
    return e ? e->value : MPF_OBJ_NULL;
}

void mpf_dict_store(mpf_obj_t dict, mpf_obj_t key, mpf_obj_t value) {
    mpf_dict_t *d = dict;
    size_t h = mpf_obj_hash(key);
    size_t slot = find_slot(d, key, h);
    if (d->index[slot] >= 0) {
        d->entries[d->index[slot]].value = value;
        return;
    }
    if (d->n_entries == d->alloc) {
        rebuild(d, d->used * 2 >= d->alloc ? d->alloc * 2 : d->alloc);
        slot = find_slot(d, key, h);
    }
    d->index[slot] = (int32_t)d->n_entries;
    d->entries[d->n_entries].key = key;
    d->entries[d->n_entries++].value = value;
    d->used++;
}

void mpf_set_add(mpf_obj_t set, mpf_obj_t item) {
    mpf_dict_store(set, item, mpf_const_true);
}

/* Removes `key`; its entry stays as a hole (key NULL) so entry numbers stay valid. */
static mpf_obj_t dict_remove(mpf_dict_t *d, mpf_obj_t key) {
    mpf_dict_entry_t *e = lookup(d, key);
    if (e == NULL) {
        return MPF_OBJ_NULL;
    }
    mpf_obj_t v = e->value;
    e->key = MPF_OBJ_NULL;
    e->value = MPF_OBJ_NULL;
    d->used--;
    /* the index still points at the hole; find_slot skips it and probing continues */
    return v;
}

static bool is_dict(mpf_obj_t o) {
    return MPF_OBJ_IS_PTR(o) && MPF_OBJ_TYPE_OF_PTR(o) == &mpf_type_dict;
}

static bool is_set(mpf_obj_t o) {
    return MPF_OBJ_IS_PTR(o) &&
           (MPF_OBJ_TYPE_OF_PTR(o) == &mpf_type_set || MPF_OBJ_TYPE_OF_PTR(o) == &mpf_type_frozenset);
}

static _Noreturn void key_error(mpf_obj_t key) {
    mpf_raise(mpf_exc_new(&mpf_type_KeyError, key));
}

/* --- dict --- */

static void dict_print(mpf_print_t *p, mpf_obj_t self, bool repr) {
    (void)repr;
    const mpf_dict_t *d = self;
    mpf_print_str(p, "{");
    bool first = true;
    for (size_t i = 0; i < d->n_entries; ++i) {
        if (d->entries[i].key == MPF_OBJ_NULL) {
            continue;
        }
        if (!first) {
            mpf_print_str(p, ", ");
        }
        first = false;
        mpf_obj_print_to(p, d->entries[i].key, true);
        mpf_print_str(p, ": ");
        mpf_obj_print_to(p, d->entries[i].value, true);
    }
    mpf_print_str(p, "}");
}

static mpf_obj_t dict_iternext(mpf_obj_t self, size_t *pos) {
    const mpf_dict_t *d = self;
    while (*pos < d->n_entries) {
        mpf_obj_t k = d->entries[(*pos)++].key;
        if (k != MPF_OBJ_NULL) {
            return k;
        }
    }
    return MPF_OBJ_NULL;
}

static size_t dict_len(mpf_obj_t self) {
    return ((const mpf_dict_t *)self)->used;
}

static mpf_obj_t dict_subscr(mpf_obj_t self, mpf_obj_t index, mpf_obj_t value) {
    if (value == MPF_SUBSCR_LOAD) {
        mpf_obj_t v = mpf_dict_get(self, index);
        if (v == MPF_OBJ_NULL) {
            key_error(index);
        }
        return v;
    }
    if (value == MPF_OBJ_NULL) {
        if (dict_remove(self, index) == MPF_OBJ_NULL) {
            key_error(index);
        }
    } else {
        mpf_dict_store(self, index, value);
    }
    return mpf_const_none;
}

static mpf_obj_t dict_binary_op(unsigned op, mpf_obj_t lhs, mpf_obj_t rhs) {
    const mpf_dict_t *a = lhs;
    if (op == MP_BINARY_OP_IN) {
        return MPF_OBJ_BOOL(lookup(a, rhs) != NULL);
    }
    if ((op == MP_BINARY_OP_EQUAL || op == MP_BINARY_OP_NOT_EQUAL) && is_dict(rhs)) {
        const mpf_dict_t *b = rhs;
        bool eq = a->used == b->used;
        for (size_t i = 0; eq && i < a->n_entries; ++i) {
            if (a->entries[i].key != MPF_OBJ_NULL) {
                mpf_dict_entry_t *e = lookup(b, a->entries[i].key);
                eq = e != NULL && mpf_obj_equal(e->value, a->entries[i].value);
            }
        }
        return MPF_OBJ_BOOL(eq == (op == MP_BINARY_OP_EQUAL));
    }
    return MPF_OBJ_NULL;
}

static void dict_update_from(mpf_obj_t self, mpf_obj_t src) {
    if (is_dict(src)) {
        const mpf_dict_t *s = src;
        for (size_t i = 0; i < s->n_entries; ++i) {
            if (s->entries[i].key != MPF_OBJ_NULL) {
                mpf_dict_store(self, s->entries[i].key, s->entries[i].value);
            }
        }
        return;
    }
    mpf_obj_t it = mpf_getiter(src), pair;
    while ((pair = mpf_iternext(it)) != MPF_OBJ_NULL) {
        const mpf_list_t *kv = mpf_list_from_iter(pair);
        if (kv->len != 2) {
            mpf_raise_msg(&mpf_type_ValueError, "dict update sequence has wrong length");
        }
        mpf_dict_store(self, kv->items[0], kv->items[1]);
    }
}

static void update_kw(mpf_obj_t self, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    for (size_t i = 0; i < n_kw; ++i) {
        mpf_dict_store(self, args[n_args + 2 * i], args[n_args + 2 * i + 1]);
    }
}

static mpf_obj_t dict_make_new(mpf_obj_t type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)type;
    mpf_obj_t d = mpf_dict_new(4);
    if (n_args) {
        dict_update_from(d, args[0]);
    }
    update_kw(d, n_args, n_kw, args);
    return d;
}

static mpf_dict_t *self_dict(const mpf_obj_t *args) {
    if (!is_dict(args[0]) && !is_set(args[0])) {
        mpf_raise_msg(&mpf_type_TypeError, "expected a dict");
    }
    return args[0];
}

static mpf_obj_t dict_get(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    mpf_obj_t v = mpf_dict_get(self_dict(args), args[1]);
    return v != MPF_OBJ_NULL ? v : n_args > 2 ? args[2] : mpf_const_none;
}

static mpf_obj_t dict_pop(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    mpf_obj_t v = dict_remove(self_dict(args), args[1]);
    if (v == MPF_OBJ_NULL) {
        if (n_args > 2) {
            return args[2];
        }
        key_error(args[1]);
    }
    return v;
}

static mpf_obj_t dict_setdefault(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    mpf_obj_t v = mpf_dict_get(self_dict(args), args[1]);
    if (v == MPF_OBJ_NULL) {
        v = n_args > 2 ? args[2] : mpf_const_none;
        mpf_dict_store(args[0], args[1], v);
    }
    return v;
}

static mpf_obj_t dict_popitem(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    (void)n_args;
    mpf_dict_t *d = self_dict(args);
    for (size_t i = d->n_entries; i-- > 0;) {
        if (d->entries[i].key != MPF_OBJ_NULL) {
            mpf_obj_t kv[2] = {d->entries[i].key, d->entries[i].value};
            dict_remove(d, kv[0]);
            return mpf_tuple_new(2, kv);
        }
    }
    mpf_raise_msg(&mpf_type_KeyError, "popitem(): dictionary is empty");
}

static mpf_obj_t dict_update(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    if (n_args > 1) {
        dict_update_from(args[0], args[1]);
    }
    update_kw(args[0], n_args, n_kw, args);
    return mpf_const_none;
}

static mpf_obj_t dict_clear(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    (void)n_args;
    table_init(self_dict(args), 4);
    return mpf_const_none;
}

static mpf_obj_t dict_copy(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    (void)n_args;
    mpf_dict_t *src = self_dict(args);
    mpf_dict_t *d = mpf_set_new(src->base.type);
    for (size_t i = 0; i < src->n_entries; ++i) {
        if (src->entries[i].key != MPF_OBJ_NULL) {
            mpf_dict_store(d, src->entries[i].key, src->entries[i].value);
        }
    }
    return d;
}

/* dict.fromkeys(iterable[, value]): called on the type, so args[0] is the iterable */
static mpf_obj_t dict_fromkeys(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    mpf_obj_t d = mpf_dict_new(4);
    mpf_obj_t it = mpf_getiter(args[0]), k;
    while ((k = mpf_iternext(it)) != MPF_OBJ_NULL) {
        mpf_dict_store(d, k, n_args > 1 ? args[1] : mpf_const_none);
    }
    return d;
}

const mpf_builtin_t mpf_dict_fromkeys_obj = {{&mpf_type_builtin}, MP_QSTR_fromkeys, dict_fromkeys};

/* views: an object over the dict; what each gives per entry depends on its type */
static mpf_obj_t new_view(const mpf_type_t *type, const mpf_obj_t *args) {
    mpf_iter_t *v = mpf_alloc(sizeof(*v));
    v->base.type = type;
    v->obj = self_dict(args);
    return v;
}

static mpf_obj_t dict_keys(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    (void)n_args;
    return new_view(&mpf_type_dict_keys, args);
}

static mpf_obj_t dict_values(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    (void)n_args;
    return new_view(&mpf_type_dict_values, args);
}

static mpf_obj_t dict_items(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    (void)n_args;
    return new_view(&mpf_type_dict_items, args);
}

static mpf_obj_t view_iternext(mpf_obj_t self, size_t *pos) {
    const mpf_iter_t *v = self;
    const mpf_dict_t *d = v->obj;
    while (*pos < d->n_entries) {
        const mpf_dict_entry_t *e = &d->entries[(*pos)++];
        if (e->key == MPF_OBJ_NULL) {
            continue;
        }
        if (v->base.type == &mpf_type_dict_keys) {
            return e->key;
        }
        if (v->base.type == &mpf_type_dict_values) {
            return e->value;
        }
        mpf_obj_t kv[2] = {e->key, e->value};
        return mpf_tuple_new(2, kv);
    }
    return MPF_OBJ_NULL;
}

static size_t view_len(mpf_obj_t self) {
    return ((const mpf_dict_t *)((const mpf_iter_t *)self)->obj)->used;
}

static void view_print(mpf_print_t *p, mpf_obj_t self, bool repr) {
    (void)repr;
    const mpf_list_t *l = mpf_list_from_iter(self);
    mpf_printf(p, "%q(", MPF_OBJ_TYPE_OF_PTR(self)->name);
    mpf_print_seq(p, "[", "]", l->len, l->items, false);
    mpf_print_str(p, ")");
}

static mpf_obj_t view_binary_op(unsigned op, mpf_obj_t lhs, mpf_obj_t rhs) {
    if (op == MP_BINARY_OP_IN) {
        const mpf_list_t *l = mpf_list_from_iter(lhs);
        return mpf_seq_contains(l->len, l->items, rhs);
    }
    return MPF_OBJ_NULL;
}

/* the names are spelled out: the qstr scan finds MP_QSTR_ names only as written */
#define VIEW_TYPE(NAME, QSTR) \
    const mpf_type_t mpf_type_##NAME = { \
        .base = {&mpf_type_type}, \
        .name = QSTR, \
        .print = view_print, \
        .binary_op = view_binary_op, \
        .iternext = view_iternext, \
        .len = view_len, \
    }
VIEW_TYPE(dict_keys, MP_QSTR_dict_keys);
VIEW_TYPE(dict_values, MP_QSTR_dict_values);
VIEW_TYPE(dict_items, MP_QSTR_dict_items);

#define METHOD(T, NAME) \
    static const mpf_builtin_t T##_##NAME##_obj = {{&mpf_type_builtin}, MP_QSTR_##NAME, T##_##NAME}
METHOD(dict, get);
METHOD(dict, pop);
METHOD(dict, setdefault);
METHOD(dict, popitem);
METHOD(dict, update);
METHOD(dict, clear);
METHOD(dict, copy);
METHOD(dict, keys);
METHOD(dict, values);
METHOD(dict, items);

static const mpf_method_t dict_methods[] = {
    {MP_QSTR_get, &dict_get_obj},
    {MP_QSTR_pop, &dict_pop_obj},
    {MP_QSTR_setdefault, &dict_setdefault_obj},
    {MP_QSTR_popitem, &dict_popitem_obj},
    {MP_QSTR_update, &dict_update_obj},
    {MP_QSTR_clear, &dict_clear_obj},
    {MP_QSTR_copy, &dict_copy_obj},
    {MP_QSTR_keys, &dict_keys_obj},
    {MP_QSTR_values, &dict_values_obj},
    {MP_QSTR_items, &dict_items_obj},
};

const mpf_type_t mpf_type_dict = {
    .base = {&mpf_type_type},
    .name = MP_QSTR_dict,
    .print = dict_print,
    .binary_op = dict_binary_op,
    .subscr = dict_subscr,
    .iternext = dict_iternext,
    .len = dict_len,
    .methods = dict_methods,
    .n_methods = sizeof(dict_methods) / sizeof(dict_methods[0]),
    .make_new = dict_make_new,
};

/* --- set and frozenset --- */

static void set_print(mpf_print_t *p, mpf_obj_t self, bool repr) {
    (void)repr;
    const mpf_dict_t *d = self;
    bool frozen = d->base.type == &mpf_type_frozenset;
    if (d->used == 0) {
        mpf_print_str(p, frozen ? "frozenset()" : "set()");
        return;
    }
    mpf_print_str(p, frozen ? "frozenset({" : "{");
    bool first = true;
    for (size_t i = 0; i < d->n_entries; ++i) {
        if (d->entries[i].key != MPF_OBJ_NULL) {
            mpf_print_str(p, first ? "" : ", ");
            first = false;
            mpf_obj_print_to(p, d->entries[i].key, true);
        }
    }
    mpf_print_str(p, frozen ? "})" : "}");
}

static mpf_obj_t set_from(const mpf_type_t *type, mpf_obj_t iterable) {
    mpf_obj_t s = mpf_set_new(type);
    mpf_obj_t it = mpf_getiter(iterable), x;
    while ((x = mpf_iternext(it)) != MPF_OBJ_NULL) {
        mpf_set_add(s, x);
    }
    return s;
}

static bool contains(const mpf_dict_t *d, mpf_obj_t x) {
    return lookup(d, x) != NULL;
}

/* a <= b as sets */
static bool subset(const mpf_dict_t *a, const mpf_dict_t *b) {
    for (size_t i = 0; i < a->n_entries; ++i) {
        if (a->entries[i].key != MPF_OBJ_NULL && !contains(b, a->entries[i].key)) {
            return false;
        }
    }
    return true;
}

/* the set `self` takes the contents of `from` (the in-place operators and *_update) */
static void set_replace(mpf_obj_t self, mpf_obj_t from) {
    mpf_dict_t *d = self;
    const mpf_dict_t *f = from;
    const mpf_type_t *type = d->base.type;
    *d = *f;
    d->base.type = type;
}

static mpf_obj_t set_binary_op(unsigned op, mpf_obj_t lhs, mpf_obj_t rhs);

static mpf_obj_t set_inplace_op(unsigned op, mpf_obj_t lhs, mpf_obj_t rhs) {
    mpf_obj_t r = set_binary_op(op - MP_BINARY_OP_INPLACE_OR + MP_BINARY_OP_OR, lhs, rhs);
    if (r != MPF_OBJ_NULL && MPF_OBJ_TYPE_OF_PTR(lhs) == &mpf_type_set) {
        set_replace(lhs, r);
        return lhs;
    }
    return r;
}

static mpf_obj_t set_binary_op(unsigned op, mpf_obj_t lhs, mpf_obj_t rhs) {
    const mpf_dict_t *a = lhs;
    if (op == MP_BINARY_OP_IN) {
        return MPF_OBJ_BOOL(contains(a, rhs));
    }
    if (op == MP_BINARY_OP_INPLACE_OR || op == MP_BINARY_OP_INPLACE_AND || op == MP_BINARY_OP_INPLACE_XOR ||
        op == MP_BINARY_OP_INPLACE_SUBTRACT) {
        return set_inplace_op(op, lhs, rhs);
    }
    if (!is_set(rhs)) {
        return MPF_OBJ_NULL;
    }
    const mpf_dict_t *b = rhs;
    switch (op) {
        case MP_BINARY_OP_EQUAL:
            return MPF_OBJ_BOOL(a->used == b->used && subset(a, b));
        case MP_BINARY_OP_NOT_EQUAL:
            return MPF_OBJ_BOOL(!(a->used == b->used && subset(a, b)));
        case MP_BINARY_OP_LESS_EQUAL:
            return MPF_OBJ_BOOL(subset(a, b));
        case MP_BINARY_OP_MORE_EQUAL:
            return MPF_OBJ_BOOL(subset(b, a));
        case MP_BINARY_OP_LESS:
            return MPF_OBJ_BOOL(a->used < b->used && subset(a, b));
        case MP_BINARY_OP_MORE:
            return MPF_OBJ_BOOL(a->used > b->used && subset(b, a));
        case MP_BINARY_OP_OR:
        case MP_BINARY_OP_AND:
        case MP_BINARY_OP_SUBTRACT:
        case MP_BINARY_OP_XOR: {
            mpf_obj_t r = mpf_set_new(a->base.type);
            for (size_t i = 0; i < a->n_entries; ++i) {
                mpf_obj_t k = a->entries[i].key;
                if (k == MPF_OBJ_NULL) {
                    continue;
                }
                bool in_b = contains(b, k);
                if (op == MP_BINARY_OP_OR || (op == MP_BINARY_OP_AND) == in_b) {
                    mpf_set_add(r, k);
                }
            }
            if (op == MP_BINARY_OP_OR || op == MP_BINARY_OP_XOR) {
                for (size_t i = 0; i < b->n_entries; ++i) {
                    mpf_obj_t k = b->entries[i].key;
                    if (k != MPF_OBJ_NULL && !contains(a, k)) {
                        mpf_set_add(r, k);
                    }
                }
            }
            return r;
        }
        default:
            return MPF_OBJ_NULL;
    }
}

static mpf_obj_t set_make_new(mpf_obj_t type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    return n_args ? set_from(type, args[0]) : mpf_set_new(type);
}

static mpf_obj_t set_add(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    (void)n_args;
    mpf_set_add(self_dict(args), args[1]);
    return mpf_const_none;
}

static mpf_obj_t set_discard(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    (void)n_args;
    dict_remove(self_dict(args), args[1]);
    return mpf_const_none;
}

static mpf_obj_t set_remove(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    (void)n_args;
    if (dict_remove(self_dict(args), args[1]) == MPF_OBJ_NULL) {
        key_error(args[1]);
    }
    return mpf_const_none;
}

static mpf_obj_t set_pop(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    (void)n_args;
    mpf_dict_t *d = self_dict(args);
    for (size_t i = 0; i < d->n_entries; ++i) {
        if (d->entries[i].key != MPF_OBJ_NULL) {
            mpf_obj_t k = d->entries[i].key;
            dict_remove(d, k);
            return k;
        }
    }
    mpf_raise_msg(&mpf_type_KeyError, "pop from an empty set");
}

static mpf_obj_t other_set(mpf_obj_t o) {
    return is_set(o) ? o : set_from(&mpf_type_set, o);
}

static mpf_obj_t set_issubset(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    (void)n_args;
    return MPF_OBJ_BOOL(subset(self_dict(args), other_set(args[1])));
}

static mpf_obj_t set_issuperset(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    (void)n_args;
    return MPF_OBJ_BOOL(subset(other_set(args[1]), self_dict(args)));
}

static mpf_obj_t set_isdisjoint(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    (void)n_args;
    const mpf_dict_t *r = set_binary_op(MP_BINARY_OP_AND, self_dict(args), other_set(args[1]));
    return MPF_OBJ_BOOL(r->used == 0);
}

/* union(*others) and the like: the operator applied with each argument in turn;
 * the *_update forms put the result into self */
static mpf_obj_t set_fold(unsigned op, size_t n_args, const mpf_obj_t *args, bool update) {
    mpf_obj_t r = self_dict(args);
    for (size_t i = 1; i < n_args; ++i) {
        r = set_binary_op(op, r, other_set(args[i]));
    }
    if (update) {
        set_replace(args[0], r);
        return mpf_const_none;
    }
    return r == args[0] ? dict_copy(1, 0, args) : r;
}

#define SETOP(NAME, OP) \
    static mpf_obj_t set_##NAME(size_t n_args, size_t n_kw, const mpf_obj_t *args) { \
        (void)n_kw; \
        return set_fold(OP, n_args, args, false); \
    } \
    static mpf_obj_t set_##NAME##_update(size_t n_args, size_t n_kw, const mpf_obj_t *args) { \
        (void)n_kw; \
        return set_fold(OP, n_args, args, true); \
    }
SETOP(union, MP_BINARY_OP_OR)
SETOP(intersection, MP_BINARY_OP_AND)
SETOP(difference, MP_BINARY_OP_SUBTRACT)
SETOP(symmetric_difference, MP_BINARY_OP_XOR)

METHOD(set, add);
METHOD(set, discard);
METHOD(set, remove);
METHOD(set, pop);
METHOD(set, issubset);
METHOD(set, issuperset);
METHOD(set, isdisjoint);
METHOD(set, union);
METHOD(set, intersection);
METHOD(set, difference);
METHOD(set, symmetric_difference);
static const mpf_builtin_t set_union_update_obj = {{&mpf_type_builtin}, MP_QSTR_update, set_union_update};
METHOD(set, intersection_update);
METHOD(set, difference_update);
METHOD(set, symmetric_difference_update);

static const mpf_method_t set_methods[] = {
    {MP_QSTR_add, &set_add_obj},
    {MP_QSTR_discard, &set_discard_obj},
    {MP_QSTR_remove, &set_remove_obj},
    {MP_QSTR_pop, &set_pop_obj},
    {MP_QSTR_update, &set_union_update_obj},
    {MP_QSTR_clear, &dict_clear_obj},
    {MP_QSTR_copy, &dict_copy_obj},
    {MP_QSTR_issubset, &set_issubset_obj},
    {MP_QSTR_issuperset, &set_issuperset_obj},
    {MP_QSTR_isdisjoint, &set_isdisjoint_obj},
    {MP_QSTR_union, &set_union_obj},
    {MP_QSTR_intersection, &set_intersection_obj},
    {MP_QSTR_difference, &set_difference_obj},
    {MP_QSTR_symmetric_difference, &set_symmetric_difference_obj},
    {MP_QSTR_intersection_update, &set_intersection_update_obj},
    {MP_QSTR_difference_update, &set_difference_update_obj},
    {MP_QSTR_symmetric_difference_update, &set_symmetric_difference_update_obj},
};

/* frozenset shares the table; only the reading methods apply to it */
static const mpf_method_t frozenset_methods[] = {
    {MP_QSTR_copy, &dict_copy_obj},
    {MP_QSTR_issubset, &set_issubset_obj},
    {MP_QSTR_issuperset, &set_issuperset_obj},
    {MP_QSTR_isdisjoint, &set_isdisjoint_obj},
    {MP_QSTR_union, &set_union_obj},
    {MP_QSTR_intersection, &set_intersection_obj},
    {MP_QSTR_difference, &set_difference_obj},
    {MP_QSTR_symmetric_difference, &set_symmetric_difference_obj},
};

const mpf_type_t mpf_type_set = {
    .base = {&mpf_type_type},
    .name = MP_QSTR_set,
    .print = set_print,
    .binary_op = set_binary_op,
    .iternext = dict_iternext,
    .len = dict_len,
    .methods = set_methods,
    .n_methods = sizeof(set_methods) / sizeof(set_methods[0]),
    .make_new = set_make_new,
};

const mpf_type_t mpf_type_frozenset = {
    .base = {&mpf_type_type},
    .name = MP_QSTR_frozenset,
    .print = set_print,
    .binary_op = set_binary_op,
    .iternext = dict_iternext,
    .len = dict_len,
    .methods = frozenset_methods,
    .n_methods = sizeof(frozenset_methods) / sizeof(frozenset_methods[0]),
    .make_new = set_make_new,
};
