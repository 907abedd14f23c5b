#include "exc.h"
#include "gc.h"
#include "genhdr/opcodes.h"
#include "print.h"
#include "qstr.h"

/* --- print(*args, sep=' ', end='\n') --- */

static mpf_obj_t builtin_print(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    mpf_obj_t sep = MPF_OBJ_NEW_QSTR(MP_QSTR__x20_);
    mpf_obj_t end = MPF_OBJ_NEW_QSTR(MP_QSTR__x0a_);
    for (size_t i = 0; i < n_kw; ++i) {
        mpf_obj_t key = args[n_args + 2 * i], value = args[n_args + 2 * i + 1];
        mpf_qstr_t k = MPF_OBJ_IS_QSTR(key) ? MPF_OBJ_QSTR_VALUE(key) : 0;
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
    for (size_t i = 0; i < n_args; ++i) {
        if (i) {
            mpf_obj_print(sep, false);
        }
        mpf_obj_print(args[i], false);
    }
    mpf_obj_print(end, false);
    return mpf_const_none;
}

/* --- range --- */

static void range_print(mpf_obj_t self, bool repr) {
    (void)repr;
    const mpf_range_t *r = self;
    mpf_printf(&mpf_print_console, "range(");
    mpf_print_int(&mpf_print_console, r->start);
    mpf_printf(&mpf_print_console, ", ");
    mpf_print_int(&mpf_print_console, r->stop);
    if (r->step != 1) {
        mpf_printf(&mpf_print_console, ", ");
        mpf_print_int(&mpf_print_console, r->step);
    }
    mpf_printf(&mpf_print_console, ")");
}

const mpf_type_t mpf_type_range = {{&mpf_type_type}, MP_QSTR_range, NULL, range_print, NULL};

static mpf_int_t int_arg(mpf_obj_t o) {
    if (!mpf_obj_is_int(o)) {
        mpf_raise_msg(&mpf_type_TypeError, "can't convert %s to int", mpf_obj_type_name(o));
    }
    return mpf_obj_int_value(o);
}

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
        r->stop = int_arg(args[0]);
    } else {
        r->start = int_arg(args[0]);
        r->stop = int_arg(args[1]);
        if (n_args == 3) {
            r->step = int_arg(args[2]);
            if (r->step == 0) {
                mpf_raise_msg(&mpf_type_ValueError, "zero step");
            }
        }
    }
    return r;
}

static mpf_obj_t builtin_len(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    check_args(n_args, n_kw, 1, 1);
    mpf_obj_t o = args[0];
    if (mpf_obj_is_str(o)) {
        size_t len;
        mpf_obj_str_data(o, &len);
        return MPF_OBJ_NEW_SMALL_INT(len);
    }
    if (MPF_OBJ_IS_PTR(o) && MPF_OBJ_TYPE_OF_PTR(o) == &mpf_type_range) {
        const mpf_range_t *r = o;
        mpf_int_t n = r->step > 0 ? (r->stop - r->start + r->step - 1) / r->step
                                  : (r->start - r->stop - r->step - 1) / -r->step;
        return MPF_OBJ_NEW_SMALL_INT(n > 0 ? n : 0);
    }
    mpf_raise_msg(&mpf_type_TypeError, "object of type '%s' has no len()", mpf_obj_type_name(o));
}

static mpf_obj_t builtin_abs(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    check_args(n_args, n_kw, 1, 1);
    mpf_int_t v = int_arg(args[0]);
    return mpf_binary_op(MP_BINARY_OP_MULTIPLY, MPF_OBJ_NEW_SMALL_INT(v < 0 ? -1 : 1),
        MPF_OBJ_NEW_SMALL_INT(v));
}

#define BUILTIN(NAME) \
    static const mpf_builtin_t builtin_##NAME##_obj = { \
        {&mpf_type_builtin}, MP_QSTR_##NAME, builtin_##NAME \
    }
BUILTIN(print);
BUILTIN(range);
BUILTIN(len);
BUILTIN(abs);

typedef struct {
    mpf_qstr_t name;
    const void *obj;
} builtin_entry_t;

static const builtin_entry_t builtins_table[] = {
    {MP_QSTR_print, &builtin_print_obj},
    {MP_QSTR_range, &builtin_range_obj},
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
    return MPF_OBJ_NULL;
}

/* --- iteration on the value stack ---
 * An iterator takes MP_OBJ_ITER_BUF_NSLOTS slots. A range keeps its whole state
 * there (slot 0 is a small-int marker, then current, stop, step), so a for loop over
 * a range allocates nothing. */

#define RANGE_MARKER MPF_OBJ_NEW_SMALL_INT(1)
#define STR_MARKER MPF_OBJ_NEW_SMALL_INT(2)

/* One character as a str: ASCII ones are interned (at most 128 qstrs, no garbage per
 * iteration), other UTF-8 sequences are new objects. */
static mpf_obj_t one_char(const char *s, size_t n) {
    static const char ascii[128] = {
#define C8(b) b, b + 1, b + 2, b + 3, b + 4, b + 5, b + 6, b + 7
        C8(0), C8(8), C8(16), C8(24), C8(32), C8(40), C8(48), C8(56),
        C8(64), C8(72), C8(80), C8(88), C8(96), C8(104), C8(112), C8(120),
#undef C8
    };
    if (n == 1 && (unsigned char)s[0] < 128) {
        return MPF_OBJ_NEW_QSTR(mpf_qstr_from_strn_static(&ascii[(unsigned char)s[0]], 1));
    }
    return mpf_obj_new_str(s, n);
}

mpf_obj_t mpf_get_iter_into(mpf_obj_t iterable, mpf_obj_t *slots) {
    if (MPF_OBJ_IS_PTR(iterable) && MPF_OBJ_TYPE_OF_PTR(iterable) == &mpf_type_range) {
        const mpf_range_t *r = iterable;
        slots[0] = RANGE_MARKER;
        slots[1] = MPF_OBJ_NEW_SMALL_INT(r->start);
        slots[2] = MPF_OBJ_NEW_SMALL_INT(r->stop);
        slots[3] = MPF_OBJ_NEW_SMALL_INT(r->step);
        return iterable;
    }
    if (mpf_obj_is_str(iterable)) {
        slots[0] = STR_MARKER;
        slots[1] = iterable;
        slots[2] = MPF_OBJ_NEW_SMALL_INT(0);
        slots[3] = mpf_const_none;
        return iterable;
    }
    mpf_raise_msg(&mpf_type_TypeError, "'%s' object isn't iterable", mpf_obj_type_name(iterable));
}

mpf_obj_t mpf_iter_next(mpf_obj_t *slots) {
    if (slots[0] == RANGE_MARKER) {
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
    if (slots[0] == STR_MARKER) {
        size_t len;
        const char *s = mpf_obj_str_data(slots[1], &len);
        size_t i = (size_t)MPF_OBJ_SMALL_INT_VALUE(slots[2]);
        if (i >= len) {
            return MPF_OBJ_NULL;
        }
        /* a UTF-8 lead byte gives the length of its sequence */
        unsigned char lead = (unsigned char)s[i];
        size_t n = lead < 0xc0 ? 1 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
        if (n > len - i) {
            n = len - i;
        }
        slots[2] = MPF_OBJ_NEW_SMALL_INT(i + n);
        return one_char(s + i, n);
    }
    return MPF_OBJ_NULL;
}
