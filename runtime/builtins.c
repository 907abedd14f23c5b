#include "builtins.h"
#include "exc.h"
#include "gc.h"
#include "genhdr/opcodes.h"
#include "module.h"
#include "objfloat.h"
#include "print.h"
#include "qstr.h"

/* --- print(*args, sep=' ', end='\n', file=None) --- */

static mpf_obj_t builtin_print(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    mpf_obj_t sep = MPF_OBJ_NEW_QSTR(MP_QSTR__x20_);
    mpf_obj_t end = MPF_OBJ_NEW_QSTR(MP_QSTR__x0a_);
    mpf_obj_t file = mpf_const_none;
    for (size_t i = 0; i < n_kw; ++i) {
        mpf_obj_t key = args[n_args + 2 * i], value = args[n_args + 2 * i + 1];
        mpf_qstr_t k = MPF_OBJ_IS_QSTR(key) ? MPF_OBJ_QSTR_VALUE(key) : 0;
        if (k == MP_QSTR_file) {
            file = value;
            continue;
        }
        if (k != MP_QSTR_sep && k != MP_QSTR_end) {
            mpf_raise_msg(&mpf_type_TypeError, "unexpected keyword argument '%q'", k);
        }
        if (value != mpf_const_none && !mpf_obj_is_str(value)) {
            mpf_raise_msg(&mpf_type_TypeError, "%q must be None or a string", k);
        }
        if (value != mpf_const_none) {
            *(k == MP_QSTR_sep ? &sep : &end) = value;
        }
    }
    /* to a stream: the whole line, then one write */
    mpf_print_t heap, *p = &mpf_print_console;
    if (file != mpf_const_none) {
        mpf_print_init_heap(&heap);
        p = &heap;
    }
    for (size_t i = 0; i < n_args; ++i) {
        if (i) {
            mpf_obj_print_to(p, sep, false);
        }
        mpf_obj_print_to(p, args[i], false);
    }
    mpf_obj_print_to(p, end, false);
    if (p == &heap) {
        mpf_stream_write(file, heap.buf, heap.len);
    }
    return mpf_const_none;
}

/* --- range --- */

static void range_print(mpf_print_t *p, mpf_obj_t self, bool repr) {
    (void)repr;
    const mpf_range_t *r = self;
    mpf_printf(p, "range(");
    mpf_print_int(p, r->start);
    mpf_printf(p, ", ");
    mpf_print_int(p, r->stop);
    if (r->step != 1) {
        mpf_printf(p, ", ");
        mpf_print_int(p, r->step);
    }
    mpf_printf(p, ")");
}

static mpf_int_t range_len_value(const mpf_range_t *r) {
    mpf_int_t n = r->step > 0 ? (r->stop - r->start + r->step - 1) / r->step
                              : (r->start - r->stop - r->step - 1) / -r->step;
    return n > 0 ? n : 0;
}

static size_t range_len(mpf_obj_t self) {
    return (size_t)range_len_value(self);
}

static mpf_obj_t range_iternext(mpf_obj_t self, size_t *pos) {
    const mpf_range_t *r = self;
    if ((mpf_int_t)*pos >= range_len_value(r)) {
        return MPF_OBJ_NULL;
    }
    return MPF_OBJ_NEW_SMALL_INT(r->start + (mpf_int_t)(*pos)++ * r->step);
}

static mpf_obj_t range_subscr(mpf_obj_t self, mpf_obj_t index, mpf_obj_t value) {
    const mpf_range_t *r = self;
    if (value != MPF_SUBSCR_LOAD) {
        mpf_raise_msg(&mpf_type_TypeError, "'range' object doesn't support item assignment");
    }
    mpf_int_t start, step;
    size_t count;
    size_t len = (size_t)range_len_value(r);
    if (mpf_slice_indices(index, len, &start, &step, &count)) {
        mpf_range_t *s = mpf_alloc(sizeof(*s));
        s->base.type = &mpf_type_range;
        s->start = r->start + start * r->step;
        s->step = r->step * step;
        s->stop = s->start + (mpf_int_t)count * s->step;
        return s;
    }
    return MPF_OBJ_NEW_SMALL_INT(r->start + (mpf_int_t)mpf_seq_index(index, len, "range") * r->step);
}

static mpf_obj_t range_binary_op(unsigned op, mpf_obj_t lhs, mpf_obj_t rhs) {
    const mpf_range_t *r = lhs;
    if (op == MP_BINARY_OP_IN && mpf_obj_is_int(rhs)) {
        mpf_int_t v = mpf_obj_int_value(rhs);
        bool inside = r->step > 0 ? v >= r->start && v < r->stop : v <= r->start && v > r->stop;
        return MPF_OBJ_BOOL(inside && (v - r->start) % r->step == 0);
    }
    return MPF_OBJ_NULL;
}

