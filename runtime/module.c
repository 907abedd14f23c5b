/* Module objects and the import statement (module.h). */
#include <string.h>

#include "exc.h"
#include "frozen.h"
#include "gc.h"
#include "load.h"
#include "module.h"
#include "print.h"
#include "qstr.h"
#include "vm.h"

/* sys.modules: dotted name (a qstr) -> module; a module is entered before its code
 * runs, so that an import cycle finds the half-made module instead of looping */
static mpf_obj_t loaded;

__attribute__((weak)) const mpf_module_t *const mpf_port_modules[] = {NULL};

__attribute__((weak)) const uint8_t *mpf_port_find_mpy(const char *name, size_t name_len,
    size_t *len, bool *is_package) {
    (void)name;
    (void)name_len;
    (void)len;
    (void)is_package;
    return NULL;
}

void mpf_module_init(void) {
    loaded = mpf_dict_new(8);
    mpf_gc_add_root((void **)&loaded);
}

mpf_obj_t mpf_loaded_modules(void) {
    return loaded;
}

static mpf_obj_t module_attr(mpf_obj_t self, mpf_qstr_t attr, mpf_obj_t value) {
    mpf_module_t *m = self;
    if (value == MPF_ATTR_LOAD) {
        if (m->globals != NULL) {
            mpf_obj_t v = mpf_map_get(m->globals, attr);
            if (v != MPF_OBJ_NULL) {
                return v;
            }
        }
        for (const mpf_builtin_entry_t *e = m->table; e != NULL && e->obj != NULL; ++e) {
            if (e->name == attr) {
                return (mpf_obj_t)e->obj;
            }
        }
        return attr == MP_QSTR___name__ ? MPF_OBJ_NEW_QSTR(m->name) : MPF_OBJ_NULL;
    }
    if (m->table != NULL) {
        return MPF_OBJ_NULL; /* a built-in module's names are fixed in ROM */
    }
    if (value == MPF_OBJ_NULL) {
        return mpf_map_delete(m->globals, attr) ? mpf_const_none : MPF_OBJ_NULL;
    }
    mpf_map_set(m->globals, attr, value);
    return mpf_const_none;
}

static void module_print(mpf_print_t *p, mpf_obj_t self, bool repr) {
    (void)repr;
    const mpf_module_t *m = self;
    mpf_obj_t file = m->globals != NULL ? mpf_map_get(m->globals, MP_QSTR___file__) : MPF_OBJ_NULL;
    if (file != MPF_OBJ_NULL) {
        mpf_printf(p, "<module '%q' from '", m->name);
        mpf_obj_print_to(p, file, false);
        mpf_printf(p, "'>");
    } else {
        mpf_printf(p, "<module '%q'>", m->name);
    }
}

const mpf_type_t mpf_type_module = {
    .base = {&mpf_type_type},
    .name = MP_QSTR_module,
    .print = module_print,
    .attr = module_attr,
};

static const mpf_module_t *find_builtin(const mpf_module_t *const *list, mpf_qstr_t name) {
    for (; *list != NULL; ++list) {
        if ((*list)->name == name) {
            return *list;
        }
    }
    return NULL;
}

static const mpf_frozen_module_t *find_frozen(const char *name, size_t len) {
    for (const mpf_frozen_module_t *m = mpf_frozen_modules; m->name != NULL; ++m) {
        if (strncmp(m->name, name, len) == 0 && m->name[len] == '\0') {
            return m;
        }
    }
    return NULL;
}

