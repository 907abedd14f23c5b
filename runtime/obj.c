#include <string.h>

#include "exc.h"
#include "gc.h"
#include "objfloat.h"
#include "print.h"
#include "qstr.h"
#include "genhdr/opcodes.h"

static void int_print(mpf_print_t *p, mpf_obj_t self, bool repr) {
    (void)repr;
    if (MPF_OBJ_IS_SMALL_INT(self)) {
        mpf_print_int(p, MPF_OBJ_SMALL_INT_VALUE(self));
        return;
    }
    if (((const mpf_bigint_t *)self)->neg) {
        mpf_print_strn(p, "-", 1);
    }
    mpf_int_print_digits(p, self, 10, false);
}

static void bool_print(mpf_print_t *p, mpf_obj_t self, bool repr) {
    (void)repr;
    mpf_print_str(p, self == mpf_const_true ? "True" : "False");
}

static void none_print(mpf_print_t *p, mpf_obj_t self, bool repr) {
    (void)self;
    (void)repr;
    mpf_print_str(p, "None");
}

void mpf_str_print(mpf_print_t *p, mpf_obj_t self, bool repr) {
    size_t len;
    const char *s = mpf_obj_str_data(self, &len);
    if (!repr) {
        mpf_print_strn(p, s, len);
        return;
    }
    /* Python's choice of quote: single, unless the text has one and no double */
    char quote = memchr(s, '\'', len) && !memchr(s, '"', len) ? '"' : '\'';
    mpf_print_strn(p, &quote, 1);
    for (size_t i = 0; i < len; ++i) {
        unsigned char c = (unsigned char)s[i];
        if (c == (unsigned char)quote || c == '\\') {
            char esc[2] = {'\\', (char)c};
            mpf_print_strn(p, esc, 2);
        } else if (c == '\n') {
            mpf_print_str(p, "\\n");
        } else if (c == '\r') {
            mpf_print_str(p, "\\r");
        } else if (c == '\t') {
            mpf_print_str(p, "\\t");
        } else if (c < 0x20 || c == 0x7f) {
            static const char hex[] = "0123456789abcdef";
            char esc[4] = {'\\', 'x', hex[c >> 4], hex[c & 15]};
            mpf_print_strn(p, esc, 4);
        } else {
            mpf_print_strn(p, s + i, 1);
        }
    }
    mpf_print_strn(p, &quote, 1);
}

static void type_print(mpf_print_t *p, mpf_obj_t self, bool repr) {
    (void)repr;
    mpf_printf(p, "<class '%q'>", ((const mpf_type_t *)self)->name);
}

static void function_print(mpf_print_t *p, mpf_obj_t self, bool repr) {
    (void)repr;
    const mpf_fun_bc_t *f = self;
    /* the name is the first entry of the prelude's info, after two var-length fields */
    const uint8_t *ip = f->rc->fun_data;
    while (*ip++ & 0x80) {
    }
    while (*ip++ & 0x80) {
    }
    size_t idx = 0;
    do {
        idx = (idx << 7) | (*ip & 0x7f);
    } while (*ip++ & 0x80);
    mpf_printf(p, "<function %q>", f->ctx->qstr_table[idx]);
}

static void builtin_print(mpf_print_t *p, mpf_obj_t self, bool repr) {
    (void)repr;
    mpf_printf(p, "<function %q>", ((const mpf_builtin_t *)self)->name);
}

static mpf_obj_t function_call(mpf_obj_t self, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    return mpf_execute_bytecode(self, n_args, n_kw, args);
}

static mpf_obj_t builtin_call(mpf_obj_t self, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    return ((const mpf_builtin_t *)self)->fun(n_args, n_kw, args);
}