static mpf_obj_t builtin_range(size_t n_args, size_t n_kw, const mpf_obj_t *args);

static mpf_obj_t range_make_new(mpf_obj_t type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)type;
    return builtin_range(n_args, n_kw, args);
}

const mpf_type_t mpf_type_range = {
    .base = {&mpf_type_type},
    .name = MP_QSTR_range,
    .print = range_print,
    .binary_op = range_binary_op,
    .subscr = range_subscr,
    .iternext = range_iternext,
    .len = range_len,
    .make_new = range_make_new,
};

static void check_args(size_t n_args, size_t n_kw, size_t min, size_t max) {
    if (n_kw) {
        mpf_raise_msg(&mpf_type_TypeError, "function doesn't take keyword arguments");
    }
    if (n_args < min || n_args > max) {
        if (min == max) {
            mpf_raise_msg(&mpf_type_TypeError,
                "function takes %d positional arguments but %d were given", (int)min, (int)n_args);
        }
        mpf_raise_msg(&mpf_type_TypeError, "function missing %d required positional arguments",
            (int)(min - n_args));
    }
}

static mpf_obj_t builtin_range(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    check_args(n_args, n_kw, 1, 3);
    mpf_range_t *r = mpf_alloc(sizeof(*r));
    r->base.type = &mpf_type_range;
    r->start = 0;
    r->step = 1;
    if (n_args == 1) {
        r->stop = mpf_obj_get_int(args[0]);
    } else {
        r->start = mpf_obj_get_int(args[0]);
        r->stop = mpf_obj_get_int(args[1]);
        if (n_args == 3) {
            r->step = mpf_obj_get_int(args[2]);
            if (r->step == 0) {
                mpf_raise_msg(&mpf_type_ValueError, "zero step");
            }
        }
    }
    return r;
}

static mpf_obj_t builtin_len(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    check_args(n_args, n_kw, 1, 1);
    return MPF_OBJ_NEW_SMALL_INT(mpf_obj_len(args[0]));
}

static mpf_obj_t builtin_abs(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    check_args(n_args, n_kw, 1, 1);
#if MPF_FEATURE_FLOAT
    if (mpf_obj_is_float(args[0])) {
        return mpf_float_new(MPF_FLOAT_FUN(fabs)(((const mpf_float_obj_t *)args[0])->value));
    }
#endif
#if MPF_FEATURE_COMPLEX
    if (mpf_obj_is_complex(args[0])) {
        const mpf_complex_obj_t *c = args[0];
        return mpf_float_new(MPF_FLOAT_FUN(hypot)(c->real, c->imag));
    }
#endif
    if (!mpf_obj_is_integer(args[0])) {
        mpf_raise_msg(&mpf_type_TypeError, "can't convert %s to int", mpf_obj_type_name(args[0]));
    }
    return mpf_int_abs(args[0]);
}


#define BUILTIN(NAME) \
    static const mpf_builtin_t builtin_##NAME##_obj = { \
        {&mpf_type_builtin}, MP_QSTR_##NAME, builtin_##NAME \
    }
BUILTIN(print);
BUILTIN(len);
BUILTIN(abs);

static const mpf_builtin_entry_t builtins_table[] = {
    {MP_QSTR_print, &builtin_print_obj},
    {MP_QSTR_open, &mpf_builtin_open_obj},
    {MP_QSTR_range, &mpf_type_range},
    {MP_QSTR_len, &builtin_len_obj},
    {MP_QSTR_abs, &builtin_abs_obj},
    {MP_QSTR_BaseException, &mpf_type_BaseException},
    {MP_QSTR_Exception, &mpf_type_Exception},
    {MP_QSTR_ArithmeticError, &mpf_type_ArithmeticError},
    {MP_QSTR_ZeroDivisionError, &mpf_type_ZeroDivisionError},
    {MP_QSTR_OverflowError, &mpf_type_OverflowError},
    {MP_QSTR_NameError, &mpf_type_NameError},
    {MP_QSTR_TypeError, &mpf_type_TypeError},
    {MP_QSTR_ValueError, &mpf_type_ValueError},
    {MP_QSTR_RuntimeError, &mpf_type_RuntimeError},
    {MP_QSTR_NotImplementedError, &mpf_type_NotImplementedError},
    {MP_QSTR_MemoryError, &mpf_type_MemoryError},
    {MP_QSTR_ImportError, &mpf_type_ImportError},
};

