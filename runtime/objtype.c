/* Classes made by class statements, their instances, and the special methods through
 * which instances take part in operators, calls, iteration and printing.
 *
 * A class is an mpf_class_t: a type whose hooks (below) look up the special method
 * along the class's MRO and call it. An instance of a class derived from a built-in
 * type (list, dict, int, str) holds an object of that type in `native`, which takes
 * every operation the class does not define; one derived from an exception class is
 * an mpf_exc_t, so that raising, matching and tracebacks treat it as any exception. */
#include <string.h>

#include "exc.h"
#include "gc.h"
#include "genhdr/opcodes.h"
#include "print.h"
#include "qstr.h"

mpf_map_t *mpf_cur_locals;

static bool is_class(const mpf_type_t *t) {
    return (t->flags & MPF_TYPE_FLAG_CLASS) != 0;
}

bool mpf_obj_is_class_instance(mpf_obj_t o) {
    return MPF_OBJ_IS_PTR(o) && is_class(MPF_OBJ_TYPE_OF_PTR(o));
}

static bool is_type(mpf_obj_t o) {
    return MPF_OBJ_IS_PTR(o) && MPF_OBJ_TYPE_OF_PTR(o) == &mpf_type_type;
}

bool mpf_type_is_subclass(const mpf_type_t *t, const mpf_type_t *cls) {
    if (t == cls || cls == &mpf_type_object) {
        return true;
    }
    if (is_class(t)) {
        const mpf_tuple_t *mro = ((const mpf_class_t *)t)->mro;
        for (size_t i = 1; i < mro->len; ++i) {
            if (mro->items[i] == (mpf_obj_t)cls) {
                return true;
            }
        }
        return false;
    }
    for (t = t->parent; t != NULL; t = t->parent) {
        if (t == cls) {
            return true;
        }
    }
    return false;
}

mpf_obj_t mpf_instance_native(mpf_obj_t o) {
    if (!mpf_obj_is_class_instance(o) || mpf_obj_is_exception(o)) {
        return MPF_OBJ_NULL;
    }
    return ((const mpf_instance_t *)o)->native;
}

/* --- descriptors: staticmethod, classmethod, property --- */

typedef struct {
    mpf_obj_base_t base;
    mpf_obj_t fun;
} wrapper_t;

typedef struct {
    mpf_obj_base_t base;
    mpf_obj_t get, set, del;
} property_t;

static mpf_obj_t wrapper_new(const mpf_type_t *type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    if (n_args != 1 || n_kw) {
        mpf_raise_msg(&mpf_type_TypeError, "function takes 1 positional arguments but %d were given", (int)n_args);
    }
    wrapper_t *w = mpf_alloc(sizeof(*w));
    w->base.type = type;
    w->fun = args[0];
    return w;
}

static mpf_obj_t staticmethod_make_new(mpf_obj_t type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    return wrapper_new(type, n_args, n_kw, args);
}

const mpf_type_t mpf_type_staticmethod = {
    .base = {&mpf_type_type}, .name = MP_QSTR_staticmethod, .make_new = staticmethod_make_new,
};
const mpf_type_t mpf_type_classmethod = {
    .base = {&mpf_type_type}, .name = MP_QSTR_classmethod, .make_new = staticmethod_make_new,
};

static mpf_obj_t property_make_new(mpf_obj_t type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)type;
    property_t *p = mpf_alloc(sizeof(*p));
    p->base.type = &mpf_type_property;
    p->get = p->set = p->del = mpf_const_none;
    mpf_obj_t *slots[3] = {&p->get, &p->set, &p->del};
    for (size_t i = 0; i < n_args && i < 3; ++i) {
        *slots[i] = args[i];
    }
    for (size_t i = 0; i < n_kw; ++i) {
        mpf_obj_t k = args[n_args + 2 * i];
        mpf_qstr_t q = MPF_OBJ_IS_QSTR(k) ? MPF_OBJ_QSTR_VALUE(k) : 0;
        int slot = q == MP_QSTR_fget ? 0 : q == MP_QSTR_fset ? 1 : q == MP_QSTR_fdel ? 2 : -1;
        if (slot >= 0) {
            *slots[slot] = args[n_args + 2 * i + 1];
        }
    }
    return p;
}

/* prop.getter(f), prop.setter(f), prop.deleter(f): a copy with one function replaced */
static mpf_obj_t property_with(mpf_obj_t self, int slot, mpf_obj_t fun) {
    property_t *p = mpf_alloc(sizeof(*p));
    *p = *(const property_t *)self;
    *(slot == 0 ? &p->get : slot == 1 ? &p->set : &p->del) = fun;
    return p;
}

static mpf_obj_t property_getter(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_args;
    (void)n_kw;
    return property_with(args[0], 0, args[1]);
}
static mpf_obj_t property_setter(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_args;
    (void)n_kw;
    return property_with(args[0], 1, args[1]);
}
static mpf_obj_t property_deleter(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_args;
    (void)n_kw;
    return property_with(args[0], 2, args[1]);
}

static const mpf_builtin_t property_getter_obj = {{&mpf_type_builtin}, MP_QSTR_getter, property_getter};
static const mpf_builtin_t property_setter_obj = {{&mpf_type_builtin}, MP_QSTR_setter, property_setter};
static const mpf_builtin_t property_deleter_obj = {{&mpf_type_builtin}, MP_QSTR_deleter, property_deleter};
static const mpf_method_t property_methods[] = {
    {MP_QSTR_getter, &property_getter_obj},
    {MP_QSTR_setter, &property_setter_obj},
    {MP_QSTR_deleter, &property_deleter_obj},
};

