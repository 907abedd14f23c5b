/* The `micropython` module: what programs written for MicroPython import from it. */
#include "builtins.h"
#include "exc.h"
#include "module.h"

/* const() is folded by the compiler; at run time it is the identity */
static mpf_obj_t mp_const(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    if (n_args != 1 || n_kw != 0) {
        mpf_raise_msg(&mpf_type_TypeError, "function takes 1 positional arguments but %d were given", (int)n_args);
    }
    return args[0];
}
MPF_BUILTIN_OBJ(const_obj, MP_QSTR_const, mp_const);

/* the compiler runs on the host: code on the board was compiled at level 0 unless
 * the build said otherwise, and there is no compiler here to set a level for */
static mpf_obj_t mp_opt_level(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)args;
    if (n_args != 0 || n_kw != 0) {
        mpf_raise_msg(&mpf_type_TypeError, "opt_level takes no arguments on this runtime");
    }
    return MPF_OBJ_NEW_SMALL_INT(0);
}
MPF_BUILTIN_OBJ(opt_level_obj, MP_QSTR_opt_level, mp_opt_level);

static const mpf_builtin_entry_t micropython_table[] = {
    {MP_QSTR_const, &const_obj},
    {MP_QSTR_opt_level, &opt_level_obj},
    {0, NULL},
};

MPF_BUILTIN_MODULE(mpf_module_micropython, MP_QSTR_micropython, micropython_table);
