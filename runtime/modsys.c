/* The `sys` module: the program's arguments, the import path and modules, exit, the
 * console streams, and the facts MicroPython v1.19.1 reports about itself. */
#include <string.h>

#include "builtins.h"
#include "exc.h"
#include "modcollections.h"
#include "module.h"
#include "mpf.h"
#include "print.h"

/* --- sys.stdout and sys.stderr: the port's console and error streams --- */

typedef struct {
    mpf_obj_base_t base;
    bool error;
} console_t;

static mpf_obj_t console_write(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    size_t len;
    if (n_args != 2 || n_kw != 0 || !mpf_obj_is_str(args[1])) {
        mpf_raise_msg(&mpf_type_TypeError, "write takes one str");
    }
    const char *s = mpf_obj_str_data(args[1], &len);
    if (((const console_t *)args[0])->error) {
        mpf_port_write_error(s, len);
    } else {
        mpf_write(s, len);
    }
    return MPF_OBJ_NEW_SMALL_INT(len);
}
MPF_BUILTIN_OBJ(console_write_obj, MP_QSTR_write, console_write);

static const mpf_method_t console_methods[] = {{MP_QSTR_write, &console_write_obj}};

static const mpf_type_t console_type = {
    .base = {&mpf_type_type},
    .name = MP_QSTR_TextIOWrapper,
    .methods = console_methods,
    .n_methods = 1,
};

static const console_t sys_stdout = {{&console_type}, false};
static const console_t sys_stderr = {{&console_type}, true};

/* --- functions --- */

static mpf_obj_t sys_exit(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    if (n_args > 1 || n_kw != 0) {
        mpf_raise_msg(&mpf_type_TypeError, "exit takes at most 1 argument");
    }
    mpf_raise(mpf_exc_new(&mpf_type_SystemExit, n_args ? args[0] : MPF_OBJ_NULL));
}
MPF_BUILTIN_OBJ(exit_obj, MP_QSTR_exit, sys_exit);

/* print_exception(exc, file=sys.stdout): the traceback as an uncaught one prints */
static mpf_obj_t sys_print_exception(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    if (n_args < 1 || n_args + n_kw > 2) {
        mpf_raise_msg(&mpf_type_TypeError, "print_exception(exc, file=sys.stdout)");
    }
    mpf_obj_t file = n_args == 2 ? args[1] : n_kw ? args[2] : mpf_const_none;
    if (file == mpf_const_none || file == (mpf_obj_t)&sys_stdout) {
        mpf_exc_print_traceback(&mpf_print_console, args[0]);
        return mpf_const_none;
    }
    mpf_print_t p;
    mpf_print_init_heap(&p);
    mpf_exc_print_traceback(&p, args[0]);
    mpf_stream_write(file, p.buf, p.len);
    return mpf_const_none;
}
MPF_BUILTIN_OBJ(print_exception_obj, MP_QSTR_print_exception, sys_print_exception);

/* --- constants --- */

static const char version_text[] = "3.4.0; MicroPython v1.19.1";
static const mpf_str_t sys_version = {{&mpf_type_str}, sizeof(version_text) - 1, version_text};

static const MPF_ROM_TUPLE_T(3) sys_version_info = {
    {&mpf_type_tuple}, 3, {MPF_OBJ_NEW_SMALL_INT(3), MPF_OBJ_NEW_SMALL_INT(4), MPF_OBJ_NEW_SMALL_INT(0)}};
static const MPF_ROM_TUPLE_T(3) impl_version = {
    {&mpf_type_tuple}, 3, {MPF_OBJ_NEW_SMALL_INT(1), MPF_OBJ_NEW_SMALL_INT(19), MPF_OBJ_NEW_SMALL_INT(1)}};

static const mpf_qstr_t impl_fields[] = {MP_QSTR_name, MP_QSTR_version, MP_QSTR__mpy};
static const mpf_namedtuple_type_t impl_type = MPF_NAMEDTUPLE_TYPE(0, 3, impl_fields);
static const MPF_ROM_TUPLE_T(3) sys_implementation = {
    {&impl_type.type}, 3, {MPF_OBJ_NEW_QSTR(MP_QSTR_micropython), (mpf_obj_t)&impl_version, MPF_OBJ_NEW_SMALL_INT(6)}};

/* 2**63 - 1, as MicroPython's 64-bit unix port has it, on every target (a big int on
 * both word sizes) */
static const MPF_ROM_BIGINT_T(2) sys_maxsize = {{&mpf_type_int}, 2, false, {0xffffffffu, 0x7fffffffu}};

#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define BYTEORDER MP_QSTR_little
#else
#define BYTEORDER MP_QSTR_big
#endif

static const mpf_builtin_entry_t sys_table[] = {
    {MP_QSTR_exit, &exit_obj},
    {MP_QSTR_print_exception, &print_exception_obj},
    {MP_QSTR_stdout, &sys_stdout},
    {MP_QSTR_stderr, &sys_stderr},
    {MP_QSTR_version, &sys_version},
    {MP_QSTR_version_info, &sys_version_info},
    {MP_QSTR_implementation, &sys_implementation},
    {MP_QSTR_byteorder, MPF_OBJ_NEW_QSTR(BYTEORDER)},
    {MP_QSTR_maxsize, &sys_maxsize},
    {0, NULL},
};

/* the port's arguments, made into sys.argv at the first import of sys */
static size_t argv_count;
static const char *const *argv_strings;

void mpf_sys_set_argv(size_t argc, const char *const *argv) {
    argv_count = argc;
    argv_strings = argv;
}

static void sys_init(mpf_map_t *globals) {
    mpf_obj_t argv = mpf_list_new(0, NULL);
    mpf_map_set(globals, MP_QSTR_argv, argv);
    for (size_t i = 0; i < argv_count; ++i) {
        mpf_list_append(argv, mpf_obj_new_str(argv_strings[i], strlen(argv_strings[i])));
    }
    /* '' is the program's directory; frozen modules are found before either */
    mpf_obj_t path[] = {MPF_OBJ_NEW_QSTR(MP_QSTR_), MPF_OBJ_NEW_QSTR(MP_QSTR__x2e_frozen)};
    mpf_map_set(globals, MP_QSTR_path, mpf_list_new(2, path));
    mpf_map_set(globals, MP_QSTR_modules, mpf_loaded_modules());
}

MPF_BUILTIN_MODULE_WITH_STATE(mpf_module_sys, MP_QSTR_sys, sys_table, sys_init);
