/* The math module: the C library's functions on the board's float precision, with
 * MicroPython's errors (a result that is nan or infinite from finite arguments is
 * "math domain error", a ValueError). */
#include "objfloat.h"

#if MPF_FEATURE_FLOAT

#include "exc.h"
#include "genhdr/opcodes.h"
#include "module.h"
#include "qstr.h"

static const mpf_float_obj_t math_pi_obj = {{&mpf_type_float}, (mpf_float_t)3.14159265358979323846};
static const mpf_float_obj_t math_e_obj = {{&mpf_type_float}, (mpf_float_t)2.71828182845904523536};
static const mpf_float_obj_t math_tau_obj = {{&mpf_type_float}, (mpf_float_t)6.28318530717958647693};
static const mpf_float_obj_t math_inf_obj = {{&mpf_type_float}, (mpf_float_t)INFINITY};
static const mpf_float_obj_t math_nan_obj = {{&mpf_type_float}, (mpf_float_t)NAN};

static _Noreturn void domain_error(void) {
    mpf_raise_msg(&mpf_type_ValueError, "math domain error");
}

static void want_args(size_t n_args, size_t n_kw, size_t n) {
    if (n_kw) {
        mpf_raise_msg(&mpf_type_TypeError, "function doesn't take keyword arguments");
    }
    if (n_args != n) {
        mpf_raise_msg(&mpf_type_TypeError, "function takes %d positional arguments but %d were given", (int)n,
            (int)n_args);
    }
}

/* f(x) as a float; an answer that is nan or infinite where x was not is a domain error */
static mpf_obj_t apply1(size_t n_args, size_t n_kw, const mpf_obj_t *args, mpf_float_t (*f)(mpf_float_t)) {
    want_args(n_args, n_kw, 1);
    mpf_float_t x = mpf_obj_get_float(args[0]);
    mpf_float_t r = f(x);
    if ((isnan(r) && !isnan(x)) || (isinf(r) && !isinf(x))) {
        domain_error();
    }
    return mpf_float_new(r);
}

static mpf_obj_t apply2(size_t n_args, size_t n_kw, const mpf_obj_t *args,
    mpf_float_t (*f)(mpf_float_t, mpf_float_t)) {
    want_args(n_args, n_kw, 2);
    mpf_float_t x = mpf_obj_get_float(args[0]);
    mpf_float_t y = mpf_obj_get_float(args[1]);
    mpf_float_t r = f(x, y);
    if ((isnan(r) && !isnan(x) && !isnan(y)) || (isinf(r) && !isinf(x))) {
        domain_error();
    }
    return mpf_float_new(r);
}

#define MATH_OBJ(NAME) static const mpf_builtin_t math_##NAME##_obj = {{&mpf_type_builtin}, MP_QSTR_##NAME, math_##NAME}

/* NAME(x) computed by the C library's CFUN (of the board's precision) */
#define MATH_1(NAME, CFUN) \
    static mpf_float_t c_##NAME(mpf_float_t x) { \
        return MPF_FLOAT_FUN(CFUN)(x); \
    } \
    static mpf_obj_t math_##NAME(size_t n_args, size_t n_kw, const mpf_obj_t *args) { \
        return apply1(n_args, n_kw, args, c_##NAME); \
    } \
    MATH_OBJ(NAME)

#define MATH_2(NAME, CFUN) \
    static mpf_float_t c_##NAME(mpf_float_t x, mpf_float_t y) { \
        return MPF_FLOAT_FUN(CFUN)(x, y); \
    } \
    static mpf_obj_t math_##NAME(size_t n_args, size_t n_kw, const mpf_obj_t *args) { \
        return apply2(n_args, n_kw, args, c_##NAME); \
    } \
    MATH_OBJ(NAME)

/* NAME(x) as an int (floor, ceil, trunc) */
#define MATH_TO_INT(NAME, CFUN) \
    static mpf_obj_t math_##NAME(size_t n_args, size_t n_kw, const mpf_obj_t *args) { \
        want_args(n_args, n_kw, 1); \
        return mpf_float_to_int(MPF_FLOAT_FUN(CFUN)(mpf_obj_get_float(args[0]))); \
    } \
    MATH_OBJ(NAME)

#define MATH_TO_BOOL(NAME, TEST) \
    static mpf_obj_t math_##NAME(size_t n_args, size_t n_kw, const mpf_obj_t *args) { \
        want_args(n_args, n_kw, 1); \
        return MPF_OBJ_BOOL(TEST(mpf_obj_get_float(args[0]))); \
    } \
    MATH_OBJ(NAME)

