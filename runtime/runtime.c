#include <string.h>

#include "exc.h"
#include "format.h"
#include "gc.h"
#include "genhdr/opcodes.h"
#include "objfloat.h"
#include "print.h"
#include "qstr.h"

/* The special-method names MicroPython's messages use, by binary operator number. */
static const char *const binary_op_name[MP_BINARY_OP_NUM] = {
    "__lt__", "__gt__", "__eq__", "__le__", "__ge__", "__ne__", "__contains__", "__is__",
    "__exception_match__",
    "__ior__", "__ixor__", "__iand__", "__ilshift__", "__irshift__", "__iadd__", "__isub__",
    "__imul__", "__imatmul__", "__ifloordiv__", "__itruediv__", "__imod__", "__ipow__",
    "__or__", "__xor__", "__and__", "__lshift__", "__rshift__", "__add__", "__sub__",
    "__mul__", "__matmul__", "__floordiv__", "__truediv__", "__mod__", "__pow__",
};

static const char *const unary_op_name[] = {"__pos__", "__neg__", "__invert__", "__not__"};

static _Noreturn void raise_unsupported(unsigned op, mpf_obj_t lhs, mpf_obj_t rhs) {
    mpf_raise_msg(&mpf_type_TypeError, "unsupported types for %s: '%s', '%s'",
        binary_op_name[op], mpf_obj_type_name(lhs), mpf_obj_type_name(rhs));
}

static int str_compare(mpf_obj_t lhs, mpf_obj_t rhs) {
    size_t la, lb;
    const char *a = mpf_obj_str_data(lhs, &la);
    const char *b = mpf_obj_str_data(rhs, &lb);
    int c = memcmp(a, b, la < lb ? la : lb);
    if (c == 0) {
        c = la < lb ? -1 : la > lb;
    }
    return c;
}

static mpf_obj_t str_repeat(mpf_obj_t s, mpf_int_t n) {
    size_t len;
    const char *data = mpf_obj_str_data(s, &len);
    if (n <= 0 || len == 0) {
        return MPF_OBJ_NEW_QSTR(MP_QSTR_);
    }
    if ((size_t)n > SIZE_MAX / 2 / len) {
        mpf_raise_memory_error();
    }
    char *d;
    mpf_obj_t out = mpf_obj_new_str_uninit(len * (size_t)n, &d);
    for (mpf_int_t i = 0; i < n; ++i) {
        memcpy(d + (size_t)i * len, data, len);
    }
    return out;
}

static mpf_obj_t str_binary_op(unsigned op, mpf_obj_t lhs, mpf_obj_t rhs) {
    size_t la, lb;
    const char *a = mpf_obj_str_data(lhs, &la);
    const char *b = mpf_obj_str_data(rhs, &lb);
    switch (op) {
        case MP_BINARY_OP_ADD: {
            char *d;
            mpf_obj_t out = mpf_obj_new_str_uninit(la + lb, &d);
            memcpy(d, a, la);
            memcpy(d + la, b, lb);
            return out;
        }
        case MP_BINARY_OP_LESS:
            return MPF_OBJ_BOOL(str_compare(lhs, rhs) < 0);
        case MP_BINARY_OP_MORE:
            return MPF_OBJ_BOOL(str_compare(lhs, rhs) > 0);
        case MP_BINARY_OP_LESS_EQUAL:
            return MPF_OBJ_BOOL(str_compare(lhs, rhs) <= 0);
        case MP_BINARY_OP_MORE_EQUAL:
            return MPF_OBJ_BOOL(str_compare(lhs, rhs) >= 0);
        case MP_BINARY_OP_IN:
            /* `lhs in rhs` arrives with the container as lhs (swapped by the caller) */
            if (lb == 0) {
                return mpf_const_true;
            }
            for (size_t i = 0; i + lb <= la; ++i) {
                if (memcmp(a + i, b, lb) == 0) {
                    return mpf_const_true;
                }
            }
            return mpf_const_false;
        default:
            raise_unsupported(op, lhs, rhs);
    }
}

static bool is_ptr_with_binop(mpf_obj_t o) {
    return MPF_OBJ_IS_PTR(o) && MPF_OBJ_TYPE_OF_PTR(o)->binary_op != NULL;
}

