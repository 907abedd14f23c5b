/* The `gc` module: the collector of gc.c, and how much of its heap is in use. */
#include "builtins.h"
#include "exc.h"
#include "gc.h"
#include "module.h"

static mpf_obj_t gc_collect(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_args;
    (void)n_kw;
    (void)args;
    mpf_gc_collect();
    return mpf_const_none;
}
MPF_BUILTIN_OBJ(collect_obj, MP_QSTR_collect, gc_collect);

static mpf_obj_t gc_enable(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_args;
    (void)n_kw;
    (void)args;
    mpf_gc_enable(true);
    return mpf_const_none;
}
MPF_BUILTIN_OBJ(enable_obj, MP_QSTR_enable, gc_enable);

static mpf_obj_t gc_disable(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_args;
    (void)n_kw;
    (void)args;
    mpf_gc_enable(false);
    return mpf_const_none;
}
MPF_BUILTIN_OBJ(disable_obj, MP_QSTR_disable, gc_disable);

static mpf_obj_t gc_isenabled(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_args;
    (void)n_kw;
    (void)args;
    return MPF_OBJ_BOOL(mpf_gc_is_enabled());
}
MPF_BUILTIN_OBJ(isenabled_obj, MP_QSTR_isenabled, gc_isenabled);

static mpf_obj_t gc_mem_free(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_args;
    (void)n_kw;
    (void)args;
    mpf_gc_info_t info;
    mpf_gc_info(&info);
    return MPF_OBJ_NEW_SMALL_INT(info.free);
}
MPF_BUILTIN_OBJ(mem_free_obj, MP_QSTR_mem_free, gc_mem_free);

static mpf_obj_t gc_mem_alloc(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_args;
    (void)n_kw;
    (void)args;
    mpf_gc_info_t info;
    mpf_gc_info(&info);
    return MPF_OBJ_NEW_SMALL_INT(info.used);
}
MPF_BUILTIN_OBJ(mem_alloc_obj, MP_QSTR_mem_alloc, gc_mem_alloc);

static const mpf_builtin_entry_t gc_table[] = {
    {MP_QSTR_collect, &collect_obj},
    {MP_QSTR_enable, &enable_obj},
    {MP_QSTR_disable, &disable_obj},
    {MP_QSTR_isenabled, &isenabled_obj},
    {MP_QSTR_mem_free, &mem_free_obj},
    {MP_QSTR_mem_alloc, &mem_alloc_obj},
    {0, NULL},
};

MPF_BUILTIN_MODULE(mpf_module_gc, MP_QSTR_gc, gc_table);
