/* The object model shared by every runtime file.
 *
 * An object is one machine word:
 *   ...xxx1  small int (value << 1 | 1)
 *   ...x010  interned string (qstr id << 3 | 2): no storage, the text is in the pool
 *   ...x110  None / False / True
 *   ...xx00  pointer to a ROM or heap object whose first member is its type
 * so ints, names and constants never allocate.
 */
#ifndef MPF_OBJ_H
#define MPF_OBJ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mpfconfig.h"
#include "genhdr/qstrdefs.generated.h"

typedef void *mpf_obj_t;
typedef uint16_t mpf_qstr_t;
typedef intptr_t mpf_int_t;

#define MPF_OBJ_NULL ((mpf_obj_t)0)

#define MPF_OBJ_IS_SMALL_INT(o) (((uintptr_t)(o) & 1) != 0)
#define MPF_OBJ_SMALL_INT_VALUE(o) (((mpf_int_t)(o)) >> 1)
#define MPF_OBJ_NEW_SMALL_INT(v) ((mpf_obj_t)(((uintptr_t)(v) << 1) | 1))
#define MPF_SMALL_INT_MAX ((mpf_int_t)(INTPTR_MAX >> 1))
#define MPF_SMALL_INT_MIN ((mpf_int_t)(INTPTR_MIN >> 1))
#define MPF_SMALL_INT_FITS(v) ((v) >= MPF_SMALL_INT_MIN && (v) <= MPF_SMALL_INT_MAX)

#define MPF_OBJ_IS_QSTR(o) (((uintptr_t)(o) & 7) == 2)
#define MPF_OBJ_QSTR_VALUE(o) ((mpf_qstr_t)((uintptr_t)(o) >> 3))
#define MPF_OBJ_NEW_QSTR(q) ((mpf_obj_t)(((uintptr_t)(q) << 3) | 2))

#define MPF_OBJ_IMMEDIATE(n) ((mpf_obj_t)(((uintptr_t)(n) << 3) | 6))
#define mpf_const_none MPF_OBJ_IMMEDIATE(0)
#define mpf_const_false MPF_OBJ_IMMEDIATE(1)
#define mpf_const_true MPF_OBJ_IMMEDIATE(2)
#define MPF_OBJ_BOOL(b) ((b) ? mpf_const_true : mpf_const_false)

#define MPF_OBJ_IS_PTR(o) (((uintptr_t)(o) & 3) == 0 && (o) != MPF_OBJ_NULL)

typedef struct _mpf_type_t mpf_type_t;

typedef struct {
    const mpf_type_t *type;
} mpf_obj_base_t;

/* Calls get positional args first, then n_kw (name, value) pairs. */
typedef mpf_obj_t (*mpf_call_fun_t)(mpf_obj_t self, size_t n_args, size_t n_kw, const mpf_obj_t *args);

struct _mpf_print_t;

/* A method of a built-in type: called with the instance as args[0]. */
typedef struct {
    mpf_qstr_t name;
    const void *fun; /* an mpf_builtin_t */
} mpf_method_t;

/* MPF_SUBSCR_LOAD as `value` of a subscr hook loads; MPF_OBJ_NULL deletes. */
#define MPF_SUBSCR_LOAD MPF_OBJ_IMMEDIATE(7)

struct _mpf_type_t {
    mpf_obj_base_t base;
    mpf_qstr_t name;
    const mpf_type_t *parent; /* exception classes: what `except` would also match */
    void (*print)(struct _mpf_print_t *p, mpf_obj_t self, bool repr);
    mpf_call_fun_t call;
    /* each optional; binary_op returns MPF_OBJ_NULL for an operand it does not take */
    mpf_obj_t (*binary_op)(unsigned op, mpf_obj_t lhs, mpf_obj_t rhs);
    mpf_obj_t (*subscr)(mpf_obj_t self, mpf_obj_t index, mpf_obj_t value);
    /* the item at *pos, advancing it; MPF_OBJ_NULL at the end */
    mpf_obj_t (*iternext)(mpf_obj_t self, size_t *pos);
    size_t (*len)(mpf_obj_t self);
    const mpf_method_t *methods;
    size_t n_methods;
    mpf_call_fun_t make_new; /* calling the type itself; self is the type */
    /* attributes other than methods: with value MPF_ATTR_LOAD returns the attribute or
     * MPF_OBJ_NULL if none; otherwise stores value (MPF_OBJ_NULL deletes) and returns
     * non-NULL, or MPF_OBJ_NULL where the object takes no such store */
    mpf_obj_t (*attr)(mpf_obj_t self, mpf_qstr_t attr, mpf_obj_t value);
    /* the object's bytes in place (bytes(x), writes, hashes): false if it has none */
    bool (*buffer)(mpf_obj_t self, char **data, size_t *len);
    unsigned flags;
};

