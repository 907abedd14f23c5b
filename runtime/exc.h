/* Exceptions: non-local return with setjmp/longjmp, raising, tracebacks. */
#ifndef MPF_EXC_H
#define MPF_EXC_H

#include <setjmp.h>

#include "obj.h"

typedef struct _mpf_nlr_t {
    struct _mpf_nlr_t *prev;
    jmp_buf jb;
    mpf_obj_t exc;
    void *pystack; /* the VM stack's top at the push: what a raise frees back to */
} mpf_nlr_t;

/* Usage: mpf_nlr_push(&n); if (setjmp(n.jb) == 0) { ...; mpf_nlr_pop(); } else { n.exc }
 * (setjmp must be called by the function that owns the handler, so it is not wrapped). */
void mpf_nlr_push(mpf_nlr_t *nlr);
void mpf_nlr_pop(void);
void mpf_nlr_reset(void);
void mpf_exc_init(void); /* registers its GC roots */

_Noreturn void mpf_raise(mpf_obj_t exc);
/* fmt as mpf_printf: %s (C string), %q (qstr id), %O/%R (object), %d (int), %u (unsigned) */
_Noreturn void mpf_raise_msg(const mpf_type_t *type, const char *fmt, ...);
_Noreturn void mpf_raise_recursion_depth(void);

mpf_obj_t mpf_exc_new(const mpf_type_t *type, mpf_obj_t arg);
bool mpf_obj_is_exception_type(mpf_obj_t o);
bool mpf_exc_match(mpf_obj_t exc, mpf_obj_t cls);
bool mpf_obj_is_exception(mpf_obj_t o);
void mpf_exc_add_traceback(mpf_obj_t exc, mpf_qstr_t file, uint32_t line, mpf_qstr_t name);
void mpf_exc_print_traceback(struct _mpf_print_t *p, mpf_obj_t exc);
void mpf_exc_print_instance(struct _mpf_print_t *p, mpf_obj_t self, bool repr);

#endif /* MPF_EXC_H */
