/* int: small ints (tagged words) and big ints (mpf_bigint_t, sign and magnitude), one
 * Python type. Every operation first tries the machine-word path for two small ints and
 * falls back to digit arithmetic (mpz.c) when the result would not fit; every result
 * that fits a small int comes back as one. */
#include <string.h>

#include "exc.h"
#include "smallint.h"
#include "gc.h"
#include "genhdr/opcodes.h"
#include "mpz.h"
#include "print.h"
#include "qstr.h"

/* an integer's value seen as sign and digits, whether it is small or big */
typedef struct {
    const mpf_digit_t *dig;
    size_t len;
    bool neg;
} num_t;

/* digits a small int (or a long long) takes at most */
#define WORD_DIGITS (64 / MPF_DIGIT_BITS)

static _Noreturn void raise_zero_division(void) {
    mpf_raise_msg(&mpf_type_ZeroDivisionError, "divide by zero");
}

static _Noreturn void raise_word_overflow(void) {
    mpf_raise_msg(&mpf_type_OverflowError, "overflow converting long int to machine word");
}

bool mpf_obj_is_bigint(mpf_obj_t o) {
    return MPF_OBJ_IS_PTR(o) && MPF_OBJ_TYPE_OF_PTR(o) == &mpf_type_int;
}

bool mpf_obj_is_integer(mpf_obj_t o) {
    return mpf_obj_is_int(o) || mpf_obj_is_bigint(o);
}

static size_t set_u64(mpf_digit_t *buf, uint64_t u) {
    size_t n = 0;
    for (; u != 0; u >>= MPF_DIGIT_BITS) {
        buf[n++] = (mpf_digit_t)u;
    }
    return n;
}

/* `buf` holds a small int's digits (WORD_DIGITS of them) for as long as `n` is used */
static void to_num(mpf_obj_t o, num_t *n, mpf_digit_t *buf) {
    if (mpf_obj_is_bigint(o)) {
        const mpf_bigint_t *b = o;
        n->dig = b->dig;
        n->len = b->len;
        n->neg = b->neg;
        return;
    }
    long long v = mpf_obj_int_value(o);
    n->neg = v < 0;
    n->len = set_u64(buf, v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v);
    n->dig = buf;
}

static mpf_bigint_t *big_alloc(size_t n_digits) {
    mpf_bigint_t *b = mpf_alloc(sizeof(mpf_bigint_t) + (n_digits ? n_digits : 1) * sizeof(mpf_digit_t));
    b->base.type = &mpf_type_int;
    return b;
}

/* b's first `len` digits are the magnitude: a small int if it fits, else b itself */
static mpf_obj_t big_finish(mpf_bigint_t *b, size_t len, bool neg) {
    len = mpf_mpn_norm(b->dig, len);
    if (len <= WORD_DIGITS) {
        uint64_t u = 0;
        for (size_t i = len; i-- > 0;) {
            u = (u << MPF_DIGIT_BITS) | b->dig[i];
        }
        if (u <= (uint64_t)MPF_SMALL_INT_MAX) {
            return MPF_OBJ_NEW_SMALL_INT(neg ? -(mpf_int_t)u : (mpf_int_t)u);
        }
        if (neg && u == (uint64_t)MPF_SMALL_INT_MAX + 1) {
            return MPF_OBJ_NEW_SMALL_INT(MPF_SMALL_INT_MIN);
        }
    }
    b->len = len;
    b->neg = neg;
    return b;
}

static mpf_obj_t num_copy(const num_t *a, bool neg) {
    mpf_bigint_t *r = big_alloc(a->len);
    memcpy(r->dig, a->dig, a->len * sizeof(mpf_digit_t));
    return big_finish(r, a->len, neg && a->len != 0);
}

mpf_obj_t mpf_int_from_ll(long long v) {
    if (MPF_SMALL_INT_FITS(v)) {
        return MPF_OBJ_NEW_SMALL_INT((mpf_int_t)v);
    }
    mpf_bigint_t *r = big_alloc(WORD_DIGITS);
    size_t n = set_u64(r->dig, v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v);
    return big_finish(r, n, v < 0);
}

static int num_cmp(const num_t *a, const num_t *b) {
    if (a->neg != b->neg) {
        return a->neg ? -1 : 1;
    }
    int c = mpf_mpn_cmp(a->dig, a->len, b->dig, b->len);
    return a->neg ? -c : c;
}

