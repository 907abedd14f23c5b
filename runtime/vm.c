#include <string.h>

#include "bc.h"
#include "call.h"
#include "exc.h"
#include "module.h"
#include "objfloat.h"
#include "smallint.h"
#include "gc.h"
#include "genhdr/opcodes.h"
#include "vm.h"

/* the most slots one instruction pops or pushes beyond a well-formed stack */
#define GUARD_SLOTS (MP_OBJ_ITER_BUF_NSLOTS)

#ifdef MPF_VM_HOOK
/* a port's function run before each instruction: the fuzz target counts them, so
 * that a looping program ends its run */
void MPF_VM_HOOK(void);
#endif

static size_t call_depth;
static uintptr_t c_stack_top;
static mpf_map_t *cur_globals; /* of the innermost running function */

mpf_map_t *mpf_vm_globals(void) {
    return cur_globals;
}

void mpf_vm_reset(void *stack_top) {
    call_depth = 0;
    cur_globals = NULL;
    c_stack_top = (uintptr_t)stack_top;
    mpf_pystack_reset();
}

/* An active try/finally/with block (SETUP_*), as py/vm.c keeps them: where its
 * handler starts, how deep the value stack was, and the exception it caught. */
typedef struct {
    const uint8_t *handler;
    size_t depth;
    bool is_finally;
    mpf_obj_t caught;
} block_t;

/* What survives the longjmp out of a failing operation lives in the frame's memory,
 * not in locals: where the running instruction is (for the traceback and for finding
 * the handler), where to resume, and the block stack. */
typedef struct {
    mpf_prelude_t pre; /* here, not in a C local: every nested call would carry it */
    const uint8_t *op_ip;
    const uint8_t *resume_ip;
    mpf_obj_t *resume_sp;
    size_t n_blocks, max_blocks;
    block_t *blocks;
    bool yielded;     /* run() returned at a yield: resume_ip/resume_sp say where */
    mpf_obj_t inject; /* an exception thrown into a generator stopped at YIELD_FROM */
} frame_t;

/* A return or jump passing through a finally handler: pushed for the handler, and
 * resumed by END_FINALLY. cause < 0: a return of `data`; else a jump to `target`
 * with `cause` blocks still to leave. */
typedef struct {
    mpf_obj_base_t base;
    mpf_int_t cause;
    mpf_obj_t data;
    const uint8_t *target;
} unwind_t;

static const mpf_type_t unwind_type = {.base = {&mpf_type_type}, .name = MP_QSTR_object};

static mpf_obj_t new_unwind(mpf_int_t cause, mpf_obj_t data, const uint8_t *target) {
    unwind_t *u = mpf_alloc(sizeof(*u));
    u->base.type = &unwind_type;
    u->cause = cause;
    u->data = data;
    u->target = target;
    return u;
}

static bool is_unwind(mpf_obj_t o) {
    return MPF_OBJ_IS_PTR(o) && MPF_OBJ_TYPE_OF_PTR(o) == &unwind_type;
}

static size_t decode_uint(const uint8_t **ipp) {
    const uint8_t *ip = *ipp;
    size_t v = 0;
    do {
        v = (v << 7) | (*ip & 0x7f);
    } while (*ip++ & 0x80);
    *ipp = ip;
    return v;
}

static size_t decode_ulabel(const uint8_t **ipp) {
    const uint8_t *ip = *ipp;
    size_t v;
    if (ip[0] & 0x80) {
        v = (size_t)(ip[0] & 0x7f) | ((size_t)ip[1] << 7);
        *ipp = ip + 2;
    } else {
        v = ip[0];
        *ipp = ip + 1;
    }
    return v;
}

static ptrdiff_t decode_slabel(const uint8_t **ipp) {
    const uint8_t *ip = *ipp;
    ptrdiff_t v;
    if (ip[0] & 0x80) {
        v = (ptrdiff_t)((ip[0] & 0x7f) | ((size_t)ip[1] << 7)) - 0x4000;
        *ipp = ip + 2;
    } else {
        v = (ptrdiff_t)ip[0] - 0x40;
        *ipp = ip + 1;
    }
    return v;
}

/* `o`, which the compiler's bytecode guarantees to be of type `t`: only a corrupt
 * file gets here with something else */
static void *expect_type(mpf_obj_t o, const mpf_type_t *t) {
    if (!MPF_OBJ_IS_PTR(o) || MPF_OBJ_TYPE_OF_PTR(o) != t) {
        mpf_raise_msg(&mpf_type_RuntimeError, "bytecode expected a %q", t->name);
    }
    return (void *)o;
}

static mpf_cell_t *cell_at(mpf_obj_t *fastn, size_t i) {
    return expect_type(fastn[-(ptrdiff_t)i], &mpf_type_cell);
}

static _Noreturn void unsupported_opcode(unsigned op) {
    mpf_raise_msg(&mpf_type_NotImplementedError, "opcode %u not supported yet", op);
}

/* Runs the bytecode of one call to completion; `state` holds the locals at the top
 * (local i at state[n_state - 1 - i]) and the value stack growing up from state[0]. */
static _Noreturn void stack_error(void) {
    mpf_raise_msg(&mpf_type_RuntimeError, "bytecode stack out of bounds");
}

/* Leaves `unum & 0x7f` blocks on the way to `target` (a break or continue out of try
 * or with); a finally handler not yet running is run first, with an unwind marker
 * that brings END_FINALLY back here. Returns where to continue. */
static const uint8_t *unwind_jump(frame_t *frame, mpf_obj_t *state, mpf_obj_t **spp,
    const uint8_t *ip, const uint8_t *target, size_t unum) {
    mpf_obj_t *sp = *spp;
    while (unum & 0x7f) {
        unum -= 1;
        if (frame->n_blocks == 0) {
            stack_error();
        }
        block_t *b = &frame->blocks[frame->n_blocks - 1];
        if (b->is_finally) {
            sp = state + b->depth - 1;
            if (b->handler > ip) {
                *++sp = new_unwind((mpf_int_t)unum, MPF_OBJ_NULL, target);
                *spp = sp;
                return b->handler;
            }
        }
        frame->n_blocks--;
    }
    if (unum) {
        sp -= MP_OBJ_ITER_BUF_NSLOTS; /* a break out of a for loop drops its iterator */
    }
    *spp = sp;
    return target;
}

/* A return through finally handlers: each runs first, holding the value in a marker.
 * Returns NULL when the function can return (the value on top of the stack). */
static const uint8_t *unwind_return(frame_t *frame, mpf_obj_t *state, mpf_obj_t **spp, const uint8_t *ip) {
    mpf_obj_t *sp = *spp;
    while (frame->n_blocks) {
        block_t *b = &frame->blocks[frame->n_blocks - 1];
        if (b->is_finally) {
            mpf_obj_t value = *sp;
            sp = state + b->depth - 1;
            if (b->handler > ip) {
                *++sp = new_unwind(-1, value, NULL);
                *spp = sp;
                return b->handler;
            }
            *++sp = value;
        }
        frame->n_blocks--;
    }
    *spp = sp;
    return NULL;
}

static void push_block(frame_t *frame, const uint8_t *handler, size_t depth, bool is_finally) {
    if (frame->n_blocks == frame->max_blocks) {
        stack_error();
    }
    block_t *b = &frame->blocks[frame->n_blocks++];
    b->handler = handler;
    b->depth = depth;
    b->is_finally = is_finally;
    b->caught = MPF_OBJ_NULL;
}

