/* list: a growable array of objects. */
#include <string.h>

#include "exc.h"
#include "gc.h"
#include "genhdr/opcodes.h"
#include "print.h"

mpf_obj_t mpf_list_new(size_t n, const mpf_obj_t *items) {
    mpf_list_t *l = mpf_alloc(sizeof(*l));
    l->base.type = &mpf_type_list;
    l->alloc = n < 4 ? 4 : n;
    l->items = mpf_alloc(l->alloc * sizeof(mpf_obj_t));
    l->len = n;
    if (items) {
        memcpy(l->items, items, n * sizeof(mpf_obj_t));
    }
    return l;
}

static void reserve(mpf_list_t *l, size_t extra) {
    if (l->len + extra > l->alloc) {
        size_t n = l->alloc * 2;
        while (n < l->len + extra) {
            n *= 2;
        }
        l->items = mpf_realloc(l->items, n * sizeof(mpf_obj_t));
        l->alloc = n;
    }
}

void mpf_list_append(mpf_obj_t list, mpf_obj_t item) {
    mpf_list_t *l = list;
    reserve(l, 1);
    l->items[l->len++] = item;
}

static mpf_list_t *self_list(const mpf_obj_t *args) {
    if (!MPF_OBJ_IS_PTR(args[0]) || MPF_OBJ_TYPE_OF_PTR(args[0]) != &mpf_type_list) {
        mpf_raise_msg(&mpf_type_TypeError, "expected a list");
    }
    return args[0];
}

static void extend(mpf_list_t *l, mpf_obj_t iterable) {
    size_t n;
    mpf_obj_t *items;
    if (!mpf_obj_get_array(iterable, &n, &items)) {
        mpf_list_t *tmp = mpf_list_from_iter(iterable);
        n = tmp->len;
        items = tmp->items;
    }
    reserve(l, n);
    memmove(l->items + l->len, items, n * sizeof(mpf_obj_t));
    l->len += n;
}

static void list_print(mpf_print_t *p, mpf_obj_t self, bool repr) {
    (void)repr;
    const mpf_list_t *l = self;
    mpf_print_seq(p, "[", "]", l->len, l->items, false);
}

static mpf_obj_t list_binary_op(unsigned op, mpf_obj_t lhs, mpf_obj_t rhs) {
    mpf_list_t *a = lhs;
    bool rhs_list = MPF_OBJ_IS_PTR(rhs) && MPF_OBJ_TYPE_OF_PTR(rhs) == &mpf_type_list;
    switch (op) {
        case MP_BINARY_OP_IN:
            return mpf_seq_contains(a->len, a->items, rhs);
        case MP_BINARY_OP_INPLACE_ADD:
            extend(a, rhs);
            return a;
        case MP_BINARY_OP_ADD: {
            if (!rhs_list) {
                return MPF_OBJ_NULL;
            }
            mpf_list_t *r = mpf_list_new(a->len, a->items);
            extend(r, rhs);
            return r;
        }
        case MP_BINARY_OP_MULTIPLY: {
            if (!mpf_obj_is_int(rhs)) {
                return MPF_OBJ_NULL;
            }
            mpf_int_t n = mpf_obj_int_value(rhs);
            n = n < 0 ? 0 : n;
            mpf_list_t *r = mpf_list_new(a->len * (size_t)n, NULL);
            for (mpf_int_t i = 0; i < n; ++i) {
                memcpy(r->items + (size_t)i * a->len, a->items, a->len * sizeof(mpf_obj_t));
            }
            return r;
        }
        default:
            if (op <= MP_BINARY_OP_NOT_EQUAL && rhs_list) {
                const mpf_list_t *b = rhs;
                return mpf_seq_compare(op, a->len, a->items, b->len, b->items);
            }
            return MPF_OBJ_NULL;
    }
}

static void delete_range(mpf_list_t *l, size_t at, size_t n) {
    memmove(l->items + at, l->items + at + n, (l->len - at - n) * sizeof(mpf_obj_t));
    l->len -= n;
}

