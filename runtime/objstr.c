/* str: conversion of any object to text, indexing and slicing, and its methods. */
#include <string.h>

#include "exc.h"
#include "gc.h"
#include "print.h"
#include "qstr.h"

/* Every ASCII character once, so that one-character strings intern without garbage. */
static const char ascii_chars[128] = {
#define C8(b) b, b + 1, b + 2, b + 3, b + 4, b + 5, b + 6, b + 7
    C8(0), C8(8), C8(16), C8(24), C8(32), C8(40), C8(48), C8(56),
    C8(64), C8(72), C8(80), C8(88), C8(96), C8(104), C8(112), C8(120),
#undef C8
};

mpf_obj_t mpf_obj_str(mpf_obj_t o, bool repr) {
    if (!repr && mpf_obj_is_str(o)) {
        return o;
    }
    mpf_print_t p;
    mpf_print_init_heap(&p);
    mpf_obj_print_to(&p, o, repr);
    return mpf_obj_new_str(p.buf, p.len);
}

static const char *text(mpf_obj_t o, size_t *len) {
    if (!mpf_obj_is_str(o)) {
        mpf_raise_msg(&mpf_type_TypeError, "can't convert '%s' object to str implicitly",
            mpf_obj_type_name(o));
    }
    return mpf_obj_str_data(o, len);
}

mpf_obj_t mpf_str_subscr(mpf_obj_t self, mpf_obj_t index, mpf_obj_t value) {
    if (value != MPF_SUBSCR_LOAD) {
        mpf_raise_msg(&mpf_type_TypeError, "'str' object doesn't support item assignment");
    }
    size_t len;
    const char *s = mpf_obj_str_data(self, &len);
    mpf_int_t start, step;
    size_t count;
    if (mpf_slice_indices(index, len, &start, &step, &count)) {
        char *d;
        mpf_obj_t r = mpf_obj_new_str_uninit(count, &d);
        for (size_t i = 0; i < count; ++i) {
            d[i] = s[start + (mpf_int_t)i * step];
        }
        return r;
    }
    size_t i = mpf_seq_index(index, len, "string");
    if ((unsigned char)s[i] < 128) {
        return MPF_OBJ_NEW_QSTR(mpf_qstr_from_strn_static(&ascii_chars[(unsigned char)s[i]], 1));
    }
    return mpf_obj_new_str(s + i, 1);
}

/* --- methods --- */

static bool is_space(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
}

static mpf_obj_t strip(const mpf_obj_t *args, size_t n_args, bool left, bool right) {
    size_t len, nc = 0;
    const char *s = text(args[0], &len);
    const char *chars = n_args > 1 && args[1] != mpf_const_none ? text(args[1], &nc) : NULL;
    size_t a = 0, b = len;
    while (left && a < b && (chars ? memchr(chars, s[a], nc) != NULL : is_space(s[a]))) {
        ++a;
    }
    while (right && b > a && (chars ? memchr(chars, s[b - 1], nc) != NULL : is_space(s[b - 1]))) {
        --b;
    }
    return mpf_obj_new_str(s + a, b - a);
}

#define STR_METHOD(NAME) static mpf_obj_t str_##NAME(size_t n_args, size_t n_kw, const mpf_obj_t *args)

STR_METHOD(strip) {
    (void)n_kw;
    return strip(args, n_args, true, true);
}

STR_METHOD(lstrip) {
    (void)n_kw;
    return strip(args, n_args, true, false);
}

STR_METHOD(rstrip) {
    (void)n_kw;
    return strip(args, n_args, false, true);
}

static mpf_obj_t map_case(const mpf_obj_t *args, bool upper) {
    size_t len;
    const char *s = text(args[0], &len);
    char *d;
    mpf_obj_t r = mpf_obj_new_str_uninit(len, &d);
    for (size_t i = 0; i < len; ++i) {
        char c = s[i];
        d[i] = upper ? (c >= 'a' && c <= 'z' ? (char)(c - 32) : c) : (c >= 'A' && c <= 'Z' ? (char)(c + 32) : c);
    }
    return r;
}

STR_METHOD(lower) {
    (void)n_kw;
    (void)n_args;
    return map_case(args, false);
}