static void unpack(mpf_obj_t seq, size_t n_before, size_t n_after, bool star, mpf_obj_t *out) {
    size_t n;
    mpf_obj_t *items;
    if (!mpf_obj_get_array(seq, &n, &items)) {
        mpf_list_t *l = mpf_list_from_iter(seq);
        n = l->len;
        items = l->items;
    }
    if (n < n_before + n_after) {
        mpf_raise_msg(&mpf_type_ValueError, "need more than %d values to unpack", (int)n);
    }
    if (!star && n > n_before) {
        mpf_raise_msg(&mpf_type_ValueError, "too many values to unpack (expected %d)", (int)n_before);
    }
    /* the stack gets the last item lowest, so the first is on top */
    size_t k = 0;
    for (size_t i = 0; i < n_after; ++i) {
        out[k++] = items[n - 1 - i];
    }
    if (star) {
        out[k++] = mpf_list_new(n - n_before - n_after, items + n_before);
    }
    for (size_t i = 0; i < n_before; ++i) {
        out[k++] = items[n_before - 1 - i];
    }
}

/* The slot of list[index] for an index from 0 to len - 1, the common subscript; NULL
 * leaves everything else (other types, negative or bad indices, slices) to mpf_subscr. */
static inline mpf_obj_t *list_item(mpf_obj_t base, mpf_obj_t index) {
    if (MPF_OBJ_IS_SMALL_INT(index) && MPF_OBJ_IS_PTR(base) && MPF_OBJ_TYPE_OF_PTR(base) == &mpf_type_list) {
        mpf_list_t *l = base;
        mpf_int_t i = MPF_OBJ_SMALL_INT_VALUE(index);
        if (i >= 0 && (size_t)i < l->len) {
            return &l->items[i];
        }
    }
    return NULL;
}

typedef struct gen_t gen_t;
static mpf_obj_t execute(const mpf_fun_bc_t *fun, size_t n_args, size_t n_kw, const mpf_obj_t *args, gen_t *g,
    mpf_obj_t exc);

/* A call from bytecode: a bytecode function straight into the interpreter, without
 * mpf_call's C frames between (they would count in every level of recursion). */
static inline __attribute__((always_inline)) mpf_obj_t call(mpf_obj_t f, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    if (mpf_obj_get_type(f) == &mpf_type_function) {
        return execute(f, n_args, n_kw, args, NULL, MPF_OBJ_NULL);
    }
    return mpf_call(f, n_args, n_kw, args);
}

/* Dispatch: with gcc's labels as values each instruction jumps to the next one's code
 * through a table (one indirect jump per instruction, predicted per opcode); without,
 * and for opcodes the table leaves out, through the switch. A case labels its code
 * with ENTRY(opcode) and ends with DISPATCH(). */
#if defined(__GNUC__) && !defined(MPF_VM_SWITCH)
#define MPF_VM_THREADED (1)
#define ENTRY(op) lbl_##op:
#define DISPATCH() \
    do { \
        NEXT(); \
        goto *dispatch_table[op]; \
    } while (0)
#else
#define MPF_VM_THREADED (0)
#define ENTRY(op)
#define DISPATCH() continue
#endif

/* Bytecode from a file is validated at load, except for its stack depth: the guard
 * slots around `state` absorb one bad instruction and this stops the next. */
#ifdef MPF_VM_HOOK
#define VM_HOOK() MPF_VM_HOOK()
#else
#define VM_HOOK()
#endif
#define NEXT() \
    do { \
        if (sp < state - 1 || sp >= state + n_state) { \
            stack_error(); \
        } \
        VM_HOOK(); \
        frame->op_ip = ip; \
        op = *ip++; \
    } while (0)

/* gcc's global common subexpression elimination merges the dispatch jumps of the
 * instructions into one shared jump, which the branch predictor cannot tell apart: off
 * for the interpreter (gcc's manual advises it for computed gotos). */
