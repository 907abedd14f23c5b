#include "bc.h"

int mpf_bc_decode_uint(const uint8_t **pos, const uint8_t *end, size_t *value) {
    const uint8_t *p = *pos;
    size_t v = 0;
    do {
        if (p >= end) {
            return -1;
        }
        v = (v << 7) | (*p & 0x7f);
    } while (*p++ & 0x80);
    *pos = p;
    *value = v;
    return 0;
}

int mpf_bc_decode_prelude(const uint8_t *fun_data, const uint8_t *end, mpf_prelude_t *p) {
    const uint8_t *ip = fun_data;
    /* signature: first byte xSSSSEAA, then xFSSKAED while the top bit is set */
    if (ip >= end) {
        return -1;
    }
    uint8_t z = *ip++;
    size_t s = (z >> 3) & 0xf, e = (z >> 2) & 1, f = 0, a = z & 3, k = 0, d = 0;
    for (unsigned n = 0; z & 0x80; ++n) {
        if (ip >= end || n >= 8) {
            return -1;
        }
        z = *ip++;
        s |= (size_t)(z & 0x30) << (2 * n);
        e |= (size_t)(z & 0x02) << n;
        f |= (size_t)((z & 0x40) >> 6) << n;
        a |= (size_t)(z & 0x04) << n;
        k |= (size_t)((z & 0x08) >> 3) << n;
        d |= (size_t)(z & 0x01) << n;
    }
    p->n_state = s + 1;
    p->n_exc_stack = e;
    p->scope_flags = f;
    p->n_pos_args = a;
    p->n_kwonly_args = k;
    p->n_def_pos_args = d;
    /* size: xIIIIIIC repeated */
    size_t n_info = 0, n_cell = 0;
    for (unsigned n = 0;; ++n) {
        if (ip >= end || n >= 5) {
            return -1;
        }
        z = *ip++;
        n_cell |= (size_t)(z & 1) << n;
        n_info |= (size_t)((z & 0x7e) >> 1) << (6 * n);
        if (!(z & 0x80)) {
            break;
        }
    }
    p->n_info = n_info;
    p->n_cell = n_cell;
    if (n_info + n_cell > (size_t)(end - ip)) {
        return -1;
    }
    p->info = ip;
    p->code = ip + n_info + n_cell;
    p->name_index = 0;
    p->line_info = NULL;
    return 0;
}

int mpf_bc_decode_names(mpf_prelude_t *p) {
    const uint8_t *ip = p->info;
    const uint8_t *info_end = ip + p->n_info;
    if (mpf_bc_decode_uint(&ip, info_end, &p->name_index) != 0) {
        return -1;
    }
    for (size_t i = 0; i < p->n_pos_args + p->n_kwonly_args; ++i) {
        size_t idx;
        if (mpf_bc_decode_uint(&ip, info_end, &idx) != 0) {
            return -1;
        }
    }
    p->line_info = ip;
    return 0;
}

size_t mpf_bc_arg_name_index(const mpf_prelude_t *p, size_t i) {
    const uint8_t *ip = p->info;
    const uint8_t *end = p->info + p->n_info;
    size_t idx = 0;
    mpf_bc_decode_uint(&ip, end, &idx); /* the function's own name */
    for (size_t j = 0; j <= i; ++j) {
        mpf_bc_decode_uint(&ip, end, &idx);
    }
    return idx;
}

size_t mpf_bc_source_line(const mpf_prelude_t *p, size_t bc_offset) {
    const uint8_t *li = p->line_info;
    const uint8_t *top = p->info + p->n_info;
    size_t line = 1;
    while (li < top) {
        size_t b, l;
        if (!(li[0] & 0x80)) {
            /* 0b0LLBBBBB */
            b = li[0] & 0x1f;
            l = li[0] >> 5;
            li += 1;
        } else {
            /* 0b1LLLBBBB 0bLLLLLLLL */
            if (li + 1 >= top) {
                break;
            }
            b = li[0] & 0xf;
            l = ((size_t)(li[0] << 4) & 0x700) | li[1];
            li += 2;
        }
        if (bc_offset < b) {
            break;
        }
        bc_offset -= b;
        line += l;
    }
    return line;
}