mpf_obj_t mpf_binary_op(unsigned op, mpf_obj_t lhs, mpf_obj_t rhs) {
    if (op == MP_BINARY_OP_IS) {
        return MPF_OBJ_BOOL(lhs == rhs);
    }
    if (op == MP_BINARY_OP_EXCEPTION_MATCH) {
        return MPF_OBJ_BOOL(mpf_exc_match(lhs, rhs));
    }
    if (op == MP_BINARY_OP_IN) {
        /* `lhs in rhs`: the container decides */
        if (is_ptr_with_binop(rhs)) {
            mpf_obj_t r = MPF_OBJ_TYPE_OF_PTR(rhs)->binary_op(op, rhs, lhs);
            if (r != MPF_OBJ_NULL) {
                return r;
            }
        }
        const mpf_type_t *t = mpf_obj_get_type(rhs);
        if (mpf_obj_is_class_instance(rhs)) {
            mpf_obj_t it = mpf_getiter(rhs);
            mpf_obj_t x;
            while ((x = mpf_iternext(it)) != MPF_OBJ_NULL) {
                if (mpf_obj_equal(x, lhs)) {
                    return mpf_const_true;
                }
            }
            return mpf_const_false;
        }
        if (!mpf_obj_is_str(rhs) && t->iternext != NULL) {
            size_t pos = 0;
            mpf_obj_t x;
            while ((x = t->iternext(rhs, &pos)) != MPF_OBJ_NULL) {
                if (mpf_obj_equal(x, lhs)) {
                    return mpf_const_true;
                }
            }
            return mpf_const_false;
        }
    }
    if (is_ptr_with_binop(lhs)) {
        /* in-place operators first, for the types that mutate (list +=) */
        mpf_obj_t r = MPF_OBJ_TYPE_OF_PTR(lhs)->binary_op(op, lhs, rhs);
        if (r == MPF_OBJ_NULL && op >= MP_BINARY_OP_INPLACE_OR && op <= MP_BINARY_OP_INPLACE_POWER) {
            r = MPF_OBJ_TYPE_OF_PTR(lhs)->binary_op(op + MP_BINARY_OP_OR - MP_BINARY_OP_INPLACE_OR, lhs, rhs);
        }
        if (r != MPF_OBJ_NULL) {
            return r;
        }
    }
    if (op == MP_BINARY_OP_MULTIPLY && mpf_obj_is_int(lhs) && is_ptr_with_binop(rhs)) {
        mpf_obj_t r = MPF_OBJ_TYPE_OF_PTR(rhs)->binary_op(op, rhs, lhs);
        if (r != MPF_OBJ_NULL) {
            return r;
        }
    }
    if (op >= MP_BINARY_OP_INPLACE_OR && op <= MP_BINARY_OP_INPLACE_POWER) {
        op += MP_BINARY_OP_OR - MP_BINARY_OP_INPLACE_OR;
    }
    if (op == MP_BINARY_OP_MODULO && mpf_obj_is_str(lhs)) {
        return mpf_str_modulo(lhs, rhs);
    }
    if (mpf_obj_is_class_instance(rhs) && op != MP_BINARY_OP_IN) {
        mpf_obj_t r = mpf_instance_reverse_op(op, lhs, rhs);
        if (r != MPF_OBJ_NULL) {
            return r;
        }
        mpf_obj_t native = mpf_instance_native(rhs);
        if (native != MPF_OBJ_NULL) {
            return mpf_binary_op(op, lhs, native);
        }
    }
    if ((lhs == mpf_const_true || lhs == mpf_const_false) && (rhs == mpf_const_true || rhs == mpf_const_false) &&
        (op == MP_BINARY_OP_AND || op == MP_BINARY_OP_OR || op == MP_BINARY_OP_XOR)) {
        return MPF_OBJ_BOOL(mpf_obj_is_true(mpf_int_binary_op(op, lhs, rhs)));
    }
#if MPF_FEATURE_FLOAT
    /* a number on the left that does not know the float or complex on the right */
    if (mpf_obj_is_float(rhs)) {
        mpf_obj_t r = mpf_float_binary_op(op, lhs, rhs);
        if (r != MPF_OBJ_NULL) {
            return r;
        }
    }
#endif
#if MPF_FEATURE_COMPLEX
    if (mpf_obj_is_complex(rhs)) {
        mpf_obj_t r = mpf_complex_binary_op(op, lhs, rhs);
        if (r != MPF_OBJ_NULL) {
            return r;
        }
    }
#endif
    if (mpf_obj_is_integer(lhs) && mpf_obj_is_integer(rhs)) {
#if MPF_FEATURE_FLOAT
        /* true division, and a power with a negative exponent, give a float */
        if (op == MP_BINARY_OP_TRUE_DIVIDE ||
            (op == MP_BINARY_OP_POWER &&
                mpf_int_binary_op(MP_BINARY_OP_LESS, rhs, MPF_OBJ_NEW_SMALL_INT(0)) == mpf_const_true)) {
            return mpf_float_binary_op(op, lhs, rhs);
        }
#endif
        mpf_obj_t r = mpf_int_binary_op(op, lhs, rhs);
        if (r == MPF_OBJ_NULL) {
            raise_unsupported(op, lhs, rhs);
        }
        return r;
    }
    if (op == MP_BINARY_OP_EQUAL) {
        return MPF_OBJ_BOOL(mpf_obj_equal(lhs, rhs));
    }
    if (op == MP_BINARY_OP_NOT_EQUAL) {
        return MPF_OBJ_BOOL(!mpf_obj_equal(lhs, rhs));
    }
    if (op == MP_BINARY_OP_IN) {
        if (mpf_obj_is_str(rhs) && mpf_obj_is_str(lhs)) {
            return str_binary_op(op, rhs, lhs);
        }
        raise_unsupported(op, rhs, lhs);
    }
    if (mpf_obj_is_str(lhs) && mpf_obj_is_str(rhs)) {
        return str_binary_op(op, lhs, rhs);
    }
    if (op == MP_BINARY_OP_MULTIPLY) {
        if (mpf_obj_is_str(lhs) && mpf_obj_is_int(rhs)) {
            return str_repeat(lhs, mpf_obj_int_value(rhs));
        }
        if (mpf_obj_is_int(lhs) && mpf_obj_is_str(rhs)) {
            return str_repeat(rhs, mpf_obj_int_value(lhs));
        }
    }
    if (op == MP_BINARY_OP_ADD && mpf_obj_is_str(lhs)) {
        mpf_raise_msg(&mpf_type_TypeError, "can't convert '%s' object to str implicitly", mpf_obj_type_name(rhs));
    }
    raise_unsupported(op, lhs, rhs);
}

