/* The `os` module over the port's filesystem (mpf.h), and the runtime's default for a
 * port without one: nothing but an empty root directory. */
#include <string.h>

#include "binary.h"
#include "builtins.h"
#include "exc.h"
#include "gc.h"
#include "module.h"
#include "mpf.h"

#define NO_ENTRY (2) /* ENOENT */
#define NO_DEVICE (19) /* ENODEV */

static bool is_root(const char *path) {
    return strcmp(path, "/") == 0 || strcmp(path, ".") == 0 || strcmp(path, "") == 0;
}

__attribute__((weak)) int mpf_port_getcwd(char *buf, size_t size) {
    if (size < 2) {
        return 34; /* ERANGE */
    }
    memcpy(buf, "/", 2);
    return 0;
}

__attribute__((weak)) int mpf_port_listdir(const char *path, void (*each)(void *ctx, const char *name), void *ctx) {
    (void)each;
    (void)ctx;
    return is_root(path) ? 0 : NO_ENTRY;
}

__attribute__((weak)) int mpf_port_stat(const char *path, mpf_port_stat_t *st) {
    if (!is_root(path)) {
        return NO_ENTRY;
    }
    memset(st, 0, sizeof(*st));
    st->mode = 0x4000 | 0755;
    return 0;
}

__attribute__((weak)) int mpf_port_file_open(const char *path, const char *mode, void **file) {
    (void)path;
    (void)file;
    return strchr(mode, 'r') != NULL ? NO_ENTRY : NO_DEVICE;
}

__attribute__((weak)) int mpf_port_file_read(void *file, char *buf, size_t size, size_t *got) {
    (void)file;
    (void)buf;
    (void)size;
    *got = 0;
    return 0;
}

__attribute__((weak)) int mpf_port_file_write(void *file, const char *buf, size_t size) {
    (void)file;
    (void)buf;
    (void)size;
    return NO_DEVICE;
}

__attribute__((weak)) int mpf_port_file_close(void *file) {
    (void)file;
    return 0;
}

void mpf_raise_os_error(int err) {
    if (err != 0) {
        mpf_raise(mpf_exc_new(&mpf_type_OSError, MPF_OBJ_NEW_SMALL_INT(err)));
    }
}

const char *mpf_path_arg(mpf_obj_t path) {
    size_t len;
    if (!mpf_obj_is_str(path)) {
        mpf_raise_msg(&mpf_type_TypeError, "path must be str");
    }
    const char *s = mpf_obj_str_data(path, &len);
    char *c = mpf_alloc(len + 1);
    memcpy(c, s, len);
    return c; /* zeroed memory: NUL-terminated */
}

static mpf_obj_t os_getcwd(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_args;
    (void)n_kw;
    (void)args;
    char buf[256];
    mpf_raise_os_error(mpf_port_getcwd(buf, sizeof buf));
    buf[sizeof buf - 1] = '\0';
    return mpf_obj_new_str(buf, strlen(buf));
}
MPF_BUILTIN_OBJ(getcwd_obj, MP_QSTR_getcwd, os_getcwd);

static void add_name(void *list, const char *name) {
    mpf_list_append(list, mpf_obj_new_str(name, strlen(name)));
}

static mpf_obj_t os_listdir(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    mpf_obj_t list = mpf_list_new(0, NULL);
    mpf_raise_os_error(mpf_port_listdir(n_args ? mpf_path_arg(args[0]) : ".", add_name, list));
    return list;
}
MPF_BUILTIN_OBJ(listdir_obj, MP_QSTR_listdir, os_listdir);

/* stat(path): (mode, ino, dev, nlink, uid, gid, size, atime, mtime, ctime) */
static mpf_obj_t os_stat(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_args;
    (void)n_kw;
    mpf_port_stat_t st;
    mpf_raise_os_error(mpf_port_stat(mpf_path_arg(args[0]), &st));
    mpf_tuple_t *t = mpf_tuple_new(10, NULL);
    for (size_t i = 0; i < 10; ++i) {
        t->items[i] = MPF_OBJ_NEW_SMALL_INT(0);
    }
    t->items[0] = MPF_OBJ_NEW_SMALL_INT(st.mode);
    t->items[6] = mpf_binary_int(st.size, false);
    t->items[7] = t->items[8] = t->items[9] = mpf_binary_int((uint64_t)st.mtime, true);
    return t;
}
MPF_BUILTIN_OBJ(stat_obj, MP_QSTR_stat, os_stat);

static const mpf_builtin_entry_t os_table[] = {
    {MP_QSTR_getcwd, &getcwd_obj},
    {MP_QSTR_listdir, &listdir_obj},
    {MP_QSTR_stat, &stat_obj},
    {MP_QSTR_sep, MPF_OBJ_NEW_QSTR(MP_QSTR__x2f_)},
    {0, NULL},
};

MPF_BUILTIN_MODULE(mpf_module_os, MP_QSTR_os, os_table);
