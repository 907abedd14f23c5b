/* The built-in functions over containers and iteration (print, range, len and the
 * exception classes are in builtins.c); looked up by mpf_builtin_lookup. */
#include <string.h>

#include "builtins.h"
#include "vm.h"
#include "exc.h"
#include "module.h"
#include "format.h"
#include "gc.h"
#include "genhdr/opcodes.h"
#include "objfloat.h"
#include "print.h"
#include "qstr.h"

static void want_args(size_t n_args, size_t min, size_t max) {
    if (n_args < min || n_args > max) {
        mpf_raise_msg(&mpf_type_TypeError, "function takes %d positional arguments but %d were given",
            (int)min, (int)n_args);
    }
}

/* keyword `name` among the call's keyword arguments, or `dflt` */
static mpf_obj_t kwarg(size_t n_args, size_t n_kw, const mpf_obj_t *args, mpf_qstr_t name, mpf_obj_t dflt) {
    for (size_t i = 0; i < n_kw; ++i) {
        mpf_obj_t k = args[n_args + 2 * i];
        if (MPF_OBJ_IS_QSTR(k) && MPF_OBJ_QSTR_VALUE(k) == name) {
            return args[n_args + 2 * i + 1];
        }
    }
    return dflt;
}

/* __import__(name, globals=None, locals=None, fromlist=(), level=0): the import statement */
static mpf_obj_t builtin___import__(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    if (n_kw != 0 || n_args < 1 || n_args > 5) {
        mpf_raise_msg(&mpf_type_TypeError, "__import__ takes 1 to 5 positional arguments");
    }
    if (!mpf_obj_is_str(args[0])) {
        mpf_raise_msg(&mpf_type_TypeError, "module name must be a string");
    }
    size_t len;
    const char *name = mpf_obj_str_data(args[0], &len);
    mpf_obj_t fromlist = n_args > 3 ? args[3] : mpf_const_none;
    mpf_obj_t level = n_args > 4 ? args[4] : MPF_OBJ_NEW_SMALL_INT(0);
    /* the pool keeps the name's text alive */
    return mpf_import_name(mpf_qstr_from_strn_static(name, len), fromlist, level);
}

static mpf_obj_t builtin_isinstance(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    want_args(n_args, 2, 2);
    size_t n;
    mpf_obj_t *items;
    if (mpf_obj_get_array(args[1], &n, &items)) {
        for (size_t i = 0; i < n; ++i) {
            if (mpf_obj_is_instance(args[0], items[i])) {
                return mpf_const_true;
            }
        }
        return mpf_const_false;
    }
    if (mpf_obj_get_type(args[1]) != &mpf_type_type) {
        mpf_raise_msg(&mpf_type_TypeError, "isinstance() arg 2 must be a class");
    }
    return MPF_OBJ_BOOL(mpf_obj_is_instance(args[0], args[1]));
}

static mpf_obj_t builtin_issubclass(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    want_args(n_args, 2, 2);
    if (mpf_obj_get_type(args[0]) != &mpf_type_type) {
        mpf_raise_msg(&mpf_type_TypeError, "issubclass() arg 1 must be a class");
    }
    size_t n;
    mpf_obj_t *items;
    mpf_obj_t one = args[1];
    if (!mpf_obj_get_array(args[1], &n, &items)) {
        n = 1;
        items = &one;
    }
    for (size_t i = 0; i < n; ++i) {
        if (mpf_obj_get_type(items[i]) != &mpf_type_type) {
            mpf_raise_msg(&mpf_type_TypeError, "issubclass() arg 2 must be a class or a tuple of classes");
        }
        if (mpf_type_is_subclass(args[0], items[i])) {
            return mpf_const_true;
        }
    }
    return mpf_const_false;
}

static mpf_obj_t builtin_sorted(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    want_args(n_args, 1, 1);
    mpf_obj_t l = mpf_list_from_iter(args[0]);
    mpf_list_sort(l, kwarg(n_args, n_kw, args, MP_QSTR_key, mpf_const_none),
        mpf_obj_is_true(kwarg(n_args, n_kw, args, MP_QSTR_reverse, mpf_const_false)));
    return l;
}

static mpf_obj_t builtin_sum(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    want_args(n_args, 1, 2);
    mpf_obj_t acc = n_args > 1 ? args[1] : MPF_OBJ_NEW_SMALL_INT(0);
    mpf_obj_t it = mpf_getiter(args[0]), x;
    while ((x = mpf_iternext(it)) != MPF_OBJ_NULL) {
        acc = mpf_binary_op(MP_BINARY_OP_ADD, acc, x);
    }
    return acc;
}