STR_METHOD(upper) {
    (void)n_kw;
    (void)n_args;
    return map_case(args, true);
}

static ptrdiff_t find(const char *s, size_t len, const char *sub, size_t n, bool reverse) {
    if (n > len) {
        return -1;
    }
    for (size_t k = 0; k <= len - n; ++k) {
        size_t i = reverse ? len - n - k : k;
        if (memcmp(s + i, sub, n) == 0) {
            return (ptrdiff_t)i;
        }
    }
    return -1;
}

/* split and rsplit: at most `max` cuts (negative: no limit), from the left or right */
static mpf_obj_t split(size_t n_args, const mpf_obj_t *args, bool right) {
    size_t len, n = 0;
    const char *s = text(args[0], &len);
    const char *sep = n_args > 1 && args[1] != mpf_const_none ? text(args[1], &n) : NULL;
    mpf_int_t max = n_args > 2 ? mpf_obj_int_value(args[2]) : -1;
    if (sep != NULL && n == 0) {
        mpf_raise_msg(&mpf_type_ValueError, "empty separator");
    }
    mpf_obj_t out = mpf_list_new(0, NULL);
    /* [lo, hi) is what is left to split */
    size_t lo = 0, hi = len;
    for (;;) {
        if (sep == NULL) {
            while (lo < hi && is_space(s[right ? hi - 1 : lo])) {
                right ? --hi : ++lo;
            }
            if (lo == hi) {
                break;
            }
        }
        if (max == 0) {
            mpf_list_append(out, mpf_obj_new_str(s + lo, hi - lo));
            break;
        }
        size_t a, b; /* the piece [a, b) and the rest after the cut */
        if (sep == NULL) {
            size_t j = right ? hi : lo;
            if (right) {
                while (j > lo && !is_space(s[j - 1])) {
                    --j;
                }
                a = j;
                b = hi;
            } else {
                while (j < hi && !is_space(s[j])) {
                    ++j;
                }
                a = lo;
                b = j;
            }
            mpf_list_append(out, mpf_obj_new_str(s + a, b - a));
            if (right) {
                hi = a;
            } else {
                lo = b;
            }
        } else {
            ptrdiff_t at = find(s + lo, hi - lo, sep, n, right);
            if (at < 0) {
                mpf_list_append(out, mpf_obj_new_str(s + lo, hi - lo));
                break;
            }
            size_t cut = lo + (size_t)at;
            if (right) {
                mpf_list_append(out, mpf_obj_new_str(s + cut + n, hi - cut - n));
                hi = cut;
            } else {
                mpf_list_append(out, mpf_obj_new_str(s + lo, cut - lo));
                lo = cut + n;
            }
        }
        if (max > 0) {
            --max;
        }
    }
    if (right) {
        mpf_list_t *l = out;
        for (size_t i = 0; i < l->len / 2; ++i) {
            mpf_obj_t t = l->items[i];
            l->items[i] = l->items[l->len - 1 - i];
            l->items[l->len - 1 - i] = t;
        }
    }
    return out;
}

STR_METHOD(split) {
    (void)n_kw;
    return split(n_args, args, false);
}

STR_METHOD(rsplit) {
    (void)n_kw;
    return split(n_args, args, true);
}

STR_METHOD(splitlines) {
    (void)n_kw;
    (void)n_args;
    size_t len;
    const char *s = text(args[0], &len);
    mpf_obj_t out = mpf_list_new(0, NULL);
    size_t i = 0;
    while (i < len) {
        size_t j = i;
        while (j < len && s[j] != '\n' && s[j] != '\r') {
            ++j;
        }
        mpf_list_append(out, mpf_obj_new_str(s + i, j - i));
        if (j + 1 < len && s[j] == '\r' && s[j + 1] == '\n') {
            ++j;
        }
        i = j + 1;
    }
    return out;
}