mpf_obj_t mpf_unary_op(unsigned op, mpf_obj_t arg) {
    if (op == MP_UNARY_OP_NOT) {
        return MPF_OBJ_BOOL(!mpf_obj_is_true(arg));
    }
    if (mpf_obj_is_class_instance(arg) && op < MP_UNARY_OP_NOT) {
        static const uint16_t names[] = {MP_QSTR___pos__, MP_QSTR___neg__, MP_QSTR___invert__};
        mpf_obj_t r;
        if (mpf_instance_special(arg, names[op], 0, NULL, &r)) {
            return r;
        }
        mpf_obj_t native = mpf_instance_native(arg);
        if (native != MPF_OBJ_NULL) {
            return mpf_unary_op(op, native);
        }
    }
    if (mpf_obj_is_integer(arg) && op < MP_UNARY_OP_NOT) {
        return mpf_int_unary_op(op, arg);
    }
#if MPF_FEATURE_FLOAT
    if (mpf_obj_is_float(arg) && op < MP_UNARY_OP_INVERT) {
        mpf_float_t v = ((const mpf_float_obj_t *)arg)->value;
        return op == MP_UNARY_OP_POSITIVE ? arg : mpf_float_new(-v);
    }
#endif
#if MPF_FEATURE_COMPLEX
    if (mpf_obj_is_complex(arg) && op < MP_UNARY_OP_INVERT) {
        const mpf_complex_obj_t *c = arg;
        return op == MP_UNARY_OP_POSITIVE ? arg : mpf_complex_new(-c->real, -c->imag);
    }
#endif
    if (op < MP_UNARY_OP_NOT) {
        mpf_raise_msg(&mpf_type_TypeError, "unsupported type for %s: '%s'", unary_op_name[op],
            mpf_obj_type_name(arg));
    }
    mpf_raise_msg(&mpf_type_TypeError, "unsupported type for operator");
}