static mpf_obj_t list_subscr(mpf_obj_t self, mpf_obj_t index, mpf_obj_t value) {
    mpf_list_t *l = self;
    mpf_int_t start, step;
    size_t count;
    if (mpf_slice_indices(index, l->len, &start, &step, &count)) {
        if (value == MPF_SUBSCR_LOAD) {
            mpf_list_t *r = mpf_list_new(count, NULL);
            for (size_t i = 0; i < count; ++i) {
                r->items[i] = l->items[start + (mpf_int_t)i * step];
            }
            return r;
        }
        if (value == MPF_OBJ_NULL) {
            /* delete from the highest index down, so lower ones keep their place */
            for (size_t k = 0; k < count; ++k) {
                size_t i = step > 0 ? count - 1 - k : k;
                delete_range(l, (size_t)(start + (mpf_int_t)i * step), 1);
            }
            return mpf_const_none;
        }
        /* a tuple or another list is read in place; the list itself (a[i:j] = a) and
         * other iterables are copied first */
        size_t n;
        mpf_obj_t *items;
        if (value == self || !mpf_obj_get_array(value, &n, &items)) {
            const mpf_list_t *src = mpf_list_from_iter(value);
            n = src->len;
            items = src->items;
        }
        if (step != 1) {
            if (n != count) {
                mpf_raise_msg(&mpf_type_ValueError,
                    "attempt to assign sequence of size %d to extended slice of size %d",
                    (int)n, (int)count);
            }
            for (size_t i = 0; i < count; ++i) {
                l->items[start + (mpf_int_t)i * step] = items[i];
            }
            return mpf_const_none;
        }
        reserve(l, n);
        memmove(l->items + start + n, l->items + start + count,
            (l->len - (size_t)start - count) * sizeof(mpf_obj_t));
        memcpy(l->items + start, items, n * sizeof(mpf_obj_t));
        l->len = l->len - count + n;
        return mpf_const_none;
    }
    size_t i = mpf_seq_index(index, l->len, "list");
    if (value == MPF_SUBSCR_LOAD) {
        return l->items[i];
    }
    if (value == MPF_OBJ_NULL) {
        delete_range(l, i, 1);
    } else {
        l->items[i] = value;
    }
    return mpf_const_none;
}

static mpf_obj_t list_iternext(mpf_obj_t self, size_t *pos) {
    const mpf_list_t *l = self;
    return *pos < l->len ? l->items[(*pos)++] : MPF_OBJ_NULL;
}

static size_t list_len(mpf_obj_t self) {
    return ((const mpf_list_t *)self)->len;
}

static mpf_obj_t list_append(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    (void)n_args;
    mpf_list_append(self_list(args), args[1]);
    return mpf_const_none;
}

static mpf_obj_t list_extend(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    (void)n_args;
    extend(self_list(args), args[1]);
    return mpf_const_none;
}

static mpf_obj_t list_insert(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    (void)n_args;
    mpf_list_t *l = self_list(args);
    mpf_int_t i = mpf_obj_int_value(args[1]);
    if (i < 0) {
        i += (mpf_int_t)l->len;
        i = i < 0 ? 0 : i;
    }
    if ((size_t)i > l->len) {
        i = (mpf_int_t)l->len;
    }
    reserve(l, 1);
    memmove(l->items + i + 1, l->items + i, (l->len - (size_t)i) * sizeof(mpf_obj_t));
    l->items[i] = args[2];
    l->len++;
    return mpf_const_none;
}

static mpf_obj_t list_pop(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    mpf_list_t *l = self_list(args);
    if (l->len == 0) {
        mpf_raise_msg(&mpf_type_IndexError, "pop from empty list");
    }
    size_t i = n_args > 1 ? mpf_seq_index(args[1], l->len, "list") : l->len - 1;
    mpf_obj_t v = l->items[i];
    delete_range(l, i, 1);
    return v;
}

static mpf_obj_t list_remove(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    (void)n_args;
    mpf_list_t *l = self_list(args);
    for (size_t i = 0; i < l->len; ++i) {
        if (mpf_obj_equal(l->items[i], args[1])) {
            delete_range(l, i, 1);
            return mpf_const_none;
        }
    }
    mpf_raise_msg(&mpf_type_ValueError, "object not in sequence");
}

static mpf_obj_t list_reverse(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    (void)n_args;
    mpf_list_t *l = self_list(args);
    for (size_t i = 0, j = l->len; i + 1 < j--; ++i) {
        mpf_obj_t t = l->items[i];
        l->items[i] = l->items[j];
        l->items[j] = t;
    }
    return mpf_const_none;
}

static mpf_obj_t list_clear(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    (void)n_args;
    self_list(args)->len = 0;
    return mpf_const_none;
}

static mpf_obj_t list_copy(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    (void)n_args;
    mpf_list_t *l = self_list(args);
    return mpf_list_new(l->len, l->items);
}

/* --- sort: a stable merge sort; keys computed once --- */

static bool less(mpf_obj_t a, mpf_obj_t b) {
    return mpf_obj_is_true(mpf_binary_op(MP_BINARY_OP_LESS, a, b));
}