#define MPF_ATTR_LOAD MPF_OBJ_IMMEDIATE(7)

#define MPF_TYPE_FLAG_ITERATOR (1) /* iter() of it is itself */
#define MPF_TYPE_FLAG_CLASS (2)    /* made by a class statement: an mpf_class_t */
#define MPF_TYPE_FLAG_CLASS_ATTRS (4) /* a built-in type whose attr hook also answers for
                                       * the type itself, given it as self (Pin.OUT) */

#define MPF_OBJ_TYPE_OF_PTR(o) (((const mpf_obj_base_t *)(o))->type)

/* --- strings: qstr-tagged, or these (ROM constants, heap results) --- */
typedef struct {
    mpf_obj_base_t base;
    size_t len;
    const char *data;
} mpf_str_t;

/* --- code: what the freezer emits as const data and the loader builds in RAM --- */
typedef struct _mpf_raw_code_t {
    const uint8_t *fun_data;
    size_t fun_data_len;
    const struct _mpf_raw_code_t *const *children;
    size_t n_children;
} mpf_raw_code_t;

typedef struct _mpf_map_t mpf_map_t;

/* One per module; tables are module-global (the seed's indirection). */
typedef struct {
    const uint16_t *qstr_table;
    const mpf_obj_t *obj_table;
    mpf_map_t *globals;
} mpf_context_t;

typedef struct {
    mpf_obj_base_t base;
    const mpf_raw_code_t *rc;
    const mpf_context_t *ctx;
    mpf_obj_t def_pos; /* tuple of positional defaults, or NULL */
    mpf_obj_t def_kw;  /* dict of keyword-only defaults, or NULL */
} mpf_fun_bc_t;

/* A variable shared between a function and the functions defined inside it. */
typedef struct {
    mpf_obj_base_t base;
    mpf_obj_t obj; /* MPF_OBJ_NULL while unassigned */
} mpf_cell_t;

/* A nested function with the cells it closes over, passed as its first arguments. */
typedef struct {
    mpf_obj_base_t base;
    const mpf_fun_bc_t *fun;
    size_t n_closed;
    mpf_obj_t closed[];
} mpf_closure_t;

typedef mpf_obj_t (*mpf_builtin_fun_t)(size_t n_args, size_t n_kw, const mpf_obj_t *args);

typedef struct {
    mpf_obj_base_t base;
    mpf_qstr_t name;
    mpf_builtin_fun_t fun;
} mpf_builtin_t;

typedef struct {
    mpf_obj_base_t base;
    mpf_int_t start, stop, step;
} mpf_range_t;

typedef struct {
    mpf_qstr_t file, name;
    uint32_t line;
} mpf_tb_entry_t;

/* Instances of classes keep their attributes in `members`, at the same place in an
 * exception (whose class may be a user's subclass) and in a plain instance. */
typedef struct {
    mpf_obj_base_t base;
    mpf_map_t *members; /* NULL until an attribute is set */
    mpf_obj_t args;     /* a tuple */
    mpf_tb_entry_t *tb;
    uint16_t tb_len, tb_alloc;
} mpf_exc_t;

typedef struct {
    mpf_obj_base_t base;
    mpf_map_t *members;
    mpf_obj_t native; /* the built-in object (list, dict, int, str) a subclass's instance extends */
} mpf_instance_t;