static mpf_obj_t min_max(size_t n_args, size_t n_kw, const mpf_obj_t *args, unsigned op) {
    if (n_args == 0) {
        mpf_raise_msg(&mpf_type_TypeError, "function missing 1 required positional arguments");
    }
    mpf_obj_t key = kwarg(n_args, n_kw, args, MP_QSTR_key, mpf_const_none);
    mpf_obj_t dflt = kwarg(n_args, n_kw, args, MP_QSTR_default, MPF_OBJ_NULL);
    mpf_obj_t it = mpf_getiter(n_args == 1 ? args[0] : mpf_tuple_new(n_args, args));
    mpf_obj_t best = MPF_OBJ_NULL, best_key = MPF_OBJ_NULL, x;
    while ((x = mpf_iternext(it)) != MPF_OBJ_NULL) {
        mpf_obj_t k = key == mpf_const_none ? x : mpf_call(key, 1, 0, &x);
        if (best == MPF_OBJ_NULL || mpf_obj_is_true(mpf_binary_op(op, k, best_key))) {
            best = x;
            best_key = k;
        }
    }
    if (best == MPF_OBJ_NULL) {
        if (dflt != MPF_OBJ_NULL) {
            return dflt;
        }
        mpf_raise_msg(&mpf_type_ValueError, "arg is an empty sequence");
    }
    return best;
}

static mpf_obj_t builtin_min(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    return min_max(n_args, n_kw, args, MP_BINARY_OP_LESS);
}

static mpf_obj_t builtin_max(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    return min_max(n_args, n_kw, args, MP_BINARY_OP_MORE);
}

static mpf_obj_t any_all(const mpf_obj_t *args, bool want) {
    mpf_obj_t it = mpf_getiter(args[0]), x;
    while ((x = mpf_iternext(it)) != MPF_OBJ_NULL) {
        if (mpf_obj_is_true(x) == want) {
            return MPF_OBJ_BOOL(want);
        }
    }
    return MPF_OBJ_BOOL(!want);
}

static mpf_obj_t builtin_any(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    want_args(n_args, 1, 1);
    return any_all(args, true);
}

static mpf_obj_t builtin_all(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    want_args(n_args, 1, 1);
    return any_all(args, false);
}

/* iter(callable, sentinel): calls until the sentinel comes back */
typedef struct {
    mpf_obj_base_t base;
    mpf_obj_t fun, sentinel;
} call_iter_t;

static mpf_obj_t call_iter_iternext(mpf_obj_t self, size_t *pos) {
    (void)pos;
    call_iter_t *it = self;
    if (it->fun == MPF_OBJ_NULL) {
        return MPF_OBJ_NULL;
    }
    mpf_obj_t x = mpf_call(it->fun, 0, 0, NULL);
    if (mpf_obj_equal(x, it->sentinel)) {
        it->fun = MPF_OBJ_NULL; /* exhausted for good */
        return MPF_OBJ_NULL;
    }
    return x;
}

static const mpf_type_t call_iter_type = {
    .base = {&mpf_type_type},
    .name = MP_QSTR_iterator,
    .iternext = call_iter_iternext,
    .flags = MPF_TYPE_FLAG_ITERATOR,
};

static mpf_obj_t builtin_iter(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    want_args(n_args, 1, 2);
    if (n_args == 1) {
        return mpf_getiter(args[0]);
    }
    call_iter_t *it = mpf_alloc(sizeof(*it));
    it->base.type = &call_iter_type;
    it->fun = args[0];
    it->sentinel = args[1];
    return it;
}

static mpf_obj_t builtin_next(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    want_args(n_args, 1, 2);
    if (mpf_obj_get_type(args[0]) == &mpf_type_generator) {
        /* a generator's return value goes with its StopIteration */
        mpf_obj_t ret;
        mpf_vm_kind_t kind = mpf_gen_resume(args[0], MPF_OBJ_NULL, MPF_OBJ_NULL, &ret);
        if (kind == MPF_VM_YIELD) {
            return ret;
        }
        if (kind == MPF_VM_EXCEPTION) {
            mpf_raise(ret);
        }
        if (n_args > 1) {
            return args[1];
        }
        mpf_raise(mpf_exc_new(&mpf_type_StopIteration, ret == mpf_const_none ? MPF_OBJ_NULL : ret));
    }
    mpf_obj_t x = mpf_iternext(args[0]);
    if (x == MPF_OBJ_NULL) {
        if (n_args > 1) {
            return args[1];
        }
        mpf_raise(mpf_exc_new(&mpf_type_StopIteration, MPF_OBJ_NULL));
    }
    return x;
}

