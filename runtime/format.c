/* The formatter (see format.h): conversions by type, padding, and the two front ends
 * str.format and %. */
#include <string.h>

#include "exc.h"
#include "format.h"
#include "gc.h"
#include "objfloat.h"
#include "qstr.h"

static void fill_run(mpf_print_t *p, char fill, size_t n) {
    char buf[16];
    memset(buf, fill, sizeof(buf));
    while (n) {
        size_t k = n < sizeof(buf) ? n : sizeof(buf);
        mpf_print_strn(p, buf, k);
        n -= k;
    }
}

/* pad `len` characters out to the spec's width: what goes left of the text */
static size_t pad_before(const mpf_fmt_spec_t *spec, char align, size_t len, size_t *after) {
    size_t pad = spec->width > 0 && (size_t)spec->width > len ? (size_t)spec->width - len : 0;
    size_t left = align == '<' ? 0 : align == '^' ? pad / 2 : pad;
    *after = pad - left;
    return left;
}

/* text of a str (width and precision count characters) or of bytes (they count bytes) */
static void format_text(mpf_print_t *p, const char *s, size_t n, const mpf_fmt_spec_t *spec, bool bytes) {
    size_t chars = bytes ? n : mpf_utf8_len(s, n);
    if (spec->prec >= 0 && (size_t)spec->prec < chars) {
        n = bytes ? (size_t)spec->prec : mpf_utf8_offset(s, n, (size_t)spec->prec);
        chars = (size_t)spec->prec;
    }
    size_t after, before = pad_before(spec, spec->align && spec->align != '=' ? spec->align : '<', chars, &after);
    fill_run(p, spec->fill, before);
    mpf_print_strn(p, s, n);
    fill_run(p, spec->fill, after);
}

void mpf_format_text(mpf_print_t *p, const char *s, size_t n, const mpf_fmt_spec_t *spec) {
    format_text(p, s, n, spec, false);
}

void mpf_format_number(mpf_print_t *p, bool neg, const char *prefix, const char *digits, size_t n,
    const mpf_fmt_spec_t *spec) {
    char sign = neg ? '-' : spec->sign == '-' ? 0 : spec->sign;
    size_t np = strlen(prefix);
    /* thousands separators: every 3 decimal digits, every 4 in other bases */
    char local[200];
    char *grouped = local;
    if (spec->group && n >= sizeof(local) / 2) {
        grouped = mpf_alloc(2 * n); /* a big int's digits */
    }
    if (spec->group) {
        bool radix = spec->type == 'x' || spec->type == 'X' || spec->type == 'o' || spec->type == 'b';
        size_t every = radix ? 4 : 3, k = 0, int_digits = 0;
        /* a float's fraction and exponent are not grouped */
        for (char c; int_digits < n; ++int_digits) {
            c = digits[int_digits];
            if (!((c >= '0' && c <= '9') || (radix && (c | 32) >= 'a' && (c | 32) <= 'f'))) {
                break;
            }
        }
        for (size_t i = 0; i < n; ++i) {
            if (i && i < int_digits && (int_digits - i) % every == 0) {
                grouped[k++] = spec->group;
            }
            grouped[k++] = digits[i];
        }
        digits = grouped;
        n = k;
    }
    size_t len = (sign ? 1 : 0) + np + n;
    char align = spec->align ? spec->align : spec->zero ? '=' : '>';
    char fill = spec->zero && !spec->align ? '0' : spec->fill;
    size_t after, before = pad_before(spec, align, len, &after);
    if (align != '=') {
        fill_run(p, fill, before);
    }
    if (sign) {
        mpf_print_strn(p, &sign, 1);
    }
    mpf_print_strn(p, prefix, np);
    if (align == '=') {
        fill_run(p, fill, before);
    }
    mpf_print_strn(p, digits, n);
    fill_run(p, fill, after);
}