#if MPF_VM_THREADED && !defined(__clang__)
__attribute__((optimize("no-gcse")))
#endif
static mpf_obj_t run(const mpf_fun_bc_t *fun, mpf_obj_t *state, size_t n_state, frame_t *frame) {
    const mpf_context_t *ctx = fun->ctx;
    const uint16_t *qstr_table = ctx->qstr_table;
    mpf_obj_t *fastn = &state[n_state - 1];
    const uint8_t *ip = frame->resume_ip;
    mpf_obj_t *sp = frame->resume_sp;

    unsigned op;
#if MPF_VM_THREADED
    /* opcodes without an entry here take the switch: the first range is a default,
     * which the entries after it override */
#pragma GCC diagnostic push
#if defined(__clang__)
#pragma GCC diagnostic ignored "-Winitializer-overrides"
#else
#pragma GCC diagnostic ignored "-Woverride-init"
#endif
    static const void *const dispatch_table[256] = {
        [0 ... 255] = &&lbl_switch,
        [MP_BC_LOAD_CONST_FALSE] = &&lbl_MP_BC_LOAD_CONST_FALSE,
        [MP_BC_LOAD_CONST_NONE] = &&lbl_MP_BC_LOAD_CONST_NONE,
        [MP_BC_LOAD_CONST_TRUE] = &&lbl_MP_BC_LOAD_CONST_TRUE,
        [MP_BC_LOAD_CONST_SMALL_INT] = &&lbl_MP_BC_LOAD_CONST_SMALL_INT,
        [MP_BC_LOAD_CONST_STRING] = &&lbl_MP_BC_LOAD_CONST_STRING,
        [MP_BC_LOAD_CONST_OBJ] = &&lbl_MP_BC_LOAD_CONST_OBJ,
        [MP_BC_LOAD_NULL] = &&lbl_MP_BC_LOAD_NULL,
        [MP_BC_LOAD_FAST_N] = &&lbl_MP_BC_LOAD_FAST_N,
        [MP_BC_STORE_FAST_N] = &&lbl_MP_BC_STORE_FAST_N,
        [MP_BC_DELETE_FAST] = &&lbl_MP_BC_DELETE_FAST,
        [MP_BC_LOAD_DEREF] = &&lbl_MP_BC_LOAD_DEREF,
        [MP_BC_STORE_DEREF] = &&lbl_MP_BC_STORE_DEREF,
        [MP_BC_LOAD_NAME] = &&lbl_MP_BC_LOAD_NAME,
        [MP_BC_STORE_NAME] = &&lbl_MP_BC_STORE_NAME,
        [MP_BC_DELETE_NAME] = &&lbl_MP_BC_DELETE_NAME,
        [MP_BC_LOAD_GLOBAL] = &&lbl_MP_BC_LOAD_GLOBAL,
        [MP_BC_STORE_GLOBAL] = &&lbl_MP_BC_STORE_GLOBAL,
        [MP_BC_DELETE_GLOBAL] = &&lbl_MP_BC_DELETE_GLOBAL,
        [MP_BC_DUP_TOP] = &&lbl_MP_BC_DUP_TOP,
        [MP_BC_DUP_TOP_TWO] = &&lbl_MP_BC_DUP_TOP_TWO,
        [MP_BC_POP_TOP] = &&lbl_MP_BC_POP_TOP,
        [MP_BC_ROT_TWO] = &&lbl_MP_BC_ROT_TWO,
        [MP_BC_ROT_THREE] = &&lbl_MP_BC_ROT_THREE,
        [MP_BC_JUMP] = &&lbl_MP_BC_JUMP,
        [MP_BC_POP_JUMP_IF_TRUE] = &&lbl_MP_BC_POP_JUMP_IF_TRUE,
        [MP_BC_POP_JUMP_IF_FALSE] = &&lbl_MP_BC_POP_JUMP_IF_FALSE,
        [MP_BC_JUMP_IF_TRUE_OR_POP] = &&lbl_MP_BC_JUMP_IF_TRUE_OR_POP,
        [MP_BC_JUMP_IF_FALSE_OR_POP] = &&lbl_MP_BC_JUMP_IF_FALSE_OR_POP,
        [MP_BC_GET_ITER_STACK] = &&lbl_MP_BC_GET_ITER_STACK,
        [MP_BC_FOR_ITER] = &&lbl_MP_BC_FOR_ITER,
        [MP_BC_MAKE_FUNCTION] = &&lbl_MP_BC_MAKE_FUNCTION,
        [MP_BC_MAKE_FUNCTION_DEFARGS] = &&lbl_MP_BC_MAKE_FUNCTION_DEFARGS,
        [MP_BC_MAKE_CLOSURE_DEFARGS] = &&lbl_MP_BC_MAKE_CLOSURE_DEFARGS,
        [MP_BC_CALL_FUNCTION] = &&lbl_MP_BC_CALL_FUNCTION,
        [MP_BC_CALL_METHOD_VAR_KW] = &&lbl_MP_BC_CALL_METHOD_VAR_KW,
        [MP_BC_RETURN_VALUE] = &&lbl_MP_BC_RETURN_VALUE,
        [MP_BC_SETUP_FINALLY] = &&lbl_MP_BC_SETUP_FINALLY,
        [MP_BC_POP_EXCEPT_JUMP] = &&lbl_MP_BC_POP_EXCEPT_JUMP,
        [MP_BC_END_FINALLY] = &&lbl_MP_BC_END_FINALLY,
        [MP_BC_UNWIND_JUMP] = &&lbl_MP_BC_UNWIND_JUMP,
        [MP_BC_RAISE_LAST] = &&lbl_MP_BC_RAISE_LAST,
        [MP_BC_RAISE_FROM] = &&lbl_MP_BC_RAISE_FROM,
        [MP_BC_BUILD_TUPLE] = &&lbl_MP_BC_BUILD_TUPLE,
        [MP_BC_BUILD_LIST] = &&lbl_MP_BC_BUILD_LIST,
        [MP_BC_BUILD_MAP] = &&lbl_MP_BC_BUILD_MAP,
        [MP_BC_STORE_MAP] = &&lbl_MP_BC_STORE_MAP,
        [MP_BC_BUILD_SET] = &&lbl_MP_BC_BUILD_SET,
        [MP_BC_BUILD_SLICE] = &&lbl_MP_BC_BUILD_SLICE,
        [MP_BC_STORE_COMP] = &&lbl_MP_BC_STORE_COMP,
        [MP_BC_LOAD_SUBSCR] = &&lbl_MP_BC_LOAD_SUBSCR,
        [MP_BC_STORE_SUBSCR] = &&lbl_MP_BC_STORE_SUBSCR,
        [MP_BC_UNPACK_SEQUENCE] = &&lbl_MP_BC_UNPACK_SEQUENCE,
        [MP_BC_UNPACK_EX] = &&lbl_MP_BC_UNPACK_EX,
        [MP_BC_STORE_ATTR] = &&lbl_MP_BC_STORE_ATTR,
        [MP_BC_LOAD_SUPER_METHOD] = &&lbl_MP_BC_LOAD_SUPER_METHOD,
        [MP_BC_LOAD_BUILD_CLASS] = &&lbl_MP_BC_LOAD_BUILD_CLASS,
        [MP_BC_DELETE_DEREF] = &&lbl_MP_BC_DELETE_DEREF,
        [MP_BC_SETUP_WITH] = &&lbl_MP_BC_SETUP_WITH,
        [MP_BC_WITH_CLEANUP] = &&lbl_MP_BC_WITH_CLEANUP,
        [MP_BC_IMPORT_NAME] = &&lbl_MP_BC_IMPORT_NAME,
        [MP_BC_IMPORT_FROM] = &&lbl_MP_BC_IMPORT_FROM,
        [MP_BC_IMPORT_STAR] = &&lbl_MP_BC_IMPORT_STAR,
        [MP_BC_LOAD_ATTR] = &&lbl_MP_BC_LOAD_ATTR,
        [MP_BC_LOAD_METHOD] = &&lbl_MP_BC_LOAD_METHOD,
        [MP_BC_CALL_METHOD] = &&lbl_MP_BC_CALL_METHOD,
        [MP_BC_YIELD_VALUE] = &&lbl_MP_BC_YIELD_VALUE,
        [MP_BC_YIELD_FROM] = &&lbl_MP_BC_YIELD_FROM,
        [MP_BC_GET_ITER] = &&lbl_MP_BC_GET_ITER,
        [MP_BC_RAISE_OBJ] = &&lbl_MP_BC_RAISE_OBJ,
        [MP_BC_LOAD_CONST_SMALL_INT_MULTI ... MP_BC_LOAD_CONST_SMALL_INT_MULTI + MP_BC_LOAD_CONST_SMALL_INT_MULTI_NUM - 1] = &&load_const_small_int_multi,
        [MP_BC_LOAD_FAST_MULTI ... MP_BC_LOAD_FAST_MULTI + MP_BC_LOAD_FAST_MULTI_NUM - 1] = &&load_fast_multi,
        [MP_BC_STORE_FAST_MULTI ... MP_BC_STORE_FAST_MULTI + MP_BC_STORE_FAST_MULTI_NUM - 1] = &&store_fast_multi,
        [MP_BC_UNARY_OP_MULTI ... MP_BC_UNARY_OP_MULTI + MP_BC_UNARY_OP_MULTI_NUM - 1] = &&unary_op_multi,
        [MP_BC_BINARY_OP_MULTI ... MP_BC_BINARY_OP_MULTI + MP_BC_BINARY_OP_MULTI_NUM - 1] = &&binary_op_multi,
    };
#pragma GCC diagnostic pop
#endif

    for (;;) {
        NEXT();
#if MPF_VM_THREADED
        goto *dispatch_table[op];
    lbl_switch:
#endif
        switch (op) {
            case MP_BC_LOAD_CONST_FALSE: ENTRY(MP_BC_LOAD_CONST_FALSE)
                *++sp = mpf_const_false;
                DISPATCH();
            case MP_BC_LOAD_CONST_NONE: ENTRY(MP_BC_LOAD_CONST_NONE)
                *++sp = mpf_const_none;
                DISPATCH();
            case MP_BC_LOAD_CONST_TRUE: ENTRY(MP_BC_LOAD_CONST_TRUE)
                *++sp = mpf_const_true;
                DISPATCH();
            case MP_BC_LOAD_CONST_SMALL_INT: ENTRY(MP_BC_LOAD_CONST_SMALL_INT) {
                uintptr_t num = (ip[0] & 0x40) ? (uintptr_t)-1 : 0;
                do {
                    num = (num << 7) | (*ip & 0x7f);
                } while (*ip++ & 0x80);
                *++sp = MPF_OBJ_NEW_SMALL_INT((mpf_int_t)num);
                DISPATCH();
            }
            case MP_BC_LOAD_CONST_STRING: ENTRY(MP_BC_LOAD_CONST_STRING)
                *++sp = MPF_OBJ_NEW_QSTR(qstr_table[decode_uint(&ip)]);
                DISPATCH();
            case MP_BC_LOAD_CONST_OBJ: ENTRY(MP_BC_LOAD_CONST_OBJ)
                *++sp = ctx->obj_table[decode_uint(&ip)];
                DISPATCH();
            case MP_BC_LOAD_NULL: ENTRY(MP_BC_LOAD_NULL)
                *++sp = MPF_OBJ_NULL;
                DISPATCH();
            case MP_BC_LOAD_FAST_N: ENTRY(MP_BC_LOAD_FAST_N) {
                size_t i = decode_uint(&ip);
                if (fastn[-(ptrdiff_t)i] == MPF_OBJ_NULL) {
                    goto local_unbound;
                }
                *++sp = fastn[-(ptrdiff_t)i];
                DISPATCH();
            }
            case MP_BC_STORE_FAST_N: ENTRY(MP_BC_STORE_FAST_N)
                fastn[-(ptrdiff_t)decode_uint(&ip)] = *sp--;
                DISPATCH();
            case MP_BC_DELETE_FAST: ENTRY(MP_BC_DELETE_FAST) {
                size_t i = decode_uint(&ip);
                if (fastn[-(ptrdiff_t)i] == MPF_OBJ_NULL) {
                    goto local_unbound;
                }
                fastn[-(ptrdiff_t)i] = MPF_OBJ_NULL;
                DISPATCH();
            }
            case MP_BC_LOAD_DEREF: ENTRY(MP_BC_LOAD_DEREF) {
                mpf_cell_t *c = cell_at(fastn, decode_uint(&ip));
                if (c->obj == MPF_OBJ_NULL) {
                    goto local_unbound;
                }
                *++sp = c->obj;
                DISPATCH();
            }
            case MP_BC_STORE_DEREF: ENTRY(MP_BC_STORE_DEREF)
                cell_at(fastn, decode_uint(&ip))->obj = *sp--;
                DISPATCH();
            case MP_BC_LOAD_NAME: ENTRY(MP_BC_LOAD_NAME)
                *++sp = mpf_load_name(ctx, qstr_table[decode_uint(&ip)]);
                DISPATCH();
            case MP_BC_STORE_NAME: ENTRY(MP_BC_STORE_NAME)
                mpf_map_set(mpf_cur_locals ? mpf_cur_locals : ctx->globals, qstr_table[decode_uint(&ip)], *sp--);
                DISPATCH();
            case MP_BC_DELETE_NAME: ENTRY(MP_BC_DELETE_NAME) {
                mpf_qstr_t name = qstr_table[decode_uint(&ip)];
                if (!mpf_map_delete(mpf_cur_locals ? mpf_cur_locals : ctx->globals, name)) {
                    mpf_raise_msg(&mpf_type_NameError, "name '%q' isn't defined", name);
                }
                DISPATCH();
            }
            case MP_BC_LOAD_GLOBAL: ENTRY(MP_BC_LOAD_GLOBAL)
                *++sp = mpf_load_global(ctx, qstr_table[decode_uint(&ip)]);
                DISPATCH();
            case MP_BC_STORE_GLOBAL: ENTRY(MP_BC_STORE_GLOBAL)
                mpf_map_set(ctx->globals, qstr_table[decode_uint(&ip)], *sp--);
                DISPATCH();
            case MP_BC_DELETE_GLOBAL: ENTRY(MP_BC_DELETE_GLOBAL) {
                mpf_qstr_t name = qstr_table[decode_uint(&ip)];
                if (!mpf_map_delete(ctx->globals, name)) {
                    mpf_raise_msg(&mpf_type_NameError, "name '%q' isn't defined", name);
                }
                DISPATCH();
            }
            case MP_BC_DUP_TOP: ENTRY(MP_BC_DUP_TOP)
                sp[1] = sp[0];
                ++sp;
                DISPATCH();
            case MP_BC_DUP_TOP_TWO: ENTRY(MP_BC_DUP_TOP_TWO)
                sp[1] = sp[-1];
                sp[2] = sp[0];
                sp += 2;
                DISPATCH();
            case MP_BC_POP_TOP: ENTRY(MP_BC_POP_TOP)
                --sp;
                DISPATCH();
            case MP_BC_ROT_TWO: ENTRY(MP_BC_ROT_TWO) {
                mpf_obj_t top = sp[0];
                sp[0] = sp[-1];
                sp[-1] = top;
                DISPATCH();
            }
            case MP_BC_ROT_THREE: ENTRY(MP_BC_ROT_THREE) {
                mpf_obj_t top = sp[0];
                sp[0] = sp[-1];
                sp[-1] = sp[-2];
                sp[-2] = top;
                DISPATCH();
            }
            case MP_BC_JUMP: ENTRY(MP_BC_JUMP) {
                ptrdiff_t d = decode_slabel(&ip);
                ip += d;
                DISPATCH();
            }
            case MP_BC_POP_JUMP_IF_TRUE: ENTRY(MP_BC_POP_JUMP_IF_TRUE) {
                ptrdiff_t d = decode_slabel(&ip);
                if (mpf_obj_is_true(*sp--)) {
                    ip += d;
                }
                DISPATCH();
            }
            case MP_BC_POP_JUMP_IF_FALSE: ENTRY(MP_BC_POP_JUMP_IF_FALSE) {
                ptrdiff_t d = decode_slabel(&ip);
                if (!mpf_obj_is_true(*sp--)) {
                    ip += d;
                }
                DISPATCH();
            }
            case MP_BC_JUMP_IF_TRUE_OR_POP: ENTRY(MP_BC_JUMP_IF_TRUE_OR_POP) {
                size_t d = decode_ulabel(&ip);
                if (mpf_obj_is_true(*sp)) {
                    ip += d;
                } else {
                    --sp;
                }
                DISPATCH();
            }
            case MP_BC_JUMP_IF_FALSE_OR_POP: ENTRY(MP_BC_JUMP_IF_FALSE_OR_POP) {
                size_t d = decode_ulabel(&ip);
                if (!mpf_obj_is_true(*sp)) {
                    ip += d;
                } else {
                    --sp;
                }
                DISPATCH();
            }
            case MP_BC_GET_ITER_STACK: ENTRY(MP_BC_GET_ITER_STACK) {
                /* the iterable's slot becomes the first of the iterator's slots */
                mpf_obj_t iterable = *sp;
                mpf_get_iter_into(iterable, sp);
                sp += MP_OBJ_ITER_BUF_NSLOTS - 1;
                DISPATCH();
            }
            case MP_BC_FOR_ITER: ENTRY(MP_BC_FOR_ITER) {
                size_t d = decode_ulabel(&ip);
                mpf_obj_t value = mpf_iter_next(sp - MP_OBJ_ITER_BUF_NSLOTS + 1);
                if (value == MPF_OBJ_NULL) {
                    sp -= MP_OBJ_ITER_BUF_NSLOTS;
                    ip += d;
                } else {
                    *++sp = value;
                }
                DISPATCH();
            }
            case MP_BC_MAKE_FUNCTION: ENTRY(MP_BC_MAKE_FUNCTION)
                *++sp = mpf_make_function(fun->rc->children[decode_uint(&ip)], ctx, NULL);
                DISPATCH();
            case MP_BC_MAKE_FUNCTION_DEFARGS: ENTRY(MP_BC_MAKE_FUNCTION_DEFARGS) {
                /* stack: default tuple (or NULL), default dict (or NULL) */
                const mpf_raw_code_t *child = fun->rc->children[decode_uint(&ip)];
                if (sp - state < 1) {
                    stack_error();
                }
                --sp;
                *sp = mpf_make_function(child, ctx, sp);
                DISPATCH();
            }
            case MP_BC_MAKE_CLOSURE:
            case MP_BC_MAKE_CLOSURE_DEFARGS: ENTRY(MP_BC_MAKE_CLOSURE_DEFARGS) {
                const mpf_raw_code_t *child = fun->rc->children[decode_uint(&ip)];
                size_t n_closed = *ip++;
                size_t n_def = op == MP_BC_MAKE_CLOSURE_DEFARGS ? 2 : 0;
                if (n_closed + n_def > (size_t)(sp - state) + 1) {
                    stack_error();
                }
                sp -= n_closed + n_def;
                mpf_obj_t closure = mpf_make_closure(child, ctx, n_def ? sp + 1 : NULL, n_closed, sp + 1 + n_def);
                *++sp = closure;
                DISPATCH();
            }
            case MP_BC_CALL_FUNCTION: ENTRY(MP_BC_CALL_FUNCTION) {
                size_t n = decode_uint(&ip);
                size_t n_pos = n & 0xff, n_kw = (n >> 8) & 0xff;
                if (n_pos + 2 * n_kw >= (size_t)(sp - state + 1)) {
                    mpf_raise_msg(&mpf_type_RuntimeError, "bytecode stack out of bounds");
                }
                sp -= n_pos + 2 * n_kw;
                *sp = call(*sp, n_pos, n_kw, sp + 1);
                DISPATCH();
            }
            case MP_BC_CALL_FUNCTION_VAR_KW:
            case MP_BC_CALL_METHOD_VAR_KW: ENTRY(MP_BC_CALL_METHOD_VAR_KW) {
                /* fun [self] args... kw pairs... bitmap */
                size_t n = decode_uint(&ip);
                size_t n_pos = n & 0xff, n_kw = (n >> 8) & 0xff;
                size_t extra = op == MP_BC_CALL_METHOD_VAR_KW ? 2 : 1;
                if (n_pos + 2 * n_kw + extra >= (size_t)(sp - state + 1)) {
                    stack_error();
                }
                sp -= n_pos + 2 * n_kw + extra;
                if (!MPF_OBJ_IS_SMALL_INT(sp[n_pos + 2 * n_kw + extra])) {
                    stack_error();
                }
                *sp = mpf_call_var_kw(sp[0], extra == 2 ? sp[1] : MPF_OBJ_NULL, n_pos, n_kw, sp + extra);
                DISPATCH();
            }
            case MP_BC_RETURN_VALUE: ENTRY(MP_BC_RETURN_VALUE) {
                const uint8_t *next = unwind_return(frame, state, &sp, frame->op_ip);
                if (next == NULL) {
                    return *sp;
                }
                ip = next;
                DISPATCH();
            }
            case MP_BC_SETUP_EXCEPT:
            case MP_BC_SETUP_FINALLY: ENTRY(MP_BC_SETUP_FINALLY) {
                size_t d = decode_ulabel(&ip);
                push_block(frame, ip + d, (size_t)(sp - state + 1), op == MP_BC_SETUP_FINALLY);
                DISPATCH();
            }
            case MP_BC_POP_EXCEPT_JUMP: ENTRY(MP_BC_POP_EXCEPT_JUMP) {
                size_t d = decode_ulabel(&ip);
                if (frame->n_blocks == 0) {
                    stack_error();
                }
                frame->n_blocks--;
                ip += d;
                DISPATCH();
            }
            case MP_BC_END_FINALLY: ENTRY(MP_BC_END_FINALLY) {
                if (frame->n_blocks == 0) {
                    stack_error();
                }
                frame->n_blocks--;
                mpf_obj_t top = *sp--;
                if (top == mpf_const_none) {
                    DISPATCH();
                }
                if (is_unwind(top)) {
                    const unwind_t *u = top;
                    if (u->cause < 0) {
                        *++sp = u->data;
                        const uint8_t *next = unwind_return(frame, state, &sp, frame->op_ip);
                        if (next == NULL) {
                            return *sp;
                        }
                        ip = next;
                    } else {
                        ip = unwind_jump(frame, state, &sp, frame->op_ip, u->target, (size_t)u->cause);
                    }
                    DISPATCH();
                }
                if (!mpf_obj_is_exception(top)) { /* only from a corrupt file */
                    mpf_raise_msg(&mpf_type_RuntimeError, "bytecode expected an exception");
                }
                mpf_raise(top);
            }
            case MP_BC_UNWIND_JUMP: ENTRY(MP_BC_UNWIND_JUMP) {
                ptrdiff_t d = decode_slabel(&ip);
                const uint8_t *target = ip + d;
                size_t unum = *ip++;
                ip = unwind_jump(frame, state, &sp, frame->op_ip, target, unum);
                DISPATCH();
            }
            case MP_BC_RAISE_LAST: ENTRY(MP_BC_RAISE_LAST) {
                for (size_t i = frame->n_blocks; i-- > 0;) {
                    if (frame->blocks[i].caught != MPF_OBJ_NULL) {
                        mpf_raise(frame->blocks[i].caught);
                    }
                }
                mpf_raise_msg(&mpf_type_RuntimeError, "no active exception to reraise");
            }
            case MP_BC_RAISE_FROM: ENTRY(MP_BC_RAISE_FROM)
                /* MicroPython ignores the cause */
                --sp;
                /* fall through */
            case MP_BC_BUILD_TUPLE: ENTRY(MP_BC_BUILD_TUPLE) {
                if (op == MP_BC_RAISE_FROM) {
                    goto raise_obj;
                }
                size_t n = decode_uint(&ip);
                if (n > (size_t)(sp - state + 1)) {
                    stack_error();
                }
                mpf_obj_t t = mpf_tuple_new(n, sp + 1 - n);
                sp -= n;
                *++sp = t;
                DISPATCH();
            }
            case MP_BC_BUILD_LIST: ENTRY(MP_BC_BUILD_LIST) {
                size_t n = decode_uint(&ip);
                if (n > (size_t)(sp - state + 1)) {
                    stack_error();
                }
                mpf_obj_t l = mpf_list_new(n, sp + 1 - n);
                sp -= n;
                *++sp = l;
                DISPATCH();
            }
            case MP_BC_BUILD_MAP: ENTRY(MP_BC_BUILD_MAP)
                *++sp = mpf_dict_new(decode_uint(&ip));
                DISPATCH();
            case MP_BC_STORE_MAP: ENTRY(MP_BC_STORE_MAP)
                sp -= 2;
                mpf_dict_store(expect_type(sp[0], &mpf_type_dict), sp[2], sp[1]);
                DISPATCH();
            case MP_BC_BUILD_SET: ENTRY(MP_BC_BUILD_SET) {
                size_t n = decode_uint(&ip);
                if (n > (size_t)(sp - state + 1)) {
                    stack_error();
                }
                mpf_obj_t set = mpf_set_new(&mpf_type_set);
                for (size_t i = 0; i < n; ++i) {
                    mpf_set_add(set, sp[1 - (ptrdiff_t)n + (ptrdiff_t)i]);
                }
                sp -= n;
                *++sp = set;
                DISPATCH();
            }
            case MP_BC_BUILD_SLICE: ENTRY(MP_BC_BUILD_SLICE) {
                size_t n = decode_uint(&ip);
                mpf_obj_t step = mpf_const_none;
                if (n == 3) {
                    step = *sp--;
                }
                mpf_obj_t stop = *sp--;
                *sp = mpf_slice_new(*sp, stop, step);
                DISPATCH();
            }
            case MP_BC_STORE_COMP: ENTRY(MP_BC_STORE_COMP) {
                size_t n = decode_uint(&ip);
                size_t depth = (size_t)(sp - state + 1);
                if ((n >> 2) >= depth || ((n & 3) == 1 && depth < 2)) {
                    stack_error();
                }
                mpf_obj_t target = sp[-(ptrdiff_t)(n >> 2)];
                if ((n & 3) == 1) {
                    mpf_dict_store(expect_type(target, &mpf_type_dict), sp[0], sp[-1]);
                    sp -= 2;
                } else if ((n & 3) == 0) {
                    mpf_list_append(expect_type(target, &mpf_type_list), *sp--);
                } else {
                    mpf_set_add(expect_type(target, &mpf_type_set), *sp--);
                }
                DISPATCH();
            }
            case MP_BC_LOAD_SUBSCR: ENTRY(MP_BC_LOAD_SUBSCR) {
                mpf_obj_t index = *sp--;
                mpf_obj_t *item = list_item(*sp, index);
                *sp = item != NULL ? *item : mpf_subscr(*sp, index, MPF_SUBSCR_LOAD);
                DISPATCH();
            }
            case MP_BC_STORE_SUBSCR: ENTRY(MP_BC_STORE_SUBSCR) {
                /* a NULL value is `del base[index]` */
                mpf_obj_t *item = sp[-2] != MPF_OBJ_NULL ? list_item(sp[-1], sp[0]) : NULL;
                if (item != NULL) {
                    *item = sp[-2];
                } else {
                    mpf_subscr(sp[-1], sp[0], sp[-2]);
                }
                sp -= 3;
                DISPATCH();
            }
            case MP_BC_UNPACK_SEQUENCE: ENTRY(MP_BC_UNPACK_SEQUENCE) {
                size_t n = decode_uint(&ip);
                if (n > n_state || (size_t)(state + n_state - sp) <= n) {
                    stack_error();
                }
                unpack(*sp, n, 0, false, sp);
                sp += (ptrdiff_t)n - 1; /* n may be 0: signed, the offset must not wrap */
                DISPATCH();
            }
            case MP_BC_UNPACK_EX: ENTRY(MP_BC_UNPACK_EX) {
                size_t n = decode_uint(&ip);
                size_t before = n & 0xff, after = (n >> 8) & 0xff;
                if ((size_t)(state + n_state - sp) <= before + after + 1) {
                    stack_error();
                }
                unpack(*sp, before, after, true, sp);
                sp += before + after;
                DISPATCH();
            }
            case MP_BC_STORE_ATTR: ENTRY(MP_BC_STORE_ATTR) {
                mpf_qstr_t attr = qstr_table[decode_uint(&ip)];
                if (!mpf_instance_store_member(sp[0], attr, sp[-1])) {
                    mpf_store_attr(sp[0], attr, sp[-1]);
                }
                sp -= 2;
                DISPATCH();
            }
            case MP_BC_LOAD_SUPER_METHOD: ENTRY(MP_BC_LOAD_SUPER_METHOD) {
                /* stack: super, class, self -> method, self */
                mpf_qstr_t attr = qstr_table[decode_uint(&ip)];
                if (sp - state < 2) {
                    stack_error();
                }
                mpf_obj_t sup = mpf_call(sp[-2], 2, 0, sp - 1);
                sp -= 1;
                mpf_load_method(sup, attr, sp - 1);
                DISPATCH();
            }
            case MP_BC_LOAD_BUILD_CLASS: ENTRY(MP_BC_LOAD_BUILD_CLASS)
                *++sp = (mpf_obj_t)&mpf_build_class_obj;
                DISPATCH();
            case MP_BC_DELETE_DEREF: ENTRY(MP_BC_DELETE_DEREF) {
                mpf_cell_t *c = cell_at(fastn, decode_uint(&ip));
                if (c->obj == MPF_OBJ_NULL) {
                    goto local_unbound;
                }
                c->obj = MPF_OBJ_NULL;
                DISPATCH();
            }
            case MP_BC_SETUP_WITH: ENTRY(MP_BC_SETUP_WITH) {
                /* stack: mgr -> __exit__, self, __enter__() */
                size_t d = decode_ulabel(&ip);
                if (state + n_state - sp < 3) {
                    stack_error();
                }
                mpf_obj_t mgr = *sp;
                mpf_obj_t enter[2];
                mpf_load_method_maybe(mgr, MP_QSTR___exit__, sp);
                mpf_load_method_maybe(mgr, MP_QSTR___enter__, enter);
                if (sp[0] == MPF_OBJ_NULL || enter[0] == MPF_OBJ_NULL) {
                    mpf_raise_msg(&mpf_type_AttributeError, "'%s' object has no attribute '%q'",
                        mpf_obj_type_name(mgr), enter[0] == MPF_OBJ_NULL ? MP_QSTR___enter__ : MP_QSTR___exit__);
                }
                mpf_obj_t entered = mpf_call(enter[0], enter[1] != MPF_OBJ_NULL, 0, &enter[1]);
                sp += 1;
                push_block(frame, ip + d, (size_t)(sp - state + 1), true);
                *++sp = entered;
                DISPATCH();
            }
            case MP_BC_WITH_CLEANUP: ENTRY(MP_BC_WITH_CLEANUP) {
                /* stack: __exit__, self, (None | unwind marker | exception) */
                if (sp - state < 2) {
                    stack_error();
                }
                mpf_obj_t top = sp[0];
                mpf_obj_t args[4] = {sp[-1], mpf_const_none, mpf_const_none, mpf_const_none};
                bool exc = top != mpf_const_none && !is_unwind(top);
                if (exc) {
                    args[1] = (mpf_obj_t)mpf_obj_get_type(top);
                    args[2] = top;
                }
                mpf_obj_t exit_fun = sp[-2];
                bool has_self = args[0] != MPF_OBJ_NULL;
                mpf_obj_t r = mpf_call(exit_fun, 3 + has_self, 0, has_self ? args : args + 1);
                sp -= 2;
                *sp = exc && mpf_obj_is_true(r) ? mpf_const_none : top;
                DISPATCH();
            }
            case MP_BC_IMPORT_NAME: ENTRY(MP_BC_IMPORT_NAME) {
                /* stack: level, fromlist -> module */
                mpf_qstr_t name = qstr_table[decode_uint(&ip)];
                if (sp - state < 1) {
                    stack_error();
                }
                --sp;
                *sp = mpf_import_name(name, sp[1], sp[0]);
                DISPATCH();
            }
            case MP_BC_IMPORT_FROM: ENTRY(MP_BC_IMPORT_FROM)
                sp[1] = mpf_import_from(*sp, qstr_table[decode_uint(&ip)]);
                ++sp;
                DISPATCH();
            case MP_BC_IMPORT_STAR: ENTRY(MP_BC_IMPORT_STAR)
                mpf_import_star(*sp--);
                DISPATCH();
            case MP_BC_LOAD_ATTR: ENTRY(MP_BC_LOAD_ATTR) {
                mpf_qstr_t attr = qstr_table[decode_uint(&ip)];
                mpf_obj_t member = mpf_instance_member(*sp, attr);
                *sp = member != MPF_OBJ_NULL ? member : mpf_load_attr(*sp, attr);
                DISPATCH();
            }
            case MP_BC_LOAD_METHOD: ENTRY(MP_BC_LOAD_METHOD)
                mpf_load_method(*sp, qstr_table[decode_uint(&ip)], sp);
                ++sp;
                DISPATCH();
            case MP_BC_CALL_METHOD: ENTRY(MP_BC_CALL_METHOD) {
                size_t n = decode_uint(&ip);
                size_t n_pos = n & 0xff, n_kw = (n >> 8) & 0xff;
                if (n_pos + 2 * n_kw + 1 >= (size_t)(sp - state + 1)) {
                    stack_error();
                }
                sp -= n_pos + 2 * n_kw + 1;
                if (sp[1] == MPF_OBJ_NULL) {
                    *sp = call(sp[0], n_pos, n_kw, sp + 2);
                } else {
                    *sp = call(sp[0], n_pos + 1, n_kw, sp + 1);
                }
                DISPATCH();
            }
            case MP_BC_YIELD_VALUE: ENTRY(MP_BC_YIELD_VALUE)
                frame->resume_ip = ip;
                frame->resume_sp = sp - 1;
                frame->yielded = true;
                return *sp;
            case MP_BC_YIELD_FROM: ENTRY(MP_BC_YIELD_FROM) {
                /* stack: iterator, value to send; again at each resume until it ends */
                mpf_obj_t send = *sp--;
                mpf_obj_t inject = frame->inject;
                frame->inject = MPF_OBJ_NULL;
                mpf_obj_t ret;
                mpf_vm_kind_t kind = mpf_gen_resume(*sp, inject != MPF_OBJ_NULL ? MPF_OBJ_NULL : send, inject, &ret);
                if (kind == MPF_VM_YIELD) {
                    frame->resume_ip = frame->op_ip;
                    frame->resume_sp = sp;
                    frame->yielded = true;
                    return ret;
                }
                if (kind == MPF_VM_EXCEPTION) {
                    mpf_raise(ret);
                }
                *sp = ret;
                if (inject != MPF_OBJ_NULL && mpf_exc_match(inject, (mpf_obj_t)&mpf_type_GeneratorExit)) {
                    mpf_raise(inject);
                }
                DISPATCH();
            }
            case MP_BC_GET_ITER: ENTRY(MP_BC_GET_ITER)
                *sp = mpf_getiter(*sp);
                DISPATCH();
            case MP_BC_RAISE_OBJ: ENTRY(MP_BC_RAISE_OBJ)
            raise_obj: {
                mpf_obj_t exc = *sp;
                if (mpf_obj_is_exception_type(exc)) {
                    exc = mpf_exc_new(exc, MPF_OBJ_NULL);
                } else if (!mpf_obj_is_exception(exc)) {
                    mpf_raise_msg(&mpf_type_TypeError, "exceptions must derive from BaseException");
                }
                mpf_raise(exc);
            }
            default:
                if (op >= MP_BC_LOAD_CONST_SMALL_INT_MULTI &&
                    op < MP_BC_LOAD_CONST_SMALL_INT_MULTI + MP_BC_LOAD_CONST_SMALL_INT_MULTI_NUM) {
                    goto load_const_small_int_multi;
                } else if (op >= MP_BC_LOAD_FAST_MULTI &&
                           op < MP_BC_LOAD_FAST_MULTI + MP_BC_LOAD_FAST_MULTI_NUM) {
                    goto load_fast_multi;
                } else if (op >= MP_BC_STORE_FAST_MULTI &&
                           op < MP_BC_STORE_FAST_MULTI + MP_BC_STORE_FAST_MULTI_NUM) {
                    goto store_fast_multi;
                } else if (op >= MP_BC_UNARY_OP_MULTI &&
                           op < MP_BC_UNARY_OP_MULTI + MP_BC_UNARY_OP_MULTI_NUM) {
                    goto unary_op_multi;
                } else if (op >= MP_BC_BINARY_OP_MULTI &&
                           op < MP_BC_BINARY_OP_MULTI + MP_BC_BINARY_OP_MULTI_NUM) {
                    goto binary_op_multi;
                }
                unsupported_opcode(op);
        }
        /* a case ending with break rather than DISPATCH() */
        continue;

    load_const_small_int_multi:
        *++sp = MPF_OBJ_NEW_SMALL_INT((mpf_int_t)(op - MP_BC_LOAD_CONST_SMALL_INT_MULTI) -
            MP_BC_LOAD_CONST_SMALL_INT_MULTI_EXCESS);
        DISPATCH();
    load_fast_multi: {
        mpf_obj_t v = fastn[-(ptrdiff_t)(op - MP_BC_LOAD_FAST_MULTI)];
        if (v == MPF_OBJ_NULL) {
            goto local_unbound;
        }
        *++sp = v;
        DISPATCH();
    }
    store_fast_multi:
        fastn[-(ptrdiff_t)(op - MP_BC_STORE_FAST_MULTI)] = *sp--;
        DISPATCH();
    unary_op_multi:
        *sp = mpf_unary_op(op - MP_BC_UNARY_OP_MULTI, *sp);
        DISPATCH();
    binary_op_multi: {
        mpf_obj_t rhs = *sp--;
        mpf_obj_t lhs = *sp;
        unsigned bop = op - MP_BC_BINARY_OP_MULTI;
        mpf_obj_t r;
        if (MPF_OBJ_IS_SMALL_INT(lhs) && MPF_OBJ_IS_SMALL_INT(rhs) &&
            (r = mpf_small_int_binary_op(bop, MPF_OBJ_SMALL_INT_VALUE(lhs), MPF_OBJ_SMALL_INT_VALUE(rhs))) != MPF_OBJ_NULL) {
            *sp = r;
#if MPF_FEATURE_FLOAT
        } else if ((mpf_obj_is_float(lhs) ? mpf_obj_is_float(rhs) || MPF_OBJ_IS_SMALL_INT(rhs)
                                          : MPF_OBJ_IS_SMALL_INT(lhs) && mpf_obj_is_float(rhs)) &&
            (r = mpf_float_binary_op(mpf_binary_op_not_in_place(bop), lhs, rhs)) != MPF_OBJ_NULL) {
            /* floats, or a float and a small int: no other type has a say */
            *sp = r;
#endif
        } else {
            *sp = mpf_binary_op(bop, lhs, rhs);
        }
        DISPATCH();
    }
    }

local_unbound:
    mpf_raise_msg(&mpf_type_NameError, "local variable referenced before assignment");
}