/* a + b, or a - b when `subtract` */
static mpf_obj_t num_add(const num_t *a, const num_t *b, bool subtract) {
    bool bneg = b->neg != subtract;
    const num_t *x = a, *y = b;
    bool xneg = a->neg, yneg = bneg;
    if (mpf_mpn_cmp(a->dig, a->len, b->dig, b->len) < 0) {
        x = b;
        y = a;
        xneg = bneg;
        yneg = a->neg;
    }
    mpf_bigint_t *r = big_alloc(x->len + 1);
    size_t n = xneg == yneg ? mpf_mpn_add(r->dig, x->dig, x->len, y->dig, y->len)
                            : mpf_mpn_sub(r->dig, x->dig, x->len, y->dig, y->len);
    return big_finish(r, n, xneg && n != 0);
}

static mpf_obj_t num_mul(const num_t *a, const num_t *b) {
    if (a->len == 0 || b->len == 0) {
        return MPF_OBJ_NEW_SMALL_INT(0);
    }
    mpf_bigint_t *r = big_alloc(a->len + b->len);
    size_t n = mpf_mpn_mul(r->dig, a->dig, a->len, b->dig, b->len);
    return big_finish(r, n, a->neg != b->neg);
}

/* Python's floor division: the remainder takes the divisor's sign. */
static void num_divmod(const num_t *a, const num_t *b, mpf_obj_t *quo, mpf_obj_t *rem) {
    if (b->len == 0) {
        raise_zero_division();
    }
    mpf_bigint_t *q = big_alloc(a->len + 1);
    mpf_bigint_t *r = big_alloc(b->len);
    size_t nq, nr;
    mpf_mpn_divmod(q->dig, &nq, r->dig, &nr, a->dig, a->len, b->dig, b->len);
    bool differ = a->neg != b->neg;
    if (differ && nr != 0) {
        /* truncation went up toward zero: one more down, and the remainder from the other side */
        size_t i = 0;
        while (i < nq && ++q->dig[i] == 0) {
            ++i;
        }
        if (i == nq) {
            q->dig[nq++] = 1;
        }
        nr = mpf_mpn_sub(r->dig, b->dig, b->len, r->dig, nr);
    }
    if (quo != NULL) {
        *quo = big_finish(q, nq, differ && nq != 0);
    }
    if (rem != NULL) {
        *rem = big_finish(r, nr, b->neg && nr != 0);
    }
}

static size_t bit_length(const num_t *a) {
    if (a->len == 0) {
        return 0;
    }
    size_t bits = (a->len - 1) * MPF_DIGIT_BITS;
    for (mpf_digit_t top = a->dig[a->len - 1]; top != 0; top >>= 1) {
        ++bits;
    }
    return bits;
}

static bool bit_set(const num_t *a, size_t i) {
    return (a->dig[i / MPF_DIGIT_BITS] >> (i % MPF_DIGIT_BITS)) & 1;
}

/* square and multiply, from the exponent's low bit up */
static mpf_obj_t num_pow(mpf_obj_t base, const num_t *e) {
    if (e->neg) {
        mpf_raise_msg(&mpf_type_ValueError, "negative power with no float support");
    }
    mpf_obj_t acc = MPF_OBJ_NEW_SMALL_INT(1);
    size_t bits = bit_length(e);
    for (size_t i = 0; i < bits; ++i) {
        num_t x, y;
        mpf_digit_t xb[WORD_DIGITS], yb[WORD_DIGITS];
        to_num(base, &y, yb);
        if (bit_set(e, i)) {
            to_num(acc, &x, xb);
            acc = num_mul(&x, &y);
        }
        if (i + 1 < bits) {
            base = num_mul(&y, &y);
        }
    }
    return acc;
}

/* a shift count: a non-negative machine word */
static size_t shift_count(mpf_obj_t o) {
    if (mpf_obj_is_bigint(o)) {
        raise_word_overflow();
    }
    mpf_int_t n = mpf_obj_int_value(o);
    if (n < 0) {
        mpf_raise_msg(&mpf_type_ValueError, "negative shift count");
    }
    return (size_t)n;
}