STR_METHOD(replace) {
    (void)n_kw;
    (void)n_args;
    size_t len, no, nn;
    const char *s = text(args[0], &len);
    const char *old = text(args[1], &no);
    const char *new_ = text(args[2], &nn);
    mpf_print_t p;
    mpf_print_init_heap(&p);
    size_t i = 0;
    while (i <= len) {
        ptrdiff_t at = no ? find(s + i, len - i, old, no, false) : (i < len ? 0 : -1);
        if (at < 0) {
            mpf_print_strn(&p, s + i, len - i);
            break;
        }
        mpf_print_strn(&p, s + i, (size_t)at);
        mpf_print_strn(&p, new_, nn);
        if (no == 0) {
            mpf_print_strn(&p, s + i, 1);
            i += 1;
        } else {
            i += (size_t)at + no;
        }
    }
    return mpf_obj_new_str(p.buf, p.len);
}

/* find/rfind/index/rindex over s[start:end], the bounds clipped as slices clip them */
static mpf_obj_t find_method(size_t n_args, const mpf_obj_t *args, bool reverse) {
    size_t len, n;
    const char *s = text(args[0], &len);
    const char *sub = text(args[1], &n);
    mpf_int_t a = n_args > 2 && args[2] != mpf_const_none ? mpf_obj_int_value(args[2]) : 0;
    mpf_int_t b = n_args > 3 && args[3] != mpf_const_none ? mpf_obj_int_value(args[3]) : (mpf_int_t)len;
    mpf_int_t l = (mpf_int_t)len;
    a = a < 0 ? (a + l < 0 ? 0 : a + l) : (a > l ? l : a);
    b = b < 0 ? (b + l < 0 ? 0 : b + l) : (b > l ? l : b);
    if (b < a) {
        return MPF_OBJ_NEW_SMALL_INT(-1);
    }
    ptrdiff_t at = find(s + a, (size_t)(b - a), sub, n, reverse);
    return MPF_OBJ_NEW_SMALL_INT(at < 0 ? -1 : at + a);
}

STR_METHOD(find) {
    (void)n_kw;
    return find_method(n_args, args, false);
}

STR_METHOD(rfind) {
    (void)n_kw;
    return find_method(n_args, args, true);
}

static mpf_obj_t index_method(size_t n_args, const mpf_obj_t *args, bool reverse) {
    mpf_obj_t at = find_method(n_args, args, reverse);
    if (MPF_OBJ_SMALL_INT_VALUE(at) < 0) {
        mpf_raise_msg(&mpf_type_ValueError, "substring not found");
    }
    return at;
}

STR_METHOD(index) {
    (void)n_kw;
    return index_method(n_args, args, false);
}

STR_METHOD(rindex) {
    (void)n_kw;
    return index_method(n_args, args, true);
}

STR_METHOD(count) {
    (void)n_kw;
    (void)n_args;
    size_t len, n, c = 0;
    const char *s = text(args[0], &len);
    const char *sub = text(args[1], &n);
    for (size_t i = 0; i + n <= len;) {
        if (memcmp(s + i, sub, n) == 0) {
            ++c;
            i += n ? n : 1;
        } else {
            ++i;
        }
    }
    return MPF_OBJ_NEW_SMALL_INT(c);
}

static bool affix(const mpf_obj_t *args, bool end) {
    size_t len, n;
    const char *s = text(args[0], &len);
    const char *x = text(args[1], &n);
    return n <= len && memcmp(end ? s + len - n : s, x, n) == 0;
}

STR_METHOD(startswith) {
    (void)n_kw;
    (void)n_args;
    return MPF_OBJ_BOOL(affix(args, false));
}

STR_METHOD(endswith) {
    (void)n_kw;
    (void)n_args;
    return MPF_OBJ_BOOL(affix(args, true));
}

STR_METHOD(join) {
    (void)n_kw;
    (void)n_args;
    size_t nsep;
    const char *sep = text(args[0], &nsep);
    const mpf_list_t *l = mpf_list_from_iter(args[1]);
    mpf_print_t p;
    mpf_print_init_heap(&p);
    for (size_t i = 0; i < l->len; ++i) {
        size_t n;
        const char *s;
        if (!mpf_obj_is_str(l->items[i])) {
            mpf_raise_msg(&mpf_type_TypeError, "join expects a list of str/bytes objects consistent with self object");
        }
        s = mpf_obj_str_data(l->items[i], &n);
        if (i) {
            mpf_print_strn(&p, sep, nsep);
        }
        mpf_print_strn(&p, s, n);
    }
    return mpf_obj_new_str(p.buf, p.len);
}