/* Binds the arguments and makes the cells (in the frame, before any instruction runs,
 * so a binding error is reported from this function's line). */
static void bind_args(const mpf_fun_bc_t *fun, const mpf_prelude_t *pre, mpf_obj_t *state, size_t n_state,
    size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    mpf_obj_t *fastn = &state[n_state - 1];
    if (n_kw == 0 && n_args == pre->n_pos_args && pre->scope_flags == 0 && pre->n_kwonly_args == 0) {
        for (size_t i = 0; i < n_args; ++i) {
            fastn[-(ptrdiff_t)i] = args[i];
        }
    } else {
        mpf_bind_args(fun, pre, fastn, n_args, n_kw, args);
    }
    for (size_t i = 0; i < pre->n_cell; ++i) {
        size_t local = pre->info[pre->n_info + i];
        fastn[-(ptrdiff_t)local] = mpf_new_cell(fastn[-(ptrdiff_t)local]);
    }
}

/* A frame with its blocks and value stack, laid out in one allocation: on the VM
 * stack for a call, on the heap for a generator (which outlives the call making it). */
static frame_t *new_frame(const mpf_prelude_t *pre, bool on_heap, mpf_obj_t **state_out) {
    /* guard slots around the state hold None, so that one instruction of a corrupt
     * file reading past either end sees a harmless object (see run) */
    size_t n_state = pre->n_state;
    size_t n_blocks = pre->n_exc_stack;
    size_t bytes = sizeof(frame_t) + n_blocks * sizeof(block_t) + (n_state + 2 * GUARD_SLOTS) * sizeof(mpf_obj_t);
    frame_t *frame = on_heap ? mpf_alloc(bytes) : mpf_pystack_alloc(bytes);
    frame->pre = *pre;
    frame->blocks = (block_t *)(frame + 1);
    frame->n_blocks = 0;
    frame->max_blocks = n_blocks;
    frame->yielded = false;
    frame->inject = MPF_OBJ_NULL;
    mpf_obj_t *state = (mpf_obj_t *)(frame->blocks + n_blocks) + GUARD_SLOTS;
    for (size_t i = 0; i < GUARD_SLOTS; ++i) {
        state[-1 - (ptrdiff_t)i] = mpf_const_none;
        state[n_state + i] = mpf_const_none;
    }
    memset(state, 0, n_state * sizeof(mpf_obj_t));
    frame->op_ip = pre->code;
    frame->resume_ip = NULL; /* arguments not yet bound */
    frame->resume_sp = state - 1;
    *state_out = state;
    return frame;
}

