/* The cmath module: complex functions of a complex, float or int argument. sqrt
 * takes CPython's route (no trigonometry), so sqrt(-1) is exactly 1j. */
#include "objfloat.h"

#if MPF_FEATURE_COMPLEX

#include "exc.h"
#include "module.h"
#include "qstr.h"

static const mpf_float_obj_t cmath_pi_obj = {{&mpf_type_float}, (mpf_float_t)3.14159265358979323846};
static const mpf_float_obj_t cmath_e_obj = {{&mpf_type_float}, (mpf_float_t)2.71828182845904523536};

#define F(name) MPF_FLOAT_FUN(name)

/* the one argument as (re, im) */
static void arg1(size_t n_args, size_t n_kw, const mpf_obj_t *args, mpf_float_t *re, mpf_float_t *im) {
    if (n_kw || n_args != 1) {
        mpf_raise_msg(&mpf_type_TypeError, "function takes 1 positional arguments but %d were given", (int)n_args);
    }
    if (!mpf_obj_get_complex_maybe(args[0], re, im)) {
        mpf_raise_msg(&mpf_type_TypeError, "can't convert %s to complex", mpf_obj_type_name(args[0]));
    }
}

#define CMATH_FUN(NAME) \
    static mpf_obj_t cmath_##NAME(size_t n_args, size_t n_kw, const mpf_obj_t *args); \
    static const mpf_builtin_t cmath_##NAME##_obj = {{&mpf_type_builtin}, MP_QSTR_##NAME, cmath_##NAME}; \
    static mpf_obj_t cmath_##NAME(size_t n_args, size_t n_kw, const mpf_obj_t *args)

CMATH_FUN(phase) {
    mpf_float_t re, im;
    arg1(n_args, n_kw, args, &re, &im);
    return mpf_float_new(F(atan2)(im, re));
}

CMATH_FUN(polar) {
    mpf_float_t re, im;
    arg1(n_args, n_kw, args, &re, &im);
    mpf_obj_t t[2] = {mpf_float_new(F(hypot)(re, im)), mpf_float_new(F(atan2)(im, re))};
    return mpf_tuple_new(2, t);
}

CMATH_FUN(rect) {
    if (n_kw || n_args != 2) {
        mpf_raise_msg(&mpf_type_TypeError, "function takes 2 positional arguments but %d were given", (int)n_args);
    }
    mpf_float_t r = mpf_obj_get_float(args[0]), phi = mpf_obj_get_float(args[1]);
    return mpf_complex_new(r * F(cos)(phi), r * F(sin)(phi));
}

CMATH_FUN(exp) {
    mpf_float_t re, im;
    arg1(n_args, n_kw, args, &re, &im);
    mpf_float_t m = F(exp)(re);
    return mpf_complex_new(m * F(cos)(im), m * F(sin)(im));
}

CMATH_FUN(log) {
    mpf_float_t re, im;
    arg1(n_args, n_kw, args, &re, &im);
    return mpf_complex_new(F(log)(F(hypot)(re, im)), F(atan2)(im, re));
}

CMATH_FUN(log10) {
    mpf_float_t re, im;
    arg1(n_args, n_kw, args, &re, &im);
    mpf_float_t ln10 = (mpf_float_t)2.30258509299404568402;
    return mpf_complex_new(F(log)(F(hypot)(re, im)) / ln10, F(atan2)(im, re) / ln10);
}

CMATH_FUN(sqrt) {
    mpf_float_t re, im;
    arg1(n_args, n_kw, args, &re, &im);
    if (re == 0 && im == 0) {
        return mpf_complex_new(0, im);
    }
    /* s = sqrt((|re| + |z|) / 2) is the larger part, |im| / 2s the other */
    mpf_float_t s = F(sqrt)((F(fabs)(re) + F(hypot)(re, im)) / 2);
    mpf_float_t d = F(fabs)(im) / (2 * s);
    if (re >= 0) {
        return mpf_complex_new(s, F(copysign)(d, im));
    }
    return mpf_complex_new(d, F(copysign)(s, im));
}

CMATH_FUN(cos) {
    mpf_float_t re, im;
    arg1(n_args, n_kw, args, &re, &im);
    return mpf_complex_new(F(cos)(re) * F(cosh)(im), -F(sin)(re) * F(sinh)(im));
}

CMATH_FUN(sin) {
    mpf_float_t re, im;
    arg1(n_args, n_kw, args, &re, &im);
    return mpf_complex_new(F(sin)(re) * F(cosh)(im), F(cos)(re) * F(sinh)(im));
}

static const mpf_builtin_entry_t cmath_table[] = {
    {MP_QSTR_e, &cmath_e_obj},
    {MP_QSTR_pi, &cmath_pi_obj},
    {MP_QSTR_phase, &cmath_phase_obj},
    {MP_QSTR_polar, &cmath_polar_obj},
    {MP_QSTR_rect, &cmath_rect_obj},
    {MP_QSTR_exp, &cmath_exp_obj},
    {MP_QSTR_log, &cmath_log_obj},
    {MP_QSTR_log10, &cmath_log10_obj},
    {MP_QSTR_sqrt, &cmath_sqrt_obj},
    {MP_QSTR_cos, &cmath_cos_obj},
    {MP_QSTR_sin, &cmath_sin_obj},
    {0, NULL},
};

MPF_BUILTIN_MODULE(mpf_module_cmath, MP_QSTR_cmath, cmath_table);

#endif /* MPF_FEATURE_COMPLEX */