STR_METHOD(center) {
    (void)n_kw;
    size_t len, nf = 1;
    const char *s = text(args[0], &len);
    const char *fill = n_args > 2 ? text(args[2], &nf) : " ";
    mpf_int_t width = mpf_obj_int_value(args[1]);
    if (width <= (mpf_int_t)len) {
        return args[0];
    }
    size_t pad = (size_t)width - len;
    /* CPython puts the odd extra character on the left when the text's length is odd */
    size_t left = pad / 2 + (pad & len & 1);
    char *d;
    mpf_obj_t r = mpf_obj_new_str_uninit((size_t)width, &d);
    memset(d, fill[0], (size_t)width);
    memcpy(d + left, s, len);
    return r;
}

static mpf_obj_t partition(const mpf_obj_t *args, bool reverse) {
    size_t len, n;
    const char *s = text(args[0], &len);
    const char *sep = text(args[1], &n);
    ptrdiff_t at = find(s, len, sep, n, reverse);
    mpf_obj_t parts[3];
    mpf_obj_t empty = MPF_OBJ_NEW_QSTR(MP_QSTR_);
    if (at < 0) {
        parts[0] = reverse ? empty : args[0];
        parts[1] = empty;
        parts[2] = reverse ? args[0] : empty;
    } else {
        parts[0] = mpf_obj_new_str(s, (size_t)at);
        parts[1] = args[1];
        parts[2] = mpf_obj_new_str(s + at + n, len - (size_t)at - n);
    }
    return mpf_tuple_new(3, parts);
}

STR_METHOD(partition) {
    (void)n_kw;
    (void)n_args;
    return partition(args, false);
}

STR_METHOD(rpartition) {
    (void)n_kw;
    (void)n_args;
    return partition(args, true);
}

static mpf_obj_t all_chars(const mpf_obj_t *args, int kind) {
    size_t len;
    const char *s = text(args[0], &len);
    for (size_t i = 0; i < len; ++i) {
        char c = s[i];
        bool ok = kind == 0 ? ((c | 32) >= 'a' && (c | 32) <= 'z') : kind == 1 ? (c >= '0' && c <= '9') : is_space(c);
        if (!ok) {
            return mpf_const_false;
        }
    }
    return MPF_OBJ_BOOL(len > 0);
}

/* at least one cased character, and none of the other case */
static mpf_obj_t all_case(const mpf_obj_t *args, bool upper) {
    size_t len;
    const char *s = text(args[0], &len);
    bool cased = false;
    for (size_t i = 0; i < len; ++i) {
        bool up = s[i] >= 'A' && s[i] <= 'Z', low = s[i] >= 'a' && s[i] <= 'z';
        if ((upper && low) || (!upper && up)) {
            return mpf_const_false;
        }
        cased |= up || low;
    }
    return MPF_OBJ_BOOL(cased);
}

STR_METHOD(isupper) {
    (void)n_kw;
    (void)n_args;
    return all_case(args, true);
}

STR_METHOD(islower) {
    (void)n_kw;
    (void)n_args;
    return all_case(args, false);
}

STR_METHOD(isalpha) {
    (void)n_kw;
    (void)n_args;
    return all_chars(args, 0);
}

STR_METHOD(isdigit) {
    (void)n_kw;
    (void)n_args;
    return all_chars(args, 1);
}

STR_METHOD(isspace) {
    (void)n_kw;
    (void)n_args;
    return all_chars(args, 2);
}