static void format_int(mpf_print_t *p, mpf_obj_t v, const mpf_fmt_spec_t *spec) {
    char type = spec->type ? spec->type : 'd';
    if (type == 'c') {
        /* a character has no sign and no alternate form (CPython and MicroPython refuse them) */
        if (spec->sign || spec->alt) {
            mpf_raise_msg(&mpf_type_ValueError, "sign or '#' not allowed with integer format specifier 'c'");
        }
        mpf_int_t x = mpf_obj_int_value(v);
        char c[4];
        mpf_fmt_spec_t t = *spec;
        t.align = spec->align ? spec->align : '>';
        t.prec = -1;
        mpf_format_text(p, c, mpf_utf8_encode(x, c), &t);
        return;
    }
    unsigned base = type == 'x' || type == 'X' ? 16 : type == 'o' ? 8 : type == 'b' ? 2 : 10;
    if (base == 10 && type != 'd' && type != 'n') {
        mpf_raise_msg(&mpf_type_ValueError, "unknown format code '%c' for object of type '%s'", type,
            mpf_obj_type_name(v));
    }
    /* the digits, after the zeros a precision asks for (%.5d) */
    mpf_print_t digits;
    mpf_print_init_heap(&digits);
    bool neg = mpf_int_print_digits(&digits, v, base, type == 'X');
    if (spec->prec > 0 && digits.len < (size_t)spec->prec) {
        mpf_print_t padded;
        mpf_print_init_heap(&padded);
        fill_run(&padded, '0', (size_t)spec->prec - digits.len);
        mpf_print_strn(&padded, digits.buf, digits.len);
        digits = padded;
    }
    const char *prefix = "";
    if (spec->alt && base != 10) {
        prefix = type == 'x' ? "0x" : type == 'X' ? "0X" : type == 'o' ? "0o" : "0b";
    }
    mpf_format_number(p, neg, prefix, digits.buf, digits.len, spec);
}

void mpf_format_value(mpf_print_t *p, mpf_obj_t v, const mpf_fmt_spec_t *spec) {
#if MPF_FEATURE_FLOAT
    bool float_type = spec->type != 0 && strchr("eEfFgG%", spec->type) != NULL;
    if (mpf_obj_is_float(v) || (float_type && mpf_obj_is_integer(v))) {
        mpf_format_float(p, mpf_obj_get_float(v), spec);
        return;
    }
#endif
    /* bool is text only under an empty spec; any other is int's (as CPython's int.__format__) */
    bool as_text_bool = (v == mpf_const_true || v == mpf_const_false) && spec->type == 0 &&
                        spec->width < 0 && spec->prec < 0 && !spec->align && !spec->sign && !spec->group &&
                        !spec->alt && !spec->zero;
    /* 's' is text's code only: an int (or bool) given it is refused, as int.__format__ does */
    if (mpf_obj_is_integer(v) && !as_text_bool) {
        format_int(p, v, spec);
        return;
    }
    if (spec->type != 0 && spec->type != 's') {
        mpf_raise_msg(&mpf_type_ValueError, "unknown format code '%c' for object of type '%s'",
            spec->type, mpf_obj_type_name(v));
    }
    /* text has no sign, alternate form or '=' padding (CPython's str.__format__ refuses them) */
    if (spec->sign || spec->alt || spec->align == '=') {
        mpf_raise_msg(&mpf_type_ValueError, "sign, '#' or '=' alignment not allowed in string format specifier");
    }
    mpf_obj_t s = mpf_obj_str(v, false);
    size_t n;
    const char *d = mpf_obj_str_data(s, &n);
    mpf_format_text(p, d, n, spec);
}

static int parse_number(const char *s, size_t n, size_t *i) {
    int v = 0;
    while (*i < n && s[*i] >= '0' && s[*i] <= '9') {
        v = v * 10 + (s[(*i)++] - '0');
    }
    return v;
}

static bool is_align(char c) {
    return c == '<' || c == '>' || c == '^' || c == '=';
}

