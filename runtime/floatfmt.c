/* Floats to text and back with MicroPython's digits.
 *
 * MicroPython does not print correctly rounded or shortest digits: it scales the value
 * into [1, 10) by a table of powers of ten and peels digits off by repeated
 * multiplication, and parses by accumulating digits in a float. Boards print what
 * MicroPython prints only if we do the same arithmetic, operation for operation, in
 * the board's precision. py/mpforge/mpy/mpfloat.py is the same procedure in Python
 * (the compiler and the Python-hosted VM use it); tests/test_float_format.py holds
 * the two to the same output.
 */
#include <string.h>

#include "exc.h"
#include "objfloat.h"

#if MPF_FEATURE_FLOAT

#if MPF_FEATURE_FLOAT_SINGLE
#define DEC_EXP_BITS (32)
#define ROUND_TO_ONE (0.9999995F)
#define MIN_BUF (6) /* room for "+9e+99" */
#define REPR_PREC (7)
#define REPR_BUF (16)
static const float pos_pow[] = {1e32F, 1e16F, 1e8F, 1e4F, 1e2F, 1e1F};
static const float neg_pow[] = {1e-32F, 1e-16F, 1e-8F, 1e-4F, 1e-2F, 1e-1F};
/* parsing: digits accumulate below DEC_VAL_MAX; below SMALL_NORMAL the value is
 * scaled first so that it never passes through a subnormal; 10^EXACT_POW10 is exact */
#define DEC_VAL_MAX (1e20F)
#define SMALL_NORMAL_VAL (1e-37F)
#define SMALL_NORMAL_EXP (-37)
#define EXACT_POW10 (9)
#else
#define DEC_EXP_BITS (256)
#define ROUND_TO_ONE (0.999999999995)
#define MIN_BUF (7) /* room for "+9e+199" */
#define REPR_PREC (16)
#define REPR_BUF (32)
static const double pos_pow[] = {1e256, 1e128, 1e64, 1e32, 1e16, 1e8, 1e4, 1e2, 1e1};
static const double neg_pow[] = {1e-256, 1e-128, 1e-64, 1e-32, 1e-16, 1e-8, 1e-4, 1e-2, 1e-1};
#define DEC_VAL_MAX (1e200)
#define SMALL_NORMAL_VAL (1e-307)
#define SMALL_NORMAL_EXP (-307)
#define EXACT_POW10 (22)
#endif
#define N_POW (sizeof(pos_pow) / sizeof(pos_pow[0]))

/* Adds one unit in the last digit of out[0, *len), carrying left; a carry out of the
 * first digit shifts in a 1 (9.99 -> 1.00 and the exponent grows, 99.9 -> 100.0). */
static void round_up(char *out, size_t *len, size_t sign_len, char fmt, int *e, char *e_sign) {
    size_t i = *len - 1;
    for (;;) {
        if (out[i] == '.') {
            --i;
            continue;
        }
        if (i < sign_len || out[i] < '0' || out[i] > '9') {
            ++i; /* the digit just right of a sign */
            break;
        }
        if (out[i] < '9') {
            ++out[i];
            break;
        }
        out[i] = '0';
        if (i == 0) {
            break;
        }
        --i;
    }
    if (out[i] != '0') {
        return;
    }
    if (i + 1 < *len && out[i + 1] == '.' && fmt != 'f') {
        /* the point moves left one place and the last digit drops out */
        out[i] = '.';
        out[i + 1] = '0';
        if (*e_sign == '-') {
            if (--*e == 0) {
                *e_sign = '+';
            }
        } else {
            ++*e;
        }
    } else {
        ++*len;
    }
    memmove(out + i + 1, out + i, *len - i - 1);
    out[i] = '1';
}

