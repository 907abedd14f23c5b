/* The `json` module: dumps/dump of None, bools, numbers, str, lists, tuples and dicts
 * (MicroPython's separators ", " and ": "), loads/load back. Numbers are read by the
 * int and float builtins, so they are whatever the build's ints and floats are. */
#include <string.h>

#include "builtins.h"
#include "exc.h"
#include "module.h"
#include "print.h"
#include "vm.h"

/* --- dumping --- */

static void dump_str(mpf_print_t *p, const char *s, size_t len) {
    static const char hex[] = "0123456789abcdef";
    mpf_print_str(p, "\"");
    for (size_t i = 0; i < len; ++i) {
        unsigned char c = (unsigned char)s[i];
        const char *esc = c == '"' ? "\\\"" : c == '\\' ? "\\\\" : c == '\n' ? "\\n" : c == '\r' ? "\\r"
            : c == '\t' ? "\\t" : c == '\b' ? "\\b" : c == '\f' ? "\\f" : NULL;
        if (esc != NULL) {
            mpf_print_str(p, esc);
        } else if (c < 0x20) {
            char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            mpf_print_strn(p, u, 6);
        } else {
            mpf_print_strn(p, s + i, 1);
        }
    }
    mpf_print_str(p, "\"");
}

static void dump(mpf_print_t *p, mpf_obj_t o) {
    mpf_c_stack_check();
    size_t n;
    mpf_obj_t *items;
    if (o == mpf_const_none) {
        mpf_print_str(p, "null");
    } else if (o == mpf_const_true || o == mpf_const_false) {
        mpf_print_str(p, o == mpf_const_true ? "true" : "false");
    } else if (mpf_obj_is_str(o)) {
        const char *s = mpf_obj_str_data(o, &n);
        dump_str(p, s, n);
    } else if (mpf_obj_get_array(o, &n, &items)) {
        mpf_print_str(p, "[");
        for (size_t i = 0; i < n; ++i) {
            if (i) {
                mpf_print_str(p, ", ");
            }
            dump(p, items[i]);
        }
        mpf_print_str(p, "]");
    } else if (MPF_OBJ_IS_PTR(o) && MPF_OBJ_TYPE_OF_PTR(o) == &mpf_type_dict) {
        const mpf_dict_t *d = o;
        bool first = true;
        mpf_print_str(p, "{");
        for (size_t i = 0; i < d->n_entries; ++i) {
            const mpf_dict_entry_t *e = &d->entries[i];
            if (e->key == MPF_OBJ_NULL) {
                continue;
            }
            if (!mpf_obj_is_str(e->key)) {
                mpf_raise_msg(&mpf_type_TypeError, "keys must be str");
            }
            mpf_print_str(p, first ? "" : ", ");
            first = false;
            dump(p, e->key);
            mpf_print_str(p, ": ");
            dump(p, e->value);
        }
        mpf_print_str(p, "}");
    } else if (mpf_obj_is_int(o) || mpf_obj_get_type(o)->name == MP_QSTR_int ||
               mpf_obj_get_type(o)->name == MP_QSTR_float) {
        mpf_obj_print_to(p, o, true);
    } else {
        mpf_raise_msg(&mpf_type_TypeError, "'%s' object isn't JSON serializable", mpf_obj_type_name(o));
    }
}

static mpf_obj_t json_dumps(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_args;
    (void)n_kw;
    mpf_print_t p;
    mpf_print_init_heap(&p);
    dump(&p, args[0]);
    return mpf_obj_new_str(p.buf, p.len);
}
MPF_BUILTIN_OBJ(dumps_obj, MP_QSTR_dumps, json_dumps);

static mpf_obj_t json_dump(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_kw;
    if (n_args != 2) {
        mpf_raise_msg(&mpf_type_TypeError, "dump(obj, stream)");
    }
    mpf_print_t p;
    mpf_print_init_heap(&p);
    dump(&p, args[0]);
    mpf_stream_write(args[1], p.buf, p.len);
    return mpf_const_none;
}
MPF_BUILTIN_OBJ(dump_obj, MP_QSTR_dump, json_dump);

/* --- loading --- */

typedef struct {
    const char *p, *end;
} reader_t;

_Noreturn static void syntax_error(void) {
    mpf_raise_msg(&mpf_type_ValueError, "syntax error in JSON");
}

static void skip_space(reader_t *r) {
    while (r->p < r->end && (*r->p == ' ' || *r->p == '\t' || *r->p == '\n' || *r->p == '\r')) {
        ++r->p;
    }
}

static bool take(reader_t *r, const char *word) {
    size_t n = strlen(word);
    if ((size_t)(r->end - r->p) >= n && memcmp(r->p, word, n) == 0) {
        r->p += n;
        return true;
    }
    return false;
}

