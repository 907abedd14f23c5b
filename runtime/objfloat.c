/* float objects: arithmetic mixed with ints, Python's rules for // and %, hashing
 * consistent with ints, float() and round() of floats (and complex(), in the builtins'
 * table here). */
#include "objfloat.h"

#if MPF_FEATURE_FLOAT

#include <string.h>

#include "builtins.h"
#include "exc.h"
#include "gc.h"
#include "genhdr/opcodes.h"
#include "qstr.h"

mpf_obj_t mpf_float_new(mpf_float_t value) {
    mpf_float_obj_t *o = mpf_alloc(sizeof(*o));
    o->base.type = &mpf_type_float;
    o->value = value;
    return o;
}

/* a big int's value, rounded once per hex digit past the float's precision */
static mpf_float_t bigint_value(mpf_obj_t o) {
    mpf_print_t p;
    mpf_print_init_heap(&p);
    bool neg = mpf_int_print_digits(&p, o, 16, false);
    mpf_float_t v = 0;
    for (size_t i = 0; i < p.len; ++i) {
        char c = p.buf[i];
        v = v * 16 + (mpf_float_t)(c <= '9' ? c - '0' : c - 'a' + 10);
    }
    return neg ? -v : v;
}

bool mpf_obj_get_float_maybe(mpf_obj_t o, mpf_float_t *value) {
    /* by how often each comes: floats, small ints, then the rest */
    if (mpf_obj_is_float(o)) {
        *value = ((const mpf_float_obj_t *)o)->value;
        return true;
    }
    if (MPF_OBJ_IS_SMALL_INT(o)) {
        *value = (mpf_float_t)MPF_OBJ_SMALL_INT_VALUE(o);
        return true;
    }
    if (mpf_obj_is_int(o)) {
        *value = (mpf_float_t)mpf_obj_int_value(o);
        return true;
    }
    if (mpf_obj_is_bigint(o)) {
        *value = bigint_value(o);
        return true;
    }
    mpf_obj_t native = mpf_obj_is_class_instance(o) ? mpf_instance_native(o) : MPF_OBJ_NULL;
    return native != MPF_OBJ_NULL && mpf_obj_get_float_maybe(native, value);
}

/* An operand of float arithmetic: a number but not an instance of a class (a float
 * subclass's own operators, reflected ones too, come before float's). */
static inline bool operand_value(mpf_obj_t o, mpf_float_t *value) {
    /* a float read here, not through mpf_obj_get_float_maybe's call: this is the
     * arithmetic's hot path (a sixth of mandelbrot's instructions went to that call) */
    if (mpf_obj_is_float(o)) {
        *value = ((const mpf_float_obj_t *)o)->value;
        return true;
    }
    return !mpf_obj_is_class_instance(o) && mpf_obj_get_float_maybe(o, value);
}

mpf_float_t mpf_obj_get_float(mpf_obj_t o) {
    mpf_float_t v;
    if (!mpf_obj_get_float_maybe(o, &v)) {
        mpf_raise_msg(&mpf_type_TypeError, "can't convert %s to float", mpf_obj_type_name(o));
    }
    return v;
}

static _Noreturn void divide_by_zero(void) {
    mpf_raise_msg(&mpf_type_ZeroDivisionError, "divide by zero");
}

/* Python's floor division and modulo: the remainder takes the divisor's sign and
 * a == (a // b) * b + a % b as nearly as floats allow. */
static void float_divmod(mpf_float_t a, mpf_float_t b, mpf_float_t *quot, mpf_float_t *rem) {
    mpf_float_t mod = MPF_FLOAT_FUN(fmod)(a, b);
    mpf_float_t div = (a - mod) / b;
    if (mod != 0) {
        if ((mod < 0) != (b < 0)) {
            mod += b;
            div -= MPF_FLOAT_C(1.0);
        }
    } else {
        mod = MPF_FLOAT_FUN(copysign)(MPF_FLOAT_C(0.0), b);
    }
    mpf_float_t floordiv;
    if (div != 0) {
        floordiv = MPF_FLOAT_FUN(floor)(div);
        if (div - floordiv > MPF_FLOAT_C(0.5)) {
            floordiv += MPF_FLOAT_C(1.0);
        }
    } else {
        floordiv = MPF_FLOAT_FUN(copysign)(MPF_FLOAT_C(0.0), a / b);
    }
    *quot = floordiv;
    *rem = mod;
}