static mpf_obj_t num_shl(const num_t *a, size_t bits) {
    if (a->len == 0) {
        return MPF_OBJ_NEW_SMALL_INT(0);
    }
    if (bits / MPF_DIGIT_BITS > SIZE_MAX / 2 / sizeof(mpf_digit_t)) {
        mpf_raise_memory_error();
    }
    mpf_bigint_t *r = big_alloc(a->len + bits / MPF_DIGIT_BITS + 1);
    return big_finish(r, mpf_mpn_shl(r->dig, a->dig, a->len, bits), a->neg);
}

/* rounds toward minus infinity: -a >> n is -(((a - 1) >> n) + 1) */
static mpf_obj_t num_shr(const num_t *a, size_t bits) {
    mpf_bigint_t *r = big_alloc(a->len + 1);
    if (!a->neg) {
        return big_finish(r, mpf_mpn_shr(r->dig, a->dig, a->len, bits), false);
    }
    static const mpf_digit_t one = 1;
    size_t n = mpf_mpn_sub(r->dig, a->dig, a->len, &one, 1);
    n = mpf_mpn_shr(r->dig, r->dig, n, bits);
    n = mpf_mpn_add(r->dig, r->dig, n, &one, n ? 1 : 0);
    if (n == 0) {
        r->dig[n++] = 1;
    }
    return big_finish(r, n, true);
}

/* a's two's complement in `len` digits (one more than either operand has) */
static void to_twos(mpf_digit_t *t, const num_t *a, size_t len) {
    memcpy(t, a->dig, a->len * sizeof(mpf_digit_t));
    memset(t + a->len, 0, (len - a->len) * sizeof(mpf_digit_t));
    if (a->neg) {
        /* -m is ~(m - 1) */
        for (size_t i = 0; t[i]-- == 0; ++i) {
        }
        for (size_t i = 0; i < len; ++i) {
            t[i] = ~t[i];
        }
    }
}

static mpf_obj_t num_bitwise(unsigned op, const num_t *a, const num_t *b) {
    size_t len = (a->len > b->len ? a->len : b->len) + 1;
    mpf_bigint_t *r = big_alloc(len);
    mpf_digit_t *t = mpf_alloc(len * sizeof(mpf_digit_t));
    to_twos(r->dig, a, len);
    to_twos(t, b, len);
    for (size_t i = 0; i < len; ++i) {
        r->dig[i] = op == MP_BINARY_OP_AND ? r->dig[i] & t[i]
                  : op == MP_BINARY_OP_OR  ? r->dig[i] | t[i]
                                           : r->dig[i] ^ t[i];
    }
    mpf_free(t);
    bool neg = (r->dig[len - 1] >> (MPF_DIGIT_BITS - 1)) != 0;
    if (neg) {
        /* back to sign and magnitude: m is ~t + 1 */
        for (size_t i = 0; i < len; ++i) {
            r->dig[i] = ~r->dig[i];
        }
        for (size_t i = 0; ++r->dig[i] == 0; ++i) {
        }
    }
    return big_finish(r, len, neg);
}

mpf_obj_t mpf_int_binary_op(unsigned op, mpf_obj_t lhs, mpf_obj_t rhs) {
    if (op >= MP_BINARY_OP_INPLACE_OR && op <= MP_BINARY_OP_INPLACE_POWER) {
        op += MP_BINARY_OP_OR - MP_BINARY_OP_INPLACE_OR;
    }
    if (mpf_obj_is_int(lhs) && mpf_obj_is_int(rhs)) {
        mpf_obj_t r = mpf_small_int_binary_op(op, mpf_obj_int_value(lhs), mpf_obj_int_value(rhs));
        if (r != MPF_OBJ_NULL) {
            return r;
        }
    }
    num_t a, b;
    mpf_digit_t abuf[WORD_DIGITS], bbuf[WORD_DIGITS];
    to_num(lhs, &a, abuf);
    to_num(rhs, &b, bbuf);
    mpf_obj_t r;
    switch (op) {
        case MP_BINARY_OP_LESS:
            return MPF_OBJ_BOOL(num_cmp(&a, &b) < 0);
        case MP_BINARY_OP_MORE:
            return MPF_OBJ_BOOL(num_cmp(&a, &b) > 0);
        case MP_BINARY_OP_EQUAL:
            return MPF_OBJ_BOOL(num_cmp(&a, &b) == 0);
        case MP_BINARY_OP_LESS_EQUAL:
            return MPF_OBJ_BOOL(num_cmp(&a, &b) <= 0);
        case MP_BINARY_OP_MORE_EQUAL:
            return MPF_OBJ_BOOL(num_cmp(&a, &b) >= 0);
        case MP_BINARY_OP_NOT_EQUAL:
            return MPF_OBJ_BOOL(num_cmp(&a, &b) != 0);
        case MP_BINARY_OP_OR:
        case MP_BINARY_OP_XOR:
        case MP_BINARY_OP_AND:
            return num_bitwise(op, &a, &b);
        case MP_BINARY_OP_ADD:
        case MP_BINARY_OP_SUBTRACT:
            return num_add(&a, &b, op == MP_BINARY_OP_SUBTRACT);
        case MP_BINARY_OP_MULTIPLY:
            return num_mul(&a, &b);
        case MP_BINARY_OP_FLOOR_DIVIDE:
            num_divmod(&a, &b, &r, NULL);
            return r;
        case MP_BINARY_OP_MODULO:
            num_divmod(&a, &b, NULL, &r);
            return r;
        case MP_BINARY_OP_POWER:
            return num_pow(lhs, &b);
        case MP_BINARY_OP_LSHIFT:
            return num_shl(&a, shift_count(rhs));
        case MP_BINARY_OP_RSHIFT:
            return num_shr(&a, shift_count(rhs));
        case MP_BINARY_OP_TRUE_DIVIDE:
            if (b.len == 0) {
                raise_zero_division();
            }
            return MPF_OBJ_NULL;
        default:
            return MPF_OBJ_NULL;
    }
}