const mpf_type_t mpf_type_type = {
    .base = {&mpf_type_type}, .name = MP_QSTR_type, .print = type_print, .make_new = mpf_type_make_new,
};
static bool is_blank(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/* int(text, base): optional sign, a 0x/0o/0b prefix matching the base (any of them
 * with base 0), digits with single underscores between them, blanks around */
static mpf_obj_t int_parse(const char *s, size_t len, mpf_int_t base) {
    size_t i = 0;
    while (i < len && is_blank(s[i])) {
        ++i;
    }
    while (len > i && is_blank(s[len - 1])) {
        --len;
    }
    bool neg = i < len && s[i] == '-';
    i += i < len && (s[i] == '-' || s[i] == '+');
    if (i + 1 < len && s[i] == '0') {
        char p = (char)(s[i + 1] | 32);
        mpf_int_t pb = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
        if (pb && (base == 0 || base == pb)) {
            base = pb;
            i += 2;
            i += i < len && s[i] == '_';
        }
    }
    bool any = false, bad = false;
    if (base == 0) {
        /* no prefix: decimal, where a leading zero allows only zeros */
        base = 10;
        for (size_t k = i; k < len && s[k] != '_'; ++k) {
            bad |= s[i] == '0' && s[k] != '0';
        }
    }
    mpf_obj_t v = MPF_OBJ_NEW_SMALL_INT(0), b = MPF_OBJ_NEW_SMALL_INT(base);
    for (; i < len && !bad; ++i) {
        char c = s[i];
        if (c == '_' && any && i + 1 < len && s[i + 1] != '_') {
            continue;
        }
        int d = c >= '0' && c <= '9' ? c - '0' : (c | 32) >= 'a' && (c | 32) <= 'z' ? (c | 32) - 'a' + 10 : 99;
        if (d >= base) {
            bad = true;
            break;
        }
        /* through mpf_binary_op: what does not fit a small int becomes whatever int can hold it */
        v = mpf_binary_op(MP_BINARY_OP_ADD, mpf_binary_op(MP_BINARY_OP_MULTIPLY, v, b), MPF_OBJ_NEW_SMALL_INT(d));
        any = true;
    }
    if (!any || bad) {
        mpf_raise_msg(&mpf_type_ValueError, "invalid syntax for integer with base %d", (int)base);
    }
    return neg ? mpf_unary_op(MP_UNARY_OP_NEGATIVE, v) : v;
}

/* int(), int(x), int(text[, base]) */
static mpf_obj_t int_make_new(mpf_obj_t type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)type;
    (void)n_kw;
    if (n_args == 0) {
        return MPF_OBJ_NEW_SMALL_INT(0);
    }
    if (n_args == 1 && mpf_obj_is_int(args[0])) {
        return MPF_OBJ_NEW_SMALL_INT(mpf_obj_int_value(args[0]));
    }
#if MPF_FEATURE_FLOAT
    if (n_args == 1 && mpf_obj_is_float(args[0])) {
        return mpf_float_to_int(((const mpf_float_obj_t *)args[0])->value);
    }
#endif
    mpf_int_t base = n_args > 1 ? mpf_obj_int_value(args[1]) : 10;
    if (base != 0 && (base < 2 || base > 36)) {
        mpf_raise_msg(&mpf_type_ValueError, "int() arg 2 must be >= 2 and <= 36");
    }
    size_t len;
    char *data;
    if (mpf_obj_is_str(args[0])) {
        const char *s = mpf_obj_str_data(args[0], &len);
        return int_parse(s, len, base);
    }
    if (mpf_get_buffer(args[0], &data, &len)) {
        return int_parse(data, len, base);
    }
    if (mpf_obj_is_class_instance(args[0])) {
        mpf_obj_t r;
        if (mpf_instance_special(args[0], MP_QSTR___int__, 0, NULL, &r)) {
            return r;
        }
        mpf_obj_t native = mpf_instance_native(args[0]);
        if (native != MPF_OBJ_NULL) {
            return int_make_new(type, 1, 0, &native);
        }
    }
    mpf_raise_msg(&mpf_type_TypeError, "can't convert %s to int", mpf_obj_type_name(args[0]));
}

static bool little_endian(mpf_obj_t order) {
    size_t n;
    const char *s = mpf_obj_is_str(order) ? mpf_obj_str_data(order, &n) : "";
    if (strcmp(s, "little") != 0 && strcmp(s, "big") != 0) {
        mpf_raise_msg(&mpf_type_ValueError, "byteorder must be either 'little' or 'big'");
    }
    return s[0] == 'l';
}

/* int.to_bytes(length, byteorder) and int.from_bytes(bytes, byteorder), unsigned; the
 * arithmetic goes through mpf_binary_op so that every int kind takes part */