/* A class made at run time: a type whose hooks dispatch to its special methods. */
typedef struct {
    mpf_type_t type;
    mpf_map_t *locals;
    mpf_obj_t bases;          /* tuple */
    mpf_obj_t mro;            /* tuple: this class, then where attributes are looked up next */
    const mpf_type_t *native; /* the built-in base the instances extend, or NULL */
    uint32_t hooks_epoch;     /* objtype.c: store_hooks is known while this is current */
    bool store_hooks;         /* a property, __setattr__ or __delattr__ along the MRO */
} mpf_class_t;

/* --- ints beyond the small-int range (objint.c, arithmetic in mpz.c) ---
 * A value that fits a small int is always one, so a big int never equals a small int. */
typedef uint32_t mpf_digit_t;

typedef struct {
    mpf_obj_base_t base; /* &mpf_type_int */
    size_t len;          /* digits of the magnitude, least significant first; the top one non-zero */
    bool neg;
    mpf_digit_t dig[];
} mpf_bigint_t;

/* a big int of n digits as ROM data (the freezer's constants): mpf_bigint_t's layout */
#define MPF_ROM_BIGINT_T(n) \
    struct { \
        mpf_obj_base_t base; \
        size_t len; \
        bool neg; \
        mpf_digit_t dig[n]; \
    }

/* bits of a small int's value, for the preprocessor (the freezer's constants) */
#define MPF_SMALL_INT_BITS (INTPTR_MAX > 0x7fffffffL ? 63 : 31)

/* --- containers --- */
typedef struct {
    mpf_obj_base_t base;
    size_t len;
    mpf_obj_t items[];
} mpf_tuple_t;

/* a tuple of n items as ROM data (the freezer's constants): mpf_tuple_t's layout */
#define MPF_ROM_TUPLE_T(n) \
    struct { \
        mpf_obj_base_t base; \
        size_t len; \
        mpf_obj_t items[n]; \
    }

typedef struct {
    mpf_obj_base_t base;
    size_t len, alloc;
    mpf_obj_t *items;
} mpf_list_t;

/* dict and set: entries in insertion order (what CPython prints), found through an
 * index table of entry numbers; a deleted entry keeps its place with key NULL */
typedef struct {
    mpf_obj_t key, value;
} mpf_dict_entry_t;

typedef struct {
    mpf_obj_base_t base;
    size_t used;      /* live entries */
    size_t n_entries; /* entries written, live or deleted */
    size_t alloc;     /* entries room; the index has 2 * alloc slots */
    mpf_dict_entry_t *entries;
    int32_t *index; /* -1 empty */
} mpf_dict_t;

typedef struct {
    mpf_obj_base_t base;
    mpf_obj_t start, stop, step;
} mpf_slice_t;

/* A built-in function with its first argument bound (a method taken as a value). */
typedef struct {
    mpf_obj_base_t base;
    mpf_obj_t fun, self;
} mpf_bound_t;

/* iterator objects from iter(), enumerate, zip, map, ...: the generic form keeps an
 * object and a position for its type's iternext hook */
typedef struct {
    mpf_obj_base_t base;
    mpf_obj_t obj;
    size_t pos;
} mpf_iter_t;

extern const mpf_type_t mpf_type_tuple, mpf_type_list, mpf_type_dict, mpf_type_set,
    mpf_type_frozenset, mpf_type_slice, mpf_type_bound, mpf_type_iterator,
    mpf_type_dict_keys, mpf_type_dict_values, mpf_type_dict_items;
extern const mpf_type_t mpf_type_enumerate, mpf_type_zip, mpf_type_map, mpf_type_filter,
    mpf_type_reversed;
extern const mpf_type_t mpf_type_IndexError, mpf_type_KeyError, mpf_type_LookupError,
    mpf_type_AttributeError, mpf_type_StopIteration, mpf_type_StopAsyncIteration, mpf_type_AssertionError,
    mpf_type_KeyboardInterrupt, mpf_type_SystemExit, mpf_type_GeneratorExit, mpf_type_OSError,
    mpf_type_UnicodeError;

extern const mpf_type_t mpf_type_type, mpf_type_int, mpf_type_bool, mpf_type_NoneType,
    mpf_type_str, mpf_type_function, mpf_type_builtin, mpf_type_range, mpf_type_cell,
    mpf_type_closure;
