/* bytes: immutable byte strings, laid out as str (mpf_str_t) with their own type. */
#include <string.h>

#include "exc.h"
#include "genhdr/opcodes.h"
#include "print.h"

static mpf_obj_t bytes_new(const char *data, size_t len) {
    mpf_str_t *s = mpf_obj_new_str(data, len);
    s->base.type = &mpf_type_bytes;
    return s;
}

static const mpf_str_t *as_bytes(mpf_obj_t o) {
    return o;
}

static void bytes_print(mpf_print_t *p, mpf_obj_t self, bool repr) {
    (void)repr;
    const mpf_str_t *b = as_bytes(self);
    char quote = memchr(b->data, '\'', b->len) && !memchr(b->data, '"', b->len) ? '"' : '\'';
    mpf_print_strn(p, "b", 1);
    mpf_print_strn(p, &quote, 1);
    static const char hex[] = "0123456789abcdef";
    for (size_t i = 0; i < b->len; ++i) {
        unsigned char c = (unsigned char)b->data[i];
        if (c == (unsigned char)quote || c == '\\') {
            char esc[2] = {'\\', (char)c};
            mpf_print_strn(p, esc, 2);
        } else if (c == '\n') {
            mpf_print_str(p, "\\n");
        } else if (c == '\r') {
            mpf_print_str(p, "\\r");
        } else if (c == '\t') {
            mpf_print_str(p, "\\t");
        } else if (c < 0x20 || c >= 0x7f) {
            char esc[4] = {'\\', 'x', hex[c >> 4], hex[c & 15]};
            mpf_print_strn(p, esc, 4);
        } else {
            mpf_print_strn(p, (const char *)&b->data[i], 1);
        }
    }
    mpf_print_strn(p, &quote, 1);
}

static size_t bytes_len(mpf_obj_t self) {
    return as_bytes(self)->len;
}

static mpf_obj_t bytes_iternext(mpf_obj_t self, size_t *pos) {
    const mpf_str_t *b = as_bytes(self);
    if (*pos >= b->len) {
        return MPF_OBJ_NULL;
    }
    return MPF_OBJ_NEW_SMALL_INT((unsigned char)b->data[(*pos)++]);
}

static mpf_obj_t bytes_subscr(mpf_obj_t self, mpf_obj_t index, mpf_obj_t value) {
    const mpf_str_t *b = as_bytes(self);
    if (value != MPF_SUBSCR_LOAD) {
        mpf_raise_msg(&mpf_type_TypeError, "'bytes' object doesn't support item assignment");
    }
    mpf_int_t start, step;
    size_t count;
    if (mpf_slice_indices(index, b->len, &start, &step, &count)) {
        char *w;
        mpf_str_t *out = mpf_obj_new_str_uninit(count, &w);
        for (size_t i = 0; i < count; ++i) {
            w[i] = b->data[start + (mpf_int_t)i * step];
        }
        out->base.type = &mpf_type_bytes;
        return out;
    }
    return MPF_OBJ_NEW_SMALL_INT((unsigned char)b->data[mpf_seq_index(index, b->len, "bytes")]);
}

static bool is_bytes(mpf_obj_t o) {
    return MPF_OBJ_IS_PTR(o) && MPF_OBJ_TYPE_OF_PTR(o) == &mpf_type_bytes;
}

