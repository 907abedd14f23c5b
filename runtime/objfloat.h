/* float: a boxed number of the board's precision (features: {float: double|single|none}).
 *
 * MPF_FEATURE_FLOAT (0/1) and MPF_FEATURE_FLOAT_SINGLE come from the board header;
 * without one (host tools) the runtime has double-precision floats.
 */
#ifndef MPF_OBJFLOAT_H
#define MPF_OBJFLOAT_H

#include "obj.h"

#ifndef MPF_FEATURE_FLOAT
#define MPF_FEATURE_FLOAT (1)
#endif
#ifndef MPF_FEATURE_FLOAT_SINGLE
#define MPF_FEATURE_FLOAT_SINGLE (0)
#endif
/* complex numbers come with floats unless the board says complex: false */
#if !MPF_FEATURE_FLOAT
#undef MPF_FEATURE_COMPLEX
#define MPF_FEATURE_COMPLEX (0)
#elif !defined(MPF_FEATURE_COMPLEX)
#define MPF_FEATURE_COMPLEX (1)
#endif

#if MPF_FEATURE_FLOAT

#include <math.h>

#include "format.h"
#include "print.h"

#if MPF_FEATURE_FLOAT_SINGLE
typedef float mpf_float_t;
#define MPF_FLOAT_C(x) x##F
#define MPF_FLOAT_FUN(name) name##f
#else
typedef double mpf_float_t;
#define MPF_FLOAT_C(x) x
#define MPF_FLOAT_FUN(name) name
#endif

typedef struct {
    mpf_obj_base_t base;
    mpf_float_t value;
} mpf_float_obj_t;

extern const mpf_type_t mpf_type_float;

mpf_obj_t mpf_float_new(mpf_float_t value);
/* inline: the float paths of arithmetic ask it first, for every operand */
static inline bool mpf_obj_is_float(mpf_obj_t o) {
    return MPF_OBJ_IS_PTR(o) && MPF_OBJ_TYPE_OF_PTR(o) == &mpf_type_float;
}
/* the value of a float, int or bool; false for anything else */
bool mpf_obj_get_float_maybe(mpf_obj_t o, mpf_float_t *value);
/* as above; TypeError "can't convert X to float" for anything else */
mpf_float_t mpf_obj_get_float(mpf_obj_t o);
/* lhs and rhs as numbers, at least one a float: the result, or NULL (op not for floats) */
mpf_obj_t mpf_float_binary_op(unsigned op, mpf_obj_t lhs, mpf_obj_t rhs);
/* int(x): OverflowError for inf and out-of-range values, ValueError for nan */
mpf_obj_t mpf_float_to_int(mpf_float_t value);
/* round(v) (an int) and round(v, ndigits): halves to even, decided on the exact value */
mpf_obj_t mpf_float_round(mpf_float_t v, mpf_obj_t ndigits);
/* equal floats and ints hash alike */
size_t mpf_float_hash(mpf_float_t value);

/* floatfmt.c: MicroPython's digits (py/mpforge/mpy/mpfloat.py is the Python twin).
 * fmt is e, f, g (or upper case), prec < 0 means 6, sign is '\0', '+' or ' '. Writes
 * at most size - 1 characters and a NUL into buf; returns the length. */
size_t mpf_float_format(char *buf, size_t size, mpf_float_t value, char fmt, int prec, char sign);
/* repr() and str(): 16 (single: 7) significant digits, ".0" when it looks like an int */
void mpf_float_print_repr(mpf_print_t *p, mpf_float_t value);
/* format() specs and %: e, f, g, % (or upper case), n or none as g, an empty spec as
 * str(); MicroPython's digits, padded and signed by format.c */
void mpf_format_float(mpf_print_t *p, mpf_float_t value, const mpf_fmt_spec_t *spec);
/* Text of a number: optional spaces, sign, digits with '.', exponent; inf, nan.
 * False if the text is not a number. */
bool mpf_float_parse(const char *s, size_t len, mpf_float_t *value);

#if MPF_FEATURE_COMPLEX
/* objcomplex.c */
typedef struct {
    mpf_obj_base_t base;
    mpf_float_t real, imag;
} mpf_complex_obj_t;

extern const mpf_type_t mpf_type_complex;
mpf_obj_t mpf_complex_new(mpf_float_t real, mpf_float_t imag);
bool mpf_obj_is_complex(mpf_obj_t o);
/* the parts of a complex, float, int or bool; false for anything else */
bool mpf_obj_get_complex_maybe(mpf_obj_t o, mpf_float_t *real, mpf_float_t *imag);
/* lhs and rhs as numbers, at least one complex: the result, or NULL (op not for them) */
mpf_obj_t mpf_complex_binary_op(unsigned op, mpf_obj_t lhs, mpf_obj_t rhs);
/* complex("1+2j"), and complex constants of .mpy files ("2j"): false if not one */
bool mpf_complex_parse(const char *s, size_t len, mpf_float_t *real, mpf_float_t *imag);
/* floatfmt.c: repr() and str() */
void mpf_complex_print_repr(mpf_print_t *p, mpf_float_t real, mpf_float_t imag);
#endif

#endif /* MPF_FEATURE_FLOAT */

#endif /* MPF_OBJFLOAT_H */
