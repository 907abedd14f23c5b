/* What tuples, lists, str and bytes share: indexes, slices, printing, comparison;
 * and the tuple and slice types themselves. */
#include <string.h>

#include "exc.h"
#include "gc.h"
#include "genhdr/opcodes.h"
#include "print.h"

size_t mpf_seq_index(mpf_obj_t index, size_t len, const char *what) {
    if (!mpf_obj_is_integer(index)) {
        mpf_raise_msg(&mpf_type_TypeError, "%s indices must be integers, not %s", what,
            mpf_obj_type_name(index));
    }
    mpf_int_t i = mpf_obj_get_int(index);
    if (i < 0) {
        i += (mpf_int_t)len;
    }
    if (i < 0 || (size_t)i >= len) {
        mpf_raise_msg(&mpf_type_IndexError, "%s index out of range", what);
    }
    return (size_t)i;
}

static mpf_int_t slice_part(mpf_obj_t o, mpf_int_t dflt) {
    if (o == mpf_const_none) {
        return dflt;
    }
    if (!mpf_obj_is_int(o)) {
        mpf_raise_msg(&mpf_type_TypeError, "slice indices must be integers or None");
    }
    return mpf_obj_int_value(o);
}

/* Python's slice.indices: bounds clipped to the sequence, as CPython computes them. */
bool mpf_slice_indices(mpf_obj_t index, size_t len, mpf_int_t *start, mpf_int_t *step, size_t *count) {
    if (!MPF_OBJ_IS_PTR(index) || MPF_OBJ_TYPE_OF_PTR(index) != &mpf_type_slice) {
        return false;
    }
    const mpf_slice_t *sl = index;
    mpf_int_t n = (mpf_int_t)len;
    mpf_int_t st = slice_part(sl->step, 1);
    if (st == 0) {
        mpf_raise_msg(&mpf_type_ValueError, "slice step cannot be zero");
    }
    mpf_int_t lo = st > 0 ? 0 : -1, hi = st > 0 ? n : n - 1;
    mpf_int_t a = slice_part(sl->start, st > 0 ? lo : hi);
    mpf_int_t b = slice_part(sl->stop, st > 0 ? hi : lo);
    if (sl->start != mpf_const_none) {
        a = a < 0 ? (a + n < lo ? lo : a + n) : (a > hi ? hi : a);
    }
    if (sl->stop != mpf_const_none) {
        b = b < 0 ? (b + n < lo ? lo : b + n) : (b > hi ? hi : b);
    }
    mpf_int_t c = st > 0 ? (b > a ? (b - a + st - 1) / st : 0) : (a > b ? (a - b - st - 1) / -st : 0);
    *start = a;
    *step = st;
    *count = (size_t)c;
    return true;
}

void mpf_print_seq(mpf_print_t *p, const char *open, const char *close, size_t n,
    const mpf_obj_t *items, bool one_comma) {
    mpf_print_str(p, open);
    for (size_t i = 0; i < n; ++i) {
        if (i) {
            mpf_print_str(p, ", ");
        }
        mpf_obj_print_to(p, items[i], true);
    }
    if (n == 1 && one_comma) {
        mpf_print_str(p, ",");
    }
    mpf_print_str(p, close);
}

static bool truth(mpf_obj_t o) {
    return mpf_obj_is_true(o);
}

/* Lexicographic, as Python compares sequences: the first unequal pair decides. */
mpf_obj_t mpf_seq_compare(unsigned op, size_t la, const mpf_obj_t *a, size_t lb, const mpf_obj_t *b) {
    if (op == MP_BINARY_OP_EQUAL || op == MP_BINARY_OP_NOT_EQUAL) {
        bool eq = la == lb;
        for (size_t i = 0; eq && i < la; ++i) {
            eq = mpf_obj_equal(a[i], b[i]);
        }
        return MPF_OBJ_BOOL(eq == (op == MP_BINARY_OP_EQUAL));
    }
    size_t i = 0;
    while (i < la && i < lb && mpf_obj_equal(a[i], b[i])) {
        ++i;
    }
    if (i < la && i < lb) {
        return MPF_OBJ_BOOL(truth(mpf_binary_op(op, a[i], b[i])));
    }
    switch (op) {
        case MP_BINARY_OP_LESS:
            return MPF_OBJ_BOOL(la < lb);
        case MP_BINARY_OP_MORE:
            return MPF_OBJ_BOOL(la > lb);
        case MP_BINARY_OP_LESS_EQUAL:
            return MPF_OBJ_BOOL(la <= lb);
        default:
            return MPF_OBJ_BOOL(la >= lb);
    }
}

