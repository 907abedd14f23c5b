/* bytes (immutable, laid out as str with its own type), bytearray (the same layout with
 * room to grow, so every reader of bytes reads it too) and memoryview (a window on
 * either). Their text methods are str's, in objstr.c. */
#include <string.h>

#include "exc.h"
#include "format.h"
#include "gc.h"
#include "genhdr/opcodes.h"
#include "print.h"
#include "textmethods.h"

typedef struct {
    mpf_str_t s; /* data on the heap, written in place */
    size_t alloc;
} mpf_bytearray_t;

typedef struct {
    mpf_obj_base_t base;
    mpf_obj_t obj; /* bytes or bytearray; the data is read through it (a bytearray may move) */
    size_t start, len;
} mpf_memoryview_t;

static bool is_type(mpf_obj_t o, const mpf_type_t *t) {
    return MPF_OBJ_IS_PTR(o) && MPF_OBJ_TYPE_OF_PTR(o) == t;
}

mpf_obj_t mpf_bytes_new(const mpf_type_t *type, const char *data, size_t len) {
    if (type == &mpf_type_bytearray) {
        mpf_bytearray_t *b = mpf_alloc(sizeof(*b));
        b->s.base.type = type;
        b->alloc = len ? len : 1;
        char *d = mpf_alloc(b->alloc);
        if (data != NULL) {
            memcpy(d, data, len);
        }
        b->s.data = d;
        b->s.len = len;
        return b;
    }
    char *d;
    mpf_str_t *s = mpf_obj_new_str_uninit(len, &d);
    if (data != NULL) {
        memcpy(d, data, len);
    } else {
        memset(d, 0, len);
    }
    s->base.type = type;
    return s;
}

bool mpf_get_buffer(mpf_obj_t o, char **data, size_t *len) {
    if (is_type(o, &mpf_type_bytes) || is_type(o, &mpf_type_bytearray)) {
        const mpf_str_t *s = o;
        *data = (char *)s->data;
        *len = s->len;
        return true;
    }
    if (is_type(o, &mpf_type_memoryview)) {
        const mpf_memoryview_t *m = o;
        const mpf_str_t *s = m->obj;
        size_t start = m->start < s->len ? m->start : s->len;
        *data = (char *)s->data + start;
        *len = m->len < s->len - start ? m->len : s->len - start;
        return true;
    }
    const mpf_type_t *t = mpf_obj_get_type(o);
    if (t->buffer != NULL && t->buffer(o, data, len)) {
        return true;
    }
    *data = NULL;
    *len = 0;
    return false;
}

static void bytes_print(mpf_print_t *p, mpf_obj_t self, bool repr) {
    (void)repr;
    char *data;
    size_t len;
    mpf_get_buffer(self, &data, &len);
    bool array = is_type(self, &mpf_type_bytearray);
    if (array) {
        mpf_print_str(p, "bytearray(");
    }
    char quote = memchr(data, '\'', len) && !memchr(data, '"', len) ? '"' : '\'';
    mpf_print_strn(p, "b", 1);
    mpf_print_strn(p, &quote, 1);
    static const char hex[] = "0123456789abcdef";
    for (size_t i = 0; i < len; ++i) {
        unsigned char c = (unsigned char)data[i];
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
            mpf_print_strn(p, &data[i], 1);
        }
    }
    mpf_print_strn(p, &quote, 1);
    if (array) {
        mpf_print_str(p, ")");
    }
}

static size_t bytes_len(mpf_obj_t self) {
    char *data;
    size_t len;
    mpf_get_buffer(self, &data, &len);
    return len;
}

static mpf_obj_t bytes_iternext(mpf_obj_t self, size_t *pos) {
    char *data;
    size_t len;
    mpf_get_buffer(self, &data, &len);
    if (*pos >= len) {
        return MPF_OBJ_NULL;
    }
    return MPF_OBJ_NEW_SMALL_INT((unsigned char)data[(*pos)++]);
}

static int byte_value(mpf_obj_t o) {
    if (!mpf_obj_is_int(o)) {
        mpf_raise_msg(&mpf_type_TypeError, "'%s' object cannot be interpreted as an integer", mpf_obj_type_name(o));
    }
    mpf_int_t v = mpf_obj_int_value(o);
    if (v < 0 || v > 255) {
        mpf_raise_msg(&mpf_type_ValueError, "bytes must be in range(0, 256)");
    }
    return (int)v;
}

/* the bytes of a buffer, or of an iterable of ints in 0..255, as a new bytes-like object */
static mpf_obj_t bytes_from(const mpf_type_t *type, mpf_obj_t src) {
    char *data;
    size_t len;
    if (mpf_get_buffer(src, &data, &len)) {
        return mpf_bytes_new(type, data, len);
    }
    const mpf_list_t *l = mpf_list_from_iter(src);
    mpf_obj_t out = mpf_bytes_new(type, NULL, l->len);
    mpf_get_buffer(out, &data, &len);
    for (size_t i = 0; i < l->len; ++i) {
        data[i] = (char)byte_value(l->items[i]);
    }
    return out;
}