/* str.format for {} {0} {name} with the specs [[fill]align][0][width][d|s|x] */
static void format_field(mpf_print_t *p, mpf_obj_t v, const char *spec, size_t n) {
    char fill = ' ', align = 0, type = 0;
    size_t i = 0, width = 0;
    if (n >= 2 && (spec[1] == '<' || spec[1] == '>' || spec[1] == '^')) {
        fill = spec[0];
        align = spec[1];
        i = 2;
    } else if (n >= 1 && (spec[0] == '<' || spec[0] == '>' || spec[0] == '^')) {
        align = spec[0];
        i = 1;
    }
    if (i < n && spec[i] == '0') {
        fill = '0';
        align = align ? align : '=';
        ++i;
    }
    while (i < n && spec[i] >= '0' && spec[i] <= '9') {
        width = width * 10 + (size_t)(spec[i++] - '0');
    }
    if (i < n) {
        type = spec[i];
    }
    mpf_print_t t;
    mpf_print_init_heap(&t);
    if (type == 'x' && mpf_obj_is_int(v)) {
        mpf_int_t x = mpf_obj_int_value(v);
        char buf[24], *e = buf + sizeof(buf), *s = e;
        unsigned long long u = x < 0 ? 0ull - (unsigned long long)x : (unsigned long long)x;
        do {
            *--s = "0123456789abcdef"[u & 15];
            u >>= 4;
        } while (u);
        if (x < 0) {
            *--s = '-';
        }
        mpf_print_strn(&t, s, (size_t)(e - s));
    } else {
        mpf_obj_print_to(&t, v, false);
    }
    if (!align) {
        align = mpf_obj_is_str(v) ? '<' : '>';
    }
    size_t pad = width > t.len ? width - t.len : 0;
    size_t left = align == '>' || align == '=' ? pad : align == '^' ? pad / 2 : 0;
    if (align == '=' && t.len && t.buf[0] == '-') {
        mpf_print_strn(p, "-", 1);
        memmove(t.buf, t.buf + 1, --t.len);
    }
    for (size_t k = 0; k < left; ++k) {
        mpf_print_strn(p, &fill, 1);
    }
    mpf_print_strn(p, t.buf, t.len);
    for (size_t k = left; k < pad; ++k) {
        mpf_print_strn(p, &fill, 1);
    }
}

STR_METHOD(format) {
    size_t len;
    const char *s = text(args[0], &len);
    mpf_print_t p;
    mpf_print_init_heap(&p);
    size_t auto_index = 0;
    char numbering = 0; /* 'a' automatic, 'm' manual: a format may not mix them */
    for (size_t i = 0; i < len; ++i) {
        char c = s[i];
        if ((c == '{' || c == '}') && i + 1 < len && s[i + 1] == c) {
            mpf_print_strn(&p, &c, 1);
            ++i;
            continue;
        }
        if (c == '}') {
            mpf_raise_msg(&mpf_type_ValueError, "single '}' encountered in format string");
        }
        if (c != '{') {
            mpf_print_strn(&p, &c, 1);
            continue;
        }
        size_t j = i + 1;
        while (j < len && s[j] != '}' && s[j] != ':') {
            ++j;
        }
        size_t name_end = j;
        while (j < len && s[j] != '}') {
            ++j;
        }
        if (j == len) {
            mpf_raise_msg(&mpf_type_ValueError, "unmatched '{' in format");
        }
        mpf_obj_t v;
        if (name_end == i + 1) {
            if (numbering == 'm') {
                mpf_raise_msg(&mpf_type_ValueError, "can't switch from manual field specification to automatic field numbering");
            }
            numbering = 'a';
            if (1 + auto_index >= n_args) {
                mpf_raise_msg(&mpf_type_IndexError, "tuple index out of range");
            }
            v = args[1 + auto_index++];
        } else if (s[i + 1] >= '0' && s[i + 1] <= '9') {
            if (numbering == 'a') {
                mpf_raise_msg(&mpf_type_ValueError, "can't switch from automatic field numbering to manual field specification");
            }
            numbering = 'm';
            size_t k = 0;
            for (size_t q = i + 1; q < name_end; ++q) {
                k = k * 10 + (size_t)(s[q] - '0');
            }
            if (1 + k >= n_args) {
                mpf_raise_msg(&mpf_type_IndexError, "tuple index out of range");
            }
            v = args[1 + k];
        } else {
            v = MPF_OBJ_NULL;
            for (size_t k = 0; k < n_kw; ++k) {
                size_t kl;
                const char *kn = mpf_obj_str_data(args[n_args + 2 * k], &kl);
                if (kl == name_end - i - 1 && memcmp(kn, s + i + 1, kl) == 0) {
                    v = args[n_args + 2 * k + 1];
                }
            }
            if (v == MPF_OBJ_NULL) {
                mpf_raise(mpf_exc_new(&mpf_type_KeyError, mpf_obj_new_str(s + i + 1, name_end - i - 1)));
            }
        }
        size_t spec = name_end < j ? name_end + 1 : j;
        format_field(&p, v, s + spec, j - spec);
        i = j;
    }
    return mpf_obj_new_str(p.buf, p.len);
}