mpf_obj_t mpf_int_unary_op(unsigned op, mpf_obj_t arg) {
    if (mpf_obj_is_int(arg)) {
        mpf_int_t v = mpf_obj_int_value(arg);
        if (op == MP_UNARY_OP_POSITIVE) {
            return MPF_OBJ_NEW_SMALL_INT(v);
        }
        if (op == MP_UNARY_OP_INVERT) {
            return MPF_OBJ_NEW_SMALL_INT(~v);
        }
        if (v != MPF_SMALL_INT_MIN) {
            return MPF_OBJ_NEW_SMALL_INT(-v);
        }
    }
    num_t a;
    mpf_digit_t abuf[WORD_DIGITS];
    to_num(arg, &a, abuf);
    if (op == MP_UNARY_OP_POSITIVE) {
        return arg;
    }
    if (op == MP_UNARY_OP_NEGATIVE) {
        return num_copy(&a, !a.neg);
    }
    /* ~a is -a - 1 */
    static const mpf_digit_t one = 1;
    num_t minus_one = {&one, 1, true};
    return num_add(&minus_one, &a, true);
}

mpf_obj_t mpf_int_abs(mpf_obj_t o) {
    if (mpf_obj_is_int(o)) {
        mpf_int_t v = mpf_obj_int_value(o);
        return v >= 0 ? MPF_OBJ_NEW_SMALL_INT(v) : mpf_int_unary_op(MP_UNARY_OP_NEGATIVE, o);
    }
    const mpf_bigint_t *b = o;
    return b->neg ? mpf_int_unary_op(MP_UNARY_OP_NEGATIVE, o) : o;
}

/* modular power, square and multiply with every product reduced; a negative exponent
 * gives 0, as in MicroPython */
mpf_obj_t mpf_int_pow3(mpf_obj_t base, mpf_obj_t exp, mpf_obj_t mod) {
    if (!mpf_obj_is_integer(base) || !mpf_obj_is_integer(exp) || !mpf_obj_is_integer(mod)) {
        mpf_raise_msg(&mpf_type_TypeError, "pow() with 3 arguments requires integers");
    }
    num_t e, m;
    mpf_digit_t ebuf[WORD_DIGITS], mbuf[WORD_DIGITS];
    to_num(exp, &e, ebuf);
    to_num(mod, &m, mbuf);
    if (m.len == 0) {
        mpf_raise_msg(&mpf_type_ValueError, "pow() 3rd argument cannot be 0");
    }
    if (e.neg) {
        return MPF_OBJ_NEW_SMALL_INT(0);
    }
    mpf_obj_t acc = MPF_OBJ_NEW_SMALL_INT(1);
    size_t bits = bit_length(&e);
    base = mpf_int_binary_op(MP_BINARY_OP_MODULO, base, mod);
    for (size_t i = 0; i < bits; ++i) {
        if (bit_set(&e, i)) {
            acc = mpf_int_binary_op(MP_BINARY_OP_MODULO, mpf_int_binary_op(MP_BINARY_OP_MULTIPLY, acc, base), mod);
        }
        if (i + 1 < bits) {
            base = mpf_int_binary_op(MP_BINARY_OP_MODULO, mpf_int_binary_op(MP_BINARY_OP_MULTIPLY, base, base), mod);
        }
    }
    return mpf_int_binary_op(MP_BINARY_OP_MODULO, acc, mod);
}