const mpf_type_t mpf_type_property = {
    .base = {&mpf_type_type}, .name = MP_QSTR_property, .make_new = property_make_new,
    .methods = property_methods, .n_methods = 3,
};

/* --- lookup --- */

static const mpf_builtin_t *find_builtin_method(const mpf_type_t *t, mpf_qstr_t name) {
    for (; t != NULL; t = t->parent) {
        for (size_t i = 0; i < t->n_methods; ++i) {
            if (t->methods[i].name == name) {
                return t->methods[i].fun;
            }
        }
    }
    return NULL;
}

/* __init__ and __new__ of the built-in bases, as found through a class or super() */
static mpf_obj_t native_init(size_t n_args, size_t n_kw, const mpf_obj_t *args);
static mpf_obj_t native_new(size_t n_args, size_t n_kw, const mpf_obj_t *args);
static mpf_obj_t object_setattr(size_t n_args, size_t n_kw, const mpf_obj_t *args);
static const mpf_builtin_t native_init_obj = {{&mpf_type_builtin}, MP_QSTR___init__, native_init};
static const mpf_builtin_t native_new_obj = {{&mpf_type_builtin}, MP_QSTR___new__, native_new};
static const mpf_builtin_t object_setattr_obj = {{&mpf_type_builtin}, MP_QSTR___setattr__, object_setattr};

static mpf_obj_t lookup_in(const mpf_type_t *t, mpf_qstr_t name) {
    if (is_class(t)) {
        return mpf_map_get(((const mpf_class_t *)t)->locals, name);
    }
    const mpf_builtin_t *m = find_builtin_method(t, name);
    if (m != NULL) {
        return (mpf_obj_t)m;
    }
    if (name == MP_QSTR___init__) {
        return (mpf_obj_t)&native_init_obj;
    }
    if (name == MP_QSTR___new__ && t->make_new != NULL) {
        return (mpf_obj_t)&native_new_obj;
    }
    if (name == MP_QSTR___setattr__ && t == &mpf_type_object) {
        return (mpf_obj_t)&object_setattr_obj;
    }
    return MPF_OBJ_NULL;
}

/* along the MRO from entry `from` */
static mpf_obj_t lookup_from(const mpf_type_t *t, size_t from, mpf_qstr_t name) {
    if (!is_class(t)) {
        return from == 0 ? lookup_in(t, name) : MPF_OBJ_NULL;
    }
    const mpf_tuple_t *mro = ((const mpf_class_t *)t)->mro;
    for (size_t i = from; i < mro->len; ++i) {
        mpf_obj_t v = lookup_in(mro->items[i], name);
        if (v != MPF_OBJ_NULL) {
            return v;
        }
    }
    return MPF_OBJ_NULL;
}

mpf_obj_t mpf_class_lookup(const mpf_type_t *t, mpf_qstr_t name) {
    return lookup_from(t, 0, name);
}

/* Special methods are only the ones a class defines (a built-in base's behaviour
 * comes through the native object instead). */
static mpf_obj_t special_lookup(const mpf_type_t *t, mpf_qstr_t name) {
    const mpf_tuple_t *mro = ((const mpf_class_t *)t)->mro;
    for (size_t i = 0; i < mro->len; ++i) {
        const mpf_type_t *c = mro->items[i];
        if (is_class(c)) {
            mpf_obj_t v = mpf_map_get(((const mpf_class_t *)c)->locals, name);
            if (v != MPF_OBJ_NULL) {
                return v;
            }
        }
    }
    return MPF_OBJ_NULL;
}

/* What an attribute found on a class gives for an instance (self) or the class
 * itself (self NULL): dest[0] the object, dest[1] what to call it with first, if any */
static void bind(mpf_obj_t attr, mpf_obj_t self, const mpf_type_t *cls, mpf_obj_t *dest) {
    dest[0] = attr;
    dest[1] = MPF_OBJ_NULL;
    if (!MPF_OBJ_IS_PTR(attr)) {
        return;
    }
    const mpf_type_t *t = MPF_OBJ_TYPE_OF_PTR(attr);
    if (t == &mpf_type_staticmethod) {
        dest[0] = ((const wrapper_t *)attr)->fun;
    } else if (t == &mpf_type_classmethod) {
        dest[0] = ((const wrapper_t *)attr)->fun;
        dest[1] = (mpf_obj_t)cls;
    } else if (self == MPF_OBJ_NULL) {
        return;
    } else if (t == &mpf_type_property) {
        const property_t *p = attr;
        if (p->get == mpf_const_none) {
            mpf_raise_msg(&mpf_type_AttributeError, "unreadable attribute");
        }
        dest[0] = mpf_call(p->get, 1, 0, &self);
    } else if (t == &mpf_type_function || t == &mpf_type_closure) {
        dest[1] = self;
    } else if (t == &mpf_type_builtin) {
        /* a built-in base's method: it works on the object the instance extends */
        if (attr == (mpf_obj_t)&native_init_obj || attr == (mpf_obj_t)&object_setattr_obj) {
            dest[1] = self;
        } else if (attr != (mpf_obj_t)&native_new_obj && mpf_obj_is_class_instance(self)) {
            mpf_obj_t native = mpf_instance_native(self);
            dest[1] = native != MPF_OBJ_NULL ? native : self;
        } else if (attr != (mpf_obj_t)&native_new_obj) {
            dest[1] = self;
        }
    }
}

/* --- super --- */

typedef struct {
    mpf_obj_base_t base;
    const mpf_type_t *cls;
    mpf_obj_t obj;
} super_t;

