/* The `errno` module: the error numbers OSError carries, and their names. The numbers
 * are Linux's, which MicroPython's ports use too. */
#include "builtins.h"
#include "module.h"

#define E(q, n) {q, MPF_OBJ_NEW_SMALL_INT(n)}

static const mpf_builtin_entry_t errno_table[] = {
    E(MP_QSTR_EPERM, 1),
    E(MP_QSTR_ENOENT, 2),
    E(MP_QSTR_EIO, 5),
    E(MP_QSTR_EBADF, 9),
    E(MP_QSTR_EAGAIN, 11),
    E(MP_QSTR_ENOMEM, 12),
    E(MP_QSTR_EACCES, 13),
    E(MP_QSTR_EEXIST, 17),
    E(MP_QSTR_ENODEV, 19),
    E(MP_QSTR_EISDIR, 21),
    E(MP_QSTR_EINVAL, 22),
    E(MP_QSTR_EOPNOTSUPP, 95),
    E(MP_QSTR_EADDRINUSE, 98),
    E(MP_QSTR_ECONNABORTED, 103),
    E(MP_QSTR_ECONNRESET, 104),
    E(MP_QSTR_ENOBUFS, 105),
    E(MP_QSTR_ENOTCONN, 107),
    E(MP_QSTR_ETIMEDOUT, 110),
    E(MP_QSTR_ECONNREFUSED, 111),
    E(MP_QSTR_EHOSTUNREACH, 113),
    E(MP_QSTR_EALREADY, 114),
    E(MP_QSTR_EINPROGRESS, 115),
    {0, NULL},
};

/* errorcode, a dict, is made at the first import */
static void errno_init(mpf_map_t *globals) {
    mpf_obj_t d = mpf_dict_new(sizeof(errno_table) / sizeof(errno_table[0]));
    for (const mpf_builtin_entry_t *e = errno_table; e->obj != NULL; ++e) {
        mpf_dict_store(d, (mpf_obj_t)e->obj, MPF_OBJ_NEW_QSTR(e->name));
    }
    mpf_map_set(globals, MP_QSTR_errorcode, d);
}

MPF_BUILTIN_MODULE_WITH_STATE(mpf_module_errno, MP_QSTR_errno, errno_table, errno_init);
