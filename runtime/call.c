/* Calls: binding a call's arguments to a bytecode function's parameters, and the
 * calls whose arguments are unpacked from iterables (star) and mappings (double star). */
#include <string.h>

#include "call.h"
#include "exc.h"
#include "gc.h"

/* Is `key` (a keyword argument's name: a qstr, or a str built at run time) `name`? */
static bool key_is(mpf_obj_t key, mpf_qstr_t name) {
    if (MPF_OBJ_IS_QSTR(key)) {
        return MPF_OBJ_QSTR_VALUE(key) == name;
    }
    return mpf_obj_is_str(key) && mpf_obj_equal(key, MPF_OBJ_NEW_QSTR(name));
}

static _Noreturn void pos_mismatch(size_t expected, size_t given) {
    mpf_raise_msg(&mpf_type_TypeError, "function takes %d positional arguments but %d were given",
        (int)expected, (int)given);
}

/* Locals: the positional parameters from fastn[0] down, then the keyword-only ones,
 * then the *args tuple, then the **kwargs dict (as the compiler numbers them). */
void mpf_bind_args(const mpf_fun_bc_t *fun, const mpf_prelude_t *pre, mpf_obj_t *fastn, size_t n_args,
    size_t n_kw, const mpf_obj_t *args) {
    size_t n_pos = pre->n_pos_args, n_kwonly = pre->n_kwonly_args;
    const mpf_tuple_t *defs = fun->def_pos;
    size_t n_def = defs == NULL ? 0 : defs->len;
    if (n_def > n_pos) {
        n_def = n_pos;
    }
    const uint16_t *qt = fun->ctx->qstr_table;
    size_t var_slot = n_pos + n_kwonly;
    bool has_var = (pre->scope_flags & MPF_SCOPE_FLAG_VARARGS) != 0;
    bool has_varkw = (pre->scope_flags & MPF_SCOPE_FLAG_VARKEYWORDS) != 0;
    const mpf_obj_t *kw = n_args ? args + n_args : args; /* args may be NULL when empty */

    size_t n_given = n_args;
    if (n_args > n_pos) {
        if (!has_var) {
            pos_mismatch(n_pos, n_args);
        }
        fastn[-(ptrdiff_t)var_slot] = mpf_tuple_new(n_args - n_pos, args + n_pos);
        n_given = n_pos;
    } else if (has_var) {
        fastn[-(ptrdiff_t)var_slot] = mpf_tuple_new(0, NULL);
    }
    if (n_kw == 0 && n_given + n_def < n_pos) {
        pos_mismatch(n_pos - n_def, n_given);
    }
    for (size_t i = 0; i < n_given; ++i) {
        fastn[-(ptrdiff_t)i] = args[i];
    }
    mpf_obj_t kwdict = MPF_OBJ_NULL;
    if (has_varkw) {
        kwdict = mpf_dict_new(n_kw);
        fastn[-(ptrdiff_t)(var_slot + has_var)] = kwdict;
    }
    for (size_t i = 0; i < n_kw; ++i) {
        mpf_obj_t key = kw[2 * i];
        size_t j = 0;
        while (j < n_pos + n_kwonly && !key_is(key, qt[mpf_bc_arg_name_index(pre, j)])) {
            ++j;
        }
        if (j == n_pos + n_kwonly) {
            if (kwdict == MPF_OBJ_NULL) {
                mpf_raise_msg(&mpf_type_TypeError, "unexpected keyword argument '%O'", key);
            }
            mpf_dict_store(kwdict, key, kw[2 * i + 1]);
            continue;
        }
        if (fastn[-(ptrdiff_t)j] != MPF_OBJ_NULL) {
            mpf_raise_msg(&mpf_type_TypeError, "function got multiple values for argument '%q'",
                qt[mpf_bc_arg_name_index(pre, j)]);
        }
        fastn[-(ptrdiff_t)j] = kw[2 * i + 1];
    }
    /* defaults fill the last n_def positional parameters still unset */
    for (size_t j = n_pos - n_def; j < n_pos; ++j) {
        if (fastn[-(ptrdiff_t)j] == MPF_OBJ_NULL) {
            fastn[-(ptrdiff_t)j] = defs->items[j - (n_pos - n_def)];
        }
    }
    for (size_t j = 0; j < n_pos; ++j) {
        if (fastn[-(ptrdiff_t)j] == MPF_OBJ_NULL) {
            mpf_raise_msg(&mpf_type_TypeError, "function missing required positional argument #%d",
                (int)(j + 1));
        }
    }
    for (size_t j = n_pos; j < n_pos + n_kwonly; ++j) {
        if (fastn[-(ptrdiff_t)j] != MPF_OBJ_NULL) {
            continue;
        }
        mpf_qstr_t name = qt[mpf_bc_arg_name_index(pre, j)];
        mpf_obj_t v = fun->def_kw == MPF_OBJ_NULL ? MPF_OBJ_NULL : mpf_dict_get(fun->def_kw, MPF_OBJ_NEW_QSTR(name));
        if (v == MPF_OBJ_NULL) {
            mpf_raise_msg(&mpf_type_TypeError, "function missing required keyword argument '%q'", name);
        }
        fastn[-(ptrdiff_t)j] = v;
    }
}