mpf_obj_t mpf_float_binary_op(unsigned op, mpf_obj_t lhs, mpf_obj_t rhs) {
    mpf_float_t a, b, q, r;
    if (!operand_value(lhs, &a) || !operand_value(rhs, &b)) {
        return MPF_OBJ_NULL;
    }
    switch (op) {
        case MP_BINARY_OP_ADD:
            return mpf_float_new(a + b);
        case MP_BINARY_OP_SUBTRACT:
            return mpf_float_new(a - b);
        case MP_BINARY_OP_MULTIPLY:
            return mpf_float_new(a * b);
        case MP_BINARY_OP_TRUE_DIVIDE:
            if (b == 0) {
                divide_by_zero();
            }
            return mpf_float_new(a / b);
        case MP_BINARY_OP_FLOOR_DIVIDE:
        case MP_BINARY_OP_MODULO:
            if (b == 0) {
                divide_by_zero();
            }
            float_divmod(a, b, &q, &r);
            return mpf_float_new(op == MP_BINARY_OP_MODULO ? r : q);
        case MP_BINARY_OP_POWER:
            if (a == 0 && b < 0 && !isinf(b)) {
                divide_by_zero();
            }
            if (a < 0 && b != MPF_FLOAT_FUN(floor)(b) && !isnan(b)) {
#if MPF_FEATURE_COMPLEX
                return mpf_complex_binary_op(op, mpf_complex_new(a, 0), rhs);
#else
                mpf_raise_msg(&mpf_type_ValueError, "complex values not supported");
#endif
            }
            /* C's pow gives 1 for these even with a nan operand, as Python does */
            if (a == MPF_FLOAT_C(1.0) || b == 0) {
                return mpf_float_new(MPF_FLOAT_C(1.0));
            }
            return mpf_float_new(MPF_FLOAT_FUN(pow)(a, b));
        case MP_BINARY_OP_LESS:
            return MPF_OBJ_BOOL(a < b);
        case MP_BINARY_OP_MORE:
            return MPF_OBJ_BOOL(a > b);
        case MP_BINARY_OP_EQUAL:
            return MPF_OBJ_BOOL(a == b);
        case MP_BINARY_OP_NOT_EQUAL:
            return MPF_OBJ_BOOL(a != b);
        case MP_BINARY_OP_LESS_EQUAL:
            return MPF_OBJ_BOOL(a <= b);
        case MP_BINARY_OP_MORE_EQUAL:
            return MPF_OBJ_BOOL(a >= b);
        default:
            return MPF_OBJ_NULL;
    }
}

/* the type's hook: a float on the left, anything on the right */
static mpf_obj_t float_binary_op(unsigned op, mpf_obj_t lhs, mpf_obj_t rhs) {
    return mpf_float_binary_op(op, lhs, rhs);
}

mpf_obj_t mpf_float_to_int(mpf_float_t value) {
    if (isinf(value)) {
        mpf_raise_msg(&mpf_type_OverflowError, "can't convert inf to int");
    }
    if (isnan(value)) {
        mpf_raise_msg(&mpf_type_ValueError, "can't convert NaN to int");
    }
    mpf_float_t t = MPF_FLOAT_FUN(trunc)(value);
    /* the bounds are powers of two, exact in any precision */
    if (t >= (mpf_float_t)MPF_SMALL_INT_MIN && t < -(mpf_float_t)MPF_SMALL_INT_MIN) {
        return MPF_OBJ_NEW_SMALL_INT((mpf_int_t)t);
    }
    /* a big int from the mantissa and a shift: t is a whole number */
    int e;
    mpf_float_t m = MPF_FLOAT_FUN(frexp)(MPF_FLOAT_FUN(fabs)(t), &e);
    int bits = e < 53 ? e : 53;
    mpf_obj_t r = mpf_int_from_ll((long long)MPF_FLOAT_FUN(ldexp)(m, bits));
    r = mpf_binary_op(MP_BINARY_OP_LSHIFT, r, MPF_OBJ_NEW_SMALL_INT(e - bits));
    return t < 0 ? mpf_unary_op(MP_UNARY_OP_NEGATIVE, r) : r;
}

