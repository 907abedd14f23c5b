/* The bytecode interpreter's per-run state. */
#ifndef MPF_VM_H
#define MPF_VM_H

#include "obj.h"

/* Forget any unwound calls and measure C stack use from `stack_top`. */
void mpf_vm_reset(void *stack_top);

#endif /* MPF_VM_H */
