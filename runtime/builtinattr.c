/* The builtins about classes and attributes: getattr, setattr, hasattr, delattr, id,
 * and the class-related types (object, super, property, staticmethod, classmethod). */
#include "builtins.h"
#include "exc.h"
#include "qstr.h"

static mpf_qstr_t name_arg(mpf_obj_t o) {
    if (MPF_OBJ_IS_QSTR(o)) {
        return MPF_OBJ_QSTR_VALUE(o);
    }
    if (!mpf_obj_is_str(o)) {
        mpf_raise_msg(&mpf_type_TypeError, "attribute name must be string, not '%s'", mpf_obj_type_name(o));
    }
    size_t len;
    const char *s = mpf_obj_str_data(o, &len);
    /* the pool refers to the text where it is; the pool keeps that string alive */
    return mpf_qstr_from_strn_static(s, len);
}

static void want(size_t n_args, size_t n_kw, size_t min, size_t max) {
    if (n_kw) {
        mpf_raise_msg(&mpf_type_TypeError, "function doesn't take keyword arguments");
    }
    if (n_args < min || n_args > max) {
        mpf_raise_msg(&mpf_type_TypeError, "function takes %d positional arguments but %d were given",
            (int)(n_args < min ? min : max), (int)n_args);
    }
}

/* the attribute, or NULL where getattr() would raise AttributeError */
static mpf_obj_t try_getattr(mpf_obj_t o, mpf_qstr_t attr) {
    mpf_nlr_t nlr;
    mpf_nlr_push(&nlr);
    if (setjmp(nlr.jb) == 0) {
        mpf_obj_t dest[2];
        mpf_load_method_maybe(o, attr, dest);
        mpf_nlr_pop();
        if (dest[0] == MPF_OBJ_NULL || dest[1] == MPF_OBJ_NULL) {
            return dest[0];
        }
        return mpf_load_attr(o, attr);
    }
    if (mpf_obj_is_exception(nlr.exc) && mpf_exc_match(nlr.exc, (mpf_obj_t)&mpf_type_AttributeError)) {
        return MPF_OBJ_NULL;
    }
    mpf_raise(nlr.exc);
}

static mpf_obj_t builtin_getattr(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    want(n_args, n_kw, 2, 3);
    mpf_qstr_t attr = name_arg(args[1]);
    if (n_args == 2) {
        return mpf_load_attr(args[0], attr);
    }
    mpf_obj_t v = try_getattr(args[0], attr);
    return v == MPF_OBJ_NULL ? args[2] : v;
}

static mpf_obj_t builtin_hasattr(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    want(n_args, n_kw, 2, 2);
    return MPF_OBJ_BOOL(try_getattr(args[0], name_arg(args[1])) != MPF_OBJ_NULL);
}

static mpf_obj_t builtin_setattr(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    want(n_args, n_kw, 3, 3);
    mpf_store_attr(args[0], name_arg(args[1]), args[2]);
    return mpf_const_none;
}

static mpf_obj_t builtin_delattr(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    want(n_args, n_kw, 2, 2);
    mpf_store_attr(args[0], name_arg(args[1]), MPF_OBJ_NULL);
    return mpf_const_none;
}

static mpf_obj_t builtin_id(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    want(n_args, n_kw, 1, 1);
    return MPF_OBJ_NEW_SMALL_INT((mpf_int_t)((uintptr_t)args[0] >> 1));
}

static mpf_obj_t builtin_globals(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)args;
    want(n_args, n_kw, 0, 0);
    return mpf_map_as_dict(mpf_vm_globals());
}

/* a class body's namespace, else the module's: a function's locals have no names */
static mpf_obj_t builtin_locals(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)args;
    want(n_args, n_kw, 0, 0);
    return mpf_map_as_dict(mpf_cur_locals != NULL ? mpf_cur_locals : mpf_vm_globals());
}

#define BUILTIN(NAME) \
    static const mpf_builtin_t builtin_##NAME##_obj = {{&mpf_type_builtin}, MP_QSTR_##NAME, builtin_##NAME}
BUILTIN(getattr);
BUILTIN(hasattr);
BUILTIN(setattr);
BUILTIN(delattr);
BUILTIN(id);
BUILTIN(globals);
BUILTIN(locals);

const mpf_builtin_entry_t mpf_builtin_attrs[] = {
    {MP_QSTR_getattr, &builtin_getattr_obj},
    {MP_QSTR_hasattr, &builtin_hasattr_obj},
    {MP_QSTR_setattr, &builtin_setattr_obj},
    {MP_QSTR_delattr, &builtin_delattr_obj},
    {MP_QSTR_id, &builtin_id_obj},
    {MP_QSTR_globals, &builtin_globals_obj},
    {MP_QSTR_locals, &builtin_locals_obj},
    {MP_QSTR_object, &mpf_type_object},
    {MP_QSTR_super, &mpf_type_super},
    {MP_QSTR_property, &mpf_type_property},
    {MP_QSTR_staticmethod, &mpf_type_staticmethod},
    {MP_QSTR_classmethod, &mpf_type_classmethod},
    {MP_QSTR___build_class__, &mpf_build_class_obj},
    {0, NULL},
};
