/* Iteration: any object whose type has an iternext hook is iterable; iter() of it is
 * an iterator object holding the object and a position. Iterator types (enumerate,
 * zip, map, filter, reversed) keep their own state and are their own iterators. */
#include <string.h>

#include "exc.h"
#include "gc.h"
#include "genhdr/opcodes.h"
#include "print.h"

static mpf_obj_t iterator_iternext(mpf_obj_t self, size_t *pos) {
    (void)pos;
    mpf_iter_t *it = self;
    return mpf_obj_get_type(it->obj)->iternext(it->obj, &it->pos);
}

const mpf_type_t mpf_type_iterator = {
    .base = {&mpf_type_type},
    .name = MP_QSTR_iterator,
    .iternext = iterator_iternext,
    .flags = MPF_TYPE_FLAG_ITERATOR,
};

mpf_obj_t mpf_getiter(mpf_obj_t iterable) {
    const mpf_type_t *t = mpf_obj_get_type(iterable);
    if (t->flags & MPF_TYPE_FLAG_CLASS) {
        return mpf_instance_getiter(iterable);
    }
    if (t->flags & MPF_TYPE_FLAG_ITERATOR) {
        return iterable;
    }
    if (t->iternext == NULL) {
        mpf_raise_msg(&mpf_type_TypeError, "'%q' object isn't iterable", t->name);
    }
    mpf_iter_t *it = mpf_alloc(sizeof(*it));
    it->base.type = &mpf_type_iterator;
    it->obj = iterable;
    it->pos = 0;
    return it;
}

mpf_obj_t mpf_iternext(mpf_obj_t iter) {
    const mpf_type_t *t = mpf_obj_get_type(iter);
    if (!(t->flags & MPF_TYPE_FLAG_ITERATOR)) {
        mpf_raise_msg(&mpf_type_TypeError, "'%q' object isn't an iterator", t->name);
    }
    size_t unused = 0;
    return t->iternext(iter, &unused);
}

mpf_obj_t mpf_list_from_iter(mpf_obj_t iterable) {
    size_t n;
    mpf_obj_t *items;
    if (mpf_obj_get_array(iterable, &n, &items)) {
        return mpf_list_new(n, items);
    }
    mpf_obj_t list = mpf_list_new(0, NULL);
    const mpf_type_t *t = mpf_obj_get_type(iterable);
    if (t->flags & MPF_TYPE_FLAG_CLASS) {
        mpf_obj_t it = mpf_getiter(iterable);
        mpf_obj_t x;
        while ((x = mpf_iternext(it)) != MPF_OBJ_NULL) {
            mpf_list_append(list, x);
        }
        return list;
    }
    if (t->iternext == NULL) {
        mpf_raise_msg(&mpf_type_TypeError, "'%q' object isn't iterable", t->name);
    }
    size_t pos = 0;
    mpf_obj_t x;
    while ((x = t->iternext(iterable, &pos)) != MPF_OBJ_NULL) {
        mpf_list_append(list, x);
    }
    return list;
}

/* --- enumerate, zip, map, filter, reversed --- */

typedef struct {
    mpf_obj_base_t base;
    mpf_obj_t fun; /* map, filter; enumerate: the next count */
    size_t n;
    mpf_obj_t iters[];
} multi_iter_t;

static multi_iter_t *new_multi(const mpf_type_t *type, mpf_obj_t fun, size_t n, const mpf_obj_t *iterables) {
    multi_iter_t *m = mpf_alloc(sizeof(*m) + n * sizeof(mpf_obj_t));
    m->base.type = type;
    m->fun = fun;
    m->n = n;
    for (size_t i = 0; i < n; ++i) {
        m->iters[i] = mpf_getiter(iterables[i]);
    }
    return m;
}

static mpf_obj_t enumerate_next(mpf_obj_t self, size_t *pos) {
    (void)pos;
    multi_iter_t *m = self;
    mpf_obj_t x = mpf_iternext(m->iters[0]);
    if (x == MPF_OBJ_NULL) {
        return x;
    }
    mpf_obj_t pair[2] = {m->fun, x};
    m->fun = mpf_binary_op(MP_BINARY_OP_ADD, m->fun, MPF_OBJ_NEW_SMALL_INT(1));
    return mpf_tuple_new(2, pair);
}

