/* complex: a pair of floats of the board's precision, with arithmetic mixed with
 * ints and floats as CPython does it (Smith's division, powers by repeated
 * multiplication for small integer exponents). */
#include "objfloat.h"

#if MPF_FEATURE_COMPLEX

#include <string.h>

#include "exc.h"
#include "gc.h"
#include "genhdr/opcodes.h"
#include "qstr.h"

mpf_obj_t mpf_complex_new(mpf_float_t real, mpf_float_t imag) {
    mpf_complex_obj_t *o = mpf_alloc(sizeof(*o));
    o->base.type = &mpf_type_complex;
    o->real = real;
    o->imag = imag;
    return o;
}

bool mpf_obj_is_complex(mpf_obj_t o) {
    return MPF_OBJ_IS_PTR(o) && MPF_OBJ_TYPE_OF_PTR(o) == &mpf_type_complex;
}

bool mpf_obj_get_complex_maybe(mpf_obj_t o, mpf_float_t *real, mpf_float_t *imag) {
    if (mpf_obj_is_complex(o)) {
        *real = ((const mpf_complex_obj_t *)o)->real;
        *imag = ((const mpf_complex_obj_t *)o)->imag;
        return true;
    }
    *imag = 0;
    return mpf_obj_get_float_maybe(o, real);
}

typedef struct {
    mpf_float_t re, im;
} cnum_t;

static cnum_t c_mul(cnum_t a, cnum_t b) {
    return (cnum_t){a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re};
}

/* Smith's algorithm: scale by the larger part of the divisor to avoid overflow */
static cnum_t c_div(cnum_t a, cnum_t b) {
    if (b.re == 0 && b.im == 0) {
        mpf_raise_msg(&mpf_type_ZeroDivisionError, "complex divide by zero");
    }
    mpf_float_t abs_re = MPF_FLOAT_FUN(fabs)(b.re), abs_im = MPF_FLOAT_FUN(fabs)(b.im);
    if (abs_re >= abs_im) {
        mpf_float_t ratio = b.im / b.re, denom = b.re + b.im * ratio;
        return (cnum_t){(a.re + a.im * ratio) / denom, (a.im - a.re * ratio) / denom};
    }
    if (abs_im >= abs_re) {
        mpf_float_t ratio = b.re / b.im, denom = b.re * ratio + b.im;
        return (cnum_t){(a.re * ratio + a.im) / denom, (a.im * ratio - a.re) / denom};
    }
    return (cnum_t){(mpf_float_t)NAN, (mpf_float_t)NAN}; /* a part is nan */
}

static cnum_t c_pow(cnum_t a, cnum_t b) {
    if (b.im == 0 && b.re == MPF_FLOAT_FUN(floor)(b.re) && MPF_FLOAT_FUN(fabs)(b.re) <= 100) {
        /* small integer exponent: square and multiply, exact where the products are */
        long n = (long)b.re;
        cnum_t acc = {1, 0}, base = a;
        for (long k = n < 0 ? -n : n; k; k >>= 1) {
            if (k & 1) {
                acc = c_mul(acc, base);
            }
            base = c_mul(base, base);
        }
        return n < 0 ? c_div((cnum_t){1, 0}, acc) : acc;
    }
    if (b.re == 0 && b.im == 0) {
        return (cnum_t){1, 0};
    }
    if (a.re == 0 && a.im == 0) {
        if (b.im != 0 || b.re < 0) {
            mpf_raise_msg(&mpf_type_ZeroDivisionError, "0.0 to a negative or complex power");
        }
        return (cnum_t){0, 0};
    }
    mpf_float_t len = MPF_FLOAT_FUN(hypot)(a.re, a.im);
    mpf_float_t at = MPF_FLOAT_FUN(atan2)(a.im, a.re);
    mpf_float_t mag = MPF_FLOAT_FUN(pow)(len, b.re), phase = at * b.re;
    if (b.im != 0) {
        mag /= MPF_FLOAT_FUN(exp)(at * b.im);
        phase += b.im * MPF_FLOAT_FUN(log)(len);
    }
    return (cnum_t){mag * MPF_FLOAT_FUN(cos)(phase), mag * MPF_FLOAT_FUN(sin)(phase)};
}