size_t mpf_float_format(char *buf, size_t size, mpf_float_t value, char fmt, int prec, char sign) {
    char out[48];
    size_t n = 0;
    if (size > sizeof(out) - 8) {
        size = sizeof(out) - 8; /* far beyond any precision the loops below can fill */
    }
    if (signbit(value) && !isnan(value)) {
        out[n++] = '-';
        value = -value;
    } else if (sign) {
        out[n++] = sign;
    }
    size_t sign_len = n;
    int room = (int)size - 1 - (int)sign_len; /* for digits and exponent */
    bool upper = fmt >= 'A' && fmt <= 'Z';
    if (isinf(value) || isnan(value)) {
        const char *t = isinf(value) ? (upper ? "INF" : "inf") : (upper ? "NAN" : "nan");
        memcpy(out + n, t, 3);
        n += 3;
        goto done;
    }
    if (prec < 0) {
        prec = 6;
    }
    char e_char = upper ? 'E' : 'e';
    fmt = (char)(fmt | 0x20);
    char org_fmt = fmt;
    if (fmt == 'g' && prec == 0) {
        prec = 1;
    }
    int dec = 0, num_digits = 0, e = 0;
    char e_sign = 0;
    mpf_float_t f = value;
    if (f == 0) {
        if (fmt == 'f') {
            prec = prec < room - 2 ? prec : room - 2;
            num_digits = prec + 1;
        } else {
            prec = prec < room - 6 ? prec : room - 6;
            if (fmt == 'e') {
                e_sign = '+';
            }
        }
    } else if (f < MPF_FLOAT_C(1.0)) {
        char first_digit = f >= ROUND_TO_ONE ? '1' : '0';
        int bit = DEC_EXP_BITS;
        for (size_t k = 0; k < N_POW; ++k, bit >>= 1) {
            if (neg_pow[k] > f) {
                e += bit;
                f *= pos_pow[k];
            }
        }
        char e_sign_char = '-';
        if (f < MPF_FLOAT_C(1.0) && f >= ROUND_TO_ONE) {
            f = MPF_FLOAT_C(1.0);
            if (e == 0) {
                e_sign_char = '+';
            }
        } else if (f < MPF_FLOAT_C(1.0)) {
            e += 1;
            f *= MPF_FLOAT_C(10.0);
        }
        if (fmt == 'f' || (fmt == 'g' && e <= 4)) {
            fmt = 'f';
            dec = -1;
            out[n++] = first_digit;
            if (org_fmt == 'g') {
                prec += e - 1;
            }
            prec = prec < room - 2 ? prec : room - 2;
            num_digits = prec;
            if (num_digits) {
                out[n++] = '.';
                for (e -= 1; e && num_digits; --e, --num_digits) {
                    out[n++] = '0';
                }
            }
        } else {
            e_sign = e_sign_char;
            dec = 0;
            if (prec > room - MIN_BUF) {
                prec = room - MIN_BUF + (fmt == 'g');
            }
        }
    } else {
        int bit = DEC_EXP_BITS;
        for (size_t k = 0; k < N_POW; ++k, bit >>= 1) {
            if (pos_pow[k] <= f) {
                e += bit;
                f *= neg_pow[k];
            }
        }
        /* f can land exactly on a table boundary and need one more division */
        if ((int)f >= 10) {
            e += 1;
            f *= MPF_FLOAT_C(0.1);
        }
        if (fmt == 'f') {
            if (e >= room) {
                fmt = 'e';
            } else if (e + prec + 2 > room) {
                prec = room - e - 2;
                if (prec < 0) {
                    prec += 1;
                }
            }
        }
        if (fmt == 'e' && prec > room - MIN_BUF) {
            prec = room - MIN_BUF;
        }
        if (fmt == 'g' && prec + MIN_BUF - 1 > room) {
            prec = room - (MIN_BUF - 1);
        }
        if (fmt == 'g' && e < prec) {
            fmt = 'f';
            prec -= e + 1;
        }
        if (fmt == 'f') {
            dec = e;
            num_digits = prec + e + 1;
        } else {
            e_sign = '+';
        }
    }
    if (prec < 0) {
        prec = 0;
    }
    if (fmt == 'e') {
        num_digits = prec + 1;
    } else if (fmt == 'g') {
        prec = prec < 1 ? 1 : prec;
        num_digits = prec;
    }
    for (int k = 0; k < num_digits && n < sizeof(out) - 8; ++k, --dec) {
        int d = (int)f;
        out[n++] = (char)('0' + (d < 0 ? 0 : d));
        if (dec == 0 && prec > 0) {
            out[n++] = '.';
        }
        f -= (mpf_float_t)d;
        f *= MPF_FLOAT_C(10.0);
    }
    if ((org_fmt != 'f' || e <= num_digits) && f >= MPF_FLOAT_C(5.0)) {
        round_up(out, &n, sign_len, fmt, &e, &e_sign);
    }
    if (org_fmt == 'g' && prec > 0) {
        while (n && out[n - 1] == '0') {
            --n;
        }
        if (n && out[n - 1] == '.') {
            --n;
        }
    }
    if (e_sign) {
        out[n++] = e_char;
        out[n++] = e_sign;
        if (e >= 100) {
            out[n++] = (char)('0' + e / 100);
        }
        out[n++] = (char)('0' + (e / 10) % 10);
        out[n++] = (char)('0' + e % 10);
    }
done:
    if (size == 0) {
        return 0;
    }
    if (n > size - 1) {
        n = size - 1;
    }
    memcpy(buf, out, n);
    buf[n] = '\0';
    return n;
}