static mpf_obj_t int_to_bytes(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    if (n_args < 3) {
        mpf_raise_msg(&mpf_type_TypeError, "function missing %d required positional arguments", (int)(3 - n_args));
    }
    mpf_obj_t v = args[0];
    mpf_int_t len = mpf_obj_int_value(args[1]);
    bool little = little_endian(args[2]);
    if (len < 0) {
        mpf_raise_msg(&mpf_type_ValueError, "length argument must be non-negative");
    }
    if (mpf_obj_is_true(mpf_binary_op(MP_BINARY_OP_LESS, v, MPF_OBJ_NEW_SMALL_INT(0)))) {
        mpf_raise_msg(&mpf_type_OverflowError, "can't convert negative int to unsigned");
    }
    mpf_obj_t out = mpf_bytes_new(&mpf_type_bytes, NULL, (size_t)len);
    char *d;
    size_t n;
    mpf_get_buffer(out, &d, &n);
    for (size_t i = 0; i < n; ++i) {
        mpf_obj_t byte = mpf_binary_op(MP_BINARY_OP_AND, v, MPF_OBJ_NEW_SMALL_INT(255));
        d[little ? i : n - 1 - i] = (char)MPF_OBJ_SMALL_INT_VALUE(byte);
        v = mpf_binary_op(MP_BINARY_OP_RSHIFT, v, MPF_OBJ_NEW_SMALL_INT(8));
    }
    if (mpf_obj_is_true(v)) {
        mpf_raise_msg(&mpf_type_OverflowError, "int too big to convert");
    }
    return out;
}

static mpf_obj_t int_from_bytes(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    char *d;
    size_t n;
    if (n_args < 2) {
        mpf_raise_msg(&mpf_type_TypeError, "function missing %d required positional arguments", (int)(2 - n_args));
    }
    if (!mpf_get_buffer(args[0], &d, &n)) {
        mpf_raise_msg(&mpf_type_TypeError, "object with buffer protocol required");
    }
    bool little = little_endian(args[1]);
    mpf_obj_t v = MPF_OBJ_NEW_SMALL_INT(0);
    for (size_t i = 0; i < n; ++i) {
        v = mpf_binary_op(MP_BINARY_OP_LSHIFT, v, MPF_OBJ_NEW_SMALL_INT(8));
        v = mpf_binary_op(MP_BINARY_OP_OR, v, MPF_OBJ_NEW_SMALL_INT((unsigned char)d[little ? n - 1 - i : i]));
    }
    return v;
}

static const mpf_builtin_t int_to_bytes_obj = {{&mpf_type_builtin}, MP_QSTR_to_bytes, int_to_bytes};
const mpf_builtin_t mpf_int_from_bytes_obj = {{&mpf_type_builtin}, MP_QSTR_from_bytes, int_from_bytes};

static const mpf_method_t int_methods[] = {
    {MP_QSTR_to_bytes, &int_to_bytes_obj},
};

static mpf_obj_t bool_make_new(mpf_obj_t type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)type;
    (void)n_kw;
    return MPF_OBJ_BOOL(n_args && mpf_obj_is_true(args[0]));
}

const mpf_type_t mpf_type_int = {
    .base = {&mpf_type_type}, .name = MP_QSTR_int, .print = int_print, .make_new = int_make_new,
    .methods = int_methods, .n_methods = sizeof(int_methods) / sizeof(int_methods[0]),
};
const mpf_type_t mpf_type_bool = {
    .base = {&mpf_type_type}, .name = MP_QSTR_bool, .parent = &mpf_type_int, .print = bool_print,
    .make_new = bool_make_new,
};
static void ellipsis_print(mpf_print_t *p, mpf_obj_t self, bool repr) {
    (void)self;
    (void)repr;
    mpf_printf(p, "Ellipsis");
}

const mpf_type_t mpf_type_ellipsis = {
    .base = {&mpf_type_type}, .name = MP_QSTR_ellipsis, .print = ellipsis_print,
};
const mpf_obj_base_t mpf_const_ellipsis_obj = {&mpf_type_ellipsis};

const mpf_type_t mpf_type_NoneType = {
    .base = {&mpf_type_type}, .name = MP_QSTR_NoneType, .print = none_print,
};
const mpf_type_t mpf_type_function = {
    .base = {&mpf_type_type}, .name = MP_QSTR_function, .print = function_print, .call = function_call,
};
const mpf_type_t mpf_type_builtin = {
    .base = {&mpf_type_type}, .name = MP_QSTR_function, .print = builtin_print, .call = builtin_call,
};

static void cell_print(mpf_print_t *p, mpf_obj_t self, bool repr) {
    (void)self;
    (void)repr;
    mpf_print_str(p, "<cell>");
}

static void closure_print(mpf_print_t *p, mpf_obj_t self, bool repr) {
    function_print(p, (mpf_obj_t)((const mpf_closure_t *)self)->fun, repr);
}