/* bytearray contents [at, at + old) become `n` bytes from `src` (NULL: zeros) */
static void bytearray_splice(mpf_obj_t self, size_t at, size_t old, const char *src, size_t n) {
    mpf_bytearray_t *b = self;
    size_t len = b->s.len - old + n;
    if (len > b->alloc) {
        size_t alloc = b->alloc * 2 > len ? b->alloc * 2 : len;
        char *d = mpf_alloc(alloc);
        memcpy(d, b->s.data, b->s.len);
        /* src may point into the old data: it stays valid, the old block is only dropped */
        b->s.data = d;
        b->alloc = alloc;
    }
    char *d = (char *)b->s.data;
    memmove(d + at + n, d + at + old, b->s.len - at - old);
    if (src != NULL) {
        memmove(d + at, src, n);
    } else {
        memset(d + at, 0, n);
    }
    b->s.len = len;
}

static mpf_obj_t bytes_subscr(mpf_obj_t self, mpf_obj_t index, mpf_obj_t value) {
    char *data;
    size_t len;
    mpf_get_buffer(self, &data, &len);
    const mpf_type_t *type = MPF_OBJ_TYPE_OF_PTR(self);
    bool array = type == &mpf_type_bytearray, view = type == &mpf_type_memoryview;
    if (value != MPF_SUBSCR_LOAD && !array && !view) {
        mpf_raise_msg(&mpf_type_TypeError, "'%q' object doesn't support item assignment", type->name);
    }
    mpf_int_t start, step;
    size_t count;
    if (mpf_slice_indices(index, len, &start, &step, &count)) {
        if (view) {
            if (step != 1) {
                mpf_raise_msg(&mpf_type_NotImplementedError, "only slices with step=1 (aka None) are supported");
            }
            if (value != MPF_SUBSCR_LOAD) {
                char *src;
                size_t n;
                if (value == MPF_OBJ_NULL || !mpf_get_buffer(value, &src, &n) || n != count) {
                    mpf_raise_msg(&mpf_type_ValueError, "memoryview assignment: lvalue and rvalue have different structures");
                }
                memmove(data + start, src, n);
                return mpf_const_none;
            }
            const mpf_memoryview_t *m = self;
            mpf_memoryview_t *r = mpf_alloc(sizeof(*r));
            r->base.type = &mpf_type_memoryview;
            r->obj = m->obj;
            r->start = m->start + (size_t)start;
            r->len = count;
            return r;
        }
        if (value == MPF_SUBSCR_LOAD) {
            mpf_obj_t out = mpf_bytes_new(type, NULL, count);
            char *d;
            size_t n;
            mpf_get_buffer(out, &d, &n);
            for (size_t i = 0; i < count; ++i) {
                d[i] = data[start + (mpf_int_t)i * step];
            }
            return out;
        }
        if (step != 1) {
            /* an extended slice: delete its bytes, or replace them one for one */
            const mpf_str_t *src = value == MPF_OBJ_NULL ? NULL : bytes_from(&mpf_type_bytes, value);
            if (src != NULL && src->len != count) {
                mpf_raise_msg(&mpf_type_ValueError, "attempt to assign bytes of size %d to extended slice of size %d",
                    (int)src->len, (int)count);
            }
            for (size_t i = count; i-- > 0;) {
                size_t at = (size_t)(start + (mpf_int_t)i * step);
                if (src != NULL) {
                    data[at] = src->data[i];
                } else {
                    bytearray_splice(self, at, 1, NULL, 0);
                }
            }
            return mpf_const_none;
        }
        const mpf_str_t *src = value == MPF_OBJ_NULL ? NULL : bytes_from(&mpf_type_bytes, value);
        bytearray_splice(self, (size_t)start, count, src ? src->data : "", src ? src->len : 0);
        return mpf_const_none;
    }
    size_t i = mpf_seq_index(index, len, view ? "memoryview" : type == &mpf_type_bytes ? "bytes" : "bytearray");
    if (value == MPF_SUBSCR_LOAD) {
        return MPF_OBJ_NEW_SMALL_INT((unsigned char)data[i]);
    }
    if (value == MPF_OBJ_NULL) {
        if (view) {
            mpf_raise_msg(&mpf_type_TypeError, "'memoryview' object doesn't support item deletion");
        }
        bytearray_splice(self, i, 1, NULL, 0);
    } else {
        data[i] = (char)byte_value(value);
    }
    return mpf_const_none;
}

