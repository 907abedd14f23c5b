#include <string.h>

#include "bc.h"
#include "exc.h"
#include "gc.h"
#include "genhdr/opcodes.h"
#include "load.h"
#include "objfloat.h"
#include "qstr.h"

#define MPY_VERSION (6)
#define OBJ_NONE (1)
#define OBJ_FALSE (2)
#define OBJ_TRUE (3)
#define OBJ_ELLIPSIS (4)
#define OBJ_STR (5)
#define OBJ_BYTES (6)
#define OBJ_INT (7)
#define OBJ_FLOAT (8)
#define OBJ_COMPLEX (9)
#define OBJ_TUPLE (10)

/* nested constant tuples deeper than this are refused: a hostile file must not
 * exhaust the C stack through load_obj's recursion */
#define MAX_TUPLE_NESTING (16)
#define MAX_NESTING (32)
/* no real function needs more; it bounds what a hostile file can make us reserve */
#define MAX_N_STATE (4096)

typedef struct {
    const uint8_t *p, *end;
    size_t n_qstr, n_obj;
} reader_t;

static _Noreturn void malformed(void) {
    mpf_raise_msg(&mpf_type_ValueError, "malformed .mpy file");
}

static uint8_t read_byte(reader_t *r) {
    if (r->p >= r->end) {
        malformed();
    }
    return *r->p++;
}

static size_t read_uint(reader_t *r) {
    size_t v;
    if (mpf_bc_decode_uint(&r->p, r->end, &v) != 0 || v > (SIZE_MAX >> 8)) {
        malformed();
    }
    return v;
}

/* Returns the start of `n` bytes followed by a NUL, and moves past both. */
static const char *read_str(reader_t *r, size_t n) {
    if (n >= (size_t)(r->end - r->p) || r->p[n] != '\0') {
        malformed();
    }
    const char *s = (const char *)r->p;
    r->p += n + 1;
    return s;
}

static uint16_t load_qstr(reader_t *r) {
    size_t n = read_uint(r);
    if (n & 1) {
        size_t id = n >> 1;
        if (id == 0 || id > MPF_QSTR_N_STATIC) {
            malformed();
        }
        return (uint16_t)id;
    }
    const char *s = read_str(r, n >> 1);
    return mpf_qstr_from_strn_static(s, n >> 1);
}

static mpf_obj_t load_obj(reader_t *r, unsigned depth) {
    uint8_t tag = read_byte(r);
    switch (tag) {
        case OBJ_NONE:
            return mpf_const_none;
        case OBJ_FALSE:
            return mpf_const_false;
        case OBJ_TRUE:
            return mpf_const_true;
        case OBJ_ELLIPSIS:
            return (mpf_obj_t)&mpf_const_ellipsis_obj;
        case OBJ_STR:
        case OBJ_BYTES: {
            size_t n = read_uint(r);
            mpf_str_t *s = mpf_alloc(sizeof(*s));
            s->base.type = tag == OBJ_STR ? &mpf_type_str : &mpf_type_bytes;
            s->len = n;
            s->data = read_str(r, n);
            return s;
        }
        case OBJ_INT: {
            size_t n = read_uint(r);
            if (n == 0 || n > (size_t)(r->end - r->p)) {
                malformed();
            }
            const char *t = (const char *)r->p;
            r->p += n;
            /* decimal text, as mpy-cross writes it */
            bool neg = t[0] == '-';
            for (size_t i = neg; i < n; ++i) {
                if (t[i] < '0' || t[i] > '9') {
                    malformed();
                }
            }
            mpf_obj_t v = mpf_int_from_digits(t + neg, n - neg, 10, neg);
            if (v == MPF_OBJ_NULL) {
                malformed();
            }
            return v;
        }
#if MPF_FEATURE_FLOAT
        case OBJ_FLOAT: {
            /* the constant's text, as MicroPython's parser reads it on the board */
            size_t n = read_uint(r);
            if (n > (size_t)(r->end - r->p)) {
                malformed();
            }
            mpf_float_t v;
            if (!mpf_float_parse((const char *)r->p, n, &v)) {
                malformed();
            }
            r->p += n;
            return mpf_float_new(v);
        }
#endif
#if MPF_FEATURE_COMPLEX
        case OBJ_COMPLEX: {
            size_t n = read_uint(r);
            if (n > (size_t)(r->end - r->p)) {
                malformed();
            }
            mpf_float_t re, im;
            if (!mpf_complex_parse((const char *)r->p, n, &re, &im)) {
                malformed();
            }
            r->p += n;
            return mpf_complex_new(re, im);
        }
#endif
        case OBJ_TUPLE: {
            size_t n = read_uint(r);
            /* each item takes at least one byte: a larger count is a corrupt file */
            if (depth >= MAX_TUPLE_NESTING || n > (size_t)(r->end - r->p)) {
                malformed();
            }
            mpf_tuple_t *t = mpf_tuple_new(n, NULL);
            for (size_t i = 0; i < n; ++i) {
                t->items[i] = load_obj(r, depth + 1);
            }
            return t;
        }
        default:
            mpf_raise_msg(&mpf_type_ValueError, "constant of kind %d not supported yet", tag);
    }
}