static mpf_obj_t super_make_new(mpf_obj_t type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)type;
    (void)n_kw;
    if (n_args != 2 || !is_type(args[0])) {
        mpf_raise_msg(&mpf_type_TypeError, "super() needs a class and an object");
    }
    super_t *s = mpf_alloc(sizeof(*s));
    s->base.type = &mpf_type_super;
    s->cls = args[0];
    s->obj = args[1];
    return s;
}

static void super_print(mpf_print_t *p, mpf_obj_t self, bool repr) {
    (void)self;
    (void)repr;
    mpf_print_str(p, "<super>");
}

const mpf_type_t mpf_type_super = {
    .base = {&mpf_type_type}, .name = MP_QSTR_super, .print = super_print, .make_new = super_make_new,
};

/* depth first through the bases, as MicroPython's super() looks (not the C3 MRO) */
static mpf_obj_t dfs_lookup(const mpf_type_t *t, mpf_qstr_t name) {
    mpf_obj_t v = lookup_in(t, name);
    if (v != MPF_OBJ_NULL || !is_class(t)) {
        return v;
    }
    const mpf_tuple_t *bases = ((const mpf_class_t *)t)->bases;
    for (size_t i = 0; i < bases->len && v == MPF_OBJ_NULL; ++i) {
        v = dfs_lookup(bases->items[i], name);
    }
    return v;
}

static bool super_load(const super_t *s, mpf_qstr_t attr, mpf_obj_t *dest) {
    const mpf_type_t *t = is_type(s->obj) ? s->obj : mpf_obj_get_type(s->obj);
    mpf_obj_t v = MPF_OBJ_NULL;
    if (is_class(s->cls)) {
        const mpf_tuple_t *bases = ((const mpf_class_t *)s->cls)->bases;
        for (size_t i = 0; i < bases->len && v == MPF_OBJ_NULL; ++i) {
            v = dfs_lookup(bases->items[i], attr);
        }
    } else if (s->cls->parent != NULL) {
        v = dfs_lookup(s->cls->parent, attr);
    }
    if (v == MPF_OBJ_NULL) {
        if (attr != MP_QSTR___init__) {
            return false;
        }
        v = (mpf_obj_t)&native_init_obj; /* object.__init__ */
    }
    bind(v, is_type(s->obj) ? MPF_OBJ_NULL : s->obj, t, dest);
    return true;
}

/* --- attributes --- */

static mpf_map_t *members_of(mpf_obj_t o) {
    return ((mpf_instance_t *)o)->members;
}

/* an attribute of an instance of class t that it does not hold itself */
__attribute__((noinline)) static bool class_attr_of_instance(mpf_obj_t base, const mpf_type_t *t, mpf_qstr_t attr,
    mpf_obj_t *dest) {
    if (attr == MP_QSTR___class__) {
        dest[0] = (mpf_obj_t)t;
        return true;
    }
    if (attr == MP_QSTR___dict__) {
        mpf_map_t *members = members_of(base);
        dest[0] = members != NULL ? mpf_map_as_dict(members) : mpf_dict_new(0);
        return true;
    }
    mpf_obj_t v = mpf_class_lookup(t, attr);
    if (v != MPF_OBJ_NULL) {
        bind(v, base, t, dest);
        return true;
    }
    if (mpf_obj_is_exception(base) && (attr == MP_QSTR_args || attr == MP_QSTR_value)) {
        return false; /* the exception's own attributes */
    }
    mpf_obj_t getattr = special_lookup(t, MP_QSTR___getattr__);
    if (getattr != MPF_OBJ_NULL) {
        mpf_obj_t args[2] = {base, MPF_OBJ_NEW_QSTR(attr)};
        dest[0] = mpf_call(getattr, 2, 0, args);
    }
    return true;
}

/* an attribute of an instance of class t: its own (the common case, kept short),
 * else its class's */
static inline mpf_obj_t own_member(mpf_obj_t base, mpf_qstr_t attr) {
    mpf_map_t *members = members_of(base);
    if (members == NULL || attr == MP_QSTR___class__ || attr == MP_QSTR___dict__) {
        return MPF_OBJ_NULL;
    }
    return mpf_map_get(members, attr);
}

static inline bool instance_load_attr(mpf_obj_t base, const mpf_type_t *t, mpf_qstr_t attr, mpf_obj_t *dest) {
    mpf_obj_t v = own_member(base, attr);
    if (v != MPF_OBJ_NULL) {
        dest[0] = v;
        return true;
    }
    return class_attr_of_instance(base, t, attr, dest);
}

mpf_obj_t mpf_instance_member(mpf_obj_t base, mpf_qstr_t attr) {
    if (!MPF_OBJ_IS_PTR(base) || !is_class(MPF_OBJ_TYPE_OF_PTR(base))) {
        return MPF_OBJ_NULL;
    }
    return own_member(base, attr);
}

