/* Natural numbers as arrays of 32-bit digits, least significant first: the arithmetic
 * under big ints (objint.c). A length counts digits; results come back normalized (no
 * zero top digit, zero has length 0). The caller gives the room for each result, so
 * nothing here allocates except the scratch copies of mpf_mpn_divmod.
 *
 * 32-bit digits with 64-bit intermediates on every target: Cortex-M3/M4 multiply
 * 32x32->64 in one instruction, and only the quotient estimate of a long division needs
 * a 64/32 division (libgcc's on the boards). One digit size means one layout for the
 * big-int constants the freezer puts in flash.
 */
#ifndef MPF_MPZ_H
#define MPF_MPZ_H

#include <stddef.h>
#include <stdint.h>

#include "obj.h"

typedef uint64_t mpf_ddigit_t;
#define MPF_DIGIT_BITS (32)

size_t mpf_mpn_norm(const mpf_digit_t *a, size_t n);
int mpf_mpn_cmp(const mpf_digit_t *a, size_t na, const mpf_digit_t *b, size_t nb);
/* r = a + b with na >= nb; r has room for na + 1 digits and may be a */
size_t mpf_mpn_add(mpf_digit_t *r, const mpf_digit_t *a, size_t na, const mpf_digit_t *b, size_t nb);
/* r = a - b with a >= b; r has room for na digits and may be a */
size_t mpf_mpn_sub(mpf_digit_t *r, const mpf_digit_t *a, size_t na, const mpf_digit_t *b, size_t nb);
/* r = a * b; r has room for na + nb digits and overlaps neither */
size_t mpf_mpn_mul(mpf_digit_t *r, const mpf_digit_t *a, size_t na, const mpf_digit_t *b, size_t nb);
/* r = r * m + add in place; r has room for n + 1 digits */
size_t mpf_mpn_mul_1_add(mpf_digit_t *r, size_t n, mpf_digit_t m, mpf_digit_t add);
/* q = a / d (q may be a; room for na digits), returns a % d; d != 0 */
mpf_digit_t mpf_mpn_divmod_1(mpf_digit_t *q, size_t *nq, const mpf_digit_t *a, size_t na, mpf_digit_t d);
/* q = a / b and r = a % b, nb > 0: q has room for na + 1 digits, r for nb; neither
 * overlaps a or b */
void mpf_mpn_divmod(mpf_digit_t *q, size_t *nq, mpf_digit_t *r, size_t *nr, const mpf_digit_t *a, size_t na,
    const mpf_digit_t *b, size_t nb);
/* r = a << bits; r has room for na + bits / 32 + 1 digits and may be a */
size_t mpf_mpn_shl(mpf_digit_t *r, const mpf_digit_t *a, size_t na, size_t bits);
/* r = a >> bits; r has room for na digits and may be a */
size_t mpf_mpn_shr(mpf_digit_t *r, const mpf_digit_t *a, size_t na, size_t bits);

#endif /* MPF_MPZ_H */