/* Runs a module's code in fresh globals, as the module `name`, entered in sys.modules. */
static mpf_obj_t execute(mpf_qstr_t name, const mpf_raw_code_t *rc, mpf_context_t *ctx, bool is_package) {
    mpf_module_t *m = mpf_alloc(sizeof(*m));
    m->base.type = &mpf_type_module;
    m->name = name;
    m->table = NULL;
    m->init = NULL;
    m->globals = ctx->globals = mpf_map_new(16);
    mpf_map_set(m->globals, MP_QSTR___name__, MPF_OBJ_NEW_QSTR(name));
    mpf_map_set(m->globals, MP_QSTR___file__, MPF_OBJ_NEW_QSTR(ctx->qstr_table[0]));
    if (is_package) {
        mpf_map_set(m->globals, MP_QSTR___path__, MPF_OBJ_NEW_QSTR(name));
    }
    mpf_obj_t key = MPF_OBJ_NEW_QSTR(name);
    mpf_dict_store(loaded, key, m);
    /* module-level code looks names up in its globals, even when imported from a class body */
    mpf_map_t *outer_locals = mpf_cur_locals;
    mpf_cur_locals = NULL;
    mpf_nlr_t nlr;
    mpf_nlr_push(&nlr);
    if (setjmp(nlr.jb) == 0) {
        mpf_execute_bytecode(mpf_make_function(rc, ctx, NULL), 0, 0, NULL);
        mpf_nlr_pop();
        mpf_cur_locals = outer_locals;
        return m;
    }
    mpf_cur_locals = outer_locals;
    mpf_subscr(loaded, key, MPF_OBJ_NULL); /* a failed import leaves no module behind */
    mpf_raise(nlr.exc);
}

/* The module `text[0:len]` (a dotted name whose prefixes are imported already). */
static mpf_obj_t import_one(const char *text, size_t len) {
    mpf_qstr_t name = mpf_qstr_from_strn_static(text, len);
    mpf_obj_t m = mpf_dict_get(loaded, MPF_OBJ_NEW_QSTR(name));
    if (m != MPF_OBJ_NULL) {
        return m;
    }
    const mpf_module_t *builtin = find_builtin(mpf_builtin_modules, name);
    if (builtin == NULL) {
        builtin = find_builtin(mpf_port_modules, name);
    }
    if (builtin != NULL && builtin->init != NULL) {
        mpf_module_t *m = mpf_alloc(sizeof(*m));
        *m = *builtin;
        m->globals = mpf_map_new(4);
        mpf_dict_store(loaded, MPF_OBJ_NEW_QSTR(name), m);
        builtin->init(m->globals);
        return m;
    }
    if (builtin != NULL) {
        return (mpf_obj_t)builtin;
    }
    mpf_context_t *ctx = mpf_alloc(sizeof(*ctx));
    const mpf_frozen_module_t *frozen = find_frozen(text, len);
    if (frozen != NULL) {
        ctx->qstr_table = frozen->qstr_table;
        ctx->obj_table = frozen->obj_table;
        return execute(name, frozen->rc, ctx, frozen->is_package);
    }
    size_t n;
    bool is_package = false;
    const uint8_t *mpy = mpf_port_find_mpy(text, len, &n, &is_package);
    if (mpy != NULL) {
        const mpf_raw_code_t *rc = mpf_load_mpy(mpy, n, ctx);
        return execute(name, rc, ctx, is_package);
    }
    mpf_raise_msg(&mpf_type_ImportError, "no module named '%q'", name);
}

/* The text of a relative import's target: the running module's package, `level` up. */
static const char *resolve_relative(mpf_qstr_t name, mpf_int_t level, size_t *len) {
    mpf_map_t *g = mpf_vm_globals();
    mpf_obj_t cur = g != NULL ? mpf_map_get(g, MP_QSTR___name__) : MPF_OBJ_NULL;
    if (cur == MPF_OBJ_NULL || !mpf_obj_is_str(cur)) {
        mpf_raise_msg(&mpf_type_ImportError, "can't perform relative import");
    }
    size_t cur_len, name_len;
    const char *cur_text = mpf_obj_str_data(cur, &cur_len);
    const char *name_text = mpf_qstr_str(name, &name_len);
    if (mpf_map_get(g, MP_QSTR___path__) != MPF_OBJ_NULL) {
        --level; /* a package's own code: its submodules are one level up from it */
    }
    const char *p = cur_text + cur_len;
    while (level > 0 && p > cur_text) {
        if (*--p == '.') {
            --level;
        }
    }
    if (p == cur_text) {
        mpf_raise_msg(&mpf_type_ImportError, "can't perform relative import");
    }
    size_t base = (size_t)(p - cur_text);
    *len = base + (name_len ? 1 + name_len : 0);
    char *text = mpf_alloc(*len + 1);
    memcpy(text, cur_text, base);
    if (name_len) {
        text[base] = '.';
        memcpy(text + base + 1, name_text, name_len);
    }
    text[*len] = '\0';
    return text;
}