mpf_obj_t mpf_call(mpf_obj_t fun, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    const mpf_type_t *t = mpf_obj_get_type(fun);
    if (t == &mpf_type_type && mpf_obj_is_exception_type(fun) &&
        !(((const mpf_type_t *)fun)->flags & MPF_TYPE_FLAG_CLASS)) {
        return ((const mpf_type_t *)fun)->call(fun, n_args, n_kw, args);
    }
    if (t == &mpf_type_type) {
        const mpf_type_t *type = fun;
        if (type->make_new == NULL) {
            mpf_raise_msg(&mpf_type_TypeError, "cannot create '%q' instances", type->name);
        }
        return type->make_new(fun, n_args, n_kw, args);
    }
    if (t->call == NULL) {
        mpf_raise_msg(&mpf_type_TypeError, "'%s' object isn't callable", mpf_obj_type_name(fun));
    }
    return t->call(fun, n_args, n_kw, args);
}

mpf_obj_t mpf_load_global(const mpf_context_t *ctx, mpf_qstr_t name) {
    mpf_obj_t o = mpf_map_get(ctx->globals, name);
    if (o == MPF_OBJ_NULL) {
        o = mpf_builtin_lookup(name);
        if (o == MPF_OBJ_NULL) {
            mpf_raise_msg(&mpf_type_NameError, "name '%q' isn't defined", name);
        }
    }
    return o;
}

mpf_obj_t mpf_load_name(const mpf_context_t *ctx, mpf_qstr_t name) {
    /* a class body's names are its own; module-level code's locals are its globals */
    if (mpf_cur_locals != NULL) {
        mpf_obj_t o = mpf_map_get(mpf_cur_locals, name);
        if (o != MPF_OBJ_NULL) {
            return o;
        }
    }
    return mpf_load_global(ctx, name);
}

mpf_obj_t mpf_make_function(const mpf_raw_code_t *rc, const mpf_context_t *ctx, const mpf_obj_t *defaults) {
    mpf_fun_bc_t *f = mpf_alloc(sizeof(*f));
    f->base.type = &mpf_type_function;
    f->rc = rc;
    f->ctx = ctx;
    if (defaults != NULL) {
        if ((defaults[0] != MPF_OBJ_NULL && mpf_obj_get_type(defaults[0]) != &mpf_type_tuple) ||
            (defaults[1] != MPF_OBJ_NULL && mpf_obj_get_type(defaults[1]) != &mpf_type_dict)) {
            mpf_raise_msg(&mpf_type_RuntimeError, "bytecode gave bad default arguments");
        }
        f->def_pos = defaults[0];
        f->def_kw = defaults[1];
    }
    return f;
}

mpf_obj_t mpf_new_cell(mpf_obj_t obj) {
    mpf_cell_t *c = mpf_alloc(sizeof(*c));
    c->base.type = &mpf_type_cell;
    c->obj = obj;
    return c;
}

mpf_obj_t mpf_make_closure(const mpf_raw_code_t *rc, const mpf_context_t *ctx, const mpf_obj_t *defaults,
    size_t n_closed, const mpf_obj_t *closed) {
    mpf_closure_t *c = mpf_alloc(sizeof(*c) + n_closed * sizeof(mpf_obj_t));
    c->base.type = &mpf_type_closure;
    c->fun = mpf_make_function(rc, ctx, defaults);
    c->n_closed = n_closed;
    memcpy(c->closed, closed, n_closed * sizeof(mpf_obj_t));
    return c;
}

mpf_obj_t mpf_subscr(mpf_obj_t base, mpf_obj_t index, mpf_obj_t value) {
    const mpf_type_t *t = mpf_obj_get_type(base);
    if (t->subscr == NULL) {
        mpf_raise_msg(&mpf_type_TypeError, value == MPF_SUBSCR_LOAD ? "'%q' object isn't subscriptable"
                                                                    : "'%q' object doesn't support item assignment",
            t->name);
    }
    return t->subscr(base, index, value);
}

