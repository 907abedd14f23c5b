/* The `binascii` module: hex and base64 text of bytes, and CRC-32. */
#include <string.h>

#include "binary.h"
#include "builtins.h"
#include "exc.h"
#include "module.h"

static const char *buffer_of(mpf_obj_t o, size_t *len) {
    char *data;
    if (mpf_obj_is_str(o)) {
        return mpf_obj_str_data(o, len);
    }
    if (!mpf_get_buffer(o, &data, len)) {
        mpf_raise_msg(&mpf_type_TypeError, "object with buffer protocol required");
    }
    return data;
}

static const char hex_digits[] = "0123456789abcdef";

/* hexlify(data[, sep]): two hex digits a byte, sep between bytes */
static mpf_obj_t hexlify(size_t n_args, const mpf_obj_t *args, const mpf_type_t *type) {
    size_t len, sep_len = 0;
    const char *s = buffer_of(args[0], &len);
    const char *sep = n_args > 1 && args[1] != mpf_const_none ? buffer_of(args[1], &sep_len) : "";
    size_t out_len = len ? 2 * len + sep_len * (len - 1) : 0;
    mpf_str_t *r = mpf_bytes_new(&mpf_type_bytes, NULL, out_len);
    r->base.type = type;
    char *o = (char *)r->data;
    for (size_t i = 0; i < len; ++i) {
        if (i) {
            memcpy(o, sep, sep_len);
            o += sep_len;
        }
        *o++ = hex_digits[(unsigned char)s[i] >> 4];
        *o++ = hex_digits[(unsigned char)s[i] & 15];
    }
    return r;
}

static mpf_obj_t binascii_hexlify(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    return hexlify(n_args, args, &mpf_type_bytes);
}
MPF_BUILTIN_OBJ(hexlify_obj, MP_QSTR_hexlify, binascii_hexlify);


static int hex_value(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    c = (char)(c | 0x20);
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

static mpf_obj_t binascii_unhexlify(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_args;
    (void)n_kw;
    size_t len;
    const char *s = buffer_of(args[0], &len);
    if (len % 2) {
        mpf_raise_msg(&mpf_type_ValueError, "odd-length string");
    }
    mpf_str_t *r = mpf_bytes_new(&mpf_type_bytes, NULL, len / 2);
    char *o = (char *)r->data;
    for (size_t i = 0; i < len; i += 2) {
        int hi = hex_value(s[i]), lo = hex_value(s[i + 1]);
        if (hi < 0 || lo < 0) {
            mpf_raise_msg(&mpf_type_ValueError, "non-hex digit found");
        }
        *o++ = (char)(hi << 4 | lo);
    }
    return r;
}
MPF_BUILTIN_OBJ(unhexlify_obj, MP_QSTR_unhexlify, binascii_unhexlify);

static const char b64_digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* b2a_base64(data): base64 with '=' padding and a final newline */
static mpf_obj_t binascii_b2a_base64(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_args;
    (void)n_kw;
    size_t len;
    const unsigned char *s = (const unsigned char *)buffer_of(args[0], &len);
    mpf_str_t *r = mpf_bytes_new(&mpf_type_bytes, NULL, (len + 2) / 3 * 4 + 1);
    char *o = (char *)r->data;
    for (size_t i = 0; i < len; i += 3) {
        uint32_t v = (uint32_t)s[i] << 16;
        v |= i + 1 < len ? (uint32_t)s[i + 1] << 8 : 0;
        v |= i + 2 < len ? s[i + 2] : 0;
        *o++ = b64_digits[v >> 18];
        *o++ = b64_digits[(v >> 12) & 63];
        *o++ = i + 1 < len ? b64_digits[(v >> 6) & 63] : '=';
        *o++ = i + 2 < len ? b64_digits[v & 63] : '=';
    }
    *o = '\n';
    return r;
}
MPF_BUILTIN_OBJ(b2a_base64_obj, MP_QSTR_b2a_base64, binascii_b2a_base64);

/* a2b_base64(text): characters outside the alphabet are skipped, '=' ends the data */
static mpf_obj_t binascii_a2b_base64(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_args;
    (void)n_kw;
    size_t len, n = 0, bits = 0;
    const char *s = buffer_of(args[0], &len);
    mpf_str_t *r = mpf_bytes_new(&mpf_type_bytes, NULL, len / 4 * 3 + 3);
    char *o = (char *)r->data;
    uint32_t acc = 0;
    for (size_t i = 0; i < len && s[i] != '='; ++i) {
        const char *d = s[i] ? strchr(b64_digits, s[i]) : NULL;
        if (d == NULL) {
            continue;
        }
        acc = acc << 6 | (uint32_t)(d - b64_digits);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            o[n++] = (char)(acc >> bits);
        }
    }
    if (bits >= 6) {
        mpf_raise_msg(&mpf_type_ValueError, "incorrect padding");
    }
    r->len = n;
    return r;
}
MPF_BUILTIN_OBJ(a2b_base64_obj, MP_QSTR_a2b_base64, binascii_a2b_base64);

/* crc32(data, crc=0): the CRC-32 of zlib (reflected polynomial 0xEDB88320) */
static mpf_obj_t binascii_crc32(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    size_t len;
    const unsigned char *s = (const unsigned char *)buffer_of(args[0], &len);
    uint32_t crc = n_args > 1 ? (uint32_t)mpf_obj_int_value(args[1]) : 0;
    crc = ~crc;
    for (size_t i = 0; i < len; ++i) {
        crc ^= s[i];
        for (int k = 0; k < 8; ++k) {
            crc = crc >> 1 ^ (0xEDB88320u & (0u - (crc & 1)));
        }
    }
    return mpf_binary_int(~crc, false);
}
MPF_BUILTIN_OBJ(crc32_obj, MP_QSTR_crc32, binascii_crc32);

static const mpf_builtin_entry_t binascii_table[] = {
    {MP_QSTR_hexlify, &hexlify_obj},
    {MP_QSTR_unhexlify, &unhexlify_obj},
    {MP_QSTR_b2a_base64, &b2a_base64_obj},
    {MP_QSTR_a2b_base64, &a2b_base64_obj},
    {MP_QSTR_crc32, &crc32_obj},
    {0, NULL},
};

MPF_BUILTIN_MODULE(mpf_module_binascii, MP_QSTR_binascii, binascii_table);
