/* Arithmetic on two small ints, shared by the interpreter loop and the int type. */
#ifndef MPF_SMALLINT_H
#define MPF_SMALLINT_H

#include "exc.h"
#include "genhdr/opcodes.h"
#include "obj.h"

/* `x op= y` as `x op y`: what immutable numbers do for the in-place operators */
static inline unsigned mpf_binary_op_not_in_place(unsigned op) {
    if (op >= MP_BINARY_OP_INPLACE_OR && op <= MP_BINARY_OP_INPLACE_POWER) {
        op += MP_BINARY_OP_OR - MP_BINARY_OP_INPLACE_OR;
    }
    return op;
}

/* Two small ints on machine words, for the interpreter's fast path and for int's own
 * operators: the result, or MPF_OBJ_NULL when it needs digits or the operator is
 * another's (comparisons, arithmetic, bitwise, shifts, power; in-place forms too). */
static inline mpf_obj_t mpf_small_int_binary_op(unsigned op, mpf_int_t a, mpf_int_t b) {
    op = mpf_binary_op_not_in_place(op);
    /* operands are one bit narrower than mpf_int_t, so + and - cannot wrap */
    mpf_int_t r;
    switch (op) {
        case MP_BINARY_OP_LESS:
            return MPF_OBJ_BOOL(a < b);
        case MP_BINARY_OP_MORE:
            return MPF_OBJ_BOOL(a > b);
        case MP_BINARY_OP_EQUAL:
            return MPF_OBJ_BOOL(a == b);
        case MP_BINARY_OP_LESS_EQUAL:
            return MPF_OBJ_BOOL(a <= b);
        case MP_BINARY_OP_MORE_EQUAL:
            return MPF_OBJ_BOOL(a >= b);
        case MP_BINARY_OP_NOT_EQUAL:
            return MPF_OBJ_BOOL(a != b);
        case MP_BINARY_OP_OR:
            return MPF_OBJ_NEW_SMALL_INT(a | b);
        case MP_BINARY_OP_XOR:
            return MPF_OBJ_NEW_SMALL_INT(a ^ b);
        case MP_BINARY_OP_AND:
            return MPF_OBJ_NEW_SMALL_INT(a & b);
        case MP_BINARY_OP_ADD:
            r = a + b;
            break;
        case MP_BINARY_OP_SUBTRACT:
            r = a - b;
            break;
        case MP_BINARY_OP_MULTIPLY:
            if (__builtin_mul_overflow(a, b, &r)) {
                return MPF_OBJ_NULL;
            }
            break;
        case MP_BINARY_OP_FLOOR_DIVIDE:
        case MP_BINARY_OP_MODULO: {
            if (b == 0) {
                mpf_raise_msg(&mpf_type_ZeroDivisionError, "divide by zero");
            }
            /* C truncates toward zero; Python floors */
            mpf_int_t q = a / b, m = a % b;
            if (m != 0 && ((m < 0) != (b < 0))) {
                q -= 1;
                m += b;
            }
            r = op == MP_BINARY_OP_MODULO ? m : q;
            break;
        }
        case MP_BINARY_OP_POWER: {
            if (b < 0) {
                return MPF_OBJ_NULL;
            }
            mpf_int_t acc = 1, base = a;
            while (b) {
                if ((b & 1) && (__builtin_mul_overflow(acc, base, &acc) || !MPF_SMALL_INT_FITS(acc))) {
                    return MPF_OBJ_NULL;
                }
                b >>= 1;
                if (b && (__builtin_mul_overflow(base, base, &base) || !MPF_SMALL_INT_FITS(base))) {
                    return MPF_OBJ_NULL;
                }
            }
            r = acc;
            break;
        }
        case MP_BINARY_OP_LSHIFT:
        case MP_BINARY_OP_RSHIFT:
            if (b < 0) {
                mpf_raise_msg(&mpf_type_ValueError, "negative shift count");
            }
            if (op == MP_BINARY_OP_RSHIFT) {
                return MPF_OBJ_NEW_SMALL_INT(b >= (mpf_int_t)(8 * sizeof(mpf_int_t)) ? (a < 0 ? -1 : 0) : a >> b);
            }
            if (a == 0) {
                return MPF_OBJ_NEW_SMALL_INT(0);
            }
            if (b >= (mpf_int_t)(8 * sizeof(mpf_int_t) - 1)) {
                return MPF_OBJ_NULL;
            }
            r = (mpf_int_t)((uintptr_t)a << b);
            if ((r >> b) != a) {
                return MPF_OBJ_NULL;
            }
            break;
        default:
            return MPF_OBJ_NULL;
    }
    return MPF_SMALL_INT_FITS(r) ? MPF_OBJ_NEW_SMALL_INT(r) : MPF_OBJ_NULL;
}

#endif /* MPF_SMALLINT_H */