size_t mpf_obj_len(mpf_obj_t o) {
    const mpf_type_t *t = mpf_obj_get_type(o);
    if (t->len == NULL) {
        mpf_raise_msg(&mpf_type_TypeError, "object of type '%q' has no len()", t->name);
    }
    return t->len(o);
}

static const mpf_builtin_t *find_method(const mpf_type_t *t, mpf_qstr_t attr) {
    for (size_t i = 0; i < t->n_methods; ++i) {
        if (t->methods[i].name == attr) {
            return t->methods[i].fun;
        }
    }
    return NULL;
}

static mpf_obj_t load_builtin_attr(mpf_obj_t base, mpf_qstr_t attr);

/* Functions reached through a built-in type or its instances that take no self
 * (Python's classmethods and staticmethods of built-in types). */
static const struct {
    const mpf_type_t *type;
    const mpf_builtin_t *fun;
} type_functions[] = {
    {&mpf_type_dict, &mpf_dict_fromkeys_obj},
    {&mpf_type_int, &mpf_int_from_bytes_obj},
};

static const mpf_builtin_t *find_type_function(const mpf_type_t *t, mpf_qstr_t attr) {
    for (size_t i = 0; i < sizeof(type_functions) / sizeof(type_functions[0]); ++i) {
        if (type_functions[i].type == t && type_functions[i].fun->name == attr) {
            return type_functions[i].fun;
        }
    }
    return NULL;
}

static _Noreturn void no_attr(mpf_obj_t base, mpf_qstr_t attr) {
    if (mpf_obj_get_type(base) == &mpf_type_type) {
        mpf_raise_msg(&mpf_type_AttributeError, "type object '%q' has no attribute '%q'",
            ((const mpf_type_t *)base)->name, attr);
    }
    mpf_raise_msg(&mpf_type_AttributeError, "'%s' object has no attribute '%q'", mpf_obj_type_name(base), attr);
}

void mpf_load_method(mpf_obj_t base, mpf_qstr_t attr, mpf_obj_t *dest) {
    mpf_load_method_maybe(base, attr, dest);
    if (dest[0] == MPF_OBJ_NULL) {
        no_attr(base, attr);
    }
}

void mpf_load_method_maybe(mpf_obj_t base, mpf_qstr_t attr, mpf_obj_t *dest) {
    if (mpf_class_load_attr(base, attr, dest)) {
        return;
    }
    const mpf_type_t *t = mpf_obj_get_type(base);
    if (t->attr != NULL) {
        mpf_obj_t v = t->attr(base, attr, MPF_ATTR_LOAD);
        if (v != MPF_OBJ_NULL) {
            dest[0] = v;
            dest[1] = MPF_OBJ_NULL;
            return;
        }
    }
    const mpf_builtin_t *m = find_method(t, attr);
    if (m != NULL) {
        dest[0] = (mpf_obj_t)m;
        dest[1] = base;
        return;
    }
    if (t == &mpf_type_type) {
        /* a method looked up on the type itself: called with the instance as argument */
        m = find_method(base, attr);
        if (m == NULL) {
            m = find_type_function(base, attr);
        }
        if (m != NULL) {
            dest[0] = (mpf_obj_t)m;
            dest[1] = MPF_OBJ_NULL;
            return;
        }
        const mpf_type_t *type = base;
        if ((type->flags & MPF_TYPE_FLAG_CLASS_ATTRS) && type->attr != NULL) {
            dest[0] = type->attr(base, attr, MPF_ATTR_LOAD);
            if (dest[0] != MPF_OBJ_NULL) {
                dest[1] = MPF_OBJ_NULL;
                return;
            }
        }
    }
    m = find_type_function(t, attr);
    if (m != NULL) {
        dest[0] = (mpf_obj_t)m;
        dest[1] = MPF_OBJ_NULL;
        return;
    }
    dest[0] = load_builtin_attr(base, attr);
    dest[1] = MPF_OBJ_NULL;
}

static void bound_print(mpf_print_t *p, mpf_obj_t self, bool repr) {
    (void)repr;
    const mpf_bound_t *b = self;
    mpf_printf(p, "<bound_method>");
    (void)b;
}

