/* The methods str, bytes and bytearray share (objstr.c), listed once for the three tables. */
#ifndef MPF_TEXTMETHODS_H
#define MPF_TEXTMETHODS_H

#include "obj.h"

/* (name, qstr): the qstr spelled out, so the build's qstr scan finds it */
#define MPF_TEXT_METHODS(X) \
    X(strip, MP_QSTR_strip) X(lstrip, MP_QSTR_lstrip) X(rstrip, MP_QSTR_rstrip) \
    X(lower, MP_QSTR_lower) X(upper, MP_QSTR_upper) X(split, MP_QSTR_split) \
    X(rsplit, MP_QSTR_rsplit) X(splitlines, MP_QSTR_splitlines) X(replace, MP_QSTR_replace) \
    X(find, MP_QSTR_find) X(rfind, MP_QSTR_rfind) X(count, MP_QSTR_count) \
    X(index, MP_QSTR_index) X(rindex, MP_QSTR_rindex) X(startswith, MP_QSTR_startswith) \
    X(endswith, MP_QSTR_endswith) X(join, MP_QSTR_join) X(center, MP_QSTR_center) \
    X(partition, MP_QSTR_partition) X(rpartition, MP_QSTR_rpartition) \
    X(isalpha, MP_QSTR_isalpha) X(isdigit, MP_QSTR_isdigit) X(isspace, MP_QSTR_isspace) \
    X(isupper, MP_QSTR_isupper) X(islower, MP_QSTR_islower)

#define MPF_TEXT_METHOD_DECL(NAME, Q) extern const mpf_builtin_t mpf_text_##NAME##_obj;
MPF_TEXT_METHODS(MPF_TEXT_METHOD_DECL)
#define MPF_TEXT_METHOD_ENTRY(NAME, Q) {Q, &mpf_text_##NAME##_obj},

#endif /* MPF_TEXTMETHODS_H */