bool mpf_class_load_attr(mpf_obj_t base, mpf_qstr_t attr, mpf_obj_t *dest) {
    dest[0] = dest[1] = MPF_OBJ_NULL;
    if (!MPF_OBJ_IS_PTR(base)) {
        return false;
    }
    const mpf_type_t *t = MPF_OBJ_TYPE_OF_PTR(base);
    if (is_class(t)) {
        return instance_load_attr(base, t, attr, dest); /* the common case first */
    }
    if (t == &mpf_type_super) {
        super_load(base, attr, dest);
        return true;
    }
    if (t == &mpf_type_type && !is_class(base)) {
        /* object.__init__, Exception.__init__, object.__setattr__, int.__new__, ... */
        if (attr == MP_QSTR___init__ || attr == MP_QSTR___new__ || attr == MP_QSTR___setattr__) {
            dest[0] = lookup_in(base, attr);
            return dest[0] != MPF_OBJ_NULL;
        }
        return false;
    }
    if (t == &mpf_type_type) {
        const mpf_class_t *c = base;
        if (attr == MP_QSTR___name__) {
            dest[0] = MPF_OBJ_NEW_QSTR(c->type.name);
        } else if (attr == MP_QSTR___bases__) {
            dest[0] = c->bases;
        } else {
            mpf_obj_t v = mpf_class_lookup(base, attr);
            if (v != MPF_OBJ_NULL) {
                bind(v, MPF_OBJ_NULL, base, dest);
            }
        }
        return true;
    }
    return false;
}

static void set_member(mpf_obj_t base, mpf_qstr_t attr, mpf_obj_t value) {
    mpf_instance_t *o = base;
    if (value == MPF_OBJ_NULL) {
        if (o->members == NULL || !mpf_map_delete(o->members, attr)) {
            mpf_raise_msg(&mpf_type_AttributeError, "'%q' object has no attribute '%q'",
                o->base.type->name, attr);
        }
        return;
    }
    if (o->members == NULL) {
        o->members = mpf_map_new(4);
    }
    mpf_map_set(o->members, attr, value);
}

/* Whether storing into an instance may run code rather than set a member: a property
 * along the MRO, or __setattr__/__delattr__. Worked out once per class and kept until
 * any class's attributes change (rare after start-up), which makes every answer stale:
 * the MRO's classes are other classes too. */
static uint32_t class_epoch = 1;

void mpf_class_attrs_changed(void) {
    ++class_epoch;
}

static bool has_store_hooks(mpf_class_t *c) {
    if (c->hooks_epoch == class_epoch) {
        return c->store_hooks;
    }
    bool hooks = special_lookup(&c->type, MP_QSTR___setattr__) != MPF_OBJ_NULL ||
        special_lookup(&c->type, MP_QSTR___delattr__) != MPF_OBJ_NULL;
    const mpf_tuple_t *mro = c->mro;
    for (size_t i = 0; i < mro->len && !hooks; ++i) {
        if (!is_class(mro->items[i])) {
            continue;
        }
        size_t pos = 0;
        mpf_qstr_t key;
        mpf_obj_t v;
        while (!hooks && mpf_map_next(((const mpf_class_t *)mro->items[i])->locals, &pos, &key, &v)) {
            hooks = MPF_OBJ_IS_PTR(v) && MPF_OBJ_TYPE_OF_PTR(v) == &mpf_type_property;
        }
    }
    c->store_hooks = hooks;
    c->hooks_epoch = class_epoch;
    return hooks;
}

bool mpf_instance_store_member(mpf_obj_t base, mpf_qstr_t attr, mpf_obj_t value) {
    if (!MPF_OBJ_IS_PTR(base)) {
        return false;
    }
    const mpf_type_t *t = MPF_OBJ_TYPE_OF_PTR(base);
    if (!is_class(t) || t->attr != NULL || has_store_hooks((mpf_class_t *)t)) {
        return false;
    }
    set_member(base, attr, value);
    return true;
}

bool mpf_class_store_attr(mpf_obj_t base, mpf_qstr_t attr, mpf_obj_t value) {
    if (!MPF_OBJ_IS_PTR(base)) {
        return false;
    }
    const mpf_type_t *t = MPF_OBJ_TYPE_OF_PTR(base);
    if (t == &mpf_type_type && is_class(base)) {
        mpf_class_t *c = base;
        mpf_class_attrs_changed();
        if (value == MPF_OBJ_NULL) {
            if (!mpf_map_delete(c->locals, attr)) {
                mpf_raise_msg(&mpf_type_AttributeError, "type object '%q' has no attribute '%q'",
                    c->type.name, attr);
            }
        } else {
            mpf_map_set(c->locals, attr, value);
        }
        return true;
    }
    if (!is_class(t)) {
        return false;
    }
    if (!has_store_hooks((mpf_class_t *)t)) {
        set_member(base, attr, value);
        return true;
    }
    mpf_obj_t v = mpf_class_lookup(t, attr);
    if (v != MPF_OBJ_NULL && MPF_OBJ_IS_PTR(v) && MPF_OBJ_TYPE_OF_PTR(v) == &mpf_type_property) {
        const property_t *p = v;
        mpf_obj_t fun = value == MPF_OBJ_NULL ? p->del : p->set;
        if (fun == mpf_const_none) {
            mpf_raise_msg(&mpf_type_AttributeError, "can't set attribute");
        }
        mpf_obj_t args[2] = {base, value};
        mpf_call(fun, value == MPF_OBJ_NULL ? 1 : 2, 0, args);
        return true;
    }
    mpf_obj_t hook = special_lookup(t, value == MPF_OBJ_NULL ? MP_QSTR___delattr__ : MP_QSTR___setattr__);
    if (hook != MPF_OBJ_NULL) {
        mpf_obj_t args[3] = {base, MPF_OBJ_NEW_QSTR(attr), value};
        mpf_call(hook, value == MPF_OBJ_NULL ? 2 : 3, 0, args);
        return true;
    }
    set_member(base, attr, value);
    return true;
}