void mpf_c_stack_check(void) {
    uintptr_t here = (uintptr_t)__builtin_frame_address(0);
    if (c_stack_top > here && c_stack_top - here > MPF_C_STACK_LIMIT) {
        mpf_raise_recursion_depth();
    }
}

static void enter_call(void) {
    uintptr_t here = (uintptr_t)__builtin_frame_address(0);
    if (call_depth >= MPF_RECURSION_LIMIT ||
        (c_stack_top > here && c_stack_top - here > MPF_C_STACK_LIMIT)) {
        mpf_raise_recursion_depth();
    }
    ++call_depth;
}

/* --- generators --- */

struct gen_t {
    mpf_obj_base_t base;
    const mpf_fun_bc_t *fun;
    frame_t *frame;
    mpf_obj_t *state;
    bool running, finished, failed;
};

mpf_qstr_t mpf_gen_name(mpf_obj_t self) {
    const gen_t *g = self;
    mpf_prelude_t pre = g->frame->pre;
    mpf_bc_decode_names(&pre);
    return g->fun->ctx->qstr_table[pre.name_index];
}

static mpf_obj_t make_generator(const mpf_fun_bc_t *fun, const mpf_prelude_t *pre, size_t n_args, size_t n_kw,
    const mpf_obj_t *args) {
    gen_t *g = mpf_alloc(sizeof(*g));
    g->base.type = &mpf_type_generator;
    g->fun = fun;
    g->frame = new_frame(pre, true, &g->state);
    /* bind now, so that a wrong call fails at the call */
    bind_args(fun, pre, g->state, pre->n_state, n_args, n_kw, args);
    g->frame->resume_ip = pre->code;
    return g;
}