mpf_obj_t mpf_builtin_lookup(mpf_qstr_t name) {
    for (size_t i = 0; i < sizeof(builtins_table) / sizeof(builtins_table[0]); ++i) {
        if (builtins_table[i].name == name) {
            return (mpf_obj_t)builtins_table[i].obj;
        }
    }
    for (const mpf_builtin_entry_t *e = mpf_builtin_funs; e->obj != NULL; ++e) {
        if (e->name == name) {
            return (mpf_obj_t)e->obj;
        }
    }
#if MPF_FEATURE_FLOAT
    for (const mpf_builtin_entry_t *e = mpf_builtin_float_funs; e->obj != NULL; ++e) {
        if (e->name == name) {
            return (mpf_obj_t)e->obj;
        }
    }
#endif
    for (const mpf_builtin_entry_t *e = mpf_builtin_attrs; e->obj != NULL; ++e) {
        if (e->name == name) {
            return (mpf_obj_t)e->obj;
        }
    }
    return MPF_OBJ_NULL;
}

/* --- iteration on the value stack ---
 * An iterator takes MP_OBJ_ITER_BUF_NSLOTS slots. A range keeps its whole state
 * there (slot 0 is a small-int marker, then current, stop, step), so a for loop over
 * a range allocates nothing. */

#define RANGE_MARKER MPF_OBJ_NEW_SMALL_INT(1)
#define GENERIC_MARKER MPF_OBJ_NEW_SMALL_INT(2)

mpf_obj_t mpf_get_iter_into(mpf_obj_t iterable, mpf_obj_t *slots) {
    if (MPF_OBJ_IS_PTR(iterable) && MPF_OBJ_TYPE_OF_PTR(iterable) == &mpf_type_range) {
        const mpf_range_t *r = iterable;
        slots[0] = RANGE_MARKER;
        slots[1] = MPF_OBJ_NEW_SMALL_INT(r->start);
        slots[2] = MPF_OBJ_NEW_SMALL_INT(r->stop);
        slots[3] = MPF_OBJ_NEW_SMALL_INT(r->step);
        return iterable;
    }
    const mpf_type_t *t = mpf_obj_get_type(iterable);
    if (t->flags & MPF_TYPE_FLAG_CLASS) {
        iterable = mpf_getiter(iterable);
        t = mpf_obj_get_type(iterable);
    }
    if (t->iternext == NULL) {
        mpf_raise_msg(&mpf_type_TypeError, "'%s' object isn't iterable", mpf_obj_type_name(iterable));
    }
    /* any other iterable: its iternext hook with the position kept in a slot */
    slots[0] = GENERIC_MARKER;
    slots[1] = iterable;
    slots[2] = MPF_OBJ_NEW_SMALL_INT(0);
    slots[3] = mpf_const_none;
    return iterable;
}

/* only bytecode from a corrupt file has other values in an iterator's slots */
static void check_iter_slots(bool ok) {
    if (!ok) {
        mpf_raise_msg(&mpf_type_RuntimeError, "bytecode iterator slots overwritten");
    }
}

mpf_obj_t mpf_iter_next(mpf_obj_t *slots) {
    if (slots[0] == RANGE_MARKER) {
        check_iter_slots(MPF_OBJ_IS_SMALL_INT(slots[1]) && MPF_OBJ_IS_SMALL_INT(slots[2]) &&
                         MPF_OBJ_IS_SMALL_INT(slots[3]));
        mpf_int_t cur = MPF_OBJ_SMALL_INT_VALUE(slots[1]);
        mpf_int_t stop = MPF_OBJ_SMALL_INT_VALUE(slots[2]);
        mpf_int_t step = MPF_OBJ_SMALL_INT_VALUE(slots[3]);
        if (step > 0 ? cur >= stop : cur <= stop) {
            return MPF_OBJ_NULL;
        }
        /* the next value may leave the small-int range only once the loop is over */
        mpf_int_t next = cur + step;
        slots[1] = MPF_SMALL_INT_FITS(next) ? MPF_OBJ_NEW_SMALL_INT(next) : slots[2];
        return MPF_OBJ_NEW_SMALL_INT(cur);
    }
    if (slots[0] == MPF_OBJ_NULL) {
        /* an iterator object made elsewhere (a generator expression's argument) */
        return mpf_iternext(slots[1]);
    }
    if (slots[0] == GENERIC_MARKER) {
        const mpf_type_t *t = mpf_obj_get_type(slots[1]);
        check_iter_slots(t->iternext != NULL && MPF_OBJ_IS_SMALL_INT(slots[2]));
        size_t pos = (size_t)MPF_OBJ_SMALL_INT_VALUE(slots[2]);
        mpf_obj_t x = t->iternext(slots[1], &pos);
        slots[2] = MPF_OBJ_NEW_SMALL_INT(pos);
        return x;
    }
    return MPF_OBJ_NULL;
}
