#include <string.h>

#include "bc.h"
#include "exc.h"
#include "gc.h"
#include "genhdr/opcodes.h"
#include "vm.h"

/* the most slots one instruction pops or pushes beyond a well-formed stack */
#define GUARD_SLOTS (MP_OBJ_ITER_BUF_NSLOTS)

static size_t call_depth;
static uintptr_t c_stack_top;

void mpf_vm_reset(void *stack_top) {
    call_depth = 0;
    c_stack_top = (uintptr_t)stack_top;
    mpf_pystack_reset();
}

/* Where the running instruction is, for the traceback. It lives in the frame's
 * memory (not a local) so that it survives the longjmp out of a failing operation. */
typedef struct {
    const uint8_t *op_ip;
} frame_t;

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

static mpf_cell_t *cell_at(mpf_obj_t *fastn, size_t i) {
    mpf_obj_t c = fastn[-(ptrdiff_t)i];
    /* only a corrupt file gets here with something else */
    if (!MPF_OBJ_IS_PTR(c) || MPF_OBJ_TYPE_OF_PTR(c) != &mpf_type_cell) {
        mpf_raise_msg(&mpf_type_RuntimeError, "bytecode expected a cell");
    }
    return c;
}

static _Noreturn void unsupported_opcode(unsigned op) {
    mpf_raise_msg(&mpf_type_NotImplementedError, "opcode %u not supported yet", op);
}

/* Runs the bytecode of one call to completion; `state` holds the locals at the top
 * (local i at state[n_state - 1 - i]) and the value stack growing up from state[0]. */