static int hex_digit(char c) {
    return c >= '0' && c <= '9' ? c - '0' : (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10 : -1;
}

static unsigned read_u16(reader_t *r) {
    unsigned v = 0;
    for (int i = 0; i < 4; ++i) {
        int d = r->p < r->end ? hex_digit(*r->p++) : -1;
        if (d < 0) {
            syntax_error();
        }
        v = v << 4 | (unsigned)d;
    }
    return v;
}

static void put_utf8(mpf_print_t *p, unsigned c) {
    char b[4];
    size_t n;
    if (c < 0x80) {
        b[0] = (char)c;
        n = 1;
    } else if (c < 0x800) {
        b[0] = (char)(0xc0 | c >> 6);
        b[1] = (char)(0x80 | (c & 0x3f));
        n = 2;
    } else if (c < 0x10000) {
        b[0] = (char)(0xe0 | c >> 12);
        b[1] = (char)(0x80 | ((c >> 6) & 0x3f));
        b[2] = (char)(0x80 | (c & 0x3f));
        n = 3;
    } else {
        b[0] = (char)(0xf0 | c >> 18);
        b[1] = (char)(0x80 | ((c >> 12) & 0x3f));
        b[2] = (char)(0x80 | ((c >> 6) & 0x3f));
        b[3] = (char)(0x80 | (c & 0x3f));
        n = 4;
    }
    mpf_print_strn(p, b, n);
}

static mpf_obj_t read_str(reader_t *r) {
    mpf_print_t p;
    mpf_print_init_heap(&p);
    ++r->p; /* the opening quote */
    for (;;) {
        if (r->p >= r->end) {
            syntax_error();
        }
        char c = *r->p++;
        if (c == '"') {
            break;
        }
        if (c != '\\') {
            mpf_print_strn(&p, &c, 1);
            continue;
        }
        if (r->p >= r->end) {
            syntax_error();
        }
        c = *r->p++;
        switch (c) {
            case 'n': c = '\n'; break;
            case 'r': c = '\r'; break;
            case 't': c = '\t'; break;
            case 'b': c = '\b'; break;
            case 'f': c = '\f'; break;
            case 'u': {
                unsigned u = read_u16(r);
                /* a surrogate pair is one character */
                if (u >= 0xd800 && u < 0xdc00 && take(r, "\\u")) {
                    unsigned lo = read_u16(r);
                    u = 0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00);
                }
                put_utf8(&p, u);
                continue;
            }
            default: break; /* " \ / stand for themselves */
        }
        mpf_print_strn(&p, &c, 1);
    }
    return mpf_obj_new_str(p.buf, p.len);
}

/* a number's text handed to int() or, with a fraction or exponent, float() */
static mpf_obj_t read_number(reader_t *r) {
    const char *start = r->p;
    bool is_float = false;
    while (r->p < r->end && strchr("+-0123456789.eE", *r->p) != NULL) {
        is_float |= *r->p == '.' || *r->p == 'e' || *r->p == 'E';
        ++r->p;
    }
    if (r->p == start) {
        syntax_error();
    }
    mpf_obj_t conv = mpf_builtin_lookup(is_float ? MP_QSTR_float : MP_QSTR_int);
    if (conv == MPF_OBJ_NULL) {
        mpf_raise_msg(&mpf_type_ValueError, "float not supported in this build");
    }
    mpf_obj_t text = mpf_obj_new_str(start, (size_t)(r->p - start));
    return mpf_call(conv, 1, 0, &text);
}

static mpf_obj_t read_value(reader_t *r) {
    mpf_c_stack_check();
    skip_space(r);
    if (r->p >= r->end) {
        syntax_error();
    }
    char c = *r->p;
    if (c == '"') {
        return read_str(r);
    }
    if (c == '[' || c == '{') {
        bool is_list = c == '[';
        char close = is_list ? ']' : '}';
        mpf_obj_t o = is_list ? mpf_list_new(0, NULL) : mpf_dict_new(0);
        ++r->p;
        skip_space(r);
        if (r->p < r->end && *r->p == close) {
            ++r->p;
            return o;
        }
        for (;;) {
            mpf_obj_t v = read_value(r);
            if (is_list) {
                mpf_list_append(o, v);
            } else {
                skip_space(r);
                if (!mpf_obj_is_str(v) || !take(r, ":")) {
                    syntax_error();
                }
                mpf_dict_store(o, v, read_value(r));
            }
            skip_space(r);
            if (r->p < r->end && *r->p == close) {
                ++r->p;
                return o;
            }
            if (!take(r, ",")) {
                syntax_error();
            }
        }
    }
    if (take(r, "null")) {
        return mpf_const_none;
    }
    if (take(r, "true")) {
        return mpf_const_true;
    }
    if (take(r, "false")) {
        return mpf_const_false;
    }
    return read_number(r);
}

static mpf_obj_t load_text(mpf_obj_t text) {
    size_t len;
    char *data;
    reader_t r;
    if (mpf_obj_is_str(text)) {
        r.p = mpf_obj_str_data(text, &len);
    } else if (mpf_get_buffer(text, &data, &len)) {
        r.p = data;
    } else {
        mpf_raise_msg(&mpf_type_TypeError, "loads takes str or bytes");
    }
    r.end = r.p + len;
    mpf_obj_t v = read_value(&r);
    skip_space(&r);
    if (r.p != r.end) {
        syntax_error();
    }
    return v;
}

static mpf_obj_t json_loads(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_args;
    (void)n_kw;
    return load_text(args[0]);
}
MPF_BUILTIN_OBJ(loads_obj, MP_QSTR_loads, json_loads);

/* load(stream): everything stream.read() gives */
static mpf_obj_t json_load(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)n_args;
    (void)n_kw;
    mpf_obj_t read[2];
    mpf_load_method(args[0], MP_QSTR_read, read);
    return load_text(read[1] == MPF_OBJ_NULL ? mpf_call(read[0], 0, 0, NULL) : mpf_call(read[0], 1, 0, &read[1]));
}
MPF_BUILTIN_OBJ(load_obj, MP_QSTR_load, json_load);

static const mpf_builtin_entry_t json_table[] = {
    {MP_QSTR_dumps, &dumps_obj},
    {MP_QSTR_dump, &dump_obj},
    {MP_QSTR_loads, &loads_obj},
    {MP_QSTR_load, &load_obj},
    {0, NULL},
};

MPF_BUILTIN_MODULE(mpf_module_json, MP_QSTR_json, json_table);