mpf_obj_t mpf_complex_binary_op(unsigned op, mpf_obj_t lhs, mpf_obj_t rhs) {
    cnum_t a, b, r;
    if (!mpf_obj_get_complex_maybe(lhs, &a.re, &a.im) || !mpf_obj_get_complex_maybe(rhs, &b.re, &b.im)) {
        return MPF_OBJ_NULL;
    }
    switch (op) {
        case MP_BINARY_OP_ADD:
            r = (cnum_t){a.re + b.re, a.im + b.im};
            break;
        case MP_BINARY_OP_SUBTRACT:
            r = (cnum_t){a.re - b.re, a.im - b.im};
            break;
        case MP_BINARY_OP_MULTIPLY:
            r = c_mul(a, b);
            break;
        case MP_BINARY_OP_TRUE_DIVIDE:
            r = c_div(a, b);
            break;
        case MP_BINARY_OP_POWER:
            r = c_pow(a, b);
            break;
        case MP_BINARY_OP_EQUAL:
            return MPF_OBJ_BOOL(a.re == b.re && a.im == b.im);
        case MP_BINARY_OP_NOT_EQUAL:
            return MPF_OBJ_BOOL(a.re != b.re || a.im != b.im);
        case MP_BINARY_OP_FLOOR_DIVIDE:
        case MP_BINARY_OP_MODULO:
            mpf_raise_msg(&mpf_type_TypeError, "can't truncate a complex number");
        default:
            return MPF_OBJ_NULL;
    }
    return mpf_complex_new(r.re, r.im);
}

static mpf_obj_t complex_binary_op(unsigned op, mpf_obj_t lhs, mpf_obj_t rhs) {
    return mpf_complex_binary_op(op, lhs, rhs);
}

/* real and imag, read only */
static mpf_obj_t complex_attr(mpf_obj_t self, mpf_qstr_t attr, mpf_obj_t value) {
    const mpf_complex_obj_t *c = self;
    if (value != MPF_ATTR_LOAD) {
        return MPF_OBJ_NULL;
    }
    if (attr == MP_QSTR_real) {
        return mpf_float_new(c->real);
    }
    if (attr == MP_QSTR_imag) {
        return mpf_float_new(c->imag);
    }
    return MPF_OBJ_NULL;
}

static void complex_print(mpf_print_t *p, mpf_obj_t self, bool repr) {
    (void)repr;
    const mpf_complex_obj_t *c = self;
    mpf_complex_print_repr(p, c->real, c->imag);
}

static bool is_space(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/* "1.5", "2j", "1+2j", "(1-2.5e3j)", "-j": the real part, then a signed imaginary one */
bool mpf_complex_parse(const char *s, size_t len, mpf_float_t *real, mpf_float_t *imag) {
    size_t a = 0, b = len;
    while (a < b && is_space(s[a])) {
        ++a;
    }
    while (b > a && is_space(s[b - 1])) {
        --b;
    }
    if (b - a >= 2 && s[a] == '(' && s[b - 1] == ')') {
        ++a;
        --b;
    }
    *real = *imag = 0;
    if (a == b) {
        return false;
    }
    if ((s[b - 1] | 0x20) != 'j') {
        return mpf_float_parse(s + a, b - a, real);
    }
    --b;
    /* the imaginary part starts at the last sign that is not an exponent's */
    size_t split = a;
    for (size_t i = b; i > a + 1; --i) {
        char c = s[i - 1];
        if ((c == '+' || c == '-') && (s[i - 2] | 0x20) != 'e') {
            split = i - 1;
            break;
        }
    }
    if (split > a && !mpf_float_parse(s + a, split - a, real)) {
        return false;
    }
    size_t n = b - split;
    if (n == 0 || (n == 1 && (s[split] == '+' || s[split] == '-'))) {
        *imag = n && s[split] == '-' ? -1 : 1; /* "j", "1+j", "1-j" */
        return true;
    }
    return mpf_float_parse(s + split, n, imag);
}

static mpf_obj_t complex_make_new(mpf_obj_t type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)type;
    if (n_kw || n_args > 2) {
        mpf_raise_msg(&mpf_type_TypeError, "function takes at most 2 positional arguments");
    }
    cnum_t a = {0, 0}, b = {0, 0};
    if (n_args >= 1 && mpf_obj_is_str(args[0])) {
        size_t len;
        const char *s = mpf_obj_str_data(args[0], &len);
        if (n_args == 2 || !mpf_complex_parse(s, len, &a.re, &a.im)) {
            mpf_raise_msg(&mpf_type_ValueError, "invalid syntax for number");
        }
        return mpf_complex_new(a.re, a.im);
    }
    if (n_args >= 1 && !mpf_obj_get_complex_maybe(args[0], &a.re, &a.im)) {
        mpf_raise_msg(&mpf_type_TypeError, "can't convert %s to complex", mpf_obj_type_name(args[0]));
    }
    if (n_args == 2 && !mpf_obj_get_complex_maybe(args[1], &b.re, &b.im)) {
        mpf_raise_msg(&mpf_type_TypeError, "can't convert %s to complex", mpf_obj_type_name(args[1]));
    }
    /* complex(a, b) is a + b * 1j */
    return mpf_complex_new(a.re - b.im, a.im + b.re);
}

const mpf_type_t mpf_type_complex = {
    .base = {&mpf_type_type},
    .name = MP_QSTR_complex,
    .print = complex_print,
    .binary_op = complex_binary_op,
    .make_new = complex_make_new,
    .attr = complex_attr,
};

#endif /* MPF_FEATURE_COMPLEX */
