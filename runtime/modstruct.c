/* The `struct` module: pack and unpack values by a format string, with MicroPython's
 * typecodes (binary.h) and 's' for bytes; '@' (the default) native, '=' '<' little,
 * '>' '!' big endian. */
#include <string.h>

#include "binary.h"
#include "builtins.h"
#include "exc.h"
#include "module.h"

/* one step of a format: `count` values of `code` (or, for 's', one of count bytes) */
typedef struct {
    const char *p, *end;
    char order;
} fmt_t;

static fmt_t fmt_open(mpf_obj_t fmt) {
    size_t len;
    if (!mpf_obj_is_str(fmt)) {
        mpf_raise_msg(&mpf_type_TypeError, "format must be str");
    }
    fmt_t f;
    f.p = mpf_obj_str_data(fmt, &len);
    f.end = f.p + len;
    f.order = '@';
    if (f.p < f.end && strchr("@=<>!", *f.p) != NULL) {
        f.order = *f.p == '=' ? '<' : *f.p == '!' ? '>' : *f.p;
        ++f.p;
    }
    return f;
}

static bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

/* the next code and its count; false at the end */
static bool fmt_next(fmt_t *f, char *code, size_t *count) {
    while (f->p < f->end && *f->p == ' ') {
        ++f->p;
    }
    if (f->p == f->end) {
        return false;
    }
    size_t n = 1;
    if (is_digit(*f->p)) {
        n = 0;
        while (f->p < f->end && is_digit(*f->p)) {
            n = n * 10 + (size_t)(*f->p++ - '0');
        }
    }
    if (f->p == f->end) {
        mpf_raise_msg(&mpf_type_ValueError, "bad typecode");
    }
    *code = *f->p++;
    *count = n;
    return true;
}

static size_t code_size(const fmt_t *f, char code, size_t *align) {
    if (code == 's' || code == 'x') {
        *align = 1;
        return 1;
    }
    size_t size = mpf_binary_size(f->order, code, align);
    if (size == 0) {
        mpf_raise_msg(&mpf_type_ValueError, "bad typecode");
    }
    return size;
}

static size_t calcsize(mpf_obj_t fmt, size_t *n_values) {
    fmt_t f = fmt_open(fmt);
    size_t total = 0, n = 0, count, align;
    char code;
    while (fmt_next(&f, &code, &count)) {
        size_t size = code_size(&f, code, &align);
        total = (total + align - 1) / align * align + size * count;
        n += code == 's' ? 1 : code == 'x' ? 0 : count;
    }
    *n_values = n;
    return total;
}

static mpf_obj_t struct_calcsize(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_args;
    (void)n_kw;
    size_t n;
    return MPF_OBJ_NEW_SMALL_INT(calcsize(args[0], &n));
}
MPF_BUILTIN_OBJ(calcsize_obj, MP_QSTR_calcsize, struct_calcsize);

/* the values of fmt from p (which has room for them all), as a tuple */
static mpf_obj_t unpack_at(mpf_obj_t fmt, const uint8_t *p, size_t n_values) {
    mpf_tuple_t *t = mpf_tuple_new(n_values, NULL);
    fmt_t f = fmt_open(fmt);
    const uint8_t *start = p;
    size_t i = 0, count, align;
    char code;
    while (fmt_next(&f, &code, &count)) {
        size_t size = code_size(&f, code, &align);
        p = start + ((size_t)(p - start) + align - 1) / align * align;
        if (code == 's') {
            t->items[i++] = mpf_bytes_new(&mpf_type_bytes, (const char *)p, count);
            p += count;
            continue;
        }
        for (size_t k = 0; k < count; ++k, p += size) {
            if (code != 'x') {
                t->items[i++] = mpf_binary_get(f.order, code, p);
            }
        }
    }
    return t;
}

/* the values packed into p (zeroed, room for them all); TypeError when the count
 * of values is not the format's */