extern const mpf_type_t mpf_type_BaseException, mpf_type_Exception, mpf_type_ArithmeticError,
    mpf_type_ZeroDivisionError, mpf_type_OverflowError, mpf_type_NameError,
    mpf_type_TypeError, mpf_type_ValueError, mpf_type_RuntimeError, mpf_type_MemoryError,
    mpf_type_NotImplementedError, mpf_type_ImportError;

/* objtuple.c, objlist.c, objdict.c, objslice.c */
mpf_obj_t mpf_tuple_new(size_t n, const mpf_obj_t *items);
mpf_obj_t mpf_list_new(size_t n, const mpf_obj_t *items);
void mpf_list_append(mpf_obj_t list, mpf_obj_t item);
mpf_obj_t mpf_list_sort(mpf_obj_t list, mpf_obj_t key, bool reverse);
mpf_obj_t mpf_dict_new(size_t capacity);
mpf_obj_t mpf_dict_get(mpf_obj_t dict, mpf_obj_t key); /* MPF_OBJ_NULL if absent */
void mpf_dict_store(mpf_obj_t dict, mpf_obj_t key, mpf_obj_t value);
mpf_obj_t mpf_set_new(const mpf_type_t *type);
void mpf_set_add(mpf_obj_t set, mpf_obj_t item);
size_t mpf_obj_hash(mpf_obj_t o);
/* items and count of a tuple or list; false for anything else */
bool mpf_obj_get_array(mpf_obj_t o, size_t *len, mpf_obj_t **items);
/* sequence index with negative values from the end; IndexError out of range */
size_t mpf_seq_index(mpf_obj_t index, size_t len, const char *what);
/* a slice over len items: start, step and count of the items it selects */
bool mpf_slice_indices(mpf_obj_t index, size_t len, mpf_int_t *start, mpf_int_t *step, size_t *count);
void mpf_print_seq(struct _mpf_print_t *p, const char *open, const char *close, size_t n,
    const mpf_obj_t *items, bool one_comma);
mpf_obj_t mpf_seq_contains(size_t n, const mpf_obj_t *items, mpf_obj_t x);
mpf_obj_t mpf_slice_new(mpf_obj_t start, mpf_obj_t stop, mpf_obj_t step);
extern const mpf_builtin_t mpf_seq_count_obj, mpf_seq_index_obj;
extern const mpf_builtin_t mpf_dict_fromkeys_obj, mpf_int_from_bytes_obj; /* no self */
mpf_obj_t mpf_seq_compare(unsigned op, size_t la, const mpf_obj_t *a, size_t lb, const mpf_obj_t *b);
/* everything an iterable gives, as a new list */
mpf_obj_t mpf_list_from_iter(mpf_obj_t iterable);
mpf_obj_t mpf_getiter(mpf_obj_t iterable); /* an iterator object */
mpf_obj_t mpf_iternext(mpf_obj_t iter);    /* MPF_OBJ_NULL when exhausted */

/* objbytes.c */
extern const mpf_type_t mpf_type_bytes, mpf_type_bytearray, mpf_type_memoryview;
mpf_obj_t mpf_str_encode(size_t n_args, size_t n_kw, const mpf_obj_t *args);
/* a bytes or bytearray of len bytes copied from data (NULL: zeros) */
mpf_obj_t mpf_bytes_new(const mpf_type_t *type, const char *data, size_t len);
/* the bytes of a bytes, bytearray or memoryview; false for anything else */
bool mpf_get_buffer(mpf_obj_t o, char **data, size_t *len);

/* objstr.c */
mpf_obj_t mpf_str_subscr(mpf_obj_t self, mpf_obj_t index, mpf_obj_t value);
mpf_obj_t mpf_obj_str(mpf_obj_t o, bool repr); /* str(o) or repr(o) */
void mpf_str_print(struct _mpf_print_t *p, mpf_obj_t self, bool repr);
size_t mpf_utf8_len(const char *s, size_t n);              /* characters in n bytes */
size_t mpf_utf8_offset(const char *s, size_t n, size_t k); /* where character k starts */
size_t mpf_utf8_encode(mpf_int_t c, char *buf);            /* 1-4 bytes; ValueError out of range */

