/* The built-in modules: each defined in its own file, listed here for import. */
#include "module.h"

extern const mpf_module_t mpf_module_micropython;

const mpf_module_t *const mpf_builtin_modules[] = {
    &mpf_module_micropython,
    NULL,
};
