/* The built-in modules: each defined in its own file, listed here for import. */
#include "module.h"
#include "objfloat.h"

extern const mpf_module_t mpf_module_micropython;
extern const mpf_module_t mpf_module_time;
#if MPF_FEATURE_MACHINE
extern const mpf_module_t mpf_module_machine;
#endif
#if MPF_FEATURE_FLOAT
extern const mpf_module_t mpf_module_math;
#endif
#if MPF_FEATURE_COMPLEX
extern const mpf_module_t mpf_module_cmath;
#endif
extern const mpf_module_t mpf_module_sys, mpf_module_gc, mpf_module_collections, mpf_module_io,
    mpf_module_errno, mpf_module_struct, mpf_module_binascii, mpf_module_hashlib, mpf_module_random,
    mpf_module_re, mpf_module_json, mpf_module_array, mpf_module_os;

const mpf_module_t *const mpf_builtin_modules[] = {
    &mpf_module_micropython,
    &mpf_module_time,
#if MPF_FEATURE_MACHINE
    &mpf_module_machine,
#endif
#if MPF_FEATURE_FLOAT
    &mpf_module_math,
#endif
#if MPF_FEATURE_COMPLEX
    &mpf_module_cmath,
#endif
    &mpf_module_sys,
    &mpf_module_gc,
    &mpf_module_collections,
    &mpf_module_io,
    &mpf_module_errno,
    &mpf_module_struct,
    &mpf_module_binascii,
    &mpf_module_hashlib,
    &mpf_module_random,
    &mpf_module_re,
    &mpf_module_json,
    &mpf_module_array,
    &mpf_module_os,
    NULL,
};