size_t mpf_float_hash(mpf_float_t value) {
    mpf_float_t t = MPF_FLOAT_FUN(trunc)(value);
    if (t == value && t >= (mpf_float_t)INTPTR_MIN && t < -(mpf_float_t)INTPTR_MIN) {
        return (size_t)(mpf_int_t)t; /* what the equal int hashes to */
    }
    size_t h = 0;
    unsigned char bytes[sizeof(value)];
    memcpy(bytes, &value, sizeof(value));
    for (size_t i = 0; i < sizeof(value); ++i) {
        h = h * 31u + bytes[i];
    }
    return h;
}

static void float_print(mpf_print_t *p, mpf_obj_t self, bool repr) {
    (void)repr;
    mpf_float_print_repr(p, ((const mpf_float_obj_t *)self)->value);
}

static mpf_obj_t float_make_new(mpf_obj_t type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)type;
    if (n_kw) {
        mpf_raise_msg(&mpf_type_TypeError, "function doesn't take keyword arguments");
    }
    if (n_args > 1) {
        mpf_raise_msg(&mpf_type_TypeError, "function expected at most 1 arguments, got %d", (int)n_args);
    }
    if (n_args == 0) {
        return mpf_float_new(0);
    }
    if (mpf_obj_is_float(args[0])) {
        return args[0];
    }
    if (mpf_obj_is_str(args[0])) {
        size_t len;
        const char *s = mpf_obj_str_data(args[0], &len);
        mpf_float_t v;
        if (!mpf_float_parse(s, len, &v)) {
            mpf_raise_msg(&mpf_type_ValueError, "invalid syntax for number");
        }
        return mpf_float_new(v);
    }
    mpf_obj_t r;
    if (mpf_obj_is_class_instance(args[0]) && mpf_instance_special(args[0], MP_QSTR___float__, 0, NULL, &r)) {
        return r;
    }
    return mpf_float_new(mpf_obj_get_float(args[0]));
}

const mpf_type_t mpf_type_float = {
    .base = {&mpf_type_type},
    .name = MP_QSTR_float,
    .print = float_print,
    .binary_op = float_binary_op,
    .make_new = float_make_new,
};

/* nearbyint(x * 10^n) or, for n < 0, nearbyint(x / 10^-n), decided on the exact
 * product or quotient: a result that rounds to a half is broken by the rounding error
 * (fma gives it exactly), so 2.675 (really 2.67499999...) goes to 267 as in CPython. */
static mpf_float_t round_scaled(mpf_float_t x, mpf_float_t m, bool divide) {
    mpf_float_t y = divide ? x / m : x * m;
    mpf_float_t r = MPF_FLOAT_FUN(nearbyint)(y);
    if (MPF_FLOAT_FUN(fabs)(y - r) != MPF_FLOAT_C(0.5)) {
        return r;
    }
    /* y is exactly between two integers: which side is the true value on? */
    mpf_float_t err = divide ? -MPF_FLOAT_FUN(fma)(y, m, -x) : MPF_FLOAT_FUN(fma)(x, m, -y);
    if (err == 0) {
        return r;
    }
    mpf_float_t lo = MPF_FLOAT_FUN(floor)(y);
    return err > 0 ? lo + 1 : lo;
}

mpf_obj_t mpf_float_round(mpf_float_t v, mpf_obj_t ndigits) {
    if (ndigits != MPF_OBJ_NULL && ndigits != mpf_const_none) {
        mpf_int_t nd = mpf_obj_int_value(ndigits);
        /* beyond the exact powers of ten no digit of v is rounded away */
        if (nd > 22 || !isfinite(v)) {
            return mpf_float_new(v);
        }
        if (nd < -22) {
            return mpf_float_new(MPF_FLOAT_FUN(copysign)(0, v));
        }
        mpf_float_t mult = MPF_FLOAT_FUN(pow)(MPF_FLOAT_C(10.0), (mpf_float_t)(nd < 0 ? -nd : nd));
        if (nd < 0) {
            return mpf_float_new(round_scaled(v, mult, true) * mult);
        }
        mpf_float_t r = round_scaled(v, mult, false) / mult;
        return mpf_float_new(isfinite(r) ? r : v);
    }
    return mpf_float_to_int(MPF_FLOAT_FUN(nearbyint)(v));
}

const mpf_builtin_entry_t mpf_builtin_float_funs[] = {
    {MP_QSTR_float, &mpf_type_float},
#if MPF_FEATURE_COMPLEX
    {MP_QSTR_complex, &mpf_type_complex},
#endif
    {0, NULL},
};

#endif /* MPF_FEATURE_FLOAT */