static size_t check_uint(const uint8_t **ip, const uint8_t *end) {
    size_t v;
    if (mpf_bc_decode_uint(ip, end, &v) != 0) {
        malformed();
    }
    return v;
}

/* One pass over the instructions: checks every argument and, with `starts` given
 * filled in by a first pass, that each jump lands on an instruction. */
static unsigned check_code(const mpf_prelude_t *pre, const uint8_t *end, const reader_t *r,
    size_t n_children, uint8_t *starts, bool mark) {
    const uint8_t *ip = pre->code;
    unsigned op = 0;
    while (ip < end) {
        size_t at = (size_t)(ip - pre->code);
        if (mark) {
            starts[at / 8] |= (uint8_t)(1u << (at % 8));
        }
        op = *ip++;
        int kind = -1, extra = 0;
        switch (op) {
#define KIND_CASE(name, number, arg_kind, extra_byte) \
    case number:                                      \
        kind = arg_kind;                              \
        extra = extra_byte;                           \
        break;
            MP_BC_FOREACH(KIND_CASE)
#undef KIND_CASE
            default:
                break;
        }
        if (kind < 0) {
            if (op >= MP_BC_LOAD_FAST_MULTI && op < MP_BC_LOAD_FAST_MULTI + MP_BC_LOAD_FAST_MULTI_NUM) {
                if (op - MP_BC_LOAD_FAST_MULTI >= pre->n_state) {
                    malformed();
                }
            } else if (op >= MP_BC_STORE_FAST_MULTI &&
                       op < MP_BC_STORE_FAST_MULTI + MP_BC_STORE_FAST_MULTI_NUM) {
                if (op - MP_BC_STORE_FAST_MULTI >= pre->n_state) {
                    malformed();
                }
            } else if (!((op >= MP_BC_LOAD_CONST_SMALL_INT_MULTI &&
                             op < MP_BC_LOAD_CONST_SMALL_INT_MULTI + MP_BC_LOAD_CONST_SMALL_INT_MULTI_NUM) ||
                           (op >= MP_BC_UNARY_OP_MULTI &&
                               op < MP_BC_UNARY_OP_MULTI + MP_BC_UNARY_OP_MULTI_NUM) ||
                           (op >= MP_BC_BINARY_OP_MULTI &&
                               op < MP_BC_BINARY_OP_MULTI + MP_BC_BINARY_OP_MULTI_NUM))) {
                malformed();
            }
            continue;
        }
        switch (kind) {
            case MP_BC_ARG_NONE:
                break;
            case MP_BC_ARG_QSTR:
                if (check_uint(&ip, end) >= r->n_qstr) {
                    malformed();
                }
                break;
            case MP_BC_ARG_UINT: {
                size_t v = check_uint(&ip, end);
                if ((op == MP_BC_LOAD_FAST_N || op == MP_BC_STORE_FAST_N || op == MP_BC_DELETE_FAST ||
                        op == MP_BC_LOAD_DEREF || op == MP_BC_STORE_DEREF || op == MP_BC_DELETE_DEREF) &&
                    v >= pre->n_state) {
                    malformed();
                }
                break;
            }
            case MP_BC_ARG_SINT:
            case MP_BC_ARG_CONST:
            case MP_BC_ARG_CHILD: {
                size_t v = check_uint(&ip, end);
                if ((kind == MP_BC_ARG_CONST && v >= r->n_obj) ||
                    (kind == MP_BC_ARG_CHILD && v >= n_children)) {
                    malformed();
                }
                break;
            }
            default: {
                /* jumps: 1 or 2 bytes */
                size_t n = (ip < end && (*ip & 0x80)) ? 2 : 1;
                if ((size_t)(end - ip) < n) {
                    malformed();
                }
                size_t raw = n == 2 ? (size_t)(ip[0] & 0x7f) | ((size_t)ip[1] << 7) : ip[0];
                ip += n;
                ptrdiff_t off = kind == MP_BC_ARG_JUMP_SIGNED
                                    ? (ptrdiff_t)raw - (n == 2 ? 0x4000 : 0x40)
                                    : (ptrdiff_t)raw;
                if (off < pre->code - ip || off >= end - ip) {
                    malformed();
                }
                size_t target = (size_t)(ip + off - pre->code);
                if (!mark && !(starts[target / 8] & (1u << (target % 8)))) {
                    malformed();
                }
                break;
            }
        }
        if (extra) {
            if (ip >= end) {
                malformed();
            }
            ++ip;
        }
    }
    return op;
}

