/* binary.h: packing and unpacking single values. */
#include <string.h>

#include "binary.h"
#include "exc.h"
#include "genhdr/opcodes.h"
#include "objfloat.h"

#define ALIGN_OF(type) offsetof(struct { char c; type t; }, t)

size_t mpf_binary_size(char order, char code, size_t *align) {
    size_t size = 0;
    if (order == '@') {
        switch (code) {
            case 'b': case 'B': size = 1; *align = 1; break;
            case 'h': case 'H': size = sizeof(short); *align = ALIGN_OF(short); break;
            case 'i': case 'I': size = sizeof(int); *align = ALIGN_OF(int); break;
            case 'l': case 'L': size = sizeof(long); *align = ALIGN_OF(long); break;
            case 'q': case 'Q': size = sizeof(long long); *align = ALIGN_OF(long long); break;
            case 'P': size = sizeof(void *); *align = ALIGN_OF(void *); break;
#if MPF_FEATURE_FLOAT
            case 'f': size = sizeof(float); *align = ALIGN_OF(float); break;
            case 'd': size = sizeof(double); *align = ALIGN_OF(double); break;
#endif
            default: break;
        }
        return size;
    }
    *align = 1;
    switch (code) {
        case 'b': case 'B': size = 1; break;
        case 'h': case 'H': size = 2; break;
        case 'i': case 'I': case 'l': case 'L': size = 4; break;
        case 'q': case 'Q': size = 8; break;
        case 'P': size = sizeof(void *); break;
#if MPF_FEATURE_FLOAT
        case 'f': size = 4; break;
        case 'd': size = 8; break;
#endif
        default: break;
    }
    return size;
}

static bool is_little(char order) {
    return order == '<' || (order == '@' && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__);
}

static bool is_signed(char code) {
    return code == 'b' || code == 'h' || code == 'i' || code == 'l' || code == 'q';
}

/* the size bytes at p as an unsigned number, in the order's byte order */
static uint64_t get_bits(char order, size_t size, const uint8_t *p) {
    uint64_t u = 0;
    for (size_t i = 0; i < size; ++i) {
        size_t k = is_little(order) ? size - 1 - i : i;
        u = u << 8 | p[k];
    }
    return u;
}

static void put_bits(char order, size_t size, uint8_t *p, uint64_t u) {
    for (size_t i = 0; i < size; ++i) {
        size_t k = is_little(order) ? i : size - 1 - i;
        p[k] = (uint8_t)u;
        u >>= 8;
    }
}

mpf_obj_t mpf_binary_get(char order, char code, const uint8_t *p) {
    size_t align, size = mpf_binary_size(order, code, &align);
    uint64_t u = get_bits(order, size, p);
#if MPF_FEATURE_FLOAT
    /* IEEE 754 binary32 and binary64, whatever the board's precision */
    if (code == 'f') {
        uint32_t bits = (uint32_t)u;
        float f;
        memcpy(&f, &bits, sizeof(f));
        return mpf_float_new((mpf_float_t)f);
    }
    if (code == 'd') {
        double d;
        memcpy(&d, &u, sizeof(d));
        return mpf_float_new((mpf_float_t)d);
    }
#endif
    if (is_signed(code) && size < 8 && (u >> (size * 8 - 1)) & 1) {
        u |= ~(uint64_t)0 << (size * 8);
    }
    return mpf_binary_int(u, is_signed(code));
}

mpf_obj_t mpf_binary_int(uint64_t u, bool is_signed) {
    if (is_signed || u <= INT64_MAX) {
        return mpf_int_from_ll((long long)(int64_t)u);
    }
    /* above the long long range: twice the half, plus the low bit */
    mpf_obj_t half = mpf_int_from_ll((long long)(u >> 1));
    return mpf_binary_op(MP_BINARY_OP_ADD, mpf_binary_op(MP_BINARY_OP_ADD, half, half),
        MPF_OBJ_NEW_SMALL_INT(u & 1));
}

/* the low 64 bits of an int of any size, in two's complement */
static uint64_t low_bits(mpf_obj_t v) {
    if (mpf_obj_is_int(v)) {
        return (uint64_t)(int64_t)mpf_obj_int_value(v);
    }
    if (!mpf_obj_is_bigint(v)) {
        mpf_raise_msg(&mpf_type_TypeError, "can't convert %s to int", mpf_obj_type_name(v));
    }
    const mpf_bigint_t *b = v;
    uint64_t u = 0;
    for (size_t i = 0; i < b->len && i < 64 / (8 * sizeof(mpf_digit_t)); ++i) {
        u |= (uint64_t)b->dig[i] << (8 * sizeof(mpf_digit_t) * i);
    }
    return b->neg ? ~u + 1 : u;
}

void mpf_binary_put(char order, char code, uint8_t *p, mpf_obj_t v) {
    size_t align, size = mpf_binary_size(order, code, &align);
    uint64_t u;
#if MPF_FEATURE_FLOAT
    if (code == 'f') {
        float f = (float)mpf_obj_get_float(v);
        uint32_t bits;
        memcpy(&bits, &f, sizeof(bits));
        u = bits;
    } else if (code == 'd') {
        double d = (double)mpf_obj_get_float(v);
        memcpy(&u, &d, sizeof(u));
    } else
#endif
    {
        u = low_bits(v);
    }
    put_bits(order, size, p, u);
}