static mpf_obj_t run(const mpf_fun_bc_t *fun, const uint8_t *ip, mpf_obj_t *state,
    size_t n_state, frame_t *frame) {
    const mpf_context_t *ctx = fun->ctx;
    const uint16_t *qstr_table = ctx->qstr_table;
    mpf_obj_t *fastn = &state[n_state - 1];
    mpf_obj_t *sp = state - 1;

    for (;;) {
        /* Bytecode from a file is validated at load, except for its stack depth: the
         * guard slots around `state` absorb one bad instruction and this stops the next. */
        if (sp < state - 1 || sp >= state + n_state) {
            mpf_raise_msg(&mpf_type_RuntimeError, "bytecode stack out of bounds");
        }
        frame->op_ip = ip;
        unsigned op = *ip++;
        switch (op) {
            case MP_BC_LOAD_CONST_FALSE:
                *++sp = mpf_const_false;
                break;
            case MP_BC_LOAD_CONST_NONE:
                *++sp = mpf_const_none;
                break;
            case MP_BC_LOAD_CONST_TRUE:
                *++sp = mpf_const_true;
                break;
            case MP_BC_LOAD_CONST_SMALL_INT: {
                uintptr_t num = (ip[0] & 0x40) ? (uintptr_t)-1 : 0;
                do {
                    num = (num << 7) | (*ip & 0x7f);
                } while (*ip++ & 0x80);
                *++sp = MPF_OBJ_NEW_SMALL_INT((mpf_int_t)num);
                break;
            }
            case MP_BC_LOAD_CONST_STRING:
                *++sp = MPF_OBJ_NEW_QSTR(qstr_table[decode_uint(&ip)]);
                break;
            case MP_BC_LOAD_CONST_OBJ:
                *++sp = ctx->obj_table[decode_uint(&ip)];
                break;
            case MP_BC_LOAD_NULL:
                *++sp = MPF_OBJ_NULL;
                break;
            case MP_BC_LOAD_FAST_N: {
                size_t i = decode_uint(&ip);
                if (fastn[-(ptrdiff_t)i] == MPF_OBJ_NULL) {
                    goto local_unbound;
                }
                *++sp = fastn[-(ptrdiff_t)i];
                break;
            }
            case MP_BC_STORE_FAST_N:
                fastn[-(ptrdiff_t)decode_uint(&ip)] = *sp--;
                break;
            case MP_BC_DELETE_FAST: {
                size_t i = decode_uint(&ip);
                if (fastn[-(ptrdiff_t)i] == MPF_OBJ_NULL) {
                    goto local_unbound;
                }
                fastn[-(ptrdiff_t)i] = MPF_OBJ_NULL;
                break;
            }
            case MP_BC_LOAD_DEREF: {
                mpf_cell_t *c = cell_at(fastn, decode_uint(&ip));
                if (c->obj == MPF_OBJ_NULL) {
                    goto local_unbound;
                }
                *++sp = c->obj;
                break;
            }
            case MP_BC_STORE_DEREF:
                cell_at(fastn, decode_uint(&ip))->obj = *sp--;
                break;
            case MP_BC_LOAD_NAME:
                *++sp = mpf_load_name(ctx, qstr_table[decode_uint(&ip)]);
                break;
            case MP_BC_LOAD_GLOBAL:
                *++sp = mpf_load_global(ctx, qstr_table[decode_uint(&ip)]);
                break;
            case MP_BC_STORE_NAME:
            case MP_BC_STORE_GLOBAL:
                mpf_map_set(ctx->globals, qstr_table[decode_uint(&ip)], *sp--);
                break;
            case MP_BC_DUP_TOP:
                sp[1] = sp[0];
                ++sp;
                break;
            case MP_BC_DUP_TOP_TWO:
                sp[1] = sp[-1];
                sp[2] = sp[0];
                sp += 2;
                break;
            case MP_BC_POP_TOP:
                --sp;
                break;
            case MP_BC_ROT_TWO: {
                mpf_obj_t top = sp[0];
                sp[0] = sp[-1];
                sp[-1] = top;
                break;
            }
            case MP_BC_ROT_THREE: {
                mpf_obj_t top = sp[0];
                sp[0] = sp[-1];
                sp[-1] = sp[-2];
                sp[-2] = top;
                break;
            }
            case MP_BC_JUMP: {
                ptrdiff_t d = decode_slabel(&ip);
                ip += d;
                break;
            }
            case MP_BC_POP_JUMP_IF_TRUE: {
                ptrdiff_t d = decode_slabel(&ip);
                if (mpf_obj_is_true(*sp--)) {
                    ip += d;
                }
                break;
            }
            case MP_BC_POP_JUMP_IF_FALSE: {
                ptrdiff_t d = decode_slabel(&ip);
                if (!mpf_obj_is_true(*sp--)) {
                    ip += d;
                }
                break;
            }
            case MP_BC_JUMP_IF_TRUE_OR_POP: {
                size_t d = decode_ulabel(&ip);
                if (mpf_obj_is_true(*sp)) {
                    ip += d;
                } else {
                    --sp;
                }
                break;
            }
            case MP_BC_JUMP_IF_FALSE_OR_POP: {
                size_t d = decode_ulabel(&ip);
                if (!mpf_obj_is_true(*sp)) {
                    ip += d;
                } else {
                    --sp;
                }
                break;
            }
            case MP_BC_GET_ITER_STACK: {
                /* the iterable's slot becomes the first of the iterator's slots */
                mpf_obj_t iterable = *sp;
                mpf_get_iter_into(iterable, sp);
                sp += MP_OBJ_ITER_BUF_NSLOTS - 1;
                break;
            }
            case MP_BC_FOR_ITER: {
                size_t d = decode_ulabel(&ip);
                mpf_obj_t value = mpf_iter_next(sp - MP_OBJ_ITER_BUF_NSLOTS + 1);
                if (value == MPF_OBJ_NULL) {
                    sp -= MP_OBJ_ITER_BUF_NSLOTS;
                    ip += d;
                } else {
                    *++sp = value;
                }
                break;
            }
            case MP_BC_MAKE_FUNCTION:
                *++sp = mpf_make_function(fun->rc->children[decode_uint(&ip)], ctx);
                break;
            case MP_BC_MAKE_CLOSURE: {
                const mpf_raw_code_t *child = fun->rc->children[decode_uint(&ip)];
                size_t n_closed = *ip++;
                if (n_closed > (size_t)(sp - state) + 1) {
                    mpf_raise_msg(&mpf_type_RuntimeError, "bytecode stack out of bounds");
                }
                mpf_obj_t closure = mpf_make_closure(child, ctx, n_closed, sp - n_closed + 1);
                sp -= n_closed;
                *++sp = closure;
                break;
            }
            case MP_BC_CALL_FUNCTION: {
                size_t n = decode_uint(&ip);
                size_t n_pos = n & 0xff, n_kw = (n >> 8) & 0xff;
                if (n_pos + 2 * n_kw > (size_t)(sp - state)) {
                    mpf_raise_msg(&mpf_type_RuntimeError, "bytecode stack out of bounds");
                }
                sp -= n_pos + 2 * n_kw;
                *sp = mpf_call(*sp, n_pos, n_kw, sp + 1);
                break;
            }
            case MP_BC_RETURN_VALUE:
                return *sp;
            case MP_BC_RAISE_OBJ: {
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
                    *++sp = MPF_OBJ_NEW_SMALL_INT((mpf_int_t)(op - MP_BC_LOAD_CONST_SMALL_INT_MULTI) -
                        MP_BC_LOAD_CONST_SMALL_INT_MULTI_EXCESS);
                } else if (op >= MP_BC_LOAD_FAST_MULTI &&
                           op < MP_BC_LOAD_FAST_MULTI + MP_BC_LOAD_FAST_MULTI_NUM) {
                    mpf_obj_t v = fastn[-(ptrdiff_t)(op - MP_BC_LOAD_FAST_MULTI)];
                    if (v == MPF_OBJ_NULL) {
                        goto local_unbound;
                    }
                    *++sp = v;
                } else if (op >= MP_BC_STORE_FAST_MULTI &&
                           op < MP_BC_STORE_FAST_MULTI + MP_BC_STORE_FAST_MULTI_NUM) {
                    fastn[-(ptrdiff_t)(op - MP_BC_STORE_FAST_MULTI)] = *sp--;
                } else if (op >= MP_BC_UNARY_OP_MULTI &&
                           op < MP_BC_UNARY_OP_MULTI + MP_BC_UNARY_OP_MULTI_NUM) {
                    *sp = mpf_unary_op(op - MP_BC_UNARY_OP_MULTI, *sp);
                } else if (op >= MP_BC_BINARY_OP_MULTI &&
                           op < MP_BC_BINARY_OP_MULTI + MP_BC_BINARY_OP_MULTI_NUM) {
                    mpf_obj_t rhs = *sp--;
                    *sp = mpf_binary_op(op - MP_BC_BINARY_OP_MULTI, *sp, rhs);
                } else {
                    unsupported_opcode(op);
                }
                break;
        }
    }

local_unbound:
    mpf_raise_msg(&mpf_type_NameError, "local variable referenced before assignment");
}