#define M(NAME) \
    static const mpf_builtin_t str_##NAME##_obj = {{&mpf_type_builtin}, MP_QSTR_##NAME, str_##NAME}
M(strip);
M(lstrip);
M(rstrip);
M(lower);
static const mpf_builtin_t str_encode_obj = {{&mpf_type_builtin}, MP_QSTR_encode, mpf_str_encode};
M(rsplit);
M(isupper);
M(islower);
M(upper);
M(split);
M(splitlines);
M(replace);
M(find);
M(rfind);
M(count);
M(index);
M(rindex);
M(startswith);
M(endswith);
M(join);
M(center);
M(partition);
M(rpartition);
M(isalpha);
M(isdigit);
M(isspace);
M(format);

static const mpf_method_t mpf_str_methods[] = {
    {MP_QSTR_strip, &str_strip_obj},
    {MP_QSTR_lstrip, &str_lstrip_obj},
    {MP_QSTR_rstrip, &str_rstrip_obj},
    {MP_QSTR_lower, &str_lower_obj},
    {MP_QSTR_upper, &str_upper_obj},
    {MP_QSTR_split, &str_split_obj},
    {MP_QSTR_rsplit, &str_rsplit_obj},
    {MP_QSTR_encode, &str_encode_obj},
    {MP_QSTR_isupper, &str_isupper_obj},
    {MP_QSTR_islower, &str_islower_obj},
    {MP_QSTR_splitlines, &str_splitlines_obj},
    {MP_QSTR_replace, &str_replace_obj},
    {MP_QSTR_find, &str_find_obj},
    {MP_QSTR_rfind, &str_rfind_obj},
    {MP_QSTR_count, &str_count_obj},
    {MP_QSTR_index, &str_index_obj},
    {MP_QSTR_rindex, &str_rindex_obj},
    {MP_QSTR_startswith, &str_startswith_obj},
    {MP_QSTR_endswith, &str_endswith_obj},
    {MP_QSTR_join, &str_join_obj},
    {MP_QSTR_center, &str_center_obj},
    {MP_QSTR_partition, &str_partition_obj},
    {MP_QSTR_rpartition, &str_rpartition_obj},
    {MP_QSTR_isalpha, &str_isalpha_obj},
    {MP_QSTR_isdigit, &str_isdigit_obj},
    {MP_QSTR_isspace, &str_isspace_obj},
    {MP_QSTR_format, &str_format_obj},
};

/* characters as str objects, a whole UTF-8 sequence each */
static mpf_obj_t str_iternext(mpf_obj_t self, size_t *pos) {
    size_t len;
    const char *s = mpf_obj_str_data(self, &len);
    size_t i = *pos;
    if (i >= len) {
        return MPF_OBJ_NULL;
    }
    unsigned char lead = (unsigned char)s[i];
    size_t n = lead < 0xc0 ? 1 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
    n = n > len - i ? len - i : n;
    *pos = i + n;
    if (n == 1 && lead < 128) {
        return MPF_OBJ_NEW_QSTR(mpf_qstr_from_strn_static(&ascii_chars[lead], 1));
    }
    return mpf_obj_new_str(s + i, n);
}

static size_t str_len(mpf_obj_t self) {
    size_t len;
    mpf_obj_str_data(self, &len);
    return len;
}

static mpf_obj_t str_make_new(mpf_obj_t type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)type;
    (void)n_kw;
    return n_args ? mpf_obj_str(args[0], false) : MPF_OBJ_NEW_QSTR(MP_QSTR_);
}

const mpf_type_t mpf_type_str = {
    .base = {&mpf_type_type},
    .name = MP_QSTR_str,
    .print = mpf_str_print,
    .subscr = mpf_str_subscr,
    .iternext = str_iternext,
    .len = str_len,
    .methods = mpf_str_methods,
    .n_methods = sizeof(mpf_str_methods) / sizeof(mpf_str_methods[0]),
    .make_new = str_make_new,
};