bool mpf_obj_get_array(mpf_obj_t o, size_t *len, mpf_obj_t **items) {
    if (!MPF_OBJ_IS_PTR(o)) {
        return false;
    }
    const mpf_type_t *t = MPF_OBJ_TYPE_OF_PTR(o);
    if (t == &mpf_type_tuple) {
        mpf_tuple_t *tu = o;
        *len = tu->len;
        *items = tu->items;
        return true;
    }
    if (t == &mpf_type_list) {
        mpf_list_t *l = o;
        *len = l->len;
        *items = l->items;
        return true;
    }
    return false;
}

/* --- tuple --- */

mpf_obj_t mpf_tuple_new(size_t n, const mpf_obj_t *items) {
    if (n == 0) {
        static const mpf_tuple_t empty = {{&mpf_type_tuple}, 0};
        return (mpf_obj_t)&empty;
    }
    mpf_tuple_t *t = mpf_alloc(sizeof(*t) + n * sizeof(mpf_obj_t));
    t->base.type = &mpf_type_tuple;
    t->len = n;
    if (items) {
        memcpy(t->items, items, n * sizeof(mpf_obj_t));
    }
    return t;
}

static void tuple_print(mpf_print_t *p, mpf_obj_t self, bool repr) {
    (void)repr;
    const mpf_tuple_t *t = self;
    mpf_print_seq(p, "(", ")", t->len, t->items, true);
}

mpf_obj_t mpf_seq_contains(size_t n, const mpf_obj_t *items, mpf_obj_t x) {
    for (size_t i = 0; i < n; ++i) {
        if (mpf_obj_equal(items[i], x)) {
            return mpf_const_true;
        }
    }
    return mpf_const_false;
}

static mpf_obj_t tuple_binary_op(unsigned op, mpf_obj_t lhs, mpf_obj_t rhs) {
    const mpf_tuple_t *a = lhs;
    size_t lb;
    mpf_obj_t *b;
    switch (op) {
        case MP_BINARY_OP_IN:
            return mpf_seq_contains(a->len, a->items, rhs);
        case MP_BINARY_OP_ADD: {
            if (!MPF_OBJ_IS_PTR(rhs) || MPF_OBJ_TYPE_OF_PTR(rhs) != &mpf_type_tuple) {
                return MPF_OBJ_NULL;
            }
            mpf_obj_get_array(rhs, &lb, &b);
            mpf_tuple_t *t = mpf_tuple_new(a->len + lb, NULL);
            memcpy(t->items, a->items, a->len * sizeof(mpf_obj_t));
            memcpy(t->items + a->len, b, lb * sizeof(mpf_obj_t));
            return t;
        }
        case MP_BINARY_OP_MULTIPLY: {
            if (!mpf_obj_is_int(rhs)) {
                return MPF_OBJ_NULL;
            }
            mpf_int_t n = mpf_obj_int_value(rhs);
            n = n < 0 ? 0 : n;
            mpf_tuple_t *t = mpf_tuple_new(a->len * (size_t)n, NULL);
            for (mpf_int_t i = 0; i < n; ++i) {
                memcpy(t->items + (size_t)i * a->len, a->items, a->len * sizeof(mpf_obj_t));
            }
            return t;
        }
        default:
            if (op <= MP_BINARY_OP_NOT_EQUAL && MPF_OBJ_IS_PTR(rhs) &&
                MPF_OBJ_TYPE_OF_PTR(rhs) == &mpf_type_tuple) {
                mpf_obj_get_array(rhs, &lb, &b);
                return mpf_seq_compare(op, a->len, a->items, lb, b);
            }
            return MPF_OBJ_NULL;
    }
}

static mpf_obj_t tuple_subscr(mpf_obj_t self, mpf_obj_t index, mpf_obj_t value) {
    const mpf_tuple_t *t = self;
    if (value != MPF_SUBSCR_LOAD) {
        mpf_raise_msg(&mpf_type_TypeError, "'tuple' object doesn't support item assignment");
    }
    mpf_int_t start, step;
    size_t count;
    if (mpf_slice_indices(index, t->len, &start, &step, &count)) {
        mpf_tuple_t *r = mpf_tuple_new(count, NULL);
        for (size_t i = 0; i < count; ++i) {
            r->items[i] = t->items[start + (mpf_int_t)i * step];
        }
        return r;
    }
    return t->items[mpf_seq_index(index, t->len, "tuple")];
}

static mpf_obj_t tuple_iternext(mpf_obj_t self, size_t *pos) {
    const mpf_tuple_t *t = self;
    return *pos < t->len ? t->items[(*pos)++] : MPF_OBJ_NULL;
}

static size_t tuple_len(mpf_obj_t self) {
    return ((const mpf_tuple_t *)self)->len;
}

