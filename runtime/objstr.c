/* str: conversion of any object to text, indexing and slicing, and its methods. */
#include <string.h>

#include "exc.h"
#include "format.h"
#include "gc.h"
#include "print.h"
#include "qstr.h"
#include "textmethods.h"

/* Every ASCII character once, so that one-character strings intern without garbage. */
static const char ascii_chars[128] = {
#define C8(b) b, b + 1, b + 2, b + 3, b + 4, b + 5, b + 6, b + 7
    C8(0), C8(8), C8(16), C8(24), C8(32), C8(40), C8(48), C8(56),
    C8(64), C8(72), C8(80), C8(88), C8(96), C8(104), C8(112), C8(120),
#undef C8
};

/* --- UTF-8: a str's characters are its code points, stored as UTF-8 --- */

/* A character starts at the first byte and at every byte that is not a continuation
 * byte (10xxxxxx), and takes the continuation bytes after it. For valid UTF-8 that is
 * each sequence; for the invalid text a corrupt .mpy can hold it still divides the
 * bytes exactly, so every count and offset below agrees and stays inside the text. */
static bool utf8_continues(char c) {
    return ((unsigned char)c & 0xc0) == 0x80;
}

/* the bytes of the character at s, with n > 0 bytes left */
static size_t utf8_char_bytes(const char *s, size_t n) {
    size_t k = 1;
    while (k < n && utf8_continues(s[k])) {
        ++k;
    }
    return k;
}

size_t mpf_utf8_len(const char *s, size_t n) {
    size_t chars = n > 0;
    for (size_t i = 1; i < n; ++i) {
        chars += !utf8_continues(s[i]);
    }
    return chars;
}

size_t mpf_utf8_offset(const char *s, size_t n, size_t k) {
    size_t i = 0;
    while (k && i < n) {
        i += utf8_char_bytes(s + i, n - i);
        --k;
    }
    return i;
}

size_t mpf_utf8_encode(mpf_int_t c, char *buf) {
    if (c < 0 || c > 0x10ffff) {
        mpf_raise_msg(&mpf_type_ValueError, "chr() arg not in range(0x110000)");
    }
    if (c < 0x80) {
        buf[0] = (char)c;
        return 1;
    }
    size_t n = c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    for (size_t i = n - 1; i > 0; --i) {
        buf[i] = (char)(0x80 | (c & 0x3f));
        c >>= 6;
    }
    buf[0] = (char)((0xf00 >> n) | c); /* lead byte: n high bits set */
    return n;
}

mpf_obj_t mpf_obj_str(mpf_obj_t o, bool repr) {
    if (!repr && mpf_obj_is_str(o)) {
        return o;
    }
    mpf_print_t p;
    mpf_print_init_heap(&p);
    mpf_obj_print_to(&p, o, repr);
    return mpf_obj_new_str(p.buf, p.len);
}

/* one character as a str: ASCII ones interned, so they make no garbage */
static mpf_obj_t one_char(const char *s, size_t n) {
    if (n == 1 && (unsigned char)s[0] < 128) {
        return MPF_OBJ_NEW_QSTR(mpf_qstr_from_strn_static(&ascii_chars[(unsigned char)s[0]], 1));
    }
    return mpf_obj_new_str(s, n);
}

mpf_obj_t mpf_str_subscr(mpf_obj_t self, mpf_obj_t index, mpf_obj_t value) {
    if (value != MPF_SUBSCR_LOAD) {
        mpf_raise_msg(&mpf_type_TypeError, "'str' object doesn't support item assignment");
    }
    size_t len;
    const char *s = mpf_obj_str_data(self, &len);
    size_t chars = mpf_utf8_len(s, len);
    /* text that isn't ASCII: where each character starts, and the end */
    size_t *at = NULL;
    if (chars != len) {
        at = mpf_alloc((len + 1) * sizeof(size_t));
        size_t k = 0;
        for (size_t i = 0; i < len; i += utf8_char_bytes(s + i, len - i)) {
            at[k++] = i;
        }
        at[k] = len;
    }
    mpf_int_t start, step;
    size_t count;
    if (mpf_slice_indices(index, chars, &start, &step, &count)) {
        mpf_print_t p;
        mpf_print_init_heap(&p);
        for (size_t i = 0; i < count; ++i) {
            size_t k = (size_t)(start + (mpf_int_t)i * step);
            mpf_print_strn(&p, s + (at ? at[k] : k), at ? at[k + 1] - at[k] : 1);
        }
        return mpf_obj_new_str(p.buf, p.len);
    }
    size_t k = mpf_seq_index(index, chars, "string");
    return one_char(s + (at ? at[k] : k), at ? at[k + 1] - at[k] : 1);
}

