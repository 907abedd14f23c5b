/* The `collections` module: namedtuple, OrderedDict and deque. */
#include <string.h>

#include "builtins.h"
#include "exc.h"
#include "gc.h"
#include "genhdr/opcodes.h"
#include "modcollections.h"
#include "module.h"
#include "print.h"
#include "qstr.h"

/* --- named tuples --- */

static const mpf_namedtuple_type_t *nt_type(mpf_obj_t self) {
    return (const mpf_namedtuple_type_t *)MPF_OBJ_TYPE_OF_PTR(self);
}

static bool is_tuple_like(mpf_obj_t o) {
    if (!MPF_OBJ_IS_PTR(o)) {
        return false;
    }
    const mpf_type_t *t = MPF_OBJ_TYPE_OF_PTR(o);
    return t == &mpf_type_tuple || t->print == mpf_namedtuple_print;
}

void mpf_namedtuple_print(mpf_print_t *p, mpf_obj_t self, bool repr) {
    (void)repr;
    const mpf_namedtuple_type_t *t = nt_type(self);
    const mpf_tuple_t *tu = self;
    if (t->type.name != 0) { /* nameless: an attrtuple (sys.implementation) */
        mpf_printf(p, "%q", t->type.name);
    }
    mpf_print_str(p, "(");
    for (size_t i = 0; i < tu->len; ++i) {
        mpf_printf(p, i ? ", %q=" : "%q=", t->fields[i]);
        mpf_obj_print_to(p, tu->items[i], true);
    }
    mpf_print_str(p, ")");
}

mpf_obj_t mpf_namedtuple_binary_op(unsigned op, mpf_obj_t lhs, mpf_obj_t rhs) {
    const mpf_tuple_t *a = lhs;
    if (op == MP_BINARY_OP_IN) {
        return mpf_seq_contains(a->len, a->items, rhs);
    }
    if (op <= MP_BINARY_OP_NOT_EQUAL && is_tuple_like(rhs)) {
        const mpf_tuple_t *b = rhs;
        return mpf_seq_compare(op, a->len, a->items, b->len, b->items);
    }
    return MPF_OBJ_NULL;
}

mpf_obj_t mpf_namedtuple_subscr(mpf_obj_t self, mpf_obj_t index, mpf_obj_t value) {
    return mpf_type_tuple.subscr(self, index, value);
}

mpf_obj_t mpf_namedtuple_iternext(mpf_obj_t self, size_t *pos) {
    const mpf_tuple_t *t = self;
    return *pos < t->len ? t->items[(*pos)++] : MPF_OBJ_NULL;
}

size_t mpf_namedtuple_len(mpf_obj_t self) {
    return ((const mpf_tuple_t *)self)->len;
}

static size_t field_index(const mpf_namedtuple_type_t *t, mpf_qstr_t name) {
    for (size_t i = 0; i < t->n_fields; ++i) {
        if (t->fields[i] == name) {
            return i;
        }
    }
    return t->n_fields;
}

mpf_obj_t mpf_namedtuple_attr(mpf_obj_t self, mpf_qstr_t attr, mpf_obj_t value) {
    if (value != MPF_ATTR_LOAD) {
        return MPF_OBJ_NULL; /* immutable */
    }
    const mpf_namedtuple_type_t *t = nt_type(self);
    size_t i = field_index(t, attr);
    return i < t->n_fields ? ((const mpf_tuple_t *)self)->items[i] : MPF_OBJ_NULL;
}

/* fills items[] of a new instance from keyword pairs; TypeError for an unknown name */
static void set_by_name(const mpf_namedtuple_type_t *t, mpf_obj_t *items, size_t n_kw, const mpf_obj_t *kw) {
    for (size_t k = 0; k < n_kw; ++k) {
        mpf_qstr_t name = MPF_OBJ_IS_QSTR(kw[2 * k]) ? MPF_OBJ_QSTR_VALUE(kw[2 * k]) : 0;
        size_t i = field_index(t, name);
        if (i == t->n_fields) {
            mpf_raise_msg(&mpf_type_TypeError, "unexpected keyword argument '%q'", name);
        }
        items[i] = kw[2 * k + 1];
    }
}