/* count and index, shared with list through mpf_obj_get_array */
static mpf_obj_t seq_count(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    size_t len, c = 0;
    mpf_obj_t *items;
    if (n_args != 2 || !mpf_obj_get_array(args[0], &len, &items)) {
        mpf_raise_msg(&mpf_type_TypeError, "function takes 2 positional arguments");
    }
    for (size_t i = 0; i < len; ++i) {
        c += mpf_obj_equal(items[i], args[1]);
    }
    return MPF_OBJ_NEW_SMALL_INT(c);
}

static mpf_obj_t seq_index(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    size_t len;
    mpf_obj_t *items;
    if (n_args < 2 || !mpf_obj_get_array(args[0], &len, &items)) {
        mpf_raise_msg(&mpf_type_TypeError, "function takes 2 positional arguments");
    }
    /* start and stop clipped as a slice's bounds */
    mpf_int_t n = (mpf_int_t)len;
    mpf_int_t start = n_args > 2 ? mpf_obj_int_value(args[2]) : 0;
    mpf_int_t stop = n_args > 3 ? mpf_obj_int_value(args[3]) : n;
    start = start < 0 ? (start + n < 0 ? 0 : start + n) : start;
    stop = stop < 0 ? (stop + n < 0 ? 0 : stop + n) : (stop > n ? n : stop);
    for (size_t i = (size_t)start; (mpf_int_t)i < stop; ++i) {
        if (mpf_obj_equal(items[i], args[1])) {
            return MPF_OBJ_NEW_SMALL_INT(i);
        }
    }
    mpf_raise_msg(&mpf_type_ValueError, "object not in sequence");
}

const mpf_builtin_t mpf_seq_count_obj = {{&mpf_type_builtin}, MP_QSTR_count, seq_count};
const mpf_builtin_t mpf_seq_index_obj = {{&mpf_type_builtin}, MP_QSTR_index, seq_index};

static const mpf_method_t tuple_methods[] = {
    {MP_QSTR_count, &mpf_seq_count_obj},
    {MP_QSTR_index, &mpf_seq_index_obj},
};

static mpf_obj_t tuple_make_new(mpf_obj_t type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)type;
    if (n_kw || n_args > 1) {
        mpf_raise_msg(&mpf_type_TypeError, "function takes at most 1 argument");
    }
    if (n_args == 0) {
        return mpf_tuple_new(0, NULL);
    }
    if (MPF_OBJ_IS_PTR(args[0]) && MPF_OBJ_TYPE_OF_PTR(args[0]) == &mpf_type_tuple) {
        return args[0];
    }
    const mpf_list_t *l = mpf_list_from_iter(args[0]);
    return mpf_tuple_new(l->len, l->items);
}

const mpf_type_t mpf_type_tuple = {
    .base = {&mpf_type_type},
    .name = MP_QSTR_tuple,
    .print = tuple_print,
    .binary_op = tuple_binary_op,
    .subscr = tuple_subscr,
    .iternext = tuple_iternext,
    .len = tuple_len,
    .methods = tuple_methods,
    .n_methods = sizeof(tuple_methods) / sizeof(tuple_methods[0]),
    .make_new = tuple_make_new,
};

/* --- slice --- */

static void slice_print(mpf_print_t *p, mpf_obj_t self, bool repr) {
    (void)repr;
    const mpf_slice_t *s = self;
    mpf_print_str(p, "slice(");
    mpf_obj_print_to(p, s->start, true);
    mpf_print_str(p, ", ");
    mpf_obj_print_to(p, s->stop, true);
    mpf_print_str(p, ", ");
    mpf_obj_print_to(p, s->step, true);
    mpf_print_str(p, ")");
}

mpf_obj_t mpf_slice_new(mpf_obj_t start, mpf_obj_t stop, mpf_obj_t step) {
    mpf_slice_t *s = mpf_alloc(sizeof(*s));
    s->base.type = &mpf_type_slice;
    s->start = start;
    s->stop = stop;
    s->step = step;
    return s;
}

/* slice(stop), slice(start, stop[, step]) */
static mpf_obj_t slice_make_new(mpf_obj_t type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)type;
    if (n_kw || n_args < 1 || n_args > 3) {
        mpf_raise_msg(&mpf_type_TypeError, "slice expected at least 1 argument, got %d", (int)n_args);
    }
    if (n_args == 1) {
        return mpf_slice_new(mpf_const_none, args[0], mpf_const_none);
    }
    return mpf_slice_new(args[0], args[1], n_args > 2 ? args[2] : mpf_const_none);
}

const mpf_type_t mpf_type_slice = {
    .base = {&mpf_type_type},
    .name = MP_QSTR_slice,
    .print = slice_print,
    .make_new = slice_make_new,
};