/* obj.c */
extern const mpf_type_t mpf_type_ellipsis;
extern const mpf_obj_base_t mpf_const_ellipsis_obj; /* `...`, the one instance */
void mpf_obj_print_to(struct _mpf_print_t *p, mpf_obj_t o, bool repr);
const mpf_type_t *mpf_obj_get_type(mpf_obj_t o);
const char *mpf_obj_type_name(mpf_obj_t o);
bool mpf_obj_is_true(mpf_obj_t o);
bool mpf_obj_is_str(mpf_obj_t o);
bool mpf_obj_is_int(mpf_obj_t o); /* small int or bool */
mpf_int_t mpf_obj_int_value(mpf_obj_t o);
mpf_int_t mpf_obj_get_int(mpf_obj_t o); /* an argument that must be an int: TypeError if not */
const char *mpf_obj_str_data(mpf_obj_t o, size_t *len);
mpf_obj_t mpf_obj_new_str(const char *data, size_t len);
mpf_obj_t mpf_obj_new_str_uninit(size_t len, char **data);
void mpf_obj_print(mpf_obj_t o, bool repr);
bool mpf_obj_equal(mpf_obj_t a, mpf_obj_t b);

/* objint.c: ints of any size (small, bool or big) */
bool mpf_obj_is_bigint(mpf_obj_t o);
bool mpf_obj_is_integer(mpf_obj_t o); /* small int, bool or big int */
mpf_obj_t mpf_int_from_ll(long long v);
/* both operands integers; MPF_OBJ_NULL for an operator ints don't have */
mpf_obj_t mpf_int_binary_op(unsigned op, mpf_obj_t lhs, mpf_obj_t rhs);
mpf_obj_t mpf_int_unary_op(unsigned op, mpf_obj_t arg); /* POSITIVE, NEGATIVE, INVERT */
mpf_obj_t mpf_int_pow3(mpf_obj_t base, mpf_obj_t exp, mpf_obj_t mod);
mpf_obj_t mpf_int_abs(mpf_obj_t o);
size_t mpf_int_hash(mpf_obj_t o); /* the value's low word, as a small int hashes */
/* the digits of |o| (any integer) in base 2..36, most significant first; true if o < 0 */
bool mpf_int_print_digits(struct _mpf_print_t *p, mpf_obj_t o, unsigned base, bool upper);
/* digits (and '_') in base 2..36 as an int; MPF_OBJ_NULL if there is no digit or another character */
mpf_obj_t mpf_int_from_digits(const char *s, size_t len, unsigned base, bool neg);

/* runtime.c */
mpf_obj_t mpf_binary_op(unsigned op, mpf_obj_t lhs, mpf_obj_t rhs);
mpf_obj_t mpf_unary_op(unsigned op, mpf_obj_t arg);
mpf_obj_t mpf_call(mpf_obj_t fun, size_t n_args, size_t n_kw, const mpf_obj_t *args);
mpf_obj_t mpf_subscr(mpf_obj_t base, mpf_obj_t index, mpf_obj_t value);
size_t mpf_obj_len(mpf_obj_t o);
/* LOAD_METHOD: dest[0] the function, dest[1] self (or MPF_OBJ_NULL when none) */
void mpf_load_method(mpf_obj_t base, mpf_qstr_t attr, mpf_obj_t *dest);
mpf_obj_t mpf_load_attr(mpf_obj_t base, mpf_qstr_t attr);
void mpf_store_attr(mpf_obj_t base, mpf_qstr_t attr, mpf_obj_t value); /* NULL value deletes */
/* a method: dest[0] NULL when there is no such attribute */
void mpf_load_method_maybe(mpf_obj_t base, mpf_qstr_t attr, mpf_obj_t *dest);
bool mpf_obj_is_instance(mpf_obj_t o, const mpf_type_t *t);
mpf_obj_t mpf_load_name(const mpf_context_t *ctx, mpf_qstr_t name);
mpf_obj_t mpf_load_global(const mpf_context_t *ctx, mpf_qstr_t name);
/* defaults: NULL, or [tuple or NULL, dict or NULL] from MAKE_*_DEFARGS */
mpf_obj_t mpf_make_function(const mpf_raw_code_t *rc, const mpf_context_t *ctx, const mpf_obj_t *defaults);
mpf_obj_t mpf_make_closure(const mpf_raw_code_t *rc, const mpf_context_t *ctx, const mpf_obj_t *defaults,
    size_t n_closed, const mpf_obj_t *closed);