mpf_obj_t mpf_namedtuple_make_new(mpf_obj_t type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    const mpf_namedtuple_type_t *t = type;
    if (n_args > t->n_fields) {
        mpf_raise_msg(&mpf_type_TypeError, "function takes %d positional arguments but %d were given",
            (int)t->n_fields, (int)n_args);
    }
    mpf_tuple_t *r = mpf_tuple_new(t->n_fields, NULL);
    memcpy(r->items, args, n_args * sizeof(mpf_obj_t));
    for (size_t i = n_args; i < t->n_fields; ++i) {
        r->items[i] = MPF_OBJ_NULL;
    }
    set_by_name(t, r->items, n_kw, args + n_args);
    for (size_t i = 0; i < t->n_fields; ++i) {
        if (r->items[i] == MPF_OBJ_NULL) {
            mpf_raise_msg(&mpf_type_TypeError, "function missing required positional argument '%q'", t->fields[i]);
        }
    }
    r->base.type = &t->type;
    return r;
}

static mpf_obj_t nt_replace(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    if (n_args != 1) {
        mpf_raise_msg(&mpf_type_TypeError, "_replace takes keyword arguments only");
    }
    mpf_tuple_t *old = args[0];
    const mpf_namedtuple_type_t *t = nt_type(old);
    mpf_tuple_t *r = mpf_tuple_new(old->len, old->items);
    set_by_name(t, r->items, n_kw, args + 1);
    r->base.type = &t->type;
    return r;
}
MPF_BUILTIN_OBJ(nt_replace_obj, MP_QSTR__replace, nt_replace);

const mpf_method_t mpf_namedtuple_methods[1] = {{MP_QSTR__replace, &nt_replace_obj}};

/* namedtuple(name, fields): fields a sequence of names, or one str of names separated
 * by spaces or commas; names made at run time are interned by reference to their heap
 * text, which the qstr pool then keeps alive */
static mpf_obj_t collections_namedtuple(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    if (n_args != 2 || n_kw != 0 || !mpf_obj_is_str(args[0])) {
        mpf_raise_msg(&mpf_type_TypeError, "namedtuple(name, fields)");
    }
    size_t cap = 8, n = 0;
    mpf_qstr_t *fields = mpf_alloc(cap * sizeof(mpf_qstr_t));
    if (mpf_obj_is_str(args[1])) {
        size_t len;
        const char *s = mpf_obj_str_data(args[1], &len);
        for (size_t i = 0; i < len;) {
            while (i < len && (s[i] == ' ' || s[i] == ',')) {
                ++i;
            }
            size_t start = i;
            while (i < len && s[i] != ' ' && s[i] != ',') {
                ++i;
            }
            if (i > start) {
                if (n == cap) {
                    cap *= 2;
                    fields = mpf_realloc(fields, cap * sizeof(mpf_qstr_t));
                }
                fields[n++] = mpf_qstr_from_strn_static(s + start, i - start);
            }
        }
    } else {
        mpf_obj_t list = mpf_list_from_iter(args[1]);
        const mpf_list_t *l = list;
        fields = mpf_realloc(fields, (l->len ? l->len : 1) * sizeof(mpf_qstr_t));
        for (n = 0; n < l->len; ++n) {
            size_t len;
            if (!mpf_obj_is_str(l->items[n])) {
                mpf_raise_msg(&mpf_type_TypeError, "field names must be str");
            }
            const char *s = mpf_obj_str_data(l->items[n], &len);
            fields[n] = MPF_OBJ_IS_QSTR(l->items[n]) ? MPF_OBJ_QSTR_VALUE(l->items[n]) : mpf_qstr_from_strn_static(s, len);
        }
    }
    size_t len;
    const char *name = mpf_obj_str_data(args[0], &len);
    mpf_qstr_t qname = MPF_OBJ_IS_QSTR(args[0]) ? MPF_OBJ_QSTR_VALUE(args[0]) : mpf_qstr_from_strn_static(name, len);
    static const mpf_namedtuple_type_t proto = MPF_NAMEDTUPLE_TYPE(0, 0, NULL);
    mpf_namedtuple_type_t *t = mpf_alloc(sizeof(*t));
    *t = proto;
    t->type.name = qname;
    t->n_fields = n;
    t->fields = fields;
    return t;
}
MPF_BUILTIN_OBJ(namedtuple_obj, MP_QSTR_namedtuple, collections_namedtuple);

/* --- deque: a ring of maxlen slots; appending to a full one drops the other end --- */

typedef struct {
    mpf_obj_base_t base;
    size_t maxlen, head, len;
    mpf_obj_t *items;
} deque_t;