static mpf_obj_t builtin_repr(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    want_args(n_args, 1, 1);
    return mpf_obj_str(args[0], true);
}

static mpf_obj_t builtin_chr(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    want_args(n_args, 1, 1);
    if (!mpf_obj_is_int(args[0])) {
        mpf_raise_msg(&mpf_type_TypeError, "can't convert %s to int", mpf_obj_type_name(args[0]));
    }
    char buf[4];
    return mpf_obj_new_str(buf, mpf_utf8_encode(mpf_obj_int_value(args[0]), buf));
}

static mpf_obj_t builtin_ord(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    want_args(n_args, 1, 1);
    size_t len;
    char *bytes;
    if (mpf_get_buffer(args[0], &bytes, &len)) {
        if (len != 1) {
            mpf_raise_msg(&mpf_type_TypeError, "ord() expected a character, but string of length %d found", (int)len);
        }
        return MPF_OBJ_NEW_SMALL_INT((unsigned char)bytes[0]);
    }
    if (!mpf_obj_is_str(args[0])) {
        mpf_raise_msg(&mpf_type_TypeError, "ord() expected a character");
    }
    const unsigned char *s = (const unsigned char *)mpf_obj_str_data(args[0], &len);
    size_t need = len == 0 ? 0 : s[0] < 0xc0 ? 1 : s[0] < 0xe0 ? 2 : s[0] < 0xf0 ? 3 : 4;
    if (len == 0 || len != need) {
        mpf_raise_msg(&mpf_type_TypeError, "ord() expected a character, but string of length %d found",
            (int)len);
    }
    mpf_int_t c = need == 1 ? s[0] : s[0] & (0x7f >> need);
    for (size_t i = 1; i < need; ++i) {
        c = (c << 6) | (s[i] & 0x3f);
    }
    return MPF_OBJ_NEW_SMALL_INT(c);
}

static mpf_obj_t builtin_hash(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    want_args(n_args, 1, 1);
    return MPF_OBJ_NEW_SMALL_INT((mpf_int_t)(mpf_obj_hash(args[0]) & (size_t)MPF_SMALL_INT_MAX));
}

static mpf_obj_t builtin_callable(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    want_args(n_args, 1, 1);
    const mpf_type_t *t = mpf_obj_get_type(args[0]);
    if (t->flags & MPF_TYPE_FLAG_CLASS) {
        return MPF_OBJ_BOOL(mpf_class_lookup(t, MP_QSTR___call__) != MPF_OBJ_NULL);
    }
    return MPF_OBJ_BOOL(t->call != NULL || t == &mpf_type_type);
}

static mpf_obj_t builtin_divmod(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    want_args(n_args, 2, 2);
    mpf_obj_t r[2] = {mpf_binary_op(MP_BINARY_OP_FLOOR_DIVIDE, args[0], args[1]),
        mpf_binary_op(MP_BINARY_OP_MODULO, args[0], args[1])};
    return mpf_tuple_new(2, r);
}

static mpf_obj_t builtin_pow(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    want_args(n_args, 2, 3);
    if (n_args == 2) {
        return mpf_binary_op(MP_BINARY_OP_POWER, args[0], args[1]);
    }
    return mpf_int_pow3(args[0], args[1], args[2]);
}

/* hex, oct and bin: format(x, '#x') and so on */
static mpf_obj_t int_digits(mpf_obj_t o, char type) {
    if (!mpf_obj_is_integer(o)) {
        mpf_raise_msg(&mpf_type_TypeError, "'%s' object cannot be interpreted as an integer",
            mpf_obj_type_name(o));
    }
    mpf_fmt_spec_t spec = {.fill = ' ', .type = type, .alt = true, .width = -1, .prec = -1};
    mpf_print_t p;
    mpf_print_init_heap(&p);
    mpf_format_value(&p, o, &spec);
    return mpf_obj_new_str(p.buf, p.len);
}

static mpf_obj_t builtin_hex(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    want_args(n_args, 1, 1);
    return int_digits(args[0], 'x');
}

static mpf_obj_t builtin_oct(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    want_args(n_args, 1, 1);
    return int_digits(args[0], 'o');
}

static mpf_obj_t builtin_bin(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    want_args(n_args, 1, 1);
    return int_digits(args[0], 'b');
}