static _Noreturn void arg_count_error(size_t expected, size_t given) {
    mpf_raise_msg(&mpf_type_TypeError, "function takes %d positional arguments but %d were given",
        (int)expected, (int)given);
}

mpf_obj_t mpf_execute_bytecode(const mpf_fun_bc_t *fun, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    uintptr_t here = (uintptr_t)__builtin_frame_address(0);
    if (call_depth >= MPF_RECURSION_LIMIT ||
        (c_stack_top > here && c_stack_top - here > MPF_C_STACK_LIMIT)) {
        mpf_raise_recursion_depth();
    }
    const mpf_raw_code_t *rc = fun->rc;
    mpf_prelude_t pre;
    mpf_bc_decode_prelude(rc->fun_data, rc->fun_data + rc->fun_data_len, &pre);
    if ((pre.scope_flags & (MPF_SCOPE_FLAG_GENERATOR | MPF_SCOPE_FLAG_VARARGS |
                               MPF_SCOPE_FLAG_VARKEYWORDS | MPF_SCOPE_FLAG_DEFKWARGS)) ||
        pre.n_kwonly_args || pre.n_def_pos_args) {
        mpf_raise_msg(&mpf_type_NotImplementedError,
            "generators, default arguments and */** arguments not supported yet");
    }
    if (n_args > pre.n_pos_args || (n_kw == 0 && n_args != pre.n_pos_args)) {
        arg_count_error(pre.n_pos_args, n_args);
    }

    /* guard slots around the state hold None, so that one instruction of a corrupt
     * file reading past either end sees a harmless object (see run) */
    size_t n_state = pre.n_state;
    frame_t *frame = mpf_pystack_alloc(sizeof(frame_t) + (n_state + 2 * GUARD_SLOTS) * sizeof(mpf_obj_t));
    mpf_obj_t *state = (mpf_obj_t *)(frame + 1) + GUARD_SLOTS;
    for (size_t i = 0; i < GUARD_SLOTS; ++i) {
        state[-1 - (ptrdiff_t)i] = mpf_const_none;
        state[n_state + i] = mpf_const_none;
    }
    memset(state, 0, n_state * sizeof(mpf_obj_t));
    frame->op_ip = pre.code;
    ++call_depth;

    mpf_nlr_t nlr;
    mpf_nlr_push(&nlr);
    if (setjmp(nlr.jb) == 0) {
        mpf_obj_t *fastn = &state[n_state - 1];
        for (size_t i = 0; i < n_args; ++i) {
            fastn[-(ptrdiff_t)i] = args[i];
        }
        for (size_t i = 0; i < n_kw; ++i) {
            mpf_obj_t key = args[n_args + 2 * i];
            size_t j = 0;
            while (j < pre.n_pos_args &&
                   !(MPF_OBJ_IS_QSTR(key) &&
                       fun->ctx->qstr_table[mpf_bc_arg_name_index(&pre, j)] == MPF_OBJ_QSTR_VALUE(key))) {
                ++j;
            }
            if (j == pre.n_pos_args) {
                mpf_raise_msg(&mpf_type_TypeError, "unexpected keyword argument '%q'",
                    MPF_OBJ_IS_QSTR(key) ? MPF_OBJ_QSTR_VALUE(key) : 0);
            }
            if (fastn[-(ptrdiff_t)j] != MPF_OBJ_NULL) {
                mpf_raise_msg(&mpf_type_TypeError, "function got multiple values for argument '%q'",
                    MPF_OBJ_QSTR_VALUE(key));
            }
            fastn[-(ptrdiff_t)j] = args[n_args + 2 * i + 1];
        }
        for (size_t j = 0; j < pre.n_pos_args; ++j) {
            if (fastn[-(ptrdiff_t)j] == MPF_OBJ_NULL) {
                mpf_raise_msg(&mpf_type_TypeError, "function missing %d required positional arguments",
                    (int)(pre.n_pos_args - j));
            }
        }
        for (size_t i = 0; i < pre.n_cell; ++i) {
            size_t local = pre.info[pre.n_info + i];
            fastn[-(ptrdiff_t)local] = mpf_new_cell(fastn[-(ptrdiff_t)local]);
        }
        mpf_obj_t ret = run(fun, pre.code, state, n_state, frame);
        mpf_nlr_pop();
        --call_depth;
        mpf_pystack_free(frame);
        return ret;
    }
    size_t line = mpf_bc_source_line(&pre, (size_t)(frame->op_ip - pre.code));
    mpf_exc_add_traceback(nlr.exc, fun->ctx->qstr_table[0], (uint32_t)line,
        fun->ctx->qstr_table[pre.name_index]);
    --call_depth;
    mpf_pystack_free(frame);
    mpf_raise(nlr.exc);
}