MATH_1(sqrt, sqrt);
MATH_1(exp, exp);
MATH_1(expm1, expm1);
MATH_1(log2, log2);
MATH_1(log10, log10);
MATH_1(cosh, cosh);
MATH_1(sinh, sinh);
MATH_1(tanh, tanh);
MATH_1(acosh, acosh);
MATH_1(asinh, asinh);
MATH_1(atanh, atanh);
MATH_1(cos, cos);
MATH_1(sin, sin);
MATH_1(tan, tan);
MATH_1(acos, acos);
MATH_1(asin, asin);
MATH_1(atan, atan);
MATH_1(fabs, fabs);
MATH_1(erf, erf);
MATH_1(erfc, erfc);
MATH_1(gamma, tgamma);
MATH_1(lgamma, lgamma);
MATH_2(atan2, atan2);
MATH_2(copysign, copysign);
MATH_2(fmod, fmod);
MATH_TO_INT(floor, floor);
MATH_TO_INT(ceil, ceil);
MATH_TO_INT(trunc, trunc);
MATH_TO_BOOL(isfinite, isfinite);
MATH_TO_BOOL(isinf, isinf);
MATH_TO_BOOL(isnan, isnan);

/* pow(1, nan) and pow(nan, 0) are 1, as for the ** operator */
static mpf_float_t c_pow(mpf_float_t x, mpf_float_t y) {
    return x == MPF_FLOAT_C(1.0) || y == 0 ? MPF_FLOAT_C(1.0) : MPF_FLOAT_FUN(pow)(x, y);
}

static mpf_obj_t math_pow(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    return apply2(n_args, n_kw, args, c_pow);
}
MATH_OBJ(pow);

static mpf_float_t to_degrees(mpf_float_t x) {
    return x * (mpf_float_t)(180.0 / 3.14159265358979323846);
}

static mpf_float_t to_radians(mpf_float_t x) {
    return x * (mpf_float_t)(3.14159265358979323846 / 180.0);
}

static mpf_obj_t math_degrees(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    return apply1(n_args, n_kw, args, to_degrees);
}
MATH_OBJ(degrees);

static mpf_obj_t math_radians(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    return apply1(n_args, n_kw, args, to_radians);
}
MATH_OBJ(radians);

/* log(x) and log(x, base); x (and base) must be positive, base not 1 */
static mpf_obj_t math_log(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    if (n_kw || n_args < 1 || n_args > 2) {
        mpf_raise_msg(&mpf_type_TypeError, "function takes 1 or 2 positional arguments");
    }
    mpf_float_t x = mpf_obj_get_float(args[0]);
    if (x <= 0) {
        domain_error();
    }
    mpf_float_t r = MPF_FLOAT_FUN(log)(x);
    if (n_args == 2) {
        mpf_float_t base = mpf_obj_get_float(args[1]);
        if (base <= 0) {
            domain_error();
        }
        if (base == MPF_FLOAT_C(1.0)) {
            mpf_raise_msg(&mpf_type_ZeroDivisionError, "divide by zero");
        }
        r /= MPF_FLOAT_FUN(log)(base);
    }
    return mpf_float_new(r);
}
MATH_OBJ(log);

static mpf_obj_t math_ldexp(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    want_args(n_args, n_kw, 2);
    if (!mpf_obj_is_int(args[1])) {
        mpf_raise_msg(&mpf_type_TypeError, "can't convert %s to int", mpf_obj_type_name(args[1]));
    }
    mpf_int_t e = mpf_obj_int_value(args[1]);
    /* beyond these the result is 0 or inf for any float: keep int's range */
    e = e > 100000 ? 100000 : e < -100000 ? -100000 : e;
    return mpf_float_new(MPF_FLOAT_FUN(ldexp)(mpf_obj_get_float(args[0]), (int)e));
}
MATH_OBJ(ldexp);

/* (mantissa in [0.5, 1), exponent) */
static mpf_obj_t math_frexp(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    want_args(n_args, n_kw, 1);
    int e = 0;
    mpf_float_t m = MPF_FLOAT_FUN(frexp)(mpf_obj_get_float(args[0]), &e);
    mpf_obj_t t[2] = {mpf_float_new(m), MPF_OBJ_NEW_SMALL_INT(e)};
    return mpf_tuple_new(2, t);
}
MATH_OBJ(frexp);

/* (fraction, integer part), both floats with the sign of x */
static mpf_obj_t math_modf(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    want_args(n_args, n_kw, 1);
    mpf_float_t i;
    mpf_float_t frac = MPF_FLOAT_FUN(modf)(mpf_obj_get_float(args[0]), &i);
    mpf_obj_t t[2] = {mpf_float_new(frac), mpf_float_new(i)};
    return mpf_tuple_new(2, t);
}
MATH_OBJ(modf);

