/* Generator objects: iteration, send(), throw() and close() over mpf_gen_resume. */
#include "exc.h"
#include "print.h"
#include "vm.h"

static void gen_print(mpf_print_t *p, mpf_obj_t self, bool repr) {
    (void)repr;
    mpf_printf(p, "<generator object '%q' at %u>", mpf_gen_name(self), (unsigned)(uintptr_t)self);
}

static _Noreturn void stop_iteration(mpf_obj_t value) {
    mpf_raise(mpf_exc_new(&mpf_type_StopIteration, value == mpf_const_none ? MPF_OBJ_NULL : value));
}

static mpf_obj_t gen_iternext(mpf_obj_t self, size_t *pos) {
    (void)pos;
    mpf_obj_t ret;
    switch (mpf_gen_resume(self, MPF_OBJ_NULL, MPF_OBJ_NULL, &ret)) {
        case MPF_VM_YIELD:
            return ret;
        case MPF_VM_NORMAL:
            return MPF_OBJ_NULL;
        default:
            mpf_raise(ret);
    }
}

/* send(v) and throw(e): the next yielded value, StopIteration when it returns */
static mpf_obj_t resume(mpf_obj_t self, mpf_obj_t send, mpf_obj_t exc) {
    mpf_obj_t ret;
    switch (mpf_gen_resume(self, send, exc, &ret)) {
        case MPF_VM_YIELD:
            return ret;
        case MPF_VM_NORMAL:
            stop_iteration(ret);
        default:
            mpf_raise(ret);
    }
}

static mpf_obj_t gen_send(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    if (n_args != 2) {
        mpf_raise_msg(&mpf_type_TypeError, "function takes 2 positional arguments but %d were given", (int)n_args);
    }
    return resume(args[0], args[1], MPF_OBJ_NULL);
}

static mpf_obj_t exc_from(mpf_obj_t o) {
    if (mpf_obj_is_exception_type(o)) {
        return mpf_call(o, 0, 0, NULL);
    }
    if (!mpf_obj_is_exception(o)) {
        mpf_raise_msg(&mpf_type_TypeError, "exceptions must derive from BaseException");
    }
    return o;
}

static mpf_obj_t gen_throw(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    if (n_args < 2 || n_args > 4) {
        mpf_raise_msg(&mpf_type_TypeError, "function takes 2 positional arguments but %d were given", (int)n_args);
    }
    mpf_obj_t exc = args[1];
    if (n_args > 2 && args[2] != mpf_const_none && mpf_obj_is_exception_type(exc)) {
        exc = mpf_call(exc, 1, 0, &args[2]);
    }
    return resume(args[0], mpf_const_none, exc_from(exc));
}

static mpf_obj_t gen_close(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    (void)n_args;
    mpf_obj_t ret;
    mpf_obj_t exc = mpf_exc_new(&mpf_type_GeneratorExit, MPF_OBJ_NULL);
    switch (mpf_gen_resume(args[0], mpf_const_none, exc, &ret)) {
        case MPF_VM_YIELD:
            mpf_raise_msg(&mpf_type_RuntimeError, "generator ignored GeneratorExit");
        case MPF_VM_NORMAL:
            return mpf_const_none;
        default:
            if (mpf_exc_match(ret, (mpf_obj_t)&mpf_type_GeneratorExit) ||
                mpf_exc_match(ret, (mpf_obj_t)&mpf_type_StopIteration)) {
                return mpf_const_none;
            }
            mpf_raise(ret);
    }
}

static mpf_obj_t gen_next(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    (void)n_args;
    return resume(args[0], MPF_OBJ_NULL, MPF_OBJ_NULL);
}

static const mpf_builtin_t gen_send_obj = {{&mpf_type_builtin}, MP_QSTR_send, gen_send};
static const mpf_builtin_t gen_throw_obj = {{&mpf_type_builtin}, MP_QSTR_throw, gen_throw};
static const mpf_builtin_t gen_close_obj = {{&mpf_type_builtin}, MP_QSTR_close, gen_close};
static const mpf_builtin_t gen_next_obj = {{&mpf_type_builtin}, MP_QSTR___next__, gen_next};

static const mpf_method_t gen_methods[] = {
    {MP_QSTR_send, &gen_send_obj},
    {MP_QSTR_throw, &gen_throw_obj},
    {MP_QSTR_close, &gen_close_obj},
    {MP_QSTR___next__, &gen_next_obj},
};

const mpf_type_t mpf_type_generator = {
    .base = {&mpf_type_type},
    .name = MP_QSTR_generator,
    .print = gen_print,
    .iternext = gen_iternext,
    .methods = gen_methods,
    .n_methods = sizeof(gen_methods) / sizeof(gen_methods[0]),
    .flags = MPF_TYPE_FLAG_ITERATOR,
};