static mpf_obj_t bound_call(mpf_obj_t self, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    const mpf_bound_t *b = self;
    size_t n = 1 + n_args + 2 * n_kw;
    mpf_obj_t *all = mpf_pystack_alloc(n * sizeof(mpf_obj_t));
    all[0] = b->self;
    memcpy(all + 1, args, (n - 1) * sizeof(mpf_obj_t));
    mpf_obj_t r = mpf_call(b->fun, n_args + 1, n_kw, all);
    mpf_pystack_free(all);
    return r;
}

const mpf_type_t mpf_type_bound = {
    .base = {&mpf_type_type},
    .name = MP_QSTR_bound_method,
    .print = bound_print,
    .call = bound_call,
};

static mpf_obj_t new_bound(mpf_obj_t fun, mpf_obj_t self) {
    mpf_bound_t *b = mpf_alloc(sizeof(*b));
    b->base.type = &mpf_type_bound;
    b->fun = fun;
    b->self = self;
    return b;
}

mpf_obj_t mpf_load_attr(mpf_obj_t base, mpf_qstr_t attr) {
    mpf_obj_t dest[2];
    mpf_load_method(base, attr, dest);
    return dest[1] == MPF_OBJ_NULL ? dest[0] : new_bound(dest[0], dest[1]);
}

void mpf_store_attr(mpf_obj_t base, mpf_qstr_t attr, mpf_obj_t value) {
    const mpf_type_t *t = mpf_obj_get_type(base);
    if (t->attr != NULL && t->attr(base, attr, value) != MPF_OBJ_NULL) {
        return;
    }
    if (!mpf_class_store_attr(base, attr, value)) {
        mpf_raise_msg(&mpf_type_AttributeError, "'%s' object has no attribute '%q'", mpf_obj_type_name(base), attr);
    }
}

/* attributes of built-in objects other than their methods; NULL if none */
static mpf_obj_t load_builtin_attr(mpf_obj_t base, mpf_qstr_t attr) {
    const mpf_type_t *t = mpf_obj_get_type(base);
    if (attr == MP_QSTR___name__ && t == &mpf_type_type) {
        return MPF_OBJ_NEW_QSTR(((const mpf_type_t *)base)->name);
    }
    if (attr == MP_QSTR___class__) {
        return (mpf_obj_t)t;
    }
    if (attr == MP_QSTR___name__ && t == &mpf_type_builtin) {
        return MPF_OBJ_NEW_QSTR(((const mpf_builtin_t *)base)->name);
    }
    if (t == &mpf_type_range || t == &mpf_type_slice) {
        /* start, stop, step: the three fields, in this order in both */
        static const uint16_t fields[] = {MP_QSTR_start, MP_QSTR_stop, MP_QSTR_step};
        for (size_t i = 0; i < 3; ++i) {
            if (attr == fields[i] && t == &mpf_type_range) {
                const mpf_range_t *r = base;
                return MPF_OBJ_NEW_SMALL_INT(i == 0 ? r->start : i == 1 ? r->stop : r->step);
            }
            if (attr == fields[i]) {
                const mpf_slice_t *sl = base;
                return i == 0 ? sl->start : i == 1 ? sl->stop : sl->step;
            }
        }
    }
    if (mpf_obj_is_exception(base) && attr == MP_QSTR_args) {
        return ((const mpf_exc_t *)base)->args;
    }
    /* MicroPython's OSError.errno is args[0], however many args there are */
    if (mpf_obj_is_exception(base) && attr == MP_QSTR_errno &&
        mpf_obj_is_instance(base, &mpf_type_OSError)) {
        const mpf_tuple_t *args = ((const mpf_exc_t *)base)->args;
        return args->len ? args->items[0] : mpf_const_none;
    }
    if (mpf_obj_is_exception(base) && attr == MP_QSTR_value) {
        const mpf_tuple_t *args = ((const mpf_exc_t *)base)->args;
        return args->len ? args->items[0] : mpf_const_none;
    }
    return MPF_OBJ_NULL;
}

bool mpf_obj_is_instance(mpf_obj_t o, const mpf_type_t *t) {
    const mpf_type_t *ot = mpf_obj_get_type(o);
    if (t == &mpf_type_int && ot == &mpf_type_bool) {
        return true;
    }
    return mpf_type_is_subclass(ot, t);
}