static void merge_sort(mpf_obj_t *keys, mpf_obj_t *vals, mpf_obj_t *tk, mpf_obj_t *tv, size_t n,
    bool reverse) {
    if (n < 2) {
        return;
    }
    size_t h = n / 2;
    merge_sort(keys, vals, tk, tv, h, reverse);
    merge_sort(keys + h, vals + h, tk, tv, n - h, reverse);
    memcpy(tk, keys, n * sizeof(mpf_obj_t));
    memcpy(tv, vals, n * sizeof(mpf_obj_t));
    size_t i = 0, j = h, k = 0;
    while (i < h && j < n) {
        /* take from the right only when strictly before: that keeps equal items in order */
        bool right = reverse ? less(tk[i], tk[j]) : less(tk[j], tk[i]);
        keys[k] = right ? tk[j] : tk[i];
        vals[k++] = right ? tv[j++] : tv[i++];
    }
    while (i < h) {
        keys[k] = tk[i];
        vals[k++] = tv[i++];
    }
    while (j < n) {
        keys[k] = tk[j];
        vals[k++] = tv[j++];
    }
}

mpf_obj_t mpf_list_sort(mpf_obj_t list, mpf_obj_t key, bool reverse) {
    mpf_list_t *l = list;
    size_t n = l->len;
    mpf_obj_t *buf = mpf_alloc(4 * n * sizeof(mpf_obj_t) + 1);
    mpf_obj_t *keys = buf, *vals = buf + n;
    for (size_t i = 0; i < n; ++i) {
        vals[i] = l->items[i];
        keys[i] = key == mpf_const_none ? vals[i] : mpf_call(key, 1, 0, &vals[i]);
    }
    merge_sort(keys, vals, buf + 2 * n, buf + 3 * n, n, reverse);
    memcpy(l->items, vals, n * sizeof(mpf_obj_t));
    mpf_free(buf);
    return mpf_const_none;
}

static mpf_obj_t list_sort(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    mpf_obj_t key = mpf_const_none;
    bool reverse = false;
    for (size_t i = 0; i < n_kw; ++i) {
        mpf_obj_t k = args[n_args + 2 * i], v = args[n_args + 2 * i + 1];
        if (MPF_OBJ_IS_QSTR(k) && MPF_OBJ_QSTR_VALUE(k) == MP_QSTR_key) {
            key = v;
        } else if (MPF_OBJ_IS_QSTR(k) && MPF_OBJ_QSTR_VALUE(k) == MP_QSTR_reverse) {
            reverse = mpf_obj_is_true(v);
        } else {
            mpf_raise_msg(&mpf_type_TypeError, "unexpected keyword argument");
        }
    }
    return mpf_list_sort(self_list(args), key, reverse);
}

#define METHOD(NAME) \
    static const mpf_builtin_t list_##NAME##_obj = {{&mpf_type_builtin}, MP_QSTR_##NAME, list_##NAME}
METHOD(append);
METHOD(extend);
METHOD(insert);
METHOD(pop);
METHOD(remove);
METHOD(reverse);
METHOD(clear);
METHOD(copy);
METHOD(sort);

static const mpf_method_t list_methods[] = {
    {MP_QSTR_append, &list_append_obj},
    {MP_QSTR_extend, &list_extend_obj},
    {MP_QSTR_insert, &list_insert_obj},
    {MP_QSTR_pop, &list_pop_obj},
    {MP_QSTR_remove, &list_remove_obj},
    {MP_QSTR_reverse, &list_reverse_obj},
    {MP_QSTR_clear, &list_clear_obj},
    {MP_QSTR_copy, &list_copy_obj},
    {MP_QSTR_sort, &list_sort_obj},
    {MP_QSTR_count, &mpf_seq_count_obj},
    {MP_QSTR_index, &mpf_seq_index_obj},
};

static mpf_obj_t list_make_new(mpf_obj_t type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)type;
    if (n_kw || n_args > 1) {
        mpf_raise_msg(&mpf_type_TypeError, "function takes at most 1 argument");
    }
    return n_args ? mpf_list_from_iter(args[0]) : mpf_list_new(0, NULL);
}

const mpf_type_t mpf_type_list = {
    .base = {&mpf_type_type},
    .name = MP_QSTR_list,
    .print = list_print,
    .binary_op = list_binary_op,
    .subscr = list_subscr,
    .iternext = list_iternext,
    .len = list_len,
    .methods = list_methods,
    .n_methods = sizeof(list_methods) / sizeof(list_methods[0]),
    .make_new = list_make_new,
};