void mpf_format_parse_spec(const char *s, size_t n, mpf_fmt_spec_t *spec) {
    *spec = (mpf_fmt_spec_t){.fill = ' ', .width = -1, .prec = -1};
    size_t i = 0;
    bool own_fill = false;
    if (n >= 2 && is_align(s[1])) {
        own_fill = true;
        spec->fill = s[0];
        spec->align = s[1];
        i = 2;
    } else if (n >= 1 && is_align(s[0])) {
        spec->align = s[0];
        i = 1;
    }
    if (i < n && (s[i] == '+' || s[i] == '-' || s[i] == ' ')) {
        spec->sign = s[i];
        ++i;
    }
    if (i < n && s[i] == '#') {
        spec->alt = true;
        ++i;
    }
    if (i < n && s[i] == '0') {
        spec->zero = true;
        ++i;
    }
    if (i < n && s[i] >= '0' && s[i] <= '9') {
        spec->width = parse_number(s, n, &i);
    }
    if (i < n && (s[i] == ',' || s[i] == '_')) {
        spec->group = s[i++];
    }
    if (i < n && s[i] == '.') {
        ++i;
        spec->prec = parse_number(s, n, &i);
    }
    if (i < n) {
        spec->type = s[i++];
    }
    if (i < n) {
        mpf_raise_msg(&mpf_type_ValueError, "invalid format specifier");
    }
    /* '0' before the width pads with zeros whatever the alignment ('{:<05}' is '50000'),
     * unless a fill character is given with the alignment */
    if (spec->zero && !own_fill) {
        spec->fill = '0';
    }
}

/* --- str.format --- */

typedef struct {
    size_t n_args, n_kw;
    const mpf_obj_t *args; /* args[0] is the format string */
    size_t auto_index;
    char numbering; /* 'a' automatic, 'm' manual: a format may not mix them */
} format_args_t;

static mpf_obj_t positional(format_args_t *fa, size_t k) {
    if (1 + k >= fa->n_args) {
        mpf_raise_msg(&mpf_type_IndexError, "tuple index out of range");
    }
    return fa->args[1 + k];
}

/* a field name: argument (index, keyword or next), then .attribute and [key] parts */
static mpf_obj_t field_value(format_args_t *fa, const char *s, size_t n) {
    size_t i = 0;
    while (i < n && s[i] != '.' && s[i] != '[') {
        ++i;
    }
    mpf_obj_t v;
    if (i == 0) {
        if (fa->numbering == 'm') {
            mpf_raise_msg(&mpf_type_ValueError, "can't switch from manual field specification to automatic field numbering");
        }
        fa->numbering = 'a';
        v = positional(fa, fa->auto_index++);
    } else if (s[0] >= '0' && s[0] <= '9') {
        if (fa->numbering == 'a') {
            mpf_raise_msg(&mpf_type_ValueError, "can't switch from automatic field numbering to manual field specification");
        }
        fa->numbering = 'm';
        size_t j = 0;
        v = positional(fa, (size_t)parse_number(s, i, &j));
    } else {
        v = MPF_OBJ_NULL;
        for (size_t k = 0; k < fa->n_kw; ++k) {
            size_t kl;
            const char *kn = mpf_obj_str_data(fa->args[fa->n_args + 2 * k], &kl);
            if (kl == i && memcmp(kn, s, kl) == 0) {
                v = fa->args[fa->n_args + 2 * k + 1];
            }
        }
        if (v == MPF_OBJ_NULL) {
            mpf_raise(mpf_exc_new(&mpf_type_KeyError, mpf_obj_new_str(s, i)));
        }
    }
    while (i < n) {
        size_t j = ++i;
        if (s[j - 1] == '.') {
            while (i < n && s[i] != '.' && s[i] != '[') {
                ++i;
            }
            v = mpf_load_attr(v, mpf_qstr_from_strn_static(s + j, i - j));
        } else {
            while (i < n && s[i] != ']') {
                ++i;
            }
            if (i == n) {
                mpf_raise_msg(&mpf_type_ValueError, "bad format string");
            }
            bool digits = i > j;
            for (size_t k = j; k < i; ++k) {
                digits &= s[k] >= '0' && s[k] <= '9';
            }
            size_t q = j;
            mpf_obj_t key = digits ? MPF_OBJ_NEW_SMALL_INT(parse_number(s, i, &q)) : mpf_obj_new_str(s + j, i - j);
            v = mpf_subscr(v, key, MPF_SUBSCR_LOAD);
            ++i;
        }
    }
    return v;
}