static void pack_at(mpf_obj_t fmt, uint8_t *p, size_t n_args, const mpf_obj_t *args) {
    fmt_t f = fmt_open(fmt);
    uint8_t *start = p;
    size_t i = 0, count, align;
    char code;
    while (fmt_next(&f, &code, &count)) {
        size_t size = code_size(&f, code, &align);
        p = start + ((size_t)(p - start) + align - 1) / align * align;
        if (code == 's') {
            char *data;
            size_t len;
            if (i >= n_args || !mpf_get_buffer(args[i++], &data, &len)) {
                mpf_raise_msg(&mpf_type_TypeError, "argument for 's' must be bytes");
            }
            memcpy(p, data, len < count ? len : count);
            p += count;
            continue;
        }
        for (size_t k = 0; k < count; ++k, p += size) {
            if (code != 'x') {
                if (i >= n_args) {
                    mpf_raise_msg(&mpf_type_TypeError, "not enough arguments for format");
                }
                mpf_binary_put(f.order, code, p, args[i++]);
            }
        }
    }
}

static mpf_obj_t struct_pack(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    size_t n;
    size_t size = calcsize(args[0], &n);
    mpf_str_t *b = mpf_bytes_new(&mpf_type_bytes, NULL, size);
    pack_at(args[0], (uint8_t *)b->data, n_args - 1, args + 1);
    return b;
}
MPF_BUILTIN_OBJ(pack_obj, MP_QSTR_pack, struct_pack);

/* the buffer args[i] from the offset args[i + 1] (from its end when negative), with
 * room for size bytes */
static uint8_t *buffer_at(size_t n_args, const mpf_obj_t *args, size_t i, size_t size) {
    char *data;
    size_t len;
    if (!mpf_get_buffer(args[i], &data, &len)) {
        mpf_raise_msg(&mpf_type_TypeError, "object with buffer protocol required");
    }
    mpf_int_t off = n_args > i + 1 ? mpf_obj_int_value(args[i + 1]) : 0;
    if (off < 0) {
        off += (mpf_int_t)len;
    }
    if (off < 0 || (size_t)off > len || len - (size_t)off < size) {
        mpf_raise_msg(&mpf_type_ValueError, "buffer too small");
    }
    return (uint8_t *)data + off;
}

static mpf_obj_t struct_pack_into(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    size_t n;
    size_t size = calcsize(args[0], &n);
    if (n_args < 3) {
        mpf_raise_msg(&mpf_type_TypeError, "pack_into(fmt, buffer, offset, *values)");
    }
    uint8_t *p = buffer_at(3, args, 1, size);
    memset(p, 0, size);
    pack_at(args[0], p, n_args - 3, args + 3);
    return mpf_const_none;
}
MPF_BUILTIN_OBJ(pack_into_obj, MP_QSTR_pack_into, struct_pack_into);

static mpf_obj_t struct_unpack(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    size_t n;
    size_t size = calcsize(args[0], &n);
    if (n_args != 2) {
        mpf_raise_msg(&mpf_type_TypeError, "unpack(fmt, buffer)");
    }
    return unpack_at(args[0], buffer_at(2, args, 1, size), n);
}
MPF_BUILTIN_OBJ(unpack_obj, MP_QSTR_unpack, struct_unpack);

static mpf_obj_t struct_unpack_from(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    size_t n;
    size_t size = calcsize(args[0], &n);
    /* unpack_from(fmt, buffer, offset=0), the offset possibly by keyword */
    mpf_obj_t all[3] = {args[0], n_args > 1 ? args[1] : mpf_const_none, MPF_OBJ_NEW_SMALL_INT(0)};
    if (n_args > 2) {
        all[2] = args[2];
    } else if (n_kw == 1) {
        all[2] = args[n_args + 1];
    }
    return unpack_at(args[0], buffer_at(3, all, 1, size), n);
}
MPF_BUILTIN_OBJ(unpack_from_obj, MP_QSTR_unpack_from, struct_unpack_from);

static const mpf_builtin_entry_t struct_table[] = {
    {MP_QSTR_calcsize, &calcsize_obj},
    {MP_QSTR_pack, &pack_obj},
    {MP_QSTR_pack_into, &pack_into_obj},
    {MP_QSTR_unpack, &unpack_obj},
    {MP_QSTR_unpack_from, &unpack_from_obj},
    {0, NULL},
};

MPF_BUILTIN_MODULE(mpf_module_struct, MP_QSTR_struct, struct_table);