/* A call's frame on the VM stack, with the function's prelude decoded into it; for a
 * generator function NULL, and the generator in *generator. Not inlined, so that the
 * prelude is decoded outside the C frame every nested call keeps. */
static __attribute__((noinline)) frame_t *call_frame(const mpf_fun_bc_t *fun, size_t n_args, size_t n_kw,
    const mpf_obj_t *args, mpf_obj_t **state_out, mpf_obj_t *generator) {
    mpf_prelude_t pre;
    const mpf_raw_code_t *rc = fun->rc;
    mpf_bc_decode_prelude(rc->fun_data, rc->fun_data + rc->fun_data_len, &pre);
    if (pre.scope_flags & MPF_SCOPE_FLAG_GENERATOR) {
        *generator = make_generator(fun, &pre, n_args, n_kw, args);
        return NULL;
    }
    enter_call();
    return new_frame(&pre, false, state_out);
}

/* Not inlined: its prelude copy would otherwise sit in every call's C frame. */
static __attribute__((noinline)) void add_traceback(mpf_obj_t exc, const mpf_fun_bc_t *fun,
    const mpf_prelude_t *pre, const uint8_t *op_ip) {
    mpf_prelude_t names = *pre;
    mpf_bc_decode_names(&names);
    size_t line = mpf_bc_source_line(&names, (size_t)(op_ip - pre->code));
    mpf_exc_add_traceback(exc, fun->ctx->qstr_table[0], (uint32_t)line, fun->ctx->qstr_table[names.name_index]);
}

