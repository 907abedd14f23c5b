/* What genhdr/frozen_content.c defines: modules as const data, run in place. */
#ifndef MPF_FROZEN_H
#define MPF_FROZEN_H

#include "obj.h"
#include "objfloat.h"
#include "qstr.h"

typedef struct {
    const char *name; /* NULL ends the table */
    const mpf_raw_code_t *rc;
    const uint16_t *qstr_table;
    const mpf_obj_t *obj_table;
    bool is_package; /* `name` is a package's __init__ */
} mpf_frozen_module_t;

extern const mpf_frozen_module_t mpf_frozen_modules[];

#endif /* MPF_FROZEN_H */