/* The closed-over cells go first, where the compiler counted them as parameters. */
static mpf_obj_t closure_call(mpf_obj_t self, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    const mpf_closure_t *c = self;
    size_t n = c->n_closed + n_args + 2 * n_kw;
    mpf_obj_t *all = mpf_pystack_alloc(n * sizeof(mpf_obj_t));
    memcpy(all, c->closed, c->n_closed * sizeof(mpf_obj_t));
    if (n_args + n_kw) { /* a call without arguments may pass args == NULL */
        memcpy(all + c->n_closed, args, (n_args + 2 * n_kw) * sizeof(mpf_obj_t));
    }
    mpf_obj_t ret = mpf_execute_bytecode(c->fun, c->n_closed + n_args, n_kw, all);
    mpf_pystack_free(all);
    return ret;
}

const mpf_type_t mpf_type_cell = {
    .base = {&mpf_type_type}, .name = MP_QSTR_cell, .print = cell_print,
};
const mpf_type_t mpf_type_closure = {
    .base = {&mpf_type_type}, .name = MP_QSTR_function, .print = closure_print, .call = closure_call,
};

const mpf_type_t *mpf_obj_get_type(mpf_obj_t o) {
    if (MPF_OBJ_IS_SMALL_INT(o)) {
        return &mpf_type_int;
    }
    if (MPF_OBJ_IS_QSTR(o)) {
        return &mpf_type_str;
    }
    if (o == mpf_const_true || o == mpf_const_false) {
        return &mpf_type_bool;
    }
    if (o == mpf_const_none || o == MPF_OBJ_NULL) {
        return &mpf_type_NoneType;
    }
    return MPF_OBJ_TYPE_OF_PTR(o);
}

const char *mpf_obj_type_name(mpf_obj_t o) {
    size_t len;
    return mpf_qstr_str(mpf_obj_get_type(o)->name, &len);
}

bool mpf_obj_is_str(mpf_obj_t o) {
    return MPF_OBJ_IS_QSTR(o) || (MPF_OBJ_IS_PTR(o) && MPF_OBJ_TYPE_OF_PTR(o) == &mpf_type_str);
}

bool mpf_obj_is_int(mpf_obj_t o) {
    return MPF_OBJ_IS_SMALL_INT(o) || o == mpf_const_true || o == mpf_const_false;
}

mpf_int_t mpf_obj_int_value(mpf_obj_t o) {
    if (MPF_OBJ_IS_SMALL_INT(o)) {
        return MPF_OBJ_SMALL_INT_VALUE(o);
    }
    return o == mpf_const_true;
}

mpf_int_t mpf_obj_get_int(mpf_obj_t o) {
    if (mpf_obj_is_bigint(o)) {
        mpf_raise_msg(&mpf_type_OverflowError, "overflow converting long int to machine word");
    }
    if (!mpf_obj_is_int(o)) {
        mpf_raise_msg(&mpf_type_TypeError, "can't convert %s to int", mpf_obj_type_name(o));
    }
    return mpf_obj_int_value(o);
}

const char *mpf_obj_str_data(mpf_obj_t o, size_t *len) {
    if (MPF_OBJ_IS_QSTR(o)) {
        return mpf_qstr_str(MPF_OBJ_QSTR_VALUE(o), len);
    }
    const mpf_str_t *s = o;
    *len = s->len;
    return s->data;
}

mpf_obj_t mpf_obj_new_str_uninit(size_t len, char **data) {
    mpf_str_t *s = mpf_alloc(sizeof(mpf_str_t) + len + 1);
    char *d = (char *)(s + 1);
    d[len] = '\0';
    s->base.type = &mpf_type_str;
    s->len = len;
    s->data = d;
    *data = d;
    return s;
}

mpf_obj_t mpf_obj_new_str(const char *data, size_t len) {
    char *d;
    mpf_obj_t s = mpf_obj_new_str_uninit(len, &d);
    if (len) { /* an empty string may come with data == NULL */
        memcpy(d, data, len);
    }
    return s;
}

