/* The `random` module: a 32-bit xorshift generator (small and fast; programs need
 * spread, not cryptographic strength), seeded by seed(n). */
#include "binary.h"
#include "builtins.h"
#include "exc.h"
#include "genhdr/opcodes.h"
#include "module.h"

static uint32_t state = 0x2545F491u;

static uint32_t next32(void) {
    uint32_t x = state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return state = x;
}

/* a value in [0, n), n > 0, without the bias of a plain modulo */
static uint32_t below(uint32_t n) {
    uint32_t mask = n - 1;
    for (unsigned s = 1; s < 32; s <<= 1) {
        mask |= mask >> s;
    }
    uint32_t r;
    do {
        r = next32() & mask;
    } while (r >= n);
    return r;
}

static mpf_obj_t random_seed(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    uint32_t s = n_args && args[0] != mpf_const_none ? (uint32_t)mpf_obj_int_value(args[0]) : 0;
    state = s ? s : 0x2545F491u; /* xorshift stays at 0 once there */
    return mpf_const_none;
}
MPF_BUILTIN_OBJ(seed_obj, MP_QSTR_seed, random_seed);

static mpf_obj_t random_getrandbits(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_args;
    (void)n_kw;
    mpf_int_t n = mpf_obj_int_value(args[0]);
    if (n < 0 || n > 32) {
        mpf_raise_msg(&mpf_type_ValueError, "bits must be 32 or less");
    }
    return n == 0 ? MPF_OBJ_NEW_SMALL_INT(0) : mpf_binary_int(next32() >> (32 - n), false);
}
MPF_BUILTIN_OBJ(getrandbits_obj, MP_QSTR_getrandbits, random_getrandbits);

/* a random member of range(start, stop, step); ValueError when it is empty */
static mpf_obj_t pick(mpf_int_t start, mpf_int_t stop, mpf_int_t step) {
    mpf_int_t n = step > 0 ? (stop - start + step - 1) / step : step < 0 ? (start - stop - step - 1) / -step : 0;
    if (n <= 0 || (uint64_t)n > UINT32_MAX) {
        mpf_raise_msg(&mpf_type_ValueError, "empty range for randrange()");
    }
    return MPF_OBJ_NEW_SMALL_INT(start + step * (mpf_int_t)below((uint32_t)n));
}

static mpf_obj_t random_randrange(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    if (n_args == 1) {
        return pick(0, mpf_obj_int_value(args[0]), 1);
    }
    return pick(mpf_obj_int_value(args[0]), mpf_obj_int_value(args[1]), n_args > 2 ? mpf_obj_int_value(args[2]) : 1);
}
MPF_BUILTIN_OBJ(randrange_obj, MP_QSTR_randrange, random_randrange);

static mpf_obj_t random_randint(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_args;
    (void)n_kw;
    return pick(mpf_obj_int_value(args[0]), mpf_obj_int_value(args[1]) + 1, 1);
}
MPF_BUILTIN_OBJ(randint_obj, MP_QSTR_randint, random_randint);

static mpf_obj_t random_choice(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_args;
    (void)n_kw;
    size_t n = mpf_obj_len(args[0]);
    if (n == 0) {
        mpf_raise_msg(&mpf_type_IndexError, "empty sequence");
    }
    return mpf_subscr(args[0], MPF_OBJ_NEW_SMALL_INT(below((uint32_t)n)), MPF_SUBSCR_LOAD);
}
MPF_BUILTIN_OBJ(choice_obj, MP_QSTR_choice, random_choice);

/* random(): 24 random bits over 2**24, exact in single and double precision (the
 * division makes the float, so this module needs no float code of its own) */
static mpf_obj_t random_value(void) {
    return mpf_binary_op(MP_BINARY_OP_TRUE_DIVIDE, MPF_OBJ_NEW_SMALL_INT(next32() >> 8),
        MPF_OBJ_NEW_SMALL_INT(1 << 24));
}

static mpf_obj_t random_random(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_args;
    (void)n_kw;
    (void)args;
    return random_value();
}
MPF_BUILTIN_OBJ(random_obj, MP_QSTR_random, random_random);

/* uniform(a, b): a + (b - a) * random() */
static mpf_obj_t random_uniform(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_args;
    (void)n_kw;
    mpf_obj_t width = mpf_binary_op(MP_BINARY_OP_SUBTRACT, args[1], args[0]);
    return mpf_binary_op(MP_BINARY_OP_ADD, args[0], mpf_binary_op(MP_BINARY_OP_MULTIPLY, width, random_value()));
}
MPF_BUILTIN_OBJ(uniform_obj, MP_QSTR_uniform, random_uniform);

static const mpf_builtin_entry_t random_table[] = {
    {MP_QSTR_random, &random_obj},
    {MP_QSTR_uniform, &uniform_obj},
    {MP_QSTR_seed, &seed_obj},
    {MP_QSTR_getrandbits, &getrandbits_obj},
    {MP_QSTR_randrange, &randrange_obj},
    {MP_QSTR_randint, &randint_obj},
    {MP_QSTR_choice, &choice_obj},
    {0, NULL},
};

MPF_BUILTIN_MODULE(mpf_module_random, MP_QSTR_random, random_table);
