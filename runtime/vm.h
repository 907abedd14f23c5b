/* The bytecode interpreter's per-run state. */
#ifndef MPF_VM_H
#define MPF_VM_H

#include "obj.h"

/* Forget any unwound calls and measure C stack use from `stack_top`. */
void mpf_vm_reset(void *stack_top);
/* RuntimeError (recursion depth) when the C stack is used up: for recursive C code */
void mpf_c_stack_check(void);

extern const mpf_type_t mpf_type_generator;

typedef enum { MPF_VM_NORMAL, MPF_VM_YIELD, MPF_VM_EXCEPTION } mpf_vm_kind_t;

/* Resumes a generator (or any iterator, for yield from) with `send` (NULL: next) or
 * by raising `exc` in it: MPF_VM_YIELD with the yielded value, MPF_VM_NORMAL with the
 * returned value, MPF_VM_EXCEPTION with the exception, in *ret. */
mpf_vm_kind_t mpf_gen_resume(mpf_obj_t gen, mpf_obj_t send, mpf_obj_t exc, mpf_obj_t *ret);
mpf_qstr_t mpf_gen_name(mpf_obj_t gen);

#endif /* MPF_VM_H */