static mpf_obj_t object_setattr(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    if (n_args != 3 || !mpf_obj_is_class_instance(args[0]) || !MPF_OBJ_IS_QSTR(args[1])) {
        mpf_raise_msg(&mpf_type_TypeError, "__setattr__ needs an instance, a name and a value");
    }
    set_member(args[0], MPF_OBJ_QSTR_VALUE(args[1]), args[2]);
    return mpf_const_none;
}

/* --- special methods --- */

bool mpf_instance_special(mpf_obj_t self, mpf_qstr_t name, size_t n_args, const mpf_obj_t *args, mpf_obj_t *ret) {
    if (!mpf_obj_is_class_instance(self)) {
        return false;
    }
    mpf_obj_t m = special_lookup(MPF_OBJ_TYPE_OF_PTR(self), name);
    if (m == MPF_OBJ_NULL) {
        return false;
    }
    mpf_obj_t dest[2];
    bind(m, self, MPF_OBJ_TYPE_OF_PTR(self), dest);
    mpf_obj_t all[4];
    size_t n = 0;
    if (dest[1] != MPF_OBJ_NULL) {
        all[n++] = dest[1];
    }
    for (size_t i = 0; i < n_args && i < 3; ++i) {
        all[n++] = args[i];
    }
    *ret = mpf_call(dest[0], n, 0, all);
    return true;
}

static void instance_print(mpf_print_t *p, mpf_obj_t self, bool repr) {
    mpf_obj_t r;
    if ((!repr && mpf_instance_special(self, MP_QSTR___str__, 0, NULL, &r)) ||
        mpf_instance_special(self, MP_QSTR___repr__, 0, NULL, &r)) {
        if (!mpf_obj_is_str(r)) {
            mpf_raise_msg(&mpf_type_TypeError, "__str__ returned non-string (type %s)", mpf_obj_type_name(r));
        }
        mpf_obj_print_to(p, r, false);
        return;
    }
    if (mpf_obj_is_exception(self)) {
        mpf_exc_print_instance(p, self, repr);
        return;
    }
    mpf_obj_t native = mpf_instance_native(self);
    if (native != MPF_OBJ_NULL) {
        mpf_obj_print_to(p, native, repr);
        return;
    }
    mpf_printf(p, "<%q object at %u>", MPF_OBJ_TYPE_OF_PTR(self)->name, (unsigned)(uintptr_t)self);
}

static mpf_obj_t instance_call(mpf_obj_t self, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    mpf_obj_t m = special_lookup(MPF_OBJ_TYPE_OF_PTR(self), MP_QSTR___call__);
    if (m == MPF_OBJ_NULL) {
        mpf_raise_msg(&mpf_type_TypeError, "'%q' object isn't callable", MPF_OBJ_TYPE_OF_PTR(self)->name);
    }
    size_t n = 1 + n_args + 2 * n_kw;
    mpf_obj_t *all = mpf_pystack_alloc(n * sizeof(mpf_obj_t));
    all[0] = self;
    memcpy(all + 1, args, (n - 1) * sizeof(mpf_obj_t));
    mpf_obj_t r = mpf_call(m, n_args + 1, n_kw, all);
    mpf_pystack_free(all);
    return r;
}

static const uint16_t binary_op_qstr[MP_BINARY_OP_NUM] = {
    MP_QSTR___lt__, MP_QSTR___gt__, MP_QSTR___eq__, MP_QSTR___le__, MP_QSTR___ge__, MP_QSTR___ne__,
    MP_QSTR___contains__, 0, 0,
    MP_QSTR___ior__, MP_QSTR___ixor__, MP_QSTR___iand__, MP_QSTR___ilshift__, MP_QSTR___irshift__,
    MP_QSTR___iadd__, MP_QSTR___isub__, MP_QSTR___imul__, MP_QSTR___imatmul__, MP_QSTR___ifloordiv__,
    MP_QSTR___itruediv__, MP_QSTR___imod__, MP_QSTR___ipow__,
    MP_QSTR___or__, MP_QSTR___xor__, MP_QSTR___and__, MP_QSTR___lshift__, MP_QSTR___rshift__,
    MP_QSTR___add__, MP_QSTR___sub__, MP_QSTR___mul__, MP_QSTR___matmul__, MP_QSTR___floordiv__,
    MP_QSTR___truediv__, MP_QSTR___mod__, MP_QSTR___pow__,
};

/* the reflected methods of OR..POWER, and the mirrored comparisons */
static const uint16_t reverse_op_qstr[MP_BINARY_OP_NUM] = {
    MP_QSTR___gt__, MP_QSTR___lt__, MP_QSTR___eq__, MP_QSTR___ge__, MP_QSTR___le__, MP_QSTR___ne__,
    0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    MP_QSTR___ror__, MP_QSTR___rxor__, MP_QSTR___rand__, MP_QSTR___rlshift__, MP_QSTR___rrshift__,
    MP_QSTR___radd__, MP_QSTR___rsub__, MP_QSTR___rmul__, MP_QSTR___rmatmul__, MP_QSTR___rfloordiv__,
    MP_QSTR___rtruediv__, MP_QSTR___rmod__, MP_QSTR___rpow__,
};

static mpf_obj_t instance_binary_op(unsigned op, mpf_obj_t lhs, mpf_obj_t rhs) {
    mpf_obj_t r;
    if (binary_op_qstr[op] != 0 && mpf_instance_special(lhs, binary_op_qstr[op], 1, &rhs, &r)) {
        return op == MP_BINARY_OP_IN ? MPF_OBJ_BOOL(mpf_obj_is_true(r)) : r;
    }
    if (op == MP_BINARY_OP_NOT_EQUAL && mpf_instance_special(lhs, MP_QSTR___eq__, 1, &rhs, &r)) {
        return MPF_OBJ_BOOL(!mpf_obj_is_true(r));
    }
    mpf_obj_t native = mpf_instance_native(lhs);
    if (native != MPF_OBJ_NULL) {
        if (op == MP_BINARY_OP_IN) {
            return mpf_binary_op(op, rhs, native);
        }
        return mpf_binary_op(op, native, rhs);
    }
    return MPF_OBJ_NULL;
}