/* One call of bytecode to its end, or one run of a generator `g` to its next yield
 * (`exc`, or NULL, raised in it first where it stopped). A call returns its value or
 * raises; a generator run returns the yielded or returned value, or the exception,
 * and sets g->failed. One C frame per Python call: the VM's C stack use per level
 * decides how deep the boards can recurse. */
static mpf_obj_t execute(const mpf_fun_bc_t *fun, size_t n_args, size_t n_kw, const mpf_obj_t *args, gen_t *g,
    mpf_obj_t exc) {
    frame_t *frame;
    mpf_obj_t *state;
    if (g == NULL) {
        mpf_obj_t generator;
        frame = call_frame(fun, n_args, n_kw, args, &state, &generator);
        if (frame == NULL) {
            return generator;
        }
    } else {
        frame = g->frame;
        state = g->state;
        enter_call();
    }
    const mpf_prelude_t *pre = &frame->pre;
    mpf_map_t *outer_globals = cur_globals;
    cur_globals = fun->ctx->globals;
    mpf_obj_t result;
    bool ok;
    mpf_nlr_t nlr;
    for (;;) {
        if (exc == MPF_OBJ_NULL) {
            mpf_nlr_push(&nlr);
            if (setjmp(nlr.jb) == 0) {
                if (frame->resume_ip == NULL) {
                    bind_args(fun, pre, state, pre->n_state, n_args, n_kw, args);
                    frame->resume_ip = pre->code;
                }
                result = run(fun, state, pre->n_state, frame);
                mpf_nlr_pop();
                ok = true;
                break;
            }
            /* a traceback entry for this frame, unless it is re-raised by this
             * frame's own handler or the arguments did not bind (then the body
             * never ran, and the caller's line is where it went wrong) */
            exc = nlr.exc;
            if (frame->resume_ip != NULL && *frame->op_ip != MP_BC_RAISE_LAST
                && *frame->op_ip != MP_BC_END_FINALLY) {
                add_traceback(exc, fun, pre, frame->op_ip);
            }
        }
        /* the innermost handler not already running */
        while (frame->n_blocks && frame->blocks[frame->n_blocks - 1].handler <= frame->op_ip) {
            frame->n_blocks--;
        }
        if (frame->n_blocks == 0 || frame->resume_ip == NULL) {
            result = exc;
            ok = false;
            break;
        }
        block_t *b = &frame->blocks[frame->n_blocks - 1];
        b->caught = exc;
        frame->resume_sp = state + b->depth;
        *frame->resume_sp = exc;
        frame->resume_ip = b->handler;
        exc = MPF_OBJ_NULL;
    }
    cur_globals = outer_globals;
    --call_depth;
    if (g != NULL) {
        g->failed = !ok;
        return result;
    }
    mpf_pystack_free(frame);
    if (!ok) {
        mpf_raise(result);
    }
    return result;
}

