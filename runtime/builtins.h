/* The builtins namespace: a constant table of (name, object) per file, searched in turn. */
#ifndef MPF_BUILTINS_H
#define MPF_BUILTINS_H

#include "obj.h"

typedef struct {
    mpf_qstr_t name;
    const void *obj;
} mpf_builtin_entry_t;

/* `static const mpf_builtin_t <cname>`: the function `fun` called by Python as `qname` */
#define MPF_BUILTIN_OBJ(cname, qname, fun) \
    static const mpf_builtin_t cname = {{&mpf_type_builtin}, qname, fun}

/* builtinfuns.c; ends with a {0, NULL} entry */
extern const mpf_builtin_entry_t mpf_builtin_funs[];
/* objfloat.c: float and round, when the board has floats */
extern const mpf_builtin_entry_t mpf_builtin_float_funs[];
/* builtinattr.c */
extern const mpf_builtin_entry_t mpf_builtin_attrs[];

#endif /* MPF_BUILTINS_H */