static mpf_obj_t bytes_binary_op(unsigned op, mpf_obj_t lhs, mpf_obj_t rhs) {
    const mpf_str_t *a = as_bytes(lhs);
    if (op == MP_BINARY_OP_IN && mpf_obj_is_int(rhs)) {
        mpf_int_t v = mpf_obj_int_value(rhs);
        return MPF_OBJ_BOOL(v >= 0 && v < 256 && memchr(a->data, (int)v, a->len) != NULL);
    }
    if (!is_bytes(rhs)) {
        return op == MP_BINARY_OP_EQUAL ? mpf_const_false : MPF_OBJ_NULL;
    }
    const mpf_str_t *b = as_bytes(rhs);
    size_t n = a->len < b->len ? a->len : b->len;
    int c = memcmp(a->data, b->data, n);
    c = c ? c : (a->len < b->len ? -1 : a->len > b->len);
    switch (op) {
        case MP_BINARY_OP_EQUAL:
            return MPF_OBJ_BOOL(c == 0);
        case MP_BINARY_OP_LESS:
            return MPF_OBJ_BOOL(c < 0);
        case MP_BINARY_OP_MORE:
            return MPF_OBJ_BOOL(c > 0);
        case MP_BINARY_OP_LESS_EQUAL:
            return MPF_OBJ_BOOL(c <= 0);
        case MP_BINARY_OP_MORE_EQUAL:
            return MPF_OBJ_BOOL(c >= 0);
        case MP_BINARY_OP_ADD:
        case MP_BINARY_OP_INPLACE_ADD: {
            char *d;
            mpf_str_t *out = mpf_obj_new_str_uninit(a->len + b->len, &d);
            memcpy(d, a->data, a->len);
            memcpy(d + a->len, b->data, b->len);
            out->base.type = &mpf_type_bytes;
            return out;
        }
        case MP_BINARY_OP_IN:
            for (size_t i = 0; b->len <= a->len && i <= a->len - b->len; ++i) {
                if (memcmp(a->data + i, b->data, b->len) == 0) {
                    return mpf_const_true;
                }
            }
            return mpf_const_false;
        default:
            return MPF_OBJ_NULL;
    }
}

/* bytes(), bytes(n), bytes(str, encoding), bytes(iterable of ints) */
static mpf_obj_t bytes_make_new(mpf_obj_t type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)type;
    (void)n_kw;
    if (n_args == 0) {
        return bytes_new(NULL, 0);
    }
    if (mpf_obj_is_str(args[0])) {
        if (n_args < 2) {
            mpf_raise_msg(&mpf_type_TypeError, "string argument without an encoding");
        }
        size_t len;
        const char *s = mpf_obj_str_data(args[0], &len);
        return bytes_new(s, len);
    }
    if (MPF_OBJ_IS_SMALL_INT(args[0])) {
        mpf_int_t n = MPF_OBJ_SMALL_INT_VALUE(args[0]);
        if (n < 0) {
            mpf_raise_msg(&mpf_type_ValueError, "negative count");
        }
        char *d;
        mpf_str_t *out = mpf_obj_new_str_uninit((size_t)n, &d);
        memset(d, 0, (size_t)n);
        out->base.type = &mpf_type_bytes;
        return out;
    }
    if (is_bytes(args[0])) {
        return args[0];
    }
    const mpf_list_t *l = mpf_list_from_iter(args[0]);
    char *d;
    mpf_str_t *out = mpf_obj_new_str_uninit(l->len, &d);
    for (size_t i = 0; i < l->len; ++i) {
        mpf_int_t v = mpf_obj_is_int(l->items[i]) ? mpf_obj_int_value(l->items[i]) : -1;
        if (v < 0 || v > 255) {
            mpf_raise_msg(&mpf_type_ValueError, "bytes must be in range(0, 256)");
        }
        d[i] = (char)v;
    }
    out->base.type = &mpf_type_bytes;
    return out;
}

static mpf_obj_t bytes_decode(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_args;
    (void)n_kw;
    const mpf_str_t *b = as_bytes(args[0]);
    return mpf_obj_new_str(b->data, b->len);
}

static const mpf_builtin_t bytes_decode_obj = {{&mpf_type_builtin}, MP_QSTR_decode, bytes_decode};
static const mpf_method_t bytes_methods[] = {
    {MP_QSTR_decode, &bytes_decode_obj},
};

const mpf_type_t mpf_type_bytes = {
    .base = {&mpf_type_type},
    .name = MP_QSTR_bytes,
    .print = bytes_print,
    .binary_op = bytes_binary_op,
    .subscr = bytes_subscr,
    .iternext = bytes_iternext,
    .len = bytes_len,
    .methods = bytes_methods,
    .n_methods = 1,
    .make_new = bytes_make_new,
};

/* str.encode([encoding]): the UTF-8 bytes */
mpf_obj_t mpf_str_encode(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_args;
    (void)n_kw;
    size_t len;
    const char *s = mpf_obj_str_data(args[0], &len);
    return bytes_new(s, len);
}