mpf_vm_kind_t mpf_gen_resume(mpf_obj_t self, mpf_obj_t send, mpf_obj_t exc, mpf_obj_t *ret) {
    if (mpf_obj_get_type(self) != &mpf_type_generator) {
        /* yield from any iterator: next(), or its send()/throw() */
        mpf_obj_t dest[3];
        if (exc != MPF_OBJ_NULL) {
            mpf_load_method_maybe(self, MP_QSTR_throw, dest);
            if (dest[0] == MPF_OBJ_NULL) {
                *ret = exc;
                return MPF_VM_EXCEPTION;
            }
            dest[2] = exc;
        } else if (send == mpf_const_none) {
            mpf_obj_t x = mpf_iternext(self);
            *ret = x == MPF_OBJ_NULL ? mpf_const_none : x;
            return x == MPF_OBJ_NULL ? MPF_VM_NORMAL : MPF_VM_YIELD;
        } else {
            mpf_load_method(self, MP_QSTR_send, dest);
            dest[2] = send;
        }
        mpf_nlr_t nlr;
        mpf_nlr_push(&nlr);
        if (setjmp(nlr.jb) == 0) {
            *ret = mpf_call(dest[0], 2, 0, &dest[1]);
            mpf_nlr_pop();
            return MPF_VM_YIELD;
        }
        if (mpf_obj_is_exception(nlr.exc) && mpf_exc_match(nlr.exc, (mpf_obj_t)&mpf_type_StopIteration)) {
            const mpf_tuple_t *a = ((const mpf_exc_t *)nlr.exc)->args;
            *ret = a->len ? a->items[0] : mpf_const_none;
            return MPF_VM_NORMAL;
        }
        *ret = nlr.exc;
        return MPF_VM_EXCEPTION;
    }
    gen_t *g = self;
    if (g->finished) {
        if (exc != MPF_OBJ_NULL) {
            *ret = exc;
            return MPF_VM_EXCEPTION;
        }
        *ret = mpf_const_none;
        return MPF_VM_NORMAL;
    }
    if (g->running) {
        mpf_raise_msg(&mpf_type_ValueError, "generator already executing");
    }
    frame_t *frame = g->frame;
    bool started = frame->resume_ip != frame->pre.code;
    if (!started && send != mpf_const_none && send != MPF_OBJ_NULL && exc == MPF_OBJ_NULL) {
        mpf_raise_msg(&mpf_type_TypeError, "can't send non-None value to a just-started generator");
    }
    if (started) {
        if (exc != MPF_OBJ_NULL && *frame->resume_ip == MP_BC_YIELD_FROM) {
            /* thrown into the generator it delegates to */
            frame->inject = exc;
            exc = MPF_OBJ_NULL;
        }
        *++frame->resume_sp = send == MPF_OBJ_NULL ? mpf_const_none : send;
    }
    g->running = true;
    frame->yielded = false;
    *ret = execute(g->fun, 0, 0, NULL, g, exc);
    g->running = false;
    if (!g->failed && frame->yielded) {
        return MPF_VM_YIELD;
    }
    g->finished = true;
    return g->failed ? MPF_VM_EXCEPTION : MPF_VM_NORMAL;
}

mpf_obj_t mpf_execute_bytecode(const mpf_fun_bc_t *fun, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    return execute(fun, n_args, n_kw, args, NULL, MPF_OBJ_NULL);
}