/* One argument list from positional items some of which are *-unpacked (bit i of
 * `star` set), and keyword pairs whose key is NULL for a **-unpacked mapping. */
mpf_obj_t mpf_call_var_kw(mpf_obj_t fun, mpf_obj_t self, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    size_t star = (size_t)MPF_OBJ_SMALL_INT_VALUE(args[n_args + 2 * n_kw]);
    mpf_obj_t pos = mpf_list_new(0, NULL);
    if (self != MPF_OBJ_NULL) {
        mpf_list_append(pos, self);
    }
    for (size_t i = 0; i < n_args; ++i) {
        if (i < 8 * sizeof(size_t) && ((star >> i) & 1)) {
            mpf_obj_t it = mpf_getiter(args[i]);
            mpf_obj_t x;
            while ((x = mpf_iternext(it)) != MPF_OBJ_NULL) {
                mpf_list_append(pos, x);
            }
        } else {
            mpf_list_append(pos, args[i]);
        }
    }
    size_t n_pos = ((mpf_list_t *)pos)->len;
    for (size_t i = 0; i < n_kw; ++i) {
        mpf_obj_t key = args[n_args + 2 * i], value = args[n_args + 2 * i + 1];
        if (key != MPF_OBJ_NULL) {
            mpf_list_append(pos, key);
            mpf_list_append(pos, value);
            continue;
        }
        if (mpf_obj_get_type(value) == &mpf_type_dict) {
            const mpf_dict_t *d = value;
            for (size_t k = 0; k < d->n_entries; ++k) {
                if (d->entries[k].key != MPF_OBJ_NULL) {
                    if (!mpf_obj_is_str(d->entries[k].key)) {
                        mpf_raise_msg(&mpf_type_TypeError, "keywords must be strings");
                    }
                    mpf_list_append(pos, d->entries[k].key);
                    mpf_list_append(pos, d->entries[k].value);
                }
            }
            continue;
        }
        /* any other mapping: its keys(), then value[key] */
        mpf_obj_t m[2];
        mpf_load_method(value, MP_QSTR_keys, m);
        mpf_obj_t keys = mpf_call(m[0], m[1] == MPF_OBJ_NULL ? 0 : 1, 0, &m[1]);
        mpf_obj_t it = mpf_getiter(keys);
        mpf_obj_t k;
        while ((k = mpf_iternext(it)) != MPF_OBJ_NULL) {
            mpf_list_append(pos, k);
            mpf_list_append(pos, mpf_subscr(value, k, MPF_SUBSCR_LOAD));
        }
    }
    const mpf_list_t *l = pos;
    return mpf_call(fun, n_pos, (l->len - n_pos) / 2, l->items);
}
