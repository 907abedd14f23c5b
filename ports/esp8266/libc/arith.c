/* Integer helpers gcc calls on the LX106 that Debian's libgcc for it leaves out
 * (its assembly lib1funcs are not built): unsigned division and the widening multiply.
 * Written with shifts, adds and 32-bit multiplies only, so they call nothing. */
#include <stdint.h>

uint32_t __udivsi3(uint32_t n, uint32_t d);
uint32_t __umodsi3(uint32_t n, uint32_t d);
int32_t __divsi3(int32_t n, int32_t d);
uint64_t __umulsidi3(uint32_t a, uint32_t b);

static uint32_t udivmod(uint32_t n, uint32_t d, uint32_t *rem) {
    uint32_t q = 0, r = 0;
    for (int i = 31; i >= 0; i--) {
        r = (r << 1) | ((n >> i) & 1u);
        if (r >= d) {
            r -= d;
            q |= 1u << i;
        }
    }
    *rem = r;
    return q;
}

uint32_t __udivsi3(uint32_t n, uint32_t d) {
    uint32_t r;
    return udivmod(n, d, &r);
}

uint32_t __umodsi3(uint32_t n, uint32_t d) {
    uint32_t r;
    udivmod(n, d, &r);
    return r;
}

int32_t __divsi3(int32_t n, int32_t d) {
    uint32_t r;
    uint32_t un = n < 0 ? 0u - (uint32_t)n : (uint32_t)n;
    uint32_t ud = d < 0 ? 0u - (uint32_t)d : (uint32_t)d;
    uint32_t q = udivmod(un, ud, &r);
    return (int32_t)(((n < 0) != (d < 0)) ? 0u - q : q);
}

uint64_t __umulsidi3(uint32_t a, uint32_t b) {
    /* four 16 x 16 -> 32 partial products */
    uint32_t al = a & 0xFFFFu, ah = a >> 16, bl = b & 0xFFFFu, bh = b >> 16;
    uint64_t lo = (uint64_t)(al * bl);
    uint64_t mid = (uint64_t)(al * bh) + (uint64_t)(ah * bl);
    uint64_t hi = (uint64_t)(ah * bh);
    return lo + (mid << 16) + (hi << 32);
}

/* 64 x 64 -> 64 (big ints' digit products): the low word's widening product and the
 * cross terms' low halves; the same bits signed or unsigned */
int64_t __muldi3(int64_t a, int64_t b);

int64_t __muldi3(int64_t a, int64_t b) {
    uint32_t al = (uint32_t)a, ah = (uint32_t)((uint64_t)a >> 32);
    uint32_t bl = (uint32_t)b, bh = (uint32_t)((uint64_t)b >> 32);
    return (int64_t)(__umulsidi3(al, bl) + ((uint64_t)(al * bh + ah * bl) << 32));
}

/* 64-bit division: libgcc has the combined divide-and-remainder helpers */
int64_t __divmoddi4(int64_t a, int64_t b, int64_t *rem);
uint64_t __udivmoddi4(uint64_t a, uint64_t b, uint64_t *rem);
int64_t __divdi3(int64_t a, int64_t b);
uint64_t __udivdi3(uint64_t a, uint64_t b);
uint64_t __umoddi3(uint64_t a, uint64_t b);

int64_t __divdi3(int64_t a, int64_t b) {
    int64_t r;
    return __divmoddi4(a, b, &r);
}

uint64_t __udivdi3(uint64_t a, uint64_t b) {
    uint64_t r;
    return __udivmoddi4(a, b, &r);
}

uint64_t __umoddi3(uint64_t a, uint64_t b) {
    uint64_t r;
    __udivmoddi4(a, b, &r);
    return r;
}