/* `lhs op rhs` where rhs is an instance and lhs did not take it */
mpf_obj_t mpf_instance_reverse_op(unsigned op, mpf_obj_t lhs, mpf_obj_t rhs) {
    mpf_obj_t r;
    if (reverse_op_qstr[op] != 0 && mpf_instance_special(rhs, reverse_op_qstr[op], 1, &lhs, &r)) {
        return r;
    }
    return MPF_OBJ_NULL;
}

static mpf_obj_t instance_subscr(mpf_obj_t self, mpf_obj_t index, mpf_obj_t value) {
    mpf_obj_t r;
    if (value == MPF_SUBSCR_LOAD) {
        if (mpf_instance_special(self, MP_QSTR___getitem__, 1, &index, &r)) {
            return r;
        }
    } else if (value == MPF_OBJ_NULL) {
        if (mpf_instance_special(self, MP_QSTR___delitem__, 1, &index, &r)) {
            return mpf_const_none;
        }
    } else {
        mpf_obj_t args[2] = {index, value};
        if (mpf_instance_special(self, MP_QSTR___setitem__, 2, args, &r)) {
            return mpf_const_none;
        }
    }
    mpf_obj_t native = mpf_instance_native(self);
    if (native != MPF_OBJ_NULL) {
        return mpf_subscr(native, index, value);
    }
    mpf_raise_msg(&mpf_type_TypeError, value == MPF_SUBSCR_LOAD ? "'%q' object isn't subscriptable"
                                                                : "'%q' object doesn't support item assignment",
        MPF_OBJ_TYPE_OF_PTR(self)->name);
}

static size_t instance_len(mpf_obj_t self) {
    mpf_obj_t r;
    if (mpf_instance_special(self, MP_QSTR___len__, 0, NULL, &r)) {
        if (!mpf_obj_is_int(r)) {
            mpf_raise_msg(&mpf_type_TypeError, "'%s' object cannot be interpreted as an integer",
                mpf_obj_type_name(r));
        }
        return (size_t)mpf_obj_int_value(r);
    }
    mpf_obj_t native = mpf_instance_native(self);
    if (native != MPF_OBJ_NULL) {
        return mpf_obj_len(native);
    }
    mpf_raise_msg(&mpf_type_TypeError, "object of type '%q' has no len()", MPF_OBJ_TYPE_OF_PTR(self)->name);
}

/* __next__, with StopIteration meaning the end */
static mpf_obj_t instance_iternext(mpf_obj_t self, size_t *pos) {
    (void)pos;
    mpf_nlr_t nlr;
    mpf_nlr_push(&nlr);
    if (setjmp(nlr.jb) == 0) {
        mpf_obj_t r;
        if (!mpf_instance_special(self, MP_QSTR___next__, 0, NULL, &r)) {
            mpf_raise_msg(&mpf_type_TypeError, "'%q' object isn't an iterator", MPF_OBJ_TYPE_OF_PTR(self)->name);
        }
        mpf_nlr_pop();
        return r;
    }
    if (mpf_obj_is_exception(nlr.exc) && mpf_exc_match(nlr.exc, (mpf_obj_t)&mpf_type_StopIteration)) {
        return MPF_OBJ_NULL;
    }
    mpf_raise(nlr.exc);
}

/* iter() of an instance: __iter__, or __getitem__ from 0 until IndexError, or its native */
typedef struct {
    mpf_obj_base_t base;
    mpf_obj_t obj;
    mpf_int_t index;
} getitem_iter_t;

static mpf_obj_t getitem_iternext(mpf_obj_t self, size_t *pos) {
    (void)pos;
    getitem_iter_t *it = self;
    mpf_nlr_t nlr;
    mpf_nlr_push(&nlr);
    if (setjmp(nlr.jb) == 0) {
        mpf_obj_t r = mpf_subscr(it->obj, MPF_OBJ_NEW_SMALL_INT(it->index), MPF_SUBSCR_LOAD);
        mpf_nlr_pop();
        it->index++;
        return r;
    }
    if (mpf_obj_is_exception(nlr.exc) && (mpf_exc_match(nlr.exc, (mpf_obj_t)&mpf_type_IndexError) ||
                                             mpf_exc_match(nlr.exc, (mpf_obj_t)&mpf_type_StopIteration))) {
        return MPF_OBJ_NULL;
    }
    mpf_raise(nlr.exc);
}

static const mpf_type_t getitem_iter_type = {
    .base = {&mpf_type_type}, .name = MP_QSTR_iterator, .iternext = getitem_iternext,
    .flags = MPF_TYPE_FLAG_ITERATOR,
};