/* format(value[, spec]) */
static mpf_obj_t builtin_format(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    want_args(n_args, 1, 2);
    size_t n = 0;
    const char *s = "";
    if (n_args > 1) {
        if (!mpf_obj_is_str(args[1])) {
            mpf_raise_msg(&mpf_type_TypeError, "format() argument 2 must be str, not %s", mpf_obj_type_name(args[1]));
        }
        s = mpf_obj_str_data(args[1], &n);
    }
    mpf_fmt_spec_t spec;
    mpf_format_parse_spec(s, n, &spec);
    mpf_print_t p;
    mpf_print_init_heap(&p);
    mpf_format_value(&p, args[0], &spec);
    return mpf_obj_new_str(p.buf, p.len);
}

/* round(int[, ndigits]): to a multiple of 10**-ndigits, halves to the even multiple */
static mpf_obj_t builtin_round(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    want_args(n_args, 1, 2);
    mpf_obj_t x = args[0];
#if MPF_FEATURE_FLOAT
    if (mpf_obj_is_float(x)) {
        return mpf_float_round(((const mpf_float_obj_t *)x)->value, n_args > 1 ? args[1] : MPF_OBJ_NULL);
    }
#endif
    if (!mpf_obj_is_integer(x)) {
        mpf_raise_msg(&mpf_type_TypeError, "type %s doesn't define __round__", mpf_obj_type_name(x));
    }
    mpf_int_t nd = n_args > 1 && args[1] != mpf_const_none ? mpf_obj_int_value(args[1]) : 0;
    if (nd >= 0) {
        return mpf_obj_is_int(x) ? MPF_OBJ_NEW_SMALL_INT(mpf_obj_int_value(x)) : x;
    }
    mpf_obj_t p = MPF_OBJ_NEW_SMALL_INT(1), ten = MPF_OBJ_NEW_SMALL_INT(10);
    for (mpf_int_t i = 0; i < -nd; ++i) {
        p = mpf_binary_op(MP_BINARY_OP_MULTIPLY, p, ten);
    }
    mpf_obj_t r = mpf_binary_op(MP_BINARY_OP_MODULO, x, p);
    mpf_obj_t q = mpf_binary_op(MP_BINARY_OP_SUBTRACT, x, r);
    mpf_obj_t r2 = mpf_binary_op(MP_BINARY_OP_ADD, r, r);
    bool up = mpf_obj_is_true(mpf_binary_op(MP_BINARY_OP_MORE, r2, p));
    if (mpf_obj_equal(r2, p)) {
        mpf_obj_t odd = mpf_binary_op(MP_BINARY_OP_AND, mpf_binary_op(MP_BINARY_OP_FLOOR_DIVIDE, q, p),
            MPF_OBJ_NEW_SMALL_INT(1));
        up = mpf_obj_is_true(odd);
    }
    return up ? mpf_binary_op(MP_BINARY_OP_ADD, q, p) : q;
}

static void dir_add_map(mpf_obj_t names, const mpf_map_t *m) {
    size_t pos = 0;
    mpf_qstr_t key;
    mpf_obj_t value;
    while (m != NULL && mpf_map_next(m, &pos, &key, &value)) {
        mpf_set_add(names, MPF_OBJ_NEW_QSTR(key));
    }
}

static void dir_add_type(mpf_obj_t names, const mpf_type_t *t) {
    if (t->flags & MPF_TYPE_FLAG_CLASS) {
        const mpf_class_t *c = (const mpf_class_t *)t;
        const mpf_tuple_t *mro = c->mro;
        dir_add_map(names, c->locals);
        for (size_t i = 1; i < mro->len; ++i) {
            dir_add_type(names, mro->items[i]);
        }
        if (c->native != NULL) {
            dir_add_type(names, c->native);
        }
        return;
    }
    for (; t != NULL; t = t->parent) {
        for (size_t i = 0; i < t->n_methods; ++i) {
            mpf_set_add(names, MPF_OBJ_NEW_QSTR(t->methods[i].name));
        }
    }
}

/* dir([obj]): the names of the module, or of obj's attributes, sorted */
static mpf_obj_t builtin_dir(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    want_args(n_args, 0, 1);
    mpf_obj_t names = mpf_set_new(&mpf_type_set);
    if (n_args == 0) {
        dir_add_map(names, mpf_vm_globals());
    } else {
        const mpf_type_t *t = mpf_obj_get_type(args[0]);
        if (t == &mpf_type_type) {
            dir_add_type(names, args[0]);
        } else {
            if (mpf_obj_is_class_instance(args[0])) {
                dir_add_map(names, ((const mpf_instance_t *)args[0])->members);
            }
            dir_add_type(names, t);
        }
        mpf_set_add(names, MPF_OBJ_NEW_QSTR(MP_QSTR___class__));
    }
    mpf_obj_t list = mpf_list_from_iter(names);
    mpf_list_sort(list, mpf_const_none, false);
    return list;
}