static const mpf_type_t deque_type;

static void deque_push(deque_t *d, mpf_obj_t x, bool left) {
    if (left) {
        d->head = (d->head + d->maxlen - 1) % d->maxlen;
        d->items[d->head] = x;
        if (d->len < d->maxlen) {
            ++d->len;
        }
        return;
    }
    d->items[(d->head + d->len) % d->maxlen] = x;
    if (d->len < d->maxlen) {
        ++d->len;
    } else {
        d->head = (d->head + 1) % d->maxlen;
    }
}

static mpf_obj_t deque_make_new(mpf_obj_t type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)type;
    if (n_args < 2 || n_args > 3 || n_kw != 0 || !mpf_obj_is_int(args[1])) {
        mpf_raise_msg(&mpf_type_TypeError, "deque(iterable, maxlen[, flags])");
    }
    mpf_int_t maxlen = mpf_obj_int_value(args[1]);
    if (maxlen <= 0) {
        mpf_raise_msg(&mpf_type_ValueError, "maxlen must be positive");
    }
    deque_t *d = mpf_alloc(sizeof(*d));
    d->base.type = &deque_type;
    d->maxlen = (size_t)maxlen;
    d->items = mpf_alloc(d->maxlen * sizeof(mpf_obj_t));
    mpf_obj_t it = mpf_getiter(args[0]);
    for (mpf_obj_t x; (x = mpf_iternext(it)) != MPF_OBJ_NULL;) {
        deque_push(d, x, false);
    }
    return d;
}

static mpf_obj_t deque_append(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_args;
    (void)n_kw;
    deque_push(args[0], args[1], false);
    return mpf_const_none;
}
MPF_BUILTIN_OBJ(deque_append_obj, MP_QSTR_append, deque_append);

static mpf_obj_t deque_appendleft(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_args;
    (void)n_kw;
    deque_push(args[0], args[1], true);
    return mpf_const_none;
}
MPF_BUILTIN_OBJ(deque_appendleft_obj, MP_QSTR_appendleft, deque_appendleft);

static mpf_obj_t deque_take(deque_t *d, bool left) {
    if (d->len == 0) {
        mpf_raise_msg(&mpf_type_IndexError, "empty");
    }
    --d->len;
    size_t i = left ? d->head : (d->head + d->len) % d->maxlen;
    mpf_obj_t x = d->items[i];
    d->items[i] = MPF_OBJ_NULL;
    if (left) {
        d->head = (d->head + 1) % d->maxlen;
    }
    return x;
}

static mpf_obj_t deque_popleft(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_args;
    (void)n_kw;
    return deque_take(args[0], true);
}
MPF_BUILTIN_OBJ(deque_popleft_obj, MP_QSTR_popleft, deque_popleft);

static mpf_obj_t deque_pop(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_args;
    (void)n_kw;
    return deque_take(args[0], false);
}
MPF_BUILTIN_OBJ(deque_pop_obj, MP_QSTR_pop, deque_pop);

static size_t deque_len(mpf_obj_t self) {
    return ((const deque_t *)self)->len;
}

static mpf_obj_t deque_iternext(mpf_obj_t self, size_t *pos) {
    const deque_t *d = self;
    return *pos < d->len ? d->items[(d->head + (*pos)++) % d->maxlen] : MPF_OBJ_NULL;
}

static const mpf_method_t deque_methods[] = {
    {MP_QSTR_append, &deque_append_obj},
    {MP_QSTR_appendleft, &deque_appendleft_obj},
    {MP_QSTR_pop, &deque_pop_obj},
    {MP_QSTR_popleft, &deque_popleft_obj},
};

static const mpf_type_t deque_type = {
    .base = {&mpf_type_type},
    .name = MP_QSTR_deque,
    .iternext = deque_iternext,
    .len = deque_len,
    .methods = deque_methods,
    .n_methods = sizeof(deque_methods) / sizeof(deque_methods[0]),
    .make_new = deque_make_new,
};

/* dicts keep insertion order, so an OrderedDict is a dict */
static const mpf_builtin_entry_t collections_table[] = {
    {MP_QSTR_namedtuple, &namedtuple_obj},
    {MP_QSTR_OrderedDict, &mpf_type_dict},
    {MP_QSTR_deque, &deque_type},
    {0, NULL},
};

MPF_BUILTIN_MODULE(mpf_module_collections, MP_QSTR_collections, collections_table);