static mpf_obj_t bytes_binary_op(unsigned op, mpf_obj_t lhs, mpf_obj_t rhs) {
    char *a, *b;
    size_t la, lb;
    mpf_get_buffer(lhs, &a, &la);
    const mpf_type_t *type = MPF_OBJ_TYPE_OF_PTR(lhs);
    if (op == MP_BINARY_OP_MODULO && type != &mpf_type_memoryview) {
        return mpf_str_modulo(lhs, rhs); /* str's formatter, bytes in and out */
    }
    if (op == MP_BINARY_OP_IN && mpf_obj_is_int(rhs)) {
        return MPF_OBJ_BOOL(memchr(a, byte_value(rhs), la) != NULL);
    }
    if (op == MP_BINARY_OP_MULTIPLY || op == MP_BINARY_OP_INPLACE_MULTIPLY) {
        if (!mpf_obj_is_int(rhs)) {
            return MPF_OBJ_NULL;
        }
        mpf_int_t n = mpf_obj_int_value(rhs);
        n = n < 0 ? 0 : n;
        if (la && (size_t)n > SIZE_MAX / 2 / la) {
            mpf_raise_memory_error();
        }
        mpf_obj_t out = mpf_bytes_new(type, NULL, la * (size_t)n);
        char *d;
        size_t nd;
        mpf_get_buffer(out, &d, &nd);
        for (mpf_int_t i = 0; i < n; ++i) {
            memcpy(d + (size_t)i * la, a, la);
        }
        return out;
    }
    if (!mpf_get_buffer(rhs, &b, &lb)) {
        if (op == MP_BINARY_OP_EQUAL || op == MP_BINARY_OP_NOT_EQUAL) {
            return MPF_OBJ_BOOL(op == MP_BINARY_OP_NOT_EQUAL);
        }
        return MPF_OBJ_NULL;
    }
    int c = memcmp(a, b, la < lb ? la : lb);
    c = c ? c : (la < lb ? -1 : la > lb);
    switch (op) {
        case MP_BINARY_OP_EQUAL:
            return MPF_OBJ_BOOL(c == 0);
        case MP_BINARY_OP_NOT_EQUAL:
            return MPF_OBJ_BOOL(c != 0);
        case MP_BINARY_OP_LESS:
            return MPF_OBJ_BOOL(c < 0);
        case MP_BINARY_OP_MORE:
            return MPF_OBJ_BOOL(c > 0);
        case MP_BINARY_OP_LESS_EQUAL:
            return MPF_OBJ_BOOL(c <= 0);
        case MP_BINARY_OP_MORE_EQUAL:
            return MPF_OBJ_BOOL(c >= 0);
        case MP_BINARY_OP_INPLACE_ADD:
        case MP_BINARY_OP_ADD: {
            if (type == &mpf_type_bytearray && op == MP_BINARY_OP_INPLACE_ADD) {
                bytearray_splice(lhs, la, 0, b, lb);
                return lhs;
            }
            if (type == &mpf_type_memoryview) {
                return MPF_OBJ_NULL;
            }
            mpf_obj_t out = mpf_bytes_new(type, NULL, la + lb);
            char *d;
            size_t nd;
            mpf_get_buffer(out, &d, &nd);
            memcpy(d, a, la);
            memcpy(d + la, b, lb);
            return out;
        }
        case MP_BINARY_OP_IN:
            for (size_t i = 0; lb <= la && i <= la - lb; ++i) {
                if (memcmp(a + i, b, lb) == 0) {
                    return mpf_const_true;
                }
            }
            return mpf_const_false;
        default:
            return MPF_OBJ_NULL;
    }
}

/* bytes() and bytearray(): (), (n), (str, encoding), (buffer), (iterable of ints) */
static mpf_obj_t bytes_make_new(mpf_obj_t type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    if (n_args == 0) {
        return mpf_bytes_new(type, "", 0);
    }
    if (mpf_obj_is_str(args[0])) {
        if (n_args < 2) {
            mpf_raise_msg(&mpf_type_TypeError, "string argument without an encoding");
        }
        size_t len;
        const char *s = mpf_obj_str_data(args[0], &len);
        return mpf_bytes_new(type, s, len);
    }
    if (mpf_obj_is_int(args[0])) {
        mpf_int_t n = mpf_obj_int_value(args[0]);
        if (n < 0) {
            mpf_raise_msg(&mpf_type_ValueError, "negative count");
        }
        return mpf_bytes_new(type, NULL, (size_t)n);
    }
    if (type == &mpf_type_bytes && is_type(args[0], &mpf_type_bytes)) {
        return args[0];
    }
    return bytes_from(type, args[0]);
}

