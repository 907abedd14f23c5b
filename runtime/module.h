/* Modules and import.
 *
 * A module is built in (its names in a ROM table, e.g. `math`) or made by running
 * bytecode (a frozen module, or an .mpy file a port finds): then its names are the
 * globals that code filled. Imported modules are kept in one dict (`sys.modules`) by
 * their dotted name; built-in modules are found in `mpf_builtin_modules` each time.
 */
#ifndef MPF_MODULE_H
#define MPF_MODULE_H

#include "builtins.h"
#include "obj.h"

typedef struct {
    mpf_obj_base_t base; /* &mpf_type_module */
    mpf_qstr_t name;
    const mpf_builtin_entry_t *table; /* built-in: (name, object) pairs ending {0, NULL}; else NULL */
    mpf_map_t *globals;               /* looked up before `table`; NULL if none */
    /* a built-in module with state (sys.argv): the first import enters a heap copy of
     * it in sys.modules, whose globals this fills; NULL for none */
    void (*init)(mpf_map_t *globals);
} mpf_module_t;

extern const mpf_type_t mpf_type_module;

/* A built-in module whose names are the ROM table `table_`, listed in modules.c. */
#define MPF_BUILTIN_MODULE(cname, qname, table_) \
    const mpf_module_t cname = {{&mpf_type_module}, qname, table_, NULL, NULL}

/* The same, with names made at run time by `init_` (module state lives on the heap). */
#define MPF_BUILTIN_MODULE_WITH_STATE(cname, qname, table_, init_) \
    const mpf_module_t cname = {{&mpf_type_module}, qname, table_, NULL, init_}

/* modules.c: every built-in module of this runtime, ending with NULL */
extern const mpf_module_t *const mpf_builtin_modules[];

/* The port's own modules (machine, a board's drivers), ending with NULL; the runtime's
 * weak default has none. */
extern const mpf_module_t *const mpf_port_modules[];

/* A module a port can load from its storage (unix: an .mpy file beside the program),
 * by its dotted name: the .mpy image, which must stay valid from then on, and its
 * length, or NULL when there is none. */
const uint8_t *mpf_port_find_mpy(const char *name, size_t name_len, size_t *len, bool *is_package);

void mpf_module_init(void); /* empties sys.modules; registers its GC roots */
mpf_obj_t mpf_loaded_modules(void); /* sys.modules, a dict */

/* IMPORT_NAME, IMPORT_FROM and IMPORT_STAR */
mpf_obj_t mpf_import_name(mpf_qstr_t name, mpf_obj_t fromlist, mpf_obj_t level);
mpf_obj_t mpf_import_from(mpf_obj_t module, mpf_qstr_t name);
void mpf_import_star(mpf_obj_t module);

/* modio.c: the builtin open() */
extern const mpf_builtin_t mpf_builtin_open_obj;

/* modio.c: writes the text s[0:n] to a stream object through its write method */
void mpf_stream_write(mpf_obj_t stream, const char *s, size_t n);

/* modos.c: OSError(err) unless err is 0; a str argument as a C string (a heap copy) */
void mpf_raise_os_error(int err);
const char *mpf_path_arg(mpf_obj_t path);

/* modsys.c: sys.argv for the program about to run (the strings must outlive the run) */
void mpf_sys_set_argv(size_t argc, const char *const *argv);

#endif /* MPF_MODULE_H */
