/* Natural-number arithmetic on digit arrays; see mpz.h for the conventions. */
#include <string.h>

#include "gc.h"
#include "mpz.h"

#define DIGIT_MAX ((mpf_ddigit_t)0xffffffffu)

size_t mpf_mpn_norm(const mpf_digit_t *a, size_t n) {
    while (n > 0 && a[n - 1] == 0) {
        --n;
    }
    return n;
}

int mpf_mpn_cmp(const mpf_digit_t *a, size_t na, const mpf_digit_t *b, size_t nb) {
    if (na != nb) {
        return na < nb ? -1 : 1;
    }
    while (na-- > 0) {
        if (a[na] != b[na]) {
            return a[na] < b[na] ? -1 : 1;
        }
    }
    return 0;
}

size_t mpf_mpn_add(mpf_digit_t *r, const mpf_digit_t *a, size_t na, const mpf_digit_t *b, size_t nb) {
    mpf_ddigit_t carry = 0;
    size_t i = 0;
    for (; i < nb; ++i) {
        carry += (mpf_ddigit_t)a[i] + b[i];
        r[i] = (mpf_digit_t)carry;
        carry >>= MPF_DIGIT_BITS;
    }
    for (; i < na; ++i) {
        carry += a[i];
        r[i] = (mpf_digit_t)carry;
        carry >>= MPF_DIGIT_BITS;
    }
    r[na] = (mpf_digit_t)carry;
    return na + (carry != 0);
}

size_t mpf_mpn_sub(mpf_digit_t *r, const mpf_digit_t *a, size_t na, const mpf_digit_t *b, size_t nb) {
    mpf_ddigit_t borrow = 0;
    for (size_t i = 0; i < na; ++i) {
        mpf_ddigit_t sub = (i < nb ? b[i] : 0) + borrow;
        borrow = a[i] < sub;
        r[i] = (mpf_digit_t)(a[i] - sub);
    }
    return mpf_mpn_norm(r, na);
}

size_t mpf_mpn_mul(mpf_digit_t *r, const mpf_digit_t *a, size_t na, const mpf_digit_t *b, size_t nb) {
    memset(r, 0, (na + nb) * sizeof(mpf_digit_t));
    for (size_t i = 0; i < na; ++i) {
        mpf_digit_t ai = a[i];
        mpf_ddigit_t carry = 0;
        if (ai == 0) {
            continue;
        }
        /* ai * b[j] + r + carry <= (2^32-1)^2 + 2 (2^32-1) = 2^64 - 1: no overflow */
        for (size_t j = 0; j < nb; ++j) {
            carry += (mpf_ddigit_t)ai * b[j] + r[i + j];
            r[i + j] = (mpf_digit_t)carry;
            carry >>= MPF_DIGIT_BITS;
        }
        r[i + nb] = (mpf_digit_t)carry;
    }
    return mpf_mpn_norm(r, na + nb);
}

size_t mpf_mpn_mul_1_add(mpf_digit_t *r, size_t n, mpf_digit_t m, mpf_digit_t add) {
    mpf_ddigit_t carry = add;
    for (size_t i = 0; i < n; ++i) {
        carry += (mpf_ddigit_t)r[i] * m;
        r[i] = (mpf_digit_t)carry;
        carry >>= MPF_DIGIT_BITS;
    }
    r[n] = (mpf_digit_t)carry;
    return mpf_mpn_norm(r, n + 1);
}

mpf_digit_t mpf_mpn_divmod_1(mpf_digit_t *q, size_t *nq, const mpf_digit_t *a, size_t na, mpf_digit_t d) {
    mpf_ddigit_t rem = 0;
    for (size_t i = na; i-- > 0;) {
        rem = (rem << MPF_DIGIT_BITS) | a[i];
        q[i] = (mpf_digit_t)(rem / d);
        rem %= d;
    }
    *nq = mpf_mpn_norm(q, na);
    return (mpf_digit_t)rem;
}

size_t mpf_mpn_shl(mpf_digit_t *r, const mpf_digit_t *a, size_t na, size_t bits) {
    if (na == 0) {
        return 0;
    }
    size_t w = bits / MPF_DIGIT_BITS;
    unsigned s = (unsigned)(bits % MPF_DIGIT_BITS);
    /* from the top down, so that r may be a */
    if (s == 0) {
        memmove(r + w, a, na * sizeof(mpf_digit_t));
    } else {
        r[na + w] = a[na - 1] >> (MPF_DIGIT_BITS - s);
        for (size_t i = na - 1; i > 0; --i) {
            r[i + w] = (a[i] << s) | (a[i - 1] >> (MPF_DIGIT_BITS - s));
        }
        r[w] = a[0] << s;
    }
    memset(r, 0, w * sizeof(mpf_digit_t));
    return mpf_mpn_norm(r, na + w + (s != 0));
}