/* --- methods, shared by str, bytes and bytearray: positions count characters in a str
 * and bytes in the others; results have the type of self --- */

/* the data of `o`, an argument of a method of `self`: str takes str, the others any buffer */
static const char *text_of(mpf_obj_t self, mpf_obj_t o, size_t *len) {
    if (mpf_obj_is_str(self)) {
        if (!mpf_obj_is_str(o)) {
            mpf_raise_msg(&mpf_type_TypeError, "can't convert '%s' object to str implicitly", mpf_obj_type_name(o));
        }
        return mpf_obj_str_data(o, len);
    }
    char *d;
    if (!mpf_get_buffer(o, &d, len)) {
        mpf_raise_msg(&mpf_type_TypeError, "a bytes-like object is required, not '%s'", mpf_obj_type_name(o));
    }
    return d;
}

#define TEXT(o, len) text_of(args[0], (o), (len))

static mpf_obj_t new_like(mpf_obj_t self, const char *d, size_t n) {
    if (mpf_obj_is_str(self)) {
        return mpf_obj_new_str(d, n);
    }
    return mpf_bytes_new(MPF_OBJ_TYPE_OF_PTR(self), d, n);
}

/* characters (str) or bytes in s[0:len] */
static size_t units(mpf_obj_t self, const char *s, size_t len) {
    return mpf_obj_is_str(self) ? mpf_utf8_len(s, len) : len;
}

static size_t unit_offset(mpf_obj_t self, const char *s, size_t len, size_t k) {
    return mpf_obj_is_str(self) ? mpf_utf8_offset(s, len, k) : k;
}

/* of the unit at s, with n > 0 bytes left */
static size_t unit_len(mpf_obj_t self, const char *s, size_t n) {
    return mpf_obj_is_str(self) ? utf8_char_bytes(s, n) : 1;
}

static mpf_int_t int_arg(mpf_obj_t o) {
    if (!mpf_obj_is_int(o)) {
        mpf_raise_msg(&mpf_type_TypeError, "can't convert %s to int", mpf_obj_type_name(o));
    }
    return mpf_obj_int_value(o);
}

/* the optional [start, end) at args[i], args[i + 1] as byte offsets [*a, *b), clipped as
 * Python clips them; false when start lies beyond the end (nothing can match there) */
static bool sub_range(size_t n_args, const mpf_obj_t *args, size_t i, const char *s, size_t len, size_t *a, size_t *b) {
    mpf_int_t n = (mpf_int_t)units(args[0], s, len);
    mpf_int_t lo = i < n_args && args[i] != mpf_const_none ? int_arg(args[i]) : 0;
    mpf_int_t hi = i + 1 < n_args && args[i + 1] != mpf_const_none ? int_arg(args[i + 1]) : n;
    lo = lo < 0 ? (lo + n < 0 ? 0 : lo + n) : lo;
    hi = hi < 0 ? (hi + n < 0 ? 0 : hi + n) : (hi > n ? n : hi);
    if (lo > n || lo > hi) {
        return false;
    }
    *a = unit_offset(args[0], s, len, (size_t)lo);
    *b = unit_offset(args[0], s, len, (size_t)hi);
    return true;
}

static bool is_space(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
}