static void format_into(mpf_print_t *p, format_args_t *fa, const char *s, size_t len) {
    for (size_t i = 0; i < len; ++i) {
        char c = s[i];
        if ((c == '{' || c == '}') && i + 1 < len && s[i + 1] == c) {
            mpf_print_strn(p, &c, 1);
            ++i;
            continue;
        }
        if (c == '}') {
            mpf_raise_msg(&mpf_type_ValueError, "single '}' encountered in format string");
        }
        if (c != '{') {
            mpf_print_strn(p, &c, 1);
            continue;
        }
        /* the field up to its matching '}', nested {} of the spec included */
        size_t j = i + 1, depth = 1, name_end = 0, conv = 0;
        for (; j < len; ++j) {
            if (s[j] == '{') {
                ++depth;
            } else if (s[j] == '}' && --depth == 0) {
                break;
            } else if (depth == 1 && !name_end && (s[j] == '!' || s[j] == ':')) {
                name_end = j;
                conv = s[j] == '!' ? j + 1 : 0;
            }
        }
        if (j == len) {
            mpf_raise_msg(&mpf_type_ValueError, "unmatched '{' in format");
        }
        name_end = name_end ? name_end : j;
        size_t spec_at = conv ? conv + 1 : name_end + 1;
        if (conv && (conv >= j || (s[conv] != 'r' && s[conv] != 's'))) {
            mpf_raise_msg(&mpf_type_ValueError, "bad conversion specifier");
        }
        if (conv && spec_at < j && s[spec_at] != ':') {
            mpf_raise_msg(&mpf_type_ValueError, "expected ':' after format specifier");
        }
        spec_at += conv && spec_at < j;
        mpf_obj_t v = field_value(fa, s + i + 1, name_end - i - 1);
        if (conv) {
            v = mpf_obj_str(v, s[conv] == 'r');
        }
        const char *spec_s = s + spec_at;
        size_t spec_n = spec_at < j ? j - spec_at : 0;
        if (memchr(spec_s, '{', spec_n) != NULL) {
            mpf_print_t sp;
            mpf_print_init_heap(&sp);
            format_into(&sp, fa, spec_s, spec_n);
            spec_s = sp.buf;
            spec_n = sp.len;
        }
        mpf_fmt_spec_t spec;
        mpf_format_parse_spec(spec_s, spec_n, &spec);
        if (spec.prec >= 0 && mpf_obj_is_integer(v) && spec.type != 's') {
            mpf_raise_msg(&mpf_type_ValueError, "precision not allowed in integer format specifier");
        }
        mpf_format_value(p, v, &spec);
        i = j;
    }
}

mpf_obj_t mpf_str_format(size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    size_t len;
    const char *s = mpf_obj_str_data(args[0], &len);
    format_args_t fa = {n_args, n_kw, args, 0, 0};
    mpf_print_t p;
    mpf_print_init_heap(&p);
    format_into(&p, &fa, s, len);
    return mpf_obj_new_str(p.buf, p.len);
}

/* --- % --- */

_Noreturn static void unsupported_char(char type, size_t at) {
    mpf_raise_msg(&mpf_type_ValueError, "unsupported format character '%c' (0x%x) at index %d", type,
        (int)(unsigned char)type, (int)at);
}

/* the one byte of bytes % args' %c: an int in range(256) or a bytes of length 1 */
static char byte_for_c(mpf_obj_t v) {
    char *data;
    size_t n;
    if (mpf_get_buffer(v, &data, &n) && n == 1) {
        return data[0];
    }
    if (!mpf_obj_is_integer(v)) {
        mpf_raise_msg(&mpf_type_TypeError, "%%c requires an integer in range(256) or a single byte");
    }
    if (!mpf_obj_is_int(v) || mpf_obj_int_value(v) < 0 || mpf_obj_int_value(v) > 255) {
        mpf_raise_msg(&mpf_type_OverflowError, "%%c arg not in range(256)");
    }
    return (char)mpf_obj_int_value(v);
}