/* isclose(a, b, *, rel_tol=1e-9, abs_tol=0) */
static mpf_obj_t math_isclose(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    if (n_args != 2) {
        mpf_raise_msg(&mpf_type_TypeError, "function takes 2 positional arguments but %d were given", (int)n_args);
    }
    mpf_float_t a = mpf_obj_get_float(args[0]), b = mpf_obj_get_float(args[1]);
    mpf_float_t rel_tol = (mpf_float_t)1e-9, abs_tol = 0;
    for (size_t k = 0; k < n_kw; ++k) {
        mpf_obj_t name = args[n_args + 2 * k];
        mpf_float_t v = mpf_obj_get_float(args[n_args + 2 * k + 1]);
        if (MPF_OBJ_IS_QSTR(name) && MPF_OBJ_QSTR_VALUE(name) == MP_QSTR_rel_tol) {
            rel_tol = v;
        } else if (MPF_OBJ_IS_QSTR(name) && MPF_OBJ_QSTR_VALUE(name) == MP_QSTR_abs_tol) {
            abs_tol = v;
        } else {
            mpf_raise_msg(&mpf_type_TypeError, "unexpected keyword argument '%O'", name);
        }
    }
    if (rel_tol < 0 || abs_tol < 0) {
        mpf_raise_msg(&mpf_type_ValueError, "tolerances must be non-negative");
    }
    if (a == b) {
        return mpf_const_true; /* equal infinities too */
    }
    if (isinf(a) || isinf(b)) {
        return mpf_const_false;
    }
    mpf_float_t diff = MPF_FLOAT_FUN(fabs)(b - a);
    return MPF_OBJ_BOOL(diff <= MPF_FLOAT_FUN(fabs)(rel_tol * b) || diff <= MPF_FLOAT_FUN(fabs)(rel_tol * a) ||
        diff <= abs_tol);
}
MATH_OBJ(isclose);

/* factorial(n) of a non-negative int, through the int multiplication (overflow checked) */
static mpf_obj_t math_factorial(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    want_args(n_args, n_kw, 1);
    if (!mpf_obj_is_int(args[0])) {
        mpf_raise_msg(&mpf_type_TypeError, "can't convert %s to int", mpf_obj_type_name(args[0]));
    }
    mpf_int_t n = mpf_obj_int_value(args[0]);
    if (n < 0) {
        domain_error();
    }
    mpf_obj_t acc = MPF_OBJ_NEW_SMALL_INT(1);
    for (mpf_int_t k = 2; k <= n; ++k) {
        acc = mpf_binary_op(MP_BINARY_OP_MULTIPLY, acc, MPF_OBJ_NEW_SMALL_INT(k));
    }
    return acc;
}
MATH_OBJ(factorial);

static const mpf_builtin_entry_t math_table[] = {
    {MP_QSTR_e, &math_e_obj},
    {MP_QSTR_pi, &math_pi_obj},
    {MP_QSTR_tau, &math_tau_obj},
    {MP_QSTR_inf, &math_inf_obj},
    {MP_QSTR_nan, &math_nan_obj},
    {MP_QSTR_sqrt, &math_sqrt_obj},
    {MP_QSTR_pow, &math_pow_obj},
    {MP_QSTR_exp, &math_exp_obj},
    {MP_QSTR_expm1, &math_expm1_obj},
    {MP_QSTR_log, &math_log_obj},
    {MP_QSTR_log2, &math_log2_obj},
    {MP_QSTR_log10, &math_log10_obj},
    {MP_QSTR_cosh, &math_cosh_obj},
    {MP_QSTR_sinh, &math_sinh_obj},
    {MP_QSTR_tanh, &math_tanh_obj},
    {MP_QSTR_acosh, &math_acosh_obj},
    {MP_QSTR_asinh, &math_asinh_obj},
    {MP_QSTR_atanh, &math_atanh_obj},
    {MP_QSTR_cos, &math_cos_obj},
    {MP_QSTR_sin, &math_sin_obj},
    {MP_QSTR_tan, &math_tan_obj},
    {MP_QSTR_acos, &math_acos_obj},
    {MP_QSTR_asin, &math_asin_obj},
    {MP_QSTR_atan, &math_atan_obj},
    {MP_QSTR_atan2, &math_atan2_obj},
    {MP_QSTR_ceil, &math_ceil_obj},
    {MP_QSTR_copysign, &math_copysign_obj},
    {MP_QSTR_fabs, &math_fabs_obj},
    {MP_QSTR_floor, &math_floor_obj},
    {MP_QSTR_fmod, &math_fmod_obj},
    {MP_QSTR_frexp, &math_frexp_obj},
    {MP_QSTR_ldexp, &math_ldexp_obj},
    {MP_QSTR_modf, &math_modf_obj},
    {MP_QSTR_isfinite, &math_isfinite_obj},
    {MP_QSTR_isinf, &math_isinf_obj},
    {MP_QSTR_isnan, &math_isnan_obj},
    {MP_QSTR_isclose, &math_isclose_obj},
    {MP_QSTR_trunc, &math_trunc_obj},
    {MP_QSTR_radians, &math_radians_obj},
    {MP_QSTR_degrees, &math_degrees_obj},
    {MP_QSTR_erf, &math_erf_obj},
    {MP_QSTR_erfc, &math_erfc_obj},
    {MP_QSTR_gamma, &math_gamma_obj},
    {MP_QSTR_lgamma, &math_lgamma_obj},
    {MP_QSTR_factorial, &math_factorial_obj},
    {0, NULL},
};

MPF_BUILTIN_MODULE(mpf_module_math, MP_QSTR_math, math_table);

#endif /* MPF_FEATURE_FLOAT */