mpf_obj_t mpf_new_cell(mpf_obj_t obj);

/* objtype.c: classes and instances */
extern const mpf_type_t mpf_type_object, mpf_type_super, mpf_type_property, mpf_type_staticmethod,
    mpf_type_classmethod;
extern const mpf_builtin_t mpf_build_class_obj;
bool mpf_type_is_subclass(const mpf_type_t *t, const mpf_type_t *cls);
bool mpf_obj_is_class_instance(mpf_obj_t o);
/* the attribute of a class, or a built-in type's method, along its MRO; NULL if none */
mpf_obj_t mpf_class_lookup(const mpf_type_t *t, mpf_qstr_t name);
/* attribute access on classes, their instances and super objects; false: not one */
bool mpf_class_load_attr(mpf_obj_t base, mpf_qstr_t attr, mpf_obj_t *dest);
bool mpf_class_store_attr(mpf_obj_t base, mpf_qstr_t attr, mpf_obj_t value); /* NULL value deletes */
/* The interpreter's fast paths for instances of classes: a member the instance holds
 * itself (else NULL: take mpf_load_attr), and a store that only sets a member (else
 * false: take mpf_store_attr). */
mpf_obj_t mpf_instance_member(mpf_obj_t base, mpf_qstr_t attr);
bool mpf_instance_store_member(mpf_obj_t base, mpf_qstr_t attr, mpf_obj_t value);
/* a store into a namespace that may be a class's, other than through mpf_class_store_attr:
 * what objtype.c caches about classes' attributes is recomputed */
void mpf_class_attrs_changed(void);
/* calls self's special method `name` with args; false (and nothing called) if it has none */
bool mpf_instance_special(mpf_obj_t self, mpf_qstr_t name, size_t n_args, const mpf_obj_t *args, mpf_obj_t *ret);
mpf_obj_t mpf_instance_native(mpf_obj_t o); /* the built-in object it extends, or NULL */
mpf_obj_t mpf_instance_reverse_op(unsigned op, mpf_obj_t lhs, mpf_obj_t rhs); /* NULL: rhs has none */
mpf_obj_t mpf_instance_getiter(mpf_obj_t self);
size_t mpf_instance_hash(mpf_obj_t self);
mpf_obj_t mpf_type_make_new(mpf_obj_t type, size_t n_args, size_t n_kw, const mpf_obj_t *args);

/* the locals of class bodies while they run (NULL: module code, its globals) */
extern mpf_map_t *mpf_cur_locals;

/* map.c: qstr-keyed map (module globals) */
mpf_map_t *mpf_map_new(size_t capacity);
mpf_obj_t mpf_map_get(const mpf_map_t *map, mpf_qstr_t key); /* MPF_OBJ_NULL if absent */
void mpf_map_set(mpf_map_t *map, mpf_qstr_t key, mpf_obj_t value);
bool mpf_map_delete(mpf_map_t *map, mpf_qstr_t key); /* false if absent */
/* the entries one by one: *pos starts at 0; false at the end */
bool mpf_map_next(const mpf_map_t *map, size_t *pos, mpf_qstr_t *key, mpf_obj_t *value);
mpf_obj_t mpf_map_as_dict(mpf_map_t *map);
/* the globals of the code running now (vm.c) */
mpf_map_t *mpf_vm_globals(void);

/* builtins.c */
mpf_obj_t mpf_builtin_lookup(mpf_qstr_t name);
mpf_obj_t mpf_get_iter_into(mpf_obj_t iterable, mpf_obj_t *slots);
mpf_obj_t mpf_iter_next(mpf_obj_t *slots); /* MPF_OBJ_NULL when exhausted */

/* vm.c */
mpf_obj_t mpf_execute_bytecode(const mpf_fun_bc_t *fun, size_t n_args, size_t n_kw, const mpf_obj_t *args);

#endif /* MPF_OBJ_H */