/* Python floats always show a point (unless in exponent form, inf or nan) */
static size_t add_point(char *buf, size_t n) {
    if (!memchr(buf, '.', n) && !memchr(buf, 'e', n) && !memchr(buf, 'n', n)) {
        memcpy(buf + n, ".0", 3);
        n += 2;
    }
    return n;
}

void mpf_float_print_repr(mpf_print_t *p, mpf_float_t value) {
    char buf[REPR_BUF + 2];
    size_t n = mpf_float_format(buf, REPR_BUF, value, 'g', REPR_PREC, '\0');
    mpf_print_strn(p, buf, add_point(buf, n));
}

void mpf_format_float(mpf_print_t *p, mpf_float_t value, const mpf_fmt_spec_t *spec) {
    /* MicroPython formats the signed value into 32 bytes (sign included): beyond that,
     * precision is cut or 'f' becomes 'e'; format.c puts the sign back with the padding */
    char buf[32 + 3];
    char type = spec->type, sign = spec->sign;
    size_t n;
    bool empty = type == 0 && spec->prec < 0 && spec->width < 0 && !sign && !spec->align && !spec->zero &&
        !spec->group && !spec->alt;
    if (empty) {
        /* "{}" and format(x) are str(x); any other spec without a type is 'g' */
        n = add_point(buf, mpf_float_format(buf, REPR_BUF, value, 'g', REPR_PREC, '\0'));
    } else if (type == '%') {
        n = mpf_float_format(buf, 32, value * 100, 'f', spec->prec, sign);
        buf[n++] = '%';
    } else if (type == 0 || type == 'n') {
        n = mpf_float_format(buf, 32, value, 'g', spec->prec, sign);
    } else if (strchr("eEfFgG", type) != NULL) {
        n = mpf_float_format(buf, 32, value, type, spec->prec, sign);
    } else {
        mpf_raise_msg(&mpf_type_ValueError, "unknown format code '%c' for object of type 'float'", type);
    }
    bool has_sign = buf[0] == '-' || buf[0] == '+' || buf[0] == ' ';
    mpf_format_number(p, buf[0] == '-', "", buf + has_sign, n - has_sign, spec);
}