static mpf_obj_t strip(const mpf_obj_t *args, size_t n_args, bool left, bool right) {
    size_t len, nc = 0;
    const char *s = TEXT(args[0], &len);
    const char *chars = n_args > 1 && args[1] != mpf_const_none ? TEXT(args[1], &nc) : NULL;
    size_t a = 0, b = len;
    while (left && a < b && (chars ? memchr(chars, s[a], nc) != NULL : is_space(s[a]))) {
        ++a;
    }
    while (right && b > a && (chars ? memchr(chars, s[b - 1], nc) != NULL : is_space(s[b - 1]))) {
        --b;
    }
    return new_like(args[0], s + a, b - a);
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
    const char *s = TEXT(args[0], &len);
    mpf_obj_t r = new_like(args[0], s, len);
    char *d = (char *)(mpf_obj_is_str(r) ? ((const mpf_str_t *)r)->data : NULL);
    size_t n = len;
    if (d == NULL) {
        mpf_get_buffer(r, &d, &n);
    }
    for (size_t i = 0; i < n; ++i) {
        char c = d[i];
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
static mpf_obj_t split(size_t n_args, size_t n_kw, const mpf_obj_t *args, bool right) {
    size_t len, n = 0;
    const char *s = TEXT(args[0], &len);
    mpf_obj_t sep_arg = n_args > 1 ? args[1] : mpf_const_none;
    mpf_obj_t max_arg = n_args > 2 ? args[2] : MPF_OBJ_NEW_SMALL_INT(-1);
    for (size_t i = 0; i < n_kw; ++i) {
        mpf_obj_t k = args[n_args + 2 * i];
        if (MPF_OBJ_IS_QSTR(k) && MPF_OBJ_QSTR_VALUE(k) == MP_QSTR_sep) {
            sep_arg = args[n_args + 2 * i + 1];
        } else {
            max_arg = args[n_args + 2 * i + 1];
        }
    }
    const char *sep = sep_arg != mpf_const_none ? TEXT(sep_arg, &n) : NULL;
    mpf_int_t max = int_arg(max_arg);
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
            mpf_list_append(out, new_like(args[0], s + lo, hi - lo));
            break;
        }
        if (sep == NULL) {
            size_t j = right ? hi : lo;
            if (right) {
                while (j > lo && !is_space(s[j - 1])) {
                    --j;
                }
                mpf_list_append(out, new_like(args[0], s + j, hi - j));
                hi = j;
            } else {
                while (j < hi && !is_space(s[j])) {
                    ++j;
                }
                mpf_list_append(out, new_like(args[0], s + lo, j - lo));
                lo = j;
            }
        } else {
            ptrdiff_t at = find(s + lo, hi - lo, sep, n, right);
            if (at < 0) {
                mpf_list_append(out, new_like(args[0], s + lo, hi - lo));
                break;
            }
            size_t cut = lo + (size_t)at;
            if (right) {
                mpf_list_append(out, new_like(args[0], s + cut + n, hi - cut - n));
                hi = cut;
            } else {
                mpf_list_append(out, new_like(args[0], s + lo, cut - lo));
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
    return split(n_args, n_kw, args, false);
}

STR_METHOD(rsplit) {
    return split(n_args, n_kw, args, true);
}

STR_METHOD(splitlines) {
    size_t len;
    const char *s = TEXT(args[0], &len);
    mpf_obj_t keep = n_args > 1 ? args[1] : n_kw ? args[n_args + 1] : mpf_const_false;
    bool keepends = mpf_obj_is_true(keep);
    mpf_obj_t out = mpf_list_new(0, NULL);
    size_t i = 0;
    while (i < len) {
        size_t j = i;
        while (j < len && s[j] != '\n' && s[j] != '\r') {
            ++j;
        }
        size_t end = j < len ? j + 1 + (s[j] == '\r' && j + 1 < len && s[j + 1] == '\n') : j;
        mpf_list_append(out, new_like(args[0], s + i, (keepends ? end : j) - i));
        i = end;
    }
    return out;
}

STR_METHOD(replace) {
    (void)n_kw;
    size_t len, no, nn;
    const char *s = TEXT(args[0], &len);
    const char *old = TEXT(args[1], &no);
    const char *new_ = TEXT(args[2], &nn);
    mpf_int_t max = n_args > 3 ? int_arg(args[3]) : -1;
    mpf_print_t p;
    mpf_print_init_heap(&p);
    size_t i = 0;
    for (mpf_int_t done = 0; max < 0 || done < max; ++done) {
        if (no == 0) {
            /* the new text goes before every character and at the end */
            mpf_print_strn(&p, new_, nn);
            if (i == len) {
                break;
            }
            size_t step = unit_len(args[0], s + i, len - i);
            mpf_print_strn(&p, s + i, step);
            i += step;
            continue;
        }
        ptrdiff_t at = find(s + i, len - i, old, no, false);
        if (at < 0) {
            break;
        }
        mpf_print_strn(&p, s + i, (size_t)at);
        mpf_print_strn(&p, new_, nn);
        i += (size_t)at + no;
    }
    mpf_print_strn(&p, s + i, len - i);
    return new_like(args[0], p.buf, p.len);
}

/* find/rfind/index/rindex over s[start:end] */
static mpf_obj_t find_method(size_t n_args, const mpf_obj_t *args, bool reverse) {
    size_t len, n, a, b;
    const char *s = TEXT(args[0], &len);
    const char *sub = TEXT(args[1], &n);
    if (!sub_range(n_args, args, 2, s, len, &a, &b)) {
        return MPF_OBJ_NEW_SMALL_INT(-1);
    }
    ptrdiff_t at = find(s + a, b - a, sub, n, reverse);
    return MPF_OBJ_NEW_SMALL_INT(at < 0 ? -1 : (mpf_int_t)units(args[0], s, a + (size_t)at));
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
    size_t len, n, a, b, c = 0;
    const char *s = TEXT(args[0], &len);
    const char *sub = TEXT(args[1], &n);
    if (!sub_range(n_args, args, 2, s, len, &a, &b)) {
        return MPF_OBJ_NEW_SMALL_INT(0);
    }
    if (n == 0) {
        return MPF_OBJ_NEW_SMALL_INT(units(args[0], s + a, b - a) + 1);
    }
    for (size_t i = a; i + n <= b;) {
        if (memcmp(s + i, sub, n) == 0) {
            ++c;
            i += n;
        } else {
            ++i;
        }
    }
    return MPF_OBJ_NEW_SMALL_INT(c);
}

/* startswith/endswith: a prefix or a tuple of them, within s[start:end] */
static mpf_obj_t affix(size_t n_args, const mpf_obj_t *args, bool end) {
    size_t len, a, b, n_items;
    const char *s = TEXT(args[0], &len);
    mpf_obj_t *items;
    mpf_obj_t one = args[1];
    if (!MPF_OBJ_IS_PTR(one) || MPF_OBJ_TYPE_OF_PTR(one) != &mpf_type_tuple) {
        n_items = 1;
        items = &one;
    } else {
        mpf_obj_get_array(one, &n_items, &items);
    }
    if (!sub_range(n_args, args, 2, s, len, &a, &b)) {
        return mpf_const_false;
    }
    for (size_t i = 0; i < n_items; ++i) {
        size_t n;
        const char *x = TEXT(items[i], &n);
        if (n <= b - a && memcmp(end ? s + b - n : s + a, x, n) == 0) {
            return mpf_const_true;
        }
    }
    return mpf_const_false;
}

STR_METHOD(startswith) {
    (void)n_kw;
    return affix(n_args, args, false);
}

STR_METHOD(endswith) {
    (void)n_kw;
    return affix(n_args, args, true);
}

STR_METHOD(join) {
    (void)n_kw;
    (void)n_args;
    size_t nsep;
    const char *sep = TEXT(args[0], &nsep);
    const mpf_list_t *l = mpf_list_from_iter(args[1]);
    mpf_print_t p;
    mpf_print_init_heap(&p);
    for (size_t i = 0; i < l->len; ++i) {
        size_t n;
        const char *s;
        char *d;
        if (mpf_obj_is_str(args[0]) ? !mpf_obj_is_str(l->items[i]) : !mpf_get_buffer(l->items[i], &d, &n)) {
            mpf_raise_msg(&mpf_type_TypeError, "join expects a list of str/bytes objects consistent with self object");
        }
        s = TEXT(l->items[i], &n);
        if (i) {
            mpf_print_strn(&p, sep, nsep);
        }
        mpf_print_strn(&p, s, n);
    }
    return new_like(args[0], p.buf, p.len);
}

STR_METHOD(center) {
    (void)n_kw;
    size_t len, nf = 1;
    const char *s = TEXT(args[0], &len);
    const char *fill = n_args > 2 ? TEXT(args[2], &nf) : " ";
    if (units(args[0], fill, nf) != 1) {
        mpf_raise_msg(&mpf_type_TypeError, "The fill character must be exactly one character long");
    }
    mpf_int_t width = int_arg(args[1]);
    size_t chars = units(args[0], s, len);
    if (width <= (mpf_int_t)chars) {
        return mpf_obj_is_str(args[0]) ? args[0] : new_like(args[0], s, len);
    }
    size_t pad = (size_t)width - chars;
    /* as CPython: the odd extra character goes left when the width is odd */
    size_t left = pad / 2 + (pad & (size_t)width & 1);
    mpf_print_t p;
    mpf_print_init_heap(&p);
    for (size_t i = 0; i < pad; ++i) {
        if (i == left) {
            mpf_print_strn(&p, s, len);
        }
        mpf_print_strn(&p, fill, nf);
    }
    if (left == pad) {
        mpf_print_strn(&p, s, len);
    }
    return new_like(args[0], p.buf, p.len);
}

static mpf_obj_t partition(const mpf_obj_t *args, bool reverse) {
    size_t len, n;
    const char *s = TEXT(args[0], &len);
    const char *sep = TEXT(args[1], &n);
    if (n == 0) {
        mpf_raise_msg(&mpf_type_ValueError, "empty separator");
    }
    ptrdiff_t at = find(s, len, sep, n, reverse);
    mpf_obj_t parts[3];
    if (at < 0) {
        mpf_obj_t empty = new_like(args[0], "", 0);
        parts[0] = reverse ? empty : new_like(args[0], s, len);
        parts[1] = empty;
        parts[2] = reverse ? new_like(args[0], s, len) : empty;
    } else {
        parts[0] = new_like(args[0], s, (size_t)at);
        parts[1] = new_like(args[0], sep, n);
        parts[2] = new_like(args[0], s + at + n, len - (size_t)at - n);
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
    const char *s = TEXT(args[0], &len);
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
    const char *s = TEXT(args[0], &len);
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

#define MPF_TEXT_METHOD_DEF(NAME, Q) \
    const mpf_builtin_t mpf_text_##NAME##_obj = {{&mpf_type_builtin}, Q, str_##NAME};
MPF_TEXT_METHODS(MPF_TEXT_METHOD_DEF)

static const mpf_builtin_t str_encode_obj = {{&mpf_type_builtin}, MP_QSTR_encode, mpf_str_encode};
static const mpf_builtin_t str_format_obj = {{&mpf_type_builtin}, MP_QSTR_format, mpf_str_format};

static const mpf_method_t mpf_str_methods[] = {
    MPF_TEXT_METHODS(MPF_TEXT_METHOD_ENTRY)
    {MP_QSTR_encode, &str_encode_obj},
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
    size_t n = utf8_char_bytes(s + i, len - i);
    *pos = i + n;
    return one_char(s + i, n);
}

static size_t str_len(mpf_obj_t self) {
    size_t len;
    const char *s = mpf_obj_str_data(self, &len);
    return mpf_utf8_len(s, len);
}

static mpf_obj_t str_make_new(mpf_obj_t type, size_t n_args, size_t n_kw, const mpf_obj_t *args) {
    (void)type;
    (void)n_kw;
    char *data;
    size_t len;
    if (n_args > 1 && mpf_get_buffer(args[0], &data, &len)) {
        return mpf_obj_new_str(data, len); /* str(bytes, encoding): the UTF-8 text */
    }
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