mpf_obj_t mpf_import_name(mpf_qstr_t name, mpf_obj_t fromlist, mpf_obj_t level) {
    size_t len;
    const char *text = mpf_qstr_str(name, &len);
    if (MPF_OBJ_IS_SMALL_INT(level) && MPF_OBJ_SMALL_INT_VALUE(level) > 0) {
        text = resolve_relative(name, MPF_OBJ_SMALL_INT_VALUE(level), &len);
    }
    /* `import a.b.c` imports a, a.b and a.b.c, each an attribute of the one before */
    mpf_obj_t top = MPF_OBJ_NULL, parent = MPF_OBJ_NULL, m = MPF_OBJ_NULL;
    size_t start = 0;
    for (size_t i = 0; i <= len; ++i) {
        if (i < len && text[i] != '.') {
            continue;
        }
        m = import_one(text, i);
        if (parent != MPF_OBJ_NULL && ((mpf_module_t *)parent)->globals != NULL) {
            mpf_map_set(((mpf_module_t *)parent)->globals, mpf_qstr_from_strn_static(text + start, i - start), m);
        }
        top = top == MPF_OBJ_NULL ? m : top;
        parent = m;
        start = i + 1;
    }
    bool want_leaf = fromlist != mpf_const_none && mpf_obj_is_true(fromlist);
    return want_leaf ? m : top;
}

static bool is_package(mpf_obj_t module) {
    const mpf_module_t *m = module;
    return mpf_obj_get_type(module) == &mpf_type_module && m->globals != NULL &&
        mpf_map_get(m->globals, MP_QSTR___path__) != MPF_OBJ_NULL;
}

mpf_obj_t mpf_import_from(mpf_obj_t module, mpf_qstr_t name) {
    mpf_obj_t dest[2];
    mpf_load_method_maybe(module, name, dest);
    if (dest[0] != MPF_OBJ_NULL && dest[1] == MPF_OBJ_NULL) {
        return dest[0];
    }
    if (dest[0] == MPF_OBJ_NULL && is_package(module)) {
        /* `from pkg import sub`: the submodule, imported now */
        size_t pkg_len, name_len;
        const char *pkg = mpf_qstr_str(((const mpf_module_t *)module)->name, &pkg_len);
        const char *sub = mpf_qstr_str(name, &name_len);
        char *dotted = mpf_alloc(pkg_len + 1 + name_len + 1);
        memcpy(dotted, pkg, pkg_len);
        dotted[pkg_len] = '.';
        memcpy(dotted + pkg_len + 1, sub, name_len);
        dotted[pkg_len + 1 + name_len] = '\0';
        return mpf_import_name(mpf_qstr_from_strn_static(dotted, pkg_len + 1 + name_len), mpf_const_true,
            MPF_OBJ_NEW_SMALL_INT(0));
    }
    mpf_raise_msg(&mpf_type_ImportError, "can't import name %q", name);
}

void mpf_import_star(mpf_obj_t module) {
    if (mpf_obj_get_type(module) != &mpf_type_module) {
        mpf_raise_msg(&mpf_type_TypeError, "can't import * from '%s'", mpf_obj_type_name(module));
    }
    const mpf_module_t *m = module;
    mpf_map_t *into = mpf_cur_locals != NULL ? mpf_cur_locals : mpf_vm_globals();
    /* names starting with an underscore are the module's own */
    for (const mpf_builtin_entry_t *e = m->table; e != NULL && e->obj != NULL; ++e) {
        if (*mpf_qstr_str(e->name, &(size_t){0}) != '_') {
            mpf_map_set(into, e->name, (mpf_obj_t)e->obj);
        }
    }
    size_t pos = 0;
    mpf_qstr_t key;
    mpf_obj_t value;
    while (m->globals != NULL && mpf_map_next(m->globals, &pos, &key, &value)) {
        if (*mpf_qstr_str(key, &(size_t){0}) != '_') {
            mpf_map_set(into, key, value);
        }
    }
}
