/* The `array` module: arrays of one binary.h typecode, stored packed. */
#include <string.h>

#include "binary.h"
#include "builtins.h"
#include "exc.h"
#include "gc.h"
#include "genhdr/opcodes.h"
#include "module.h"
#include "print.h"

typedef struct {
    mpf_obj_base_t base;
    char typecode;
    size_t itemsize, len, alloc; /* alloc: items there is room for */
    uint8_t *data;
} array_t;

static const mpf_type_t array_type;

static array_t *array_new(char typecode, size_t n) {
    size_t align, size = mpf_binary_size('@', typecode, &align);
    if (size == 0) {
        mpf_raise_msg(&mpf_type_ValueError, "bad typecode");
    }
    array_t *a = mpf_alloc(sizeof(*a));
    a->base.type = &array_type;
    a->typecode = typecode;
    a->itemsize = size;
    a->len = n;
    a->alloc = n ? n : 4;
    a->data = mpf_alloc(a->alloc * size);
    return a;
}

static void array_append_one(array_t *a, mpf_obj_t x) {
    if (a->len == a->alloc) {
        a->alloc *= 2;
        a->data = mpf_realloc(a->data, a->alloc * a->itemsize);
    }
    mpf_binary_put('@', a->typecode, a->data + a->len * a->itemsize, x);
    ++a->len;
}

/* appends the items of an iterable, or the raw bytes of a buffer */
static void array_extend_from(array_t *a, mpf_obj_t src) {
    char *data;
    size_t len;
    if (!mpf_obj_is_str(src) && mpf_get_buffer(src, &data, &len)) {
        size_t n = len / a->itemsize;
        for (size_t i = 0; i < n; ++i) {
            array_append_one(a, MPF_OBJ_NEW_SMALL_INT(0));
        }
        memcpy(a->data + (a->len - n) * a->itemsize, data, n * a->itemsize);
        return;
    }
    mpf_obj_t it = mpf_getiter(src);
    for (mpf_obj_t x; (x = mpf_iternext(it)) != MPF_OBJ_NULL;) {
        array_append_one(a, x);
    }
}

static mpf_obj_t array_make_new(mpf_obj_t type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)type;
    size_t len;
    const char *code = n_args ? mpf_obj_str_data(args[0], &len) : NULL;
    if (n_args < 1 || n_args > 2 || n_kw != 0 || !mpf_obj_is_str(args[0]) || len != 1) {
        mpf_raise_msg(&mpf_type_TypeError, "array(typecode[, initializer])");
    }
    array_t *a = array_new(code[0], 0);
    if (n_args == 2) {
        array_extend_from(a, args[1]);
    }
    return a;
}

static mpf_obj_t array_append(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_args;
    (void)n_kw;
    array_append_one(args[0], args[1]);
    return mpf_const_none;
}
MPF_BUILTIN_OBJ(append_obj, MP_QSTR_append, array_append);

static mpf_obj_t array_extend(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_args;
    (void)n_kw;
    array_extend_from(args[0], args[1]);
    return mpf_const_none;
}
MPF_BUILTIN_OBJ(extend_obj, MP_QSTR_extend, array_extend);

static mpf_obj_t item(const array_t *a, size_t i) {
    return mpf_binary_get('@', a->typecode, a->data + i * a->itemsize);
}

static mpf_obj_t array_subscr(mpf_obj_t self, mpf_obj_t index, mpf_obj_t value) {
    array_t *a = self;
    if (value == MPF_OBJ_NULL) {
        mpf_raise_msg(&mpf_type_TypeError, "'array' object doesn't support item deletion");
    }
    mpf_int_t start, step;
    size_t count;
    if (mpf_slice_indices(index, a->len, &start, &step, &count)) {
        if (value != MPF_SUBSCR_LOAD) {
            mpf_raise_msg(&mpf_type_NotImplementedError, "array slice assignment");
        }
        array_t *r = array_new(a->typecode, count);
        for (size_t k = 0; k < count; ++k) {
            memcpy(r->data + k * a->itemsize, a->data + (size_t)(start + (mpf_int_t)k * step) * a->itemsize,
                a->itemsize);
        }
        return r;
    }
    size_t i = mpf_seq_index(index, a->len, "array");
    if (value == MPF_SUBSCR_LOAD) {
        return item(a, i);
    }
    mpf_binary_put('@', a->typecode, a->data + i * a->itemsize, value);
    return mpf_const_none;
}

static mpf_obj_t array_iternext(mpf_obj_t self, size_t *pos) {
    const array_t *a = self;
    return *pos < a->len ? item(a, (*pos)++) : MPF_OBJ_NULL;
}

static size_t array_len(mpf_obj_t self) {
    return ((const array_t *)self)->len;
}

static void array_print(mpf_print_t *p, mpf_obj_t self, bool repr) {
    (void)repr;
    const array_t *a = self;
    char code[2] = {a->typecode, '\0'};
    mpf_printf(p, "array('%s'", code);
    for (size_t i = 0; i < a->len; ++i) {
        mpf_print_str(p, i ? ", " : ", [");
        mpf_obj_print_to(p, item(a, i), true);
    }
    mpf_print_str(p, a->len ? "])" : ")");
}

static mpf_obj_t array_binary_op(unsigned op, mpf_obj_t lhs, mpf_obj_t rhs) {
    const array_t *a = lhs;
    if (op == MP_BINARY_OP_EQUAL && MPF_OBJ_IS_PTR(rhs) && MPF_OBJ_TYPE_OF_PTR(rhs) == &array_type) {
        const array_t *b = rhs;
        if (a->len != b->len) {
            return mpf_const_false;
        }
        for (size_t i = 0; i < a->len; ++i) {
            if (!mpf_obj_equal(item(a, i), item(b, i))) {
                return mpf_const_false;
            }
        }
        return mpf_const_true;
    }
    return MPF_OBJ_NULL;
}

static bool array_buffer(mpf_obj_t self, char **data, size_t *len) {
    array_t *a = self;
    *data = (char *)a->data;
    *len = a->len * a->itemsize;
    return true;
}

static const mpf_method_t array_methods[] = {
    {MP_QSTR_append, &append_obj},
    {MP_QSTR_extend, &extend_obj},
};

static const mpf_type_t array_type = {
    .base = {&mpf_type_type},
    .name = MP_QSTR_array,
    .print = array_print,
    .binary_op = array_binary_op,
    .subscr = array_subscr,
    .iternext = array_iternext,
    .len = array_len,
    .methods = array_methods,
    .n_methods = sizeof(array_methods) / sizeof(array_methods[0]),
    .make_new = array_make_new,
    .buffer = array_buffer,
};

static const mpf_builtin_entry_t array_table[] = {
    {MP_QSTR_array, &array_type},
    {0, NULL},
};

MPF_BUILTIN_MODULE(mpf_module_array, MP_QSTR_array, array_table);