mpf_obj_t mpf_instance_getiter(mpf_obj_t self) {
    mpf_obj_t r;
    if (mpf_instance_special(self, MP_QSTR___iter__, 0, NULL, &r)) {
        /* what __iter__ gives must be an iterator (often self) */
        if (mpf_obj_get_type(r)->flags & MPF_TYPE_FLAG_ITERATOR) {
            return r;
        }
        mpf_raise_msg(&mpf_type_TypeError, "'%s' object isn't an iterator", mpf_obj_type_name(r));
    }
    if (special_lookup(MPF_OBJ_TYPE_OF_PTR(self), MP_QSTR___getitem__) != MPF_OBJ_NULL) {
        getitem_iter_t *it = mpf_alloc(sizeof(*it));
        it->base.type = &getitem_iter_type;
        it->obj = self;
        it->index = 0;
        return it;
    }
    mpf_obj_t native = mpf_instance_native(self);
    if (native != MPF_OBJ_NULL) {
        return mpf_getiter(native);
    }
    mpf_raise_msg(&mpf_type_TypeError, "'%q' object isn't iterable", MPF_OBJ_TYPE_OF_PTR(self)->name);
}

/* --- making classes and instances --- */

static mpf_obj_t new_instance(const mpf_class_t *c) {
    if (c->native != NULL && mpf_obj_is_exception_type((mpf_obj_t)c->native)) {
        mpf_exc_t *e = mpf_exc_new(c->native, MPF_OBJ_NULL);
        e->base.type = &c->type;
        return e;
    }
    mpf_instance_t *o = mpf_alloc(sizeof(*o));
    o->base.type = &c->type;
    return o;
}

/* the native part from constructor arguments: an exception's args, a list's items */
static void set_native(mpf_obj_t self, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    const mpf_class_t *c = (const mpf_class_t *)MPF_OBJ_TYPE_OF_PTR(self);
    if (c->native == NULL) {
        return;
    }
    if (mpf_obj_is_exception(self)) {
        ((mpf_exc_t *)self)->args = mpf_tuple_new(n_args, args);
        return;
    }
    ((mpf_instance_t *)self)->native = mpf_call((mpf_obj_t)c->native, n_args, n_kw, args);
}

static mpf_obj_t native_init(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    if (n_args >= 1 && mpf_obj_is_class_instance(args[0])) {
        set_native(args[0], n_args - 1, n_kw, args + 1);
    }
    return mpf_const_none;
}

static mpf_obj_t native_new(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    if (n_args < 1 || !is_type(args[0]) || !is_class(args[0])) {
        if (n_args >= 1 && is_type(args[0])) {
            return mpf_call(args[0], n_args - 1, n_kw, args + 1);
        }
        mpf_raise_msg(&mpf_type_TypeError, "__new__ needs a class");
    }
    mpf_obj_t o = new_instance(args[0]);
    set_native(o, n_args - 1, n_kw, args + 1);
    return o;
}

static mpf_obj_t class_make_new(mpf_obj_t type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    const mpf_class_t *c = type;
    size_t n = 1 + n_args + 2 * n_kw;
    mpf_obj_t *all = mpf_pystack_alloc(n * sizeof(mpf_obj_t));
    memcpy(all + 1, args, (n - 1) * sizeof(mpf_obj_t));
    mpf_obj_t self;
    mpf_obj_t new_fn = special_lookup(type, MP_QSTR___new__);
    if (new_fn != MPF_OBJ_NULL) {
        if (MPF_OBJ_IS_PTR(new_fn) && MPF_OBJ_TYPE_OF_PTR(new_fn) == &mpf_type_staticmethod) {
            new_fn = ((const wrapper_t *)new_fn)->fun;
        }
        all[0] = type;
        self = mpf_call(new_fn, n_args + 1, n_kw, all);
        if (!mpf_obj_is_instance(self, type)) {
            mpf_pystack_free(all);
            return self;
        }
    } else {
        self = new_instance(c);
    }
    mpf_obj_t init = special_lookup(type, MP_QSTR___init__);
    if (init != MPF_OBJ_NULL) {
        all[0] = self;
        mpf_obj_t r = mpf_call(init, n_args + 1, n_kw, all);
        if (r != mpf_const_none) {
            mpf_raise_msg(&mpf_type_TypeError, "__init__() should return None, not '%s'", mpf_obj_type_name(r));
        }
    } else if (new_fn == MPF_OBJ_NULL) {
        if (c->native == NULL && (n_args || n_kw)) {
            mpf_raise_msg(&mpf_type_TypeError, "function takes 0 positional arguments but %d were given", (int)n_args);
        }
        set_native(self, n_args, n_kw, args);
    }
    mpf_pystack_free(all);
    return self;
}

/* The MRO: depth first, left to right, each class kept at its last occurrence (so a
 * shared base comes after every class derived from it). */
static mpf_obj_t make_mro(const mpf_class_t *c) {
    mpf_obj_t all = mpf_list_new(0, NULL);
    mpf_list_append(all, (mpf_obj_t)c);
    const mpf_tuple_t *bases = c->bases;
    for (size_t i = 0; i < bases->len; ++i) {
        const mpf_type_t *b = bases->items[i];
        if (is_class(b)) {
            const mpf_tuple_t *m = ((const mpf_class_t *)b)->mro;
            for (size_t k = 0; k < m->len; ++k) {
                mpf_list_append(all, m->items[k]);
            }
        } else {
            for (; b != NULL; b = b->parent) {
                mpf_list_append(all, (mpf_obj_t)b);
            }
        }
    }
    mpf_list_t *l = all;
    size_t out = 0;
    for (size_t i = 0; i < l->len; ++i) {
        bool later = false;
        for (size_t k = i + 1; k < l->len && !later; ++k) {
            later = l->items[k] == l->items[i];
        }
        if (!later) {
            l->items[out++] = l->items[i];
        }
    }
    return mpf_tuple_new(out, l->items);
}