bool mpf_obj_is_true(mpf_obj_t o) {
    if (o == mpf_const_false || o == mpf_const_none) {
        return false;
    }
    if (o == mpf_const_true) {
        return true;
    }
    if (MPF_OBJ_IS_SMALL_INT(o)) {
        return MPF_OBJ_SMALL_INT_VALUE(o) != 0;
    }
    if (mpf_obj_is_str(o)) {
        size_t len;
        mpf_obj_str_data(o, &len);
        return len != 0;
    }
#if MPF_FEATURE_FLOAT
    if (mpf_obj_is_float(o)) {
        return ((const mpf_float_obj_t *)o)->value != 0;
    }
#endif
#if MPF_FEATURE_COMPLEX
    if (mpf_obj_is_complex(o)) {
        return ((const mpf_complex_obj_t *)o)->real != 0 || ((const mpf_complex_obj_t *)o)->imag != 0;
    }
#endif
    if (MPF_OBJ_TYPE_OF_PTR(o)->flags & MPF_TYPE_FLAG_CLASS) {
        mpf_obj_t r;
        if (mpf_instance_special(o, MP_QSTR___bool__, 0, NULL, &r) ||
            mpf_instance_special(o, MP_QSTR___len__, 0, NULL, &r)) {
            return mpf_obj_is_true(r);
        }
        mpf_obj_t native = mpf_instance_native(o);
        return native == MPF_OBJ_NULL || mpf_obj_is_true(native);
    }
    if (MPF_OBJ_TYPE_OF_PTR(o) == &mpf_type_range) {
        const mpf_range_t *r = o;
        return r->step > 0 ? r->start < r->stop : r->start > r->stop;
    }
    const mpf_type_t *t = MPF_OBJ_TYPE_OF_PTR(o);
    if (t->len != NULL) {
        return t->len(o) != 0;
    }
    return true;
}

void mpf_obj_print_to(mpf_print_t *p, mpf_obj_t o, bool repr) {
    const mpf_type_t *t = mpf_obj_get_type(o);
    if (t->flags & MPF_TYPE_FLAG_CLASS) {
        t->print(p, o, repr);
    } else if (t == &mpf_type_type) {
        type_print(p, o, repr);
    } else if (mpf_obj_is_exception(o)) {
        mpf_exc_print_instance(p, o, repr);
    } else if (t->print != NULL) {
        t->print(p, o, repr);
    } else {
        mpf_printf(p, "<%q>", t->name);
    }
}

void mpf_obj_print(mpf_obj_t o, bool repr) {
    mpf_obj_print_to(&mpf_print_console, o, repr);
}

bool mpf_obj_equal(mpf_obj_t a, mpf_obj_t b) {
    if (a == b) {
        return true;
    }
    if (mpf_obj_is_int(a) && mpf_obj_is_int(b)) {
        return mpf_obj_int_value(a) == mpf_obj_int_value(b);
    }
    if (mpf_obj_is_bigint(a) || mpf_obj_is_bigint(b)) {
        return mpf_obj_is_integer(a) && mpf_obj_is_integer(b) &&
               mpf_int_binary_op(MP_BINARY_OP_EQUAL, a, b) == mpf_const_true;
    }
    if (mpf_obj_is_str(a) && mpf_obj_is_str(b)) {
        size_t la, lb;
        const char *sa = mpf_obj_str_data(a, &la);
        const char *sb = mpf_obj_str_data(b, &lb);
        return la == lb && memcmp(sa, sb, la) == 0;
    }
#if MPF_FEATURE_FLOAT
    if (mpf_obj_is_float(b) && mpf_obj_is_integer(a)) {
        return mpf_float_binary_op(MP_BINARY_OP_EQUAL, a, b) == mpf_const_true;
    }
#endif
#if MPF_FEATURE_COMPLEX
    if (mpf_obj_is_complex(b)) {
        return mpf_complex_binary_op(MP_BINARY_OP_EQUAL, a, b) == mpf_const_true;
    }
#endif
    const mpf_type_t *ta = mpf_obj_get_type(a);
    if (ta->binary_op != NULL && MPF_OBJ_IS_PTR(a)) {
        mpf_obj_t r = ta->binary_op(MP_BINARY_OP_EQUAL, a, b);
        if (r != MPF_OBJ_NULL) {
            return r == mpf_const_true;
        }
    }
    if (MPF_OBJ_IS_PTR(a) && MPF_OBJ_IS_PTR(b) && MPF_OBJ_TYPE_OF_PTR(a) == &mpf_type_range &&
        MPF_OBJ_TYPE_OF_PTR(b) == &mpf_type_range) {
        /* equal when they give the same values */
        size_t na = mpf_obj_len(a), nb = mpf_obj_len(b);
        const mpf_range_t *ra = a, *rb = b;
        return na == nb && (na == 0 || (ra->start == rb->start && (na == 1 || ra->step == rb->step)));
    }
    return false;
}
