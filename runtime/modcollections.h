/* Named tuples (collections.namedtuple, and ROM ones such as sys.implementation). */
#ifndef MPF_MODCOLLECTIONS_H
#define MPF_MODCOLLECTIONS_H

#include "obj.h"

/* A named tuple's type: its instances are laid out as tuples (mpf_tuple_t). */
typedef struct {
    mpf_type_t type;
    size_t n_fields;
    const mpf_qstr_t *fields;
} mpf_namedtuple_type_t;

void mpf_namedtuple_print(struct _mpf_print_t *p, mpf_obj_t self, bool repr);
mpf_obj_t mpf_namedtuple_binary_op(unsigned op, mpf_obj_t lhs, mpf_obj_t rhs);
mpf_obj_t mpf_namedtuple_subscr(mpf_obj_t self, mpf_obj_t index, mpf_obj_t value);
mpf_obj_t mpf_namedtuple_iternext(mpf_obj_t self, size_t *pos);
size_t mpf_namedtuple_len(mpf_obj_t self);
mpf_obj_t mpf_namedtuple_attr(mpf_obj_t self, mpf_qstr_t attr, mpf_obj_t value);
mpf_obj_t mpf_namedtuple_make_new(mpf_obj_t type, size_t n_args, size_t n_kw, const mpf_obj_t *args);
extern const mpf_method_t mpf_namedtuple_methods[1];

/* the initializer of a ROM named tuple type `qname` with fields `fields` (n of them) */
#define MPF_NAMEDTUPLE_TYPE(qname, n, fields_) \
    { \
        { \
            .base = {&mpf_type_type}, .name = qname, .parent = &mpf_type_tuple, \
            .print = mpf_namedtuple_print, .binary_op = mpf_namedtuple_binary_op, \
            .subscr = mpf_namedtuple_subscr, .iternext = mpf_namedtuple_iternext, \
            .len = mpf_namedtuple_len, .methods = mpf_namedtuple_methods, .n_methods = 1, \
            .make_new = mpf_namedtuple_make_new, .attr = mpf_namedtuple_attr, \
        }, \
        n, fields_ \
    }

#endif /* MPF_MODCOLLECTIONS_H */