size_t mpf_mpn_shr(mpf_digit_t *r, const mpf_digit_t *a, size_t na, size_t bits) {
    size_t w = bits / MPF_DIGIT_BITS;
    unsigned s = (unsigned)(bits % MPF_DIGIT_BITS);
    if (w >= na) {
        return 0;
    }
    size_t n = na - w;
    if (s == 0) {
        memmove(r, a + w, n * sizeof(mpf_digit_t));
    } else {
        for (size_t i = 0; i + 1 < n; ++i) {
            r[i] = (a[i + w] >> s) | (a[i + w + 1] << (MPF_DIGIT_BITS - s));
        }
        r[n - 1] = a[na - 1] >> s;
    }
    return mpf_mpn_norm(r, n);
}

/* Knuth's algorithm D (TAOCP 4.3.1): both operands shifted so the divisor's top bit is
 * set, which keeps each two-digit quotient estimate at most two too large. */
void mpf_mpn_divmod(mpf_digit_t *q, size_t *nq, mpf_digit_t *r, size_t *nr, const mpf_digit_t *a, size_t na,
    const mpf_digit_t *b, size_t nb) {
    if (mpf_mpn_cmp(a, na, b, nb) < 0) {
        *nq = 0;
        memcpy(r, a, na * sizeof(mpf_digit_t));
        *nr = na;
        return;
    }
    if (nb == 1) {
        r[0] = mpf_mpn_divmod_1(q, nq, a, na, b[0]);
        *nr = r[0] != 0;
        return;
    }
    unsigned s = 0;
    for (mpf_digit_t top = b[nb - 1]; !(top & 0x80000000u); top <<= 1) {
        ++s;
    }
    /* u: the dividend with an extra top digit; v: the divisor (its shift never carries out) */
    mpf_digit_t *u = mpf_alloc((na + 1 + nb + 1) * sizeof(mpf_digit_t));
    mpf_digit_t *v = u + na + 1;
    memset(u, 0, (na + 1 + nb + 1) * sizeof(mpf_digit_t));
    mpf_mpn_shl(u, a, na, s);
    mpf_mpn_shl(v, b, nb, s);
    mpf_digit_t vtop = v[nb - 1], vnext = v[nb - 2];
    for (size_t j = na - nb + 1; j-- > 0;) {
        mpf_ddigit_t num = ((mpf_ddigit_t)u[j + nb] << MPF_DIGIT_BITS) | u[j + nb - 1];
        mpf_ddigit_t qhat = num / vtop, rhat = num % vtop;
        while (qhat > DIGIT_MAX ||
               (mpf_ddigit_t)(mpf_digit_t)qhat * vnext > ((rhat << MPF_DIGIT_BITS) | u[j + nb - 2])) {
            --qhat;
            rhat += vtop;
            if (rhat > DIGIT_MAX) {
                break;
            }
        }
        /* u[j..j+nb] -= qhat * v; qhat fits a digit now, so every product is 32 x 32 -> 64
         * (one instruction on Cortex-M3/M4, a libgcc helper elsewhere) */
        mpf_digit_t qd = (mpf_digit_t)qhat;
        mpf_ddigit_t carry = 0, borrow = 0;
        for (size_t i = 0; i < nb; ++i) {
            mpf_ddigit_t p = (mpf_ddigit_t)qd * v[i] + carry;
            carry = p >> MPF_DIGIT_BITS;
            mpf_ddigit_t sub = (mpf_digit_t)p + borrow;
            borrow = u[i + j] < sub;
            u[i + j] = (mpf_digit_t)(u[i + j] - sub);
        }
        mpf_ddigit_t sub = carry + borrow;
        bool negative = u[j + nb] < sub;
        u[j + nb] = (mpf_digit_t)(u[j + nb] - sub);
        if (negative) {
            /* the estimate was one too large: add v back (the carry out cancels the borrow) */
            --qd;
            carry = 0;
            for (size_t i = 0; i < nb; ++i) {
                carry += (mpf_ddigit_t)u[i + j] + v[i];
                u[i + j] = (mpf_digit_t)carry;
                carry >>= MPF_DIGIT_BITS;
            }
            u[j + nb] = (mpf_digit_t)(u[j + nb] + carry);
        }
        q[j] = qd;
    }
    *nq = mpf_mpn_norm(q, na - nb + 1);
    *nr = mpf_mpn_shr(r, u, nb, s);
    mpf_free(u);
}