size_t mpf_int_hash(mpf_obj_t o) {
    if (mpf_obj_is_int(o)) {
        return (size_t)mpf_obj_int_value(o);
    }
    const mpf_bigint_t *b = o;
    uint64_t u = 0;
    for (size_t i = b->len < WORD_DIGITS ? b->len : WORD_DIGITS; i-- > 0;) {
        u = (u << MPF_DIGIT_BITS) | b->dig[i];
    }
    return (size_t)(b->neg ? 0 - u : u);
}

/* --- text --- */

/* the magnitude's digits in `base`, most significant first, ending at `end`; returns
 * their start. `end` has room for 32 digits per digit of a. */
static char *mag_digits(const num_t *a, unsigned base, bool upper, char *end) {
    const char *names = upper ? "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ" : "0123456789abcdefghijklmnopqrstuvwxyz";
    /* divide by the largest power of base in a digit: that many text digits a step */
    mpf_digit_t chunk = base;
    unsigned per_chunk = 1;
    while ((mpf_ddigit_t)chunk * base <= 0xffffffffu) {
        chunk *= base;
        ++per_chunk;
    }
    mpf_digit_t local[WORD_DIGITS];
    mpf_digit_t *t = a->len <= WORD_DIGITS ? local : mpf_alloc(a->len * sizeof(mpf_digit_t));
    memcpy(t, a->dig, a->len * sizeof(mpf_digit_t));
    size_t n = a->len;
    char *s = end;
    while (n > 0) {
        mpf_digit_t rem = mpf_mpn_divmod_1(t, &n, t, n, chunk);
        for (unsigned i = 0; i < per_chunk && (n > 0 || rem != 0); ++i) {
            *--s = names[rem % base];
            rem /= base;
        }
    }
    if (s == end) {
        *--s = '0';
    }
    if (t != local) {
        mpf_free(t);
    }
    return s;
}

bool mpf_int_print_digits(mpf_print_t *p, mpf_obj_t o, unsigned base, bool upper) {
    num_t a;
    mpf_digit_t abuf[WORD_DIGITS];
    to_num(o, &a, abuf);
    char local[WORD_DIGITS * MPF_DIGIT_BITS + 1];
    size_t room = a.len * MPF_DIGIT_BITS + 1;
    char *buf = room <= sizeof(local) ? local : mpf_alloc(room);
    char *end = buf + room;
    char *s = mag_digits(&a, base, upper, end);
    mpf_print_strn(p, s, (size_t)(end - s));
    if (buf != local) {
        mpf_free(buf);
    }
    return a.neg;
}

static int digit_value(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    c = (char)(c | 0x20);
    return c >= 'a' && c <= 'z' ? c - 'a' + 10 : 99;
}

mpf_obj_t mpf_int_from_digits(const char *s, size_t len, unsigned base, bool neg) {
    /* log2(36) < 6: bits per text digit at most */
    mpf_bigint_t *r = big_alloc(len * 6 / MPF_DIGIT_BITS + 2);
    size_t n = 0, digits = 0;
    mpf_digit_t acc = 0, scale = 1;
    for (size_t i = 0; i < len; ++i) {
        if (s[i] == '_') {
            continue;
        }
        unsigned d = (unsigned)digit_value(s[i]);
        if (d >= base) {
            return MPF_OBJ_NULL;
        }
        /* text digits gather in one machine digit until the next would overflow it */
        if ((mpf_ddigit_t)scale * base > 0xffffffffu) {
            n = mpf_mpn_mul_1_add(r->dig, n, scale, acc);
            acc = 0;
            scale = 1;
        }
        acc = acc * base + d;
        scale *= base;
        ++digits;
    }
    if (digits == 0) {
        return MPF_OBJ_NULL;
    }
    n = mpf_mpn_mul_1_add(r->dig, n, scale, acc);
    return big_finish(r, n, neg && n != 0);
}