/* Every index the VM will trust (qstrs, constants, children, locals, jump targets)
 * is checked here once, so that executing needs no checks; the last instruction must
 * leave the function, so execution cannot run off the end of its data. */
static void validate(const uint8_t *fun_data, size_t len, const reader_t *r, size_t n_children) {
    const uint8_t *end = fun_data + len;
    mpf_prelude_t pre;
    if (mpf_bc_decode_prelude(fun_data, end, &pre) != 0 || mpf_bc_decode_names(&pre) != 0 ||
        pre.n_state > MAX_N_STATE ||
        pre.n_state < pre.n_pos_args + pre.n_kwonly_args || pre.name_index >= r->n_qstr) {
        malformed();
    }
    for (size_t i = 0; i < pre.n_pos_args + pre.n_kwonly_args; ++i) {
        if (mpf_bc_arg_name_index(&pre, i) >= r->n_qstr) {
            malformed();
        }
    }
    for (size_t i = 0; i < pre.n_cell; ++i) {
        if (pre.info[pre.n_info + i] >= pre.n_state) {
            malformed();
        }
    }
    if (pre.code >= end) {
        malformed();
    }
    size_t n_code = (size_t)(end - pre.code);
    uint8_t *starts = mpf_alloc(n_code / 8 + 1);
    memset(starts, 0, n_code / 8 + 1);
    check_code(&pre, end, r, n_children, starts, true);
    unsigned last = check_code(&pre, end, r, n_children, starts, false);
    if (last != MP_BC_RETURN_VALUE && last != MP_BC_RAISE_OBJ && last != MP_BC_RAISE_LAST &&
        last != MP_BC_JUMP) {
        malformed();
    }
}

static const mpf_raw_code_t *load_raw_code(reader_t *r, unsigned depth) {
    if (depth > MAX_NESTING) {
        malformed();
    }
    size_t head = read_uint(r);
    if ((head & 3) != 0) {
        mpf_raise_msg(&mpf_type_ValueError, "incompatible .mpy file");
    }
    size_t len = head >> 3;
    if (len > (size_t)(r->end - r->p)) {
        malformed();
    }
    mpf_raw_code_t *rc = mpf_alloc(sizeof(*rc));
    rc->fun_data = r->p;
    rc->fun_data_len = len;
    rc->children = NULL;
    rc->n_children = 0;
    r->p += len;
    if (head & 4) {
        size_t n = read_uint(r);
        if (n > (size_t)(r->end - r->p)) {
            malformed();
        }
        const mpf_raw_code_t **children = mpf_alloc(n * sizeof(*children) + 1);
        for (size_t i = 0; i < n; ++i) {
            children[i] = load_raw_code(r, depth + 1);
        }
        rc->children = children;
        rc->n_children = n;
    }
    validate(rc->fun_data, len, r, rc->n_children);
    return rc;
}

const mpf_raw_code_t *mpf_load_mpy(const uint8_t *data, size_t len, mpf_context_t *ctx) {
    if (len < 4 || data[0] != 'M' || data[1] != MPY_VERSION ||
        data[3] > 8 * sizeof(mpf_int_t) - 1) {
        mpf_raise_msg(&mpf_type_ValueError, "incompatible .mpy file");
    }
    reader_t r = {data + 4, data + len, 0, 0};
    r.n_qstr = read_uint(&r);
    r.n_obj = read_uint(&r);
    /* each entry takes at least one byte, which bounds what a hostile count can reserve */
    if (r.n_qstr == 0 || r.n_qstr > (size_t)(r.end - r.p) || r.n_obj > (size_t)(r.end - r.p)) {
        malformed();
    }
    uint16_t *qstr_table = mpf_alloc(r.n_qstr * sizeof(uint16_t));
    for (size_t i = 0; i < r.n_qstr; ++i) {
        qstr_table[i] = load_qstr(&r);
    }
    mpf_obj_t *obj_table = mpf_alloc(r.n_obj * sizeof(mpf_obj_t) + 1);
    for (size_t i = 0; i < r.n_obj; ++i) {
        obj_table[i] = load_obj(&r, 0);
    }
    const mpf_raw_code_t *rc = load_raw_code(&r, 0);
    if (r.p != r.end) {
        malformed();
    }
    ctx->qstr_table = qstr_table;
    ctx->obj_table = obj_table;
    return rc;
}