#if MPF_FEATURE_COMPLEX
/* MicroPython's form: "2j" when the real part is zero, else "(1+2j)" */
void mpf_complex_print_repr(mpf_print_t *p, mpf_float_t real, mpf_float_t imag) {
    char buf[REPR_BUF];
    if (real == 0) {
        mpf_print_strn(p, buf, mpf_float_format(buf, sizeof(buf), imag, 'g', REPR_PREC, '\0'));
        mpf_print_str(p, "j");
        return;
    }
    mpf_print_str(p, "(");
    mpf_print_strn(p, buf, mpf_float_format(buf, sizeof(buf), real, 'g', REPR_PREC, '\0'));
    char sign = imag >= 0 || isnan(imag) ? '+' : '\0';
    mpf_print_strn(p, buf, mpf_float_format(buf, sizeof(buf), imag, 'g', REPR_PREC, sign));
    mpf_print_str(p, "j)");
}
#endif

static bool is_space(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/* s[0, len) starts with the word w (lower case), in any case */
static bool starts_with_word(const char *s, size_t len, const char *w) {
    size_t n = strlen(w);
    if (len < n) {
        return false;
    }
    for (size_t i = 0; i < n; ++i) {
        if ((s[i] | 0x20) != w[i]) {
            return false;
        }
    }
    return true;
}

bool mpf_float_parse(const char *s, size_t len, mpf_float_t *value) {
    size_t i = 0;
    while (i < len && is_space(s[i])) {
        ++i;
    }
    while (len > i && is_space(s[len - 1])) {
        --len;
    }
    bool neg = false;
    if (i < len && (s[i] == '+' || s[i] == '-')) {
        neg = s[i++] == '-';
    }
    mpf_float_t v;
    if (starts_with_word(s + i, len - i, "infinity") && len - i == 8) {
        v = (mpf_float_t)INFINITY;
    } else if (starts_with_word(s + i, len - i, "inf") && len - i == 3) {
        v = (mpf_float_t)INFINITY;
    } else if (starts_with_word(s + i, len - i, "nan") && len - i == 3) {
        v = (mpf_float_t)NAN;
    } else {
        mpf_float_t dec_val = 0;
        int exp_val = 0, exp_extra = 0;
        bool exp_neg = false;
        enum { INT, FRAC, EXP } part = INT;
        size_t digits = 0;
        while (i < len) {
            char c = s[i++];
            if (c >= '0' && c <= '9') {
                ++digits;
                if (part == EXP) {
                    /* a huge exponent saturates, the value becomes 0 or inf */
                    if (exp_val < ((1 << 30) - 9) / 10) {
                        exp_val = 10 * exp_val + (c - '0');
                    }
                } else if (dec_val < DEC_VAL_MAX) {
                    dec_val = MPF_FLOAT_C(10.0) * dec_val + (mpf_float_t)(c - '0');
                    if (part == FRAC) {
                        --exp_extra;
                    }
                } else if (part == INT) {
                    ++exp_extra;
                }
            } else if (part == INT && c == '.') {
                part = FRAC;
            } else if (part != EXP && (c == 'e' || c == 'E')) {
                part = EXP;
                if (i < len && (s[i] == '+' || s[i] == '-')) {
                    exp_neg = s[i++] == '-';
                }
                if (i == len) {
                    return false;
                }
            } else if (c != '_') {
                return false;
            }
        }
        if (digits == 0) {
            return false;
        }
        exp_val = (exp_neg ? -exp_val : exp_val) + exp_extra;
        if (exp_val < SMALL_NORMAL_EXP) {
            exp_val -= SMALL_NORMAL_EXP;
            dec_val *= SMALL_NORMAL_VAL;
        }
        /* small negative powers of ten are not exact, their reciprocals are */
        if (exp_val < 0 && exp_val >= -EXACT_POW10) {
            v = dec_val / MPF_FLOAT_FUN(pow)(MPF_FLOAT_C(10.0), (mpf_float_t)-exp_val);
        } else {
            v = dec_val * MPF_FLOAT_FUN(pow)(MPF_FLOAT_C(10.0), (mpf_float_t)exp_val);
        }
    }
    *value = neg ? -v : v;
    return true;
}

#endif /* MPF_FEATURE_FLOAT */