mpf_obj_t mpf_str_modulo(mpf_obj_t fmt, mpf_obj_t arg) {
    size_t len;
    const char *s;
    char *data;
    bool is_bytes = !mpf_obj_is_str(fmt);
    if (is_bytes) {
        mpf_get_buffer(fmt, &data, &len);
        /* a bytearray's own bytes may move if an argument's __repr__ changes it */
        s = mpf_obj_get_type(fmt) == &mpf_type_bytearray ? memcpy(mpf_alloc(len + 1), data, len) : data;
    } else {
        s = mpf_obj_str_data(fmt, &len);
    }
    size_t n_items;
    mpf_obj_t *items;
    bool is_tuple = MPF_OBJ_IS_PTR(arg) && MPF_OBJ_TYPE_OF_PTR(arg) == &mpf_type_tuple;
    if (is_tuple) {
        mpf_obj_get_array(arg, &n_items, &items);
    } else {
        n_items = 1;
        items = &arg;
    }
    bool mapping = !is_tuple && MPF_OBJ_IS_PTR(arg) && mpf_obj_is_instance(arg, (mpf_obj_t)&mpf_type_dict);
    size_t next = 0;
    mpf_print_t p;
    mpf_print_init_heap(&p);
    for (size_t i = 0; i < len; ++i) {
        if (s[i] != '%') {
            size_t j = i;
            while (j < len && s[j] != '%') {
                ++j;
            }
            mpf_print_strn(&p, s + i, j - i);
            i = j - 1;
            continue;
        }
        if (++i == len) {
            mpf_raise_msg(&mpf_type_ValueError, "incomplete format");
        }
        if (s[i] == '%') {
            mpf_print_strn(&p, "%", 1);
            continue;
        }
        mpf_obj_t v = MPF_OBJ_NULL;
        if (s[i] == '(') {
            if (!mapping) {
                mpf_raise_msg(&mpf_type_TypeError, "format needs a dict");
            }
            size_t k = ++i;
            while (i < len && s[i] != ')') {
                ++i;
            }
            if (i == len) {
                mpf_raise_msg(&mpf_type_ValueError, "incomplete format key");
            }
            mpf_obj_t key = is_bytes ? mpf_bytes_new(&mpf_type_bytes, s + k, i - k) : mpf_obj_new_str(s + k, i - k);
            v = mpf_subscr(arg, key, MPF_SUBSCR_LOAD);
            ++i;
            next = n_items; /* the mapping is the one argument, and it is used */
        }
        mpf_fmt_spec_t spec = {.fill = ' ', .width = -1, .prec = -1};
        for (; i < len; ++i) {
            if (s[i] == '-') {
                spec.align = '<';
            } else if (s[i] == '+' || (s[i] == ' ' && spec.sign != '+')) {
                spec.sign = s[i];
            } else if (s[i] == '#') {
                spec.alt = true;
            } else if (s[i] == '0') {
                spec.zero = true;
            } else {
                break;
            }
        }
        for (int part = 0; part < 2 && i < len; ++part) {
            int *dest = part ? &spec.prec : &spec.width;
            if (part) {
                if (s[i] != '.') {
                    break;
                }
                ++i;
                *dest = 0;
            }
            if (i < len && s[i] == '*') {
                if (next >= n_items || !mpf_obj_is_int(items[next])) {
                    mpf_raise_msg(&mpf_type_TypeError, "* wants int");
                }
                int w = (int)mpf_obj_int_value(items[next++]);
                if (w < 0 && !part) {
                    spec.align = '<'; /* a negative * width left-aligns */
                    w = -w;
                }
                *dest = w < 0 ? 0 : w;
                ++i;
            } else if (i < len && s[i] >= '0' && s[i] <= '9') {
                *dest = parse_number(s, len, &i);
            }
        }
        if (i == len) {
            mpf_raise_msg(&mpf_type_ValueError, "incomplete format");
        }
        if (v == MPF_OBJ_NULL) {
            if (next >= n_items) {
                mpf_raise_msg(&mpf_type_TypeError, "format string needs more arguments");
            }
            v = items[next++];
        }
        if (spec.align == '<') {
            spec.zero = false;
        }
        char type = s[i];
        switch (type) {
            case 'b':
                if (!is_bytes) {
                    unsupported_char(type, i);
                }
                /* fall through */
            case 's':
            case 'r':
            case 'a': {
                size_t n;
                const char *d;
                if (is_bytes && (type == 's' || type == 'b')) {
                    char *b;
                    if (!mpf_get_buffer(v, &b, &n)) {
                        mpf_raise_msg(&mpf_type_TypeError, "%%b requires a bytes-like object, not '%s'",
                            mpf_obj_type_name(v));
                    }
                    d = b;
                } else {
                    d = mpf_obj_str_data(mpf_obj_str(v, type != 's'), &n);
                }
                spec.zero = false;
                spec.align = spec.align ? spec.align : '>'; /* % right-aligns text too */
                format_text(&p, d, n, &spec, is_bytes);
                break;
            }
            case 'c':
                if (is_bytes) {
                    char c = byte_for_c(v);
                    spec.prec = -1;
                    spec.align = spec.align ? spec.align : '>';
                    format_text(&p, &c, 1, &spec, true);
                    break;
                }
                if (mpf_obj_is_str(v)) {
                    /* one character, as CPython: '%c' % 'ab' is a TypeError */
                    size_t n;
                    const char *d = mpf_obj_str_data(v, &n);
                    if (mpf_utf8_len(d, n) != 1) {
                        mpf_raise_msg(&mpf_type_TypeError, "%%c requires int or char");
                    }
                    spec.prec = -1;
                    spec.sign = 0; /* '%+c' % 'a' is 'a': the sign flag is for numbers */
                    spec.alt = false;
                    spec.zero = false;
                    spec.align = spec.align ? spec.align : '>';
                    spec.type = 's';
                    mpf_format_value(&p, v, &spec);
                    break;
                }
                if (!mpf_obj_is_int(v)) {
                    mpf_raise_msg(&mpf_type_TypeError, "%%c requires int or char");
                }
                spec.prec = -1;
                spec.sign = 0;
                spec.alt = false;
                spec.type = 'c';
                format_int(&p, v, &spec);
                break;
#if MPF_FEATURE_FLOAT
            case 'e':
            case 'E':
            case 'f':
            case 'F':
            case 'g':
            case 'G': {
                mpf_float_t f;
                if (!mpf_obj_get_float_maybe(v, &f)) {
                    mpf_raise_msg(&mpf_type_TypeError, "can't convert %s to float", mpf_obj_type_name(v));
                }
                spec.type = type;
                mpf_format_float(&p, f, &spec);
                break;
            }
#endif
            case 'd':
            case 'i':
            case 'u':
            case 'x':
            case 'X':
            case 'o':
#if MPF_FEATURE_FLOAT
                if (mpf_obj_is_float(v) && type != 'x' && type != 'X' && type != 'o') {
                    v = mpf_float_to_int(((const mpf_float_obj_t *)v)->value); /* %d truncates */
                }
#endif
                if (!mpf_obj_is_integer(v)) {
                    mpf_raise_msg(&mpf_type_TypeError, "%%%c format: a number is required, not %s", type,
                        mpf_obj_type_name(v));
                }
                spec.type = type == 'i' || type == 'u' ? 'd' : type;
                format_int(&p, v, &spec);
                break;
            default:
                unsupported_char(type, i);
        }
    }
    if (next < n_items && !mapping) { /* a mapping need not be used */
        mpf_raise_msg(&mpf_type_TypeError, "not all arguments converted during %s formatting",
            is_bytes ? "bytes" : "string");
    }
    return is_bytes ? mpf_bytes_new(mpf_obj_get_type(fmt), p.buf, p.len) : mpf_obj_new_str(p.buf, p.len);
}