static mpf_obj_t zip_next(mpf_obj_t self, size_t *pos) {
    (void)pos;
    multi_iter_t *m = self;
    if (m->n == 0) {
        return MPF_OBJ_NULL;
    }
    mpf_tuple_t *t = mpf_tuple_new(m->n, NULL);
    for (size_t i = 0; i < m->n; ++i) {
        t->items[i] = mpf_iternext(m->iters[i]);
        if (t->items[i] == MPF_OBJ_NULL) {
            return MPF_OBJ_NULL;
        }
    }
    return t;
}

static mpf_obj_t map_next(mpf_obj_t self, size_t *pos) {
    (void)pos;
    multi_iter_t *m = self;
    mpf_obj_t args[8];
    for (size_t i = 0; i < m->n; ++i) {
        args[i] = mpf_iternext(m->iters[i]);
        if (args[i] == MPF_OBJ_NULL) {
            return MPF_OBJ_NULL;
        }
    }
    return mpf_call(m->fun, m->n, 0, args);
}

static mpf_obj_t filter_next(mpf_obj_t self, size_t *pos) {
    (void)pos;
    multi_iter_t *m = self;
    mpf_obj_t x;
    while ((x = mpf_iternext(m->iters[0])) != MPF_OBJ_NULL) {
        mpf_obj_t keep = m->fun == mpf_const_none ? x : mpf_call(m->fun, 1, 0, &x);
        if (mpf_obj_is_true(keep)) {
            return x;
        }
    }
    return MPF_OBJ_NULL;
}

/* reversed keeps a list copy and walks it down; fun holds it, n the items left */
static mpf_obj_t reversed_next(mpf_obj_t self, size_t *pos) {
    (void)pos;
    multi_iter_t *m = self;
    const mpf_list_t *l = m->fun;
    return m->n ? l->items[--m->n] : MPF_OBJ_NULL;
}

static mpf_obj_t enumerate_make_new(mpf_obj_t type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    mpf_obj_t start = n_args > 1 ? args[1] : MPF_OBJ_NEW_SMALL_INT(0);
    if (n_kw) {
        start = args[n_args + 1];
    }
    if (n_args < 1) {
        mpf_raise_msg(&mpf_type_TypeError, "function missing 1 required positional arguments");
    }
    return new_multi(type, start, 1, args);
}

static mpf_obj_t zip_make_new(mpf_obj_t type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    return new_multi(type, mpf_const_none, n_args, args);
}

static mpf_obj_t map_make_new(mpf_obj_t type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    if (n_args < 2 || n_args > 9) {
        mpf_raise_msg(&mpf_type_TypeError, "map takes a function and 1 to 8 iterables");
    }
    return new_multi(type, args[0], n_args - 1, args + 1);
}

static mpf_obj_t filter_make_new(mpf_obj_t type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    if (n_args != 2) {
        mpf_raise_msg(&mpf_type_TypeError, "function takes 2 positional arguments but %d were given",
            (int)n_args);
    }
    return new_multi(type, args[0], 1, args + 1);
}

static mpf_obj_t reversed_make_new(mpf_obj_t type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    if (n_args != 1) {
        mpf_raise_msg(&mpf_type_TypeError, "function takes 1 positional arguments");
    }
    multi_iter_t *m = mpf_alloc(sizeof(*m));
    m->base.type = type;
    mpf_list_t *l = mpf_list_from_iter(args[0]);
    m->fun = l;
    m->n = l->len;
    return m;
}

#define ITER_TYPE(NAME, QSTR) \
    const mpf_type_t mpf_type_##NAME = { \
        .base = {&mpf_type_type}, \
        .name = QSTR, \
        .iternext = NAME##_next, \
        .make_new = NAME##_make_new, \
        .flags = MPF_TYPE_FLAG_ITERATOR, \
    }
ITER_TYPE(enumerate, MP_QSTR_enumerate);
ITER_TYPE(zip, MP_QSTR_zip);
ITER_TYPE(map, MP_QSTR_map);
ITER_TYPE(filter, MP_QSTR_filter);
ITER_TYPE(reversed, MP_QSTR_reversed);
