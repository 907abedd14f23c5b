/* The `hashlib` module: sha256 (FIPS 180-4), updated by pieces, digest at any time. */
#include <string.h>

#include "builtins.h"
#include "exc.h"
#include "gc.h"
#include "module.h"

typedef struct {
    mpf_obj_base_t base;
    uint32_t h[8];
    uint64_t length; /* bytes hashed so far */
    uint8_t block[64];
} sha256_t;

static const uint32_t k256[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static uint32_t rotr(uint32_t x, unsigned n) {
    return x >> n | x << (32 - n);
}

static void compress(uint32_t h[8], const uint8_t *block) {
    uint32_t w[64];
    for (int i = 0; i < 16; ++i) {
        w[i] = (uint32_t)block[4 * i] << 24 | (uint32_t)block[4 * i + 1] << 16 |
               (uint32_t)block[4 * i + 2] << 8 | block[4 * i + 3];
    }
    for (int i = 16; i < 64; ++i) {
        uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
        uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint32_t v[8];
    memcpy(v, h, sizeof v);
    for (int i = 0; i < 64; ++i) {
        uint32_t t1 = v[7] + (rotr(v[4], 6) ^ rotr(v[4], 11) ^ rotr(v[4], 25)) +
                      ((v[4] & v[5]) ^ (~v[4] & v[6])) + k256[i] + w[i];
        uint32_t t2 = (rotr(v[0], 2) ^ rotr(v[0], 13) ^ rotr(v[0], 22)) +
                      ((v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]));
        memmove(v + 1, v, 7 * sizeof(uint32_t));
        v[4] += t1;
        v[0] = t1 + t2;
    }
    for (int i = 0; i < 8; ++i) {
        h[i] += v[i];
    }
}

static void sha256_add(sha256_t *s, const uint8_t *data, size_t len) {
    for (size_t i = 0; i < len; ++i) {
        s->block[s->length++ % 64] = data[i];
        if (s->length % 64 == 0) {
            compress(s->h, s->block);
        }
    }
}

static void sha256_update_with(sha256_t *s, mpf_obj_t data) {
    char *p;
    size_t len;
    if (!mpf_get_buffer(data, &p, &len)) {
        mpf_raise_msg(&mpf_type_TypeError, "object with buffer protocol required");
    }
    sha256_add(s, (const uint8_t *)p, len);
}

static const mpf_type_t sha256_type;

static mpf_obj_t sha256_make_new(mpf_obj_t type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)type;
    if (n_args > 1 || n_kw != 0) {
        mpf_raise_msg(&mpf_type_TypeError, "function takes at most 1 argument");
    }
    static const uint32_t h0[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
        0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    sha256_t *s = mpf_alloc(sizeof(*s));
    s->base.type = &sha256_type;
    memcpy(s->h, h0, sizeof h0);
    if (n_args) {
        sha256_update_with(s, args[0]);
    }
    return s;
}

static mpf_obj_t sha256_update(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_args;
    (void)n_kw;
    sha256_update_with(args[0], args[1]);
    return mpf_const_none;
}
MPF_BUILTIN_OBJ(update_obj, MP_QSTR_update, sha256_update);

/* the digest of what was added so far; the object can take more afterwards */
static mpf_obj_t sha256_digest(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_args;
    (void)n_kw;
    sha256_t fin = *(const sha256_t *)args[0];
    uint64_t bits = fin.length * 8;
    static const uint8_t one = 0x80, zero = 0;
    sha256_add(&fin, &one, 1);
    while (fin.length % 64 != 56) {
        sha256_add(&fin, &zero, 1);
    }
    for (int i = 7; i >= 0; --i) {
        uint8_t b = (uint8_t)(bits >> (8 * i));
        sha256_add(&fin, &b, 1);
    }
    mpf_str_t *r = mpf_bytes_new(&mpf_type_bytes, NULL, 32);
    uint8_t *o = (uint8_t *)r->data;
    for (int i = 0; i < 8; ++i) {
        o[4 * i] = (uint8_t)(fin.h[i] >> 24);
        o[4 * i + 1] = (uint8_t)(fin.h[i] >> 16);
        o[4 * i + 2] = (uint8_t)(fin.h[i] >> 8);
        o[4 * i + 3] = (uint8_t)fin.h[i];
    }
    return r;
}
MPF_BUILTIN_OBJ(digest_obj, MP_QSTR_digest, sha256_digest);

static const mpf_method_t sha256_methods[] = {
    {MP_QSTR_update, &update_obj},
    {MP_QSTR_digest, &digest_obj},
};

static const mpf_type_t sha256_type = {
    .base = {&mpf_type_type},
    .name = MP_QSTR_sha256,
    .methods = sha256_methods,
    .n_methods = sizeof(sha256_methods) / sizeof(sha256_methods[0]),
    .make_new = sha256_make_new,
};

static const mpf_builtin_entry_t hashlib_table[] = {
    {MP_QSTR_sha256, &sha256_type},
    {0, NULL},
};

MPF_BUILTIN_MODULE(mpf_module_hashlib, MP_QSTR_hashlib, hashlib_table);