static mpf_obj_t new_class(mpf_qstr_t name, mpf_obj_t bases, mpf_map_t *locals) {
    size_t n_bases;
    mpf_obj_t *items;
    if (!mpf_obj_get_array(bases, &n_bases, &items)) {
        mpf_raise_msg(&mpf_type_TypeError, "bases must be a tuple");
    }
    mpf_class_t *c = mpf_alloc(sizeof(*c));
    c->type.base.type = &mpf_type_type;
    c->type.name = name;
    c->type.flags = MPF_TYPE_FLAG_CLASS;
    c->type.print = instance_print;
    c->type.call = instance_call;
    c->type.binary_op = instance_binary_op;
    c->type.subscr = instance_subscr;
    c->type.len = instance_len;
    c->type.make_new = class_make_new;
    c->locals = locals;
    c->bases = mpf_tuple_new(n_bases, items);
    for (size_t i = 0; i < n_bases; ++i) {
        if (!is_type(items[i])) {
            mpf_raise_msg(&mpf_type_TypeError, "bases must be types");
        }
        const mpf_type_t *b = items[i];
        if (i == 0) {
            c->type.parent = b;
        }
        const mpf_type_t *native = is_class(b) ? ((const mpf_class_t *)b)->native : b;
        if (c->native == NULL && native != &mpf_type_object) {
            c->native = native;
        }
    }
    c->mro = make_mro(c);
    if (special_lookup(&c->type, MP_QSTR___next__) != MPF_OBJ_NULL) {
        c->type.flags |= MPF_TYPE_FLAG_ITERATOR;
        c->type.iternext = instance_iternext;
    }
    return c;
}

/* __build_class__(body, name, *bases): runs the body with a fresh namespace */
static mpf_obj_t build_class(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    if (n_args < 2 || !MPF_OBJ_IS_QSTR(args[1])) {
        mpf_raise_msg(&mpf_type_TypeError, "__build_class__ needs a function and a name");
    }
    mpf_map_t *locals = mpf_map_new(8);
    mpf_map_t *outer = mpf_cur_locals;
    mpf_cur_locals = locals;
    mpf_nlr_t nlr;
    mpf_nlr_push(&nlr);
    if (setjmp(nlr.jb) != 0) {
        mpf_cur_locals = outer;
        mpf_raise(nlr.exc);
    }
    mpf_obj_t cell = mpf_call(args[0], 0, 0, NULL);
    mpf_nlr_pop();
    mpf_cur_locals = outer;
    mpf_obj_t cls = new_class(MPF_OBJ_QSTR_VALUE(args[1]), mpf_tuple_new(n_args - 2, args + 2), locals);
    if (MPF_OBJ_IS_PTR(cell) && MPF_OBJ_TYPE_OF_PTR(cell) == &mpf_type_cell) {
        ((mpf_cell_t *)cell)->obj = cls;
    }
    return cls;
}

const mpf_builtin_t mpf_build_class_obj = {{&mpf_type_builtin}, MP_QSTR___build_class__, build_class};

/* type(x) and type(name, bases, dict) */
mpf_obj_t mpf_type_make_new(mpf_obj_t type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)type;
    (void)n_kw;
    if (n_args == 1) {
        return (mpf_obj_t)mpf_obj_get_type(args[0]);
    }
    if (n_args != 3 || !MPF_OBJ_IS_QSTR(args[0]) || mpf_obj_get_type(args[2]) != &mpf_type_dict) {
        mpf_raise_msg(&mpf_type_TypeError, "type takes 1 or 3 arguments");
    }
    mpf_map_t *locals = mpf_map_new(8);
    const mpf_dict_t *d = args[2];
    for (size_t i = 0; i < d->n_entries; ++i) {
        mpf_obj_t k = d->entries[i].key;
        if (k != MPF_OBJ_NULL && MPF_OBJ_IS_QSTR(k)) {
            mpf_map_set(locals, MPF_OBJ_QSTR_VALUE(k), d->entries[i].value);
        }
    }
    return new_class(MPF_OBJ_QSTR_VALUE(args[0]), args[1], locals);
}

/* --- object --- */

static mpf_obj_t object_make_new(mpf_obj_t type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)type;
    (void)n_args;
    (void)n_kw;
    (void)args;
    mpf_obj_base_t *o = mpf_alloc(sizeof(mpf_instance_t));
    o->type = &mpf_type_object;
    return o;
}

static void object_print(mpf_print_t *p, mpf_obj_t self, bool repr) {
    (void)repr;
    mpf_printf(p, "<object object at %u>", (unsigned)(uintptr_t)self);
}

const mpf_type_t mpf_type_object = {
    .base = {&mpf_type_type}, .name = MP_QSTR_object, .print = object_print, .make_new = object_make_new,
};

/* hash(): __hash__, unhashable when only __eq__ is defined, else identity */
size_t mpf_instance_hash(mpf_obj_t self) {
    mpf_obj_t r;
    if (mpf_instance_special(self, MP_QSTR___hash__, 0, NULL, &r)) {
        if (!mpf_obj_is_int(r)) {
            mpf_raise_msg(&mpf_type_TypeError, "__hash__ returned non-int");
        }
        return (size_t)mpf_obj_int_value(r);
    }
    if (special_lookup(MPF_OBJ_TYPE_OF_PTR(self), MP_QSTR___eq__) != MPF_OBJ_NULL) {
        mpf_raise_msg(&mpf_type_TypeError, "unhashable type: '%q'", MPF_OBJ_TYPE_OF_PTR(self)->name);
    }
    mpf_obj_t native = mpf_instance_native(self);
    if (native != MPF_OBJ_NULL) {
        return mpf_obj_hash(native);
    }
    return (size_t)(uintptr_t)self >> 3;
}
