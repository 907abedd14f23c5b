#include <string.h>

#include "exc.h"
#include "gc.h"
#include "print.h"
#include "qstr.h"

#define CONSOLE (&mpf_print_console)

static void int_print(mpf_obj_t self, bool repr) {
    (void)repr;
    mpf_print_int(CONSOLE, MPF_OBJ_SMALL_INT_VALUE(self));
}

static void bool_print(mpf_obj_t self, bool repr) {
    (void)repr;
    mpf_print_str(CONSOLE, self == mpf_const_true ? "True" : "False");
}

static void none_print(mpf_obj_t self, bool repr) {
    (void)self;
    (void)repr;
    mpf_print_str(CONSOLE, "None");
}

static void str_print(mpf_obj_t self, bool repr) {
    size_t len;
    const char *s = mpf_obj_str_data(self, &len);
    if (!repr) {
        mpf_print_strn(CONSOLE, s, len);
        return;
    }
    /* Python's choice of quote: single, unless the text has one and no double */
    char quote = memchr(s, '\'', len) && !memchr(s, '"', len) ? '"' : '\'';
    mpf_print_strn(CONSOLE, &quote, 1);
    for (size_t i = 0; i < len; ++i) {
        unsigned char c = (unsigned char)s[i];
        if (c == (unsigned char)quote || c == '\\') {
            char esc[2] = {'\\', (char)c};
            mpf_print_strn(CONSOLE, esc, 2);
        } else if (c == '\n') {
            mpf_print_str(CONSOLE, "\\n");
        } else if (c == '\r') {
            mpf_print_str(CONSOLE, "\\r");
        } else if (c == '\t') {
            mpf_print_str(CONSOLE, "\\t");
        } else if (c < 0x20 || c == 0x7f) {
            static const char hex[] = "0123456789abcdef";
            char esc[4] = {'\\', 'x', hex[c >> 4], hex[c & 15]};
            mpf_print_strn(CONSOLE, esc, 4);
        } else {
            mpf_print_strn(CONSOLE, s + i, 1);
        }
    }
    mpf_print_strn(CONSOLE, &quote, 1);
}

static void type_print(mpf_obj_t self, bool repr) {
    (void)repr;
    mpf_printf(CONSOLE, "<class '%q'>", ((const mpf_type_t *)self)->name);
}

static void function_print(mpf_obj_t self, bool repr) {
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
    mpf_printf(CONSOLE, "<function %q>", f->ctx->qstr_table[idx]);
}

static void builtin_print(mpf_obj_t self, bool repr) {
    (void)repr;
    mpf_printf(CONSOLE, "<function %q>", ((const mpf_builtin_t *)self)->name);
}

static mpf_obj_t function_call(mpf_obj_t self, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    return mpf_execute_bytecode(self, n_args, n_kw, args);
}

static mpf_obj_t builtin_call(mpf_obj_t self, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    return ((const mpf_builtin_t *)self)->fun(n_args, n_kw, args);
}

const mpf_type_t mpf_type_type = {{&mpf_type_type}, MP_QSTR_type, NULL, type_print, NULL};
const mpf_type_t mpf_type_int = {{&mpf_type_type}, MP_QSTR_int, NULL, int_print, NULL};
const mpf_type_t mpf_type_bool = {{&mpf_type_type}, MP_QSTR_bool, NULL, bool_print, NULL};
const mpf_type_t mpf_type_NoneType = {{&mpf_type_type}, MP_QSTR_NoneType, NULL, none_print, NULL};
const mpf_type_t mpf_type_str = {{&mpf_type_type}, MP_QSTR_str, NULL, str_print, NULL};
const mpf_type_t mpf_type_function = {
    {&mpf_type_type}, MP_QSTR_function, NULL, function_print, function_call
};
const mpf_type_t mpf_type_builtin = {
    {&mpf_type_type}, MP_QSTR_function, NULL, builtin_print, builtin_call
};

static void cell_print(mpf_obj_t self, bool repr) {
    (void)self;
    (void)repr;
    mpf_print_str(CONSOLE, "<cell>");
}

static void closure_print(mpf_obj_t self, bool repr) {
    function_print((mpf_obj_t)((const mpf_closure_t *)self)->fun, repr);
}

/* The closed-over cells go first, where the compiler counted them as parameters. */
static mpf_obj_t closure_call(mpf_obj_t self, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    const mpf_closure_t *c = self;
    size_t n = c->n_closed + n_args + 2 * n_kw;
    mpf_obj_t *all = mpf_pystack_alloc(n * sizeof(mpf_obj_t));
    memcpy(all, c->closed, c->n_closed * sizeof(mpf_obj_t));
    memcpy(all + c->n_closed, args, (n_args + 2 * n_kw) * sizeof(mpf_obj_t));
    mpf_obj_t ret = mpf_execute_bytecode(c->fun, c->n_closed + n_args, n_kw, all);
    mpf_pystack_free(all);
    return ret;
}

const mpf_type_t mpf_type_cell = {{&mpf_type_type}, MP_QSTR_cell, NULL, cell_print, NULL};
const mpf_type_t mpf_type_closure = {
    {&mpf_type_type}, MP_QSTR_function, NULL, closure_print, closure_call
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
    memcpy(d, data, len);
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
    if (MPF_OBJ_TYPE_OF_PTR(o) == &mpf_type_range) {
        const mpf_range_t *r = o;
        return r->step > 0 ? r->start < r->stop : r->start > r->stop;
    }
    return true;
}

void mpf_obj_print(mpf_obj_t o, bool repr) {
    const mpf_type_t *t = mpf_obj_get_type(o);
    if (t == &mpf_type_type) {
        type_print(o, repr);
    } else if (mpf_obj_is_exception(o)) {
        mpf_exc_print_instance(o, repr);
    } else {
        t->print(o, repr);
    }
}

bool mpf_obj_equal(mpf_obj_t a, mpf_obj_t b) {
    if (a == b) {
        return true;
    }
    if (mpf_obj_is_int(a) && mpf_obj_is_int(b)) {
        return mpf_obj_int_value(a) == mpf_obj_int_value(b);
    }
    if (mpf_obj_is_str(a) && mpf_obj_is_str(b)) {
        size_t la, lb;
        const char *sa = mpf_obj_str_data(a, &la);
        const char *sb = mpf_obj_str_data(b, &lb);
        return la == lb && memcmp(sa, sb, la) == 0;
    }
    if (MPF_OBJ_IS_PTR(a) && MPF_OBJ_IS_PTR(b) && MPF_OBJ_TYPE_OF_PTR(a) == &mpf_type_range &&
        MPF_OBJ_TYPE_OF_PTR(b) == &mpf_type_range) {
        const mpf_range_t *ra = a, *rb = b;
        return ra->start == rb->start && ra->stop == rb->stop && ra->step == rb->step;
    }
    return false;
}