#define BUILTIN(NAME) \
    static const mpf_builtin_t builtin_##NAME##_obj = {{&mpf_type_builtin}, MP_QSTR_##NAME, builtin_##NAME}
BUILTIN(__import__);
BUILTIN(isinstance);
BUILTIN(sorted);
BUILTIN(issubclass);
BUILTIN(sum);
BUILTIN(min);
BUILTIN(max);
BUILTIN(any);
BUILTIN(all);
BUILTIN(iter);
BUILTIN(next);
BUILTIN(repr);
BUILTIN(chr);
BUILTIN(ord);
BUILTIN(hash);
BUILTIN(callable);
BUILTIN(divmod);
BUILTIN(pow);
BUILTIN(hex);
BUILTIN(oct);
BUILTIN(bin);
BUILTIN(format);
BUILTIN(round);
BUILTIN(dir);

const mpf_builtin_entry_t mpf_builtin_funs[] = {
    {MP_QSTR_isinstance, &builtin_isinstance_obj},
    {MP_QSTR_sorted, &builtin_sorted_obj},
    {MP_QSTR_issubclass, &builtin_issubclass_obj},
    {MP_QSTR_sum, &builtin_sum_obj},
    {MP_QSTR_min, &builtin_min_obj},
    {MP_QSTR_max, &builtin_max_obj},
    {MP_QSTR_any, &builtin_any_obj},
    {MP_QSTR_all, &builtin_all_obj},
    {MP_QSTR_iter, &builtin_iter_obj},
    {MP_QSTR_next, &builtin_next_obj},
    {MP_QSTR_repr, &builtin_repr_obj},
    {MP_QSTR_chr, &builtin_chr_obj},
    {MP_QSTR_ord, &builtin_ord_obj},
    {MP_QSTR_hash, &builtin_hash_obj},
    {MP_QSTR_callable, &builtin_callable_obj},
    {MP_QSTR_divmod, &builtin_divmod_obj},
    {MP_QSTR_pow, &builtin_pow_obj},
    {MP_QSTR_hex, &builtin_hex_obj},
    {MP_QSTR_oct, &builtin_oct_obj},
    {MP_QSTR_bin, &builtin_bin_obj},
    {MP_QSTR_format, &builtin_format_obj},
    {MP_QSTR_round, &builtin_round_obj},
    {MP_QSTR_dir, &builtin_dir_obj},
    {MP_QSTR_type, &mpf_type_type},
    {MP_QSTR_tuple, &mpf_type_tuple},
    {MP_QSTR_list, &mpf_type_list},
    {MP_QSTR_dict, &mpf_type_dict},
    {MP_QSTR_set, &mpf_type_set},
    {MP_QSTR_frozenset, &mpf_type_frozenset},
    {MP_QSTR_str, &mpf_type_str},
    {MP_QSTR_bytes, &mpf_type_bytes},
    {MP_QSTR_bytearray, &mpf_type_bytearray},
    {MP_QSTR_memoryview, &mpf_type_memoryview},
    {MP_QSTR_int, &mpf_type_int},
    {MP_QSTR_bool, &mpf_type_bool},
    {MP_QSTR_enumerate, &mpf_type_enumerate},
    {MP_QSTR_zip, &mpf_type_zip},
    {MP_QSTR_map, &mpf_type_map},
    {MP_QSTR_filter, &mpf_type_filter},
    {MP_QSTR_reversed, &mpf_type_reversed},
    {MP_QSTR_slice, &mpf_type_slice},
    {MP_QSTR_LookupError, &mpf_type_LookupError},
    {MP_QSTR_IndexError, &mpf_type_IndexError},
    {MP_QSTR_KeyError, &mpf_type_KeyError},
    {MP_QSTR_AttributeError, &mpf_type_AttributeError},
    {MP_QSTR_StopIteration, &mpf_type_StopIteration},
    {MP_QSTR_StopAsyncIteration, &mpf_type_StopAsyncIteration},
    {MP_QSTR_Ellipsis, &mpf_const_ellipsis_obj},
    {MP_QSTR___import__, &builtin___import___obj},
    {MP_QSTR_AssertionError, &mpf_type_AssertionError},
    {MP_QSTR_KeyboardInterrupt, &mpf_type_KeyboardInterrupt},
    {MP_QSTR_SystemExit, &mpf_type_SystemExit},
    {MP_QSTR_GeneratorExit, &mpf_type_GeneratorExit},
    {MP_QSTR_OSError, &mpf_type_OSError},
    {MP_QSTR_UnicodeError, &mpf_type_UnicodeError},
    {0, NULL},
};