static mpf_obj_t memoryview_make_new(mpf_obj_t type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)type;
    char *data;
    size_t len;
    if (n_kw || n_args != 1) {
        mpf_raise_msg(&mpf_type_TypeError, "function takes 1 positional arguments but %d were given", (int)n_args);
    }
    if (is_type(args[0], &mpf_type_memoryview)) {
        return args[0];
    }
    if (!mpf_get_buffer(args[0], &data, &len)) {
        mpf_raise_msg(&mpf_type_TypeError, "object with buffer protocol required");
    }
    mpf_memoryview_t *m = mpf_alloc(sizeof(*m));
    m->base.type = &mpf_type_memoryview;
    m->obj = args[0];
    m->start = 0;
    m->len = len;
    return m;
}

static void memoryview_print(mpf_print_t *p, mpf_obj_t self, bool repr) {
    (void)self;
    (void)repr;
    mpf_print_str(p, "<memoryview>");
}

/* --- bytearray's own methods (the text methods it shares with bytes are in objstr.c) --- */

static mpf_obj_t bytearray_append(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_args;
    (void)n_kw;
    char c = (char)byte_value(args[1]);
    bytearray_splice(args[0], ((const mpf_str_t *)args[0])->len, 0, &c, 1);
    return mpf_const_none;
}

static mpf_obj_t bytearray_extend(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_args;
    (void)n_kw;
    const mpf_str_t *src = bytes_from(&mpf_type_bytes, args[1]);
    bytearray_splice(args[0], ((const mpf_str_t *)args[0])->len, 0, src->data, src->len);
    return mpf_const_none;
}

/* bytes.decode([encoding[, errors]]): the text, which is UTF-8 already */
static mpf_obj_t bytes_decode(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_args;
    (void)n_kw;
    char *data;
    size_t len;
    mpf_get_buffer(args[0], &data, &len);
    return mpf_obj_new_str(data, len);
}

/* str.encode([encoding]): the UTF-8 bytes */
mpf_obj_t mpf_str_encode(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_args;
    (void)n_kw;
    size_t len;
    const char *s = mpf_obj_str_data(args[0], &len);
    return mpf_bytes_new(&mpf_type_bytes, s, len);
}

/* bytes.hex(): two lower-case hex digits a byte */
static mpf_obj_t bytes_hex(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_args;
    (void)n_kw;
    char *data, *d;
    size_t len;
    mpf_get_buffer(args[0], &data, &len);
    mpf_obj_t out = mpf_obj_new_str_uninit(2 * len, &d);
    for (size_t i = 0; i < len; ++i) {
        d[2 * i] = "0123456789abcdef"[(unsigned char)data[i] >> 4];
        d[2 * i + 1] = "0123456789abcdef"[data[i] & 15];
    }
    return out;
}

static const mpf_builtin_t bytes_hex_obj = {{&mpf_type_builtin}, MP_QSTR_hex, bytes_hex};
static const mpf_builtin_t bytes_decode_obj = {{&mpf_type_builtin}, MP_QSTR_decode, bytes_decode};
static const mpf_builtin_t bytearray_append_obj = {{&mpf_type_builtin}, MP_QSTR_append, bytearray_append};
static const mpf_builtin_t bytearray_extend_obj = {{&mpf_type_builtin}, MP_QSTR_extend, bytearray_extend};

static const mpf_method_t bytes_methods[] = {
    MPF_TEXT_METHODS(MPF_TEXT_METHOD_ENTRY)
    {MP_QSTR_decode, &bytes_decode_obj},
    {MP_QSTR_hex, &bytes_hex_obj},
};

static const mpf_method_t bytearray_methods[] = {
    MPF_TEXT_METHODS(MPF_TEXT_METHOD_ENTRY)
    {MP_QSTR_decode, &bytes_decode_obj},
    {MP_QSTR_hex, &bytes_hex_obj},
    {MP_QSTR_append, &bytearray_append_obj},
    {MP_QSTR_extend, &bytearray_extend_obj},
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
    .n_methods = sizeof(bytes_methods) / sizeof(bytes_methods[0]),
    .make_new = bytes_make_new,
};

const mpf_type_t mpf_type_bytearray = {
    .base = {&mpf_type_type},
    .name = MP_QSTR_bytearray,
    .print = bytes_print,
    .binary_op = bytes_binary_op,
    .subscr = bytes_subscr,
    .iternext = bytes_iternext,
    .len = bytes_len,
    .methods = bytearray_methods,
    .n_methods = sizeof(bytearray_methods) / sizeof(bytearray_methods[0]),
    .make_new = bytes_make_new,
};

const mpf_type_t mpf_type_memoryview = {
    .base = {&mpf_type_type},
    .name = MP_QSTR_memoryview,
    .print = memoryview_print,
    .binary_op = bytes_binary_op,
    .subscr = bytes_subscr,
    .iternext = bytes_iternext,
    .len = bytes_len,
    .make_new = memoryview_make_new,
};
