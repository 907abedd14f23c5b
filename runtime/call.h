/* Calls of bytecode functions: parameter binding, and star/double-star arguments at call sites. */
#ifndef MPF_CALL_H
#define MPF_CALL_H

#include "bc.h"
#include "obj.h"

/* Binds a call's arguments (n_args positional, then n_kw name/value pairs) to the
 * function's locals, fastn[0] being local 0 and locals growing downwards; defaults,
 * *args and **kwargs as the prelude declares them. Raises TypeError on a mismatch. */
void mpf_bind_args(const mpf_fun_bc_t *fun, const mpf_prelude_t *pre, mpf_obj_t *fastn, size_t n_args,
    size_t n_kw, const mpf_obj_t *args);

/* CALL_FUNCTION_VAR_KW / CALL_METHOD_VAR_KW: args holds n_args positional items, n_kw
 * keyword pairs and a small-int bitmap of the positional items to *-unpack; a pair
 * with a NULL key is a mapping to **-unpack. `self` (or NULL) goes first. */
mpf_obj_t mpf_call_var_kw(mpf_obj_t fun, mpf_obj_t self, size_t n_args, size_t n_kw, const mpf_obj_t *args);

#endif /* MPF_CALL_H */
