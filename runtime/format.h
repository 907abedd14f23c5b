/* One formatter behind str % args, format(value, spec), str.format and hex/oct/bin:
 * each front end parses its own syntax into an mpf_fmt_spec_t and hands the value
 * to mpf_format_value, which picks the conversion by the value's type. */
#ifndef MPF_FORMAT_H
#define MPF_FORMAT_H

#include "obj.h"
#include "print.h"

typedef struct {
    char fill;  /* padding character */
    char align; /* '<' '>' '^' '=', or 0: the value's default (text left, numbers right) */
    char sign;  /* '+', ' ', '-' or 0 (none given): with '-' and 0 only negative numbers get one */
    char group; /* ',' or '_' between thousands, or 0 */
    char type;  /* the conversion letter, or 0 */
    bool alt;   /* '#': 0x/0o/0b prefixes */
    bool zero;  /* '0' before the width: numbers pad with zeros after the sign */
    int width;  /* -1: none */
    int prec;   /* -1: none; text: at most this many characters; ints (%): at least these digits */
} mpf_fmt_spec_t;

/* format()'s spec mini-language: [[fill]align][sign][#][0][width][,|_][.prec][type] */
void mpf_format_parse_spec(const char *s, size_t n, mpf_fmt_spec_t *spec);
void mpf_format_value(mpf_print_t *p, mpf_obj_t v, const mpf_fmt_spec_t *spec);

/* The pieces, for number types formatted elsewhere (floats, big ints): a number is a
 * sign, a prefix and digits; text counts its width in characters, not bytes. */
void mpf_format_number(mpf_print_t *p, bool neg, const char *prefix, const char *digits, size_t n,
    const mpf_fmt_spec_t *spec);
void mpf_format_text(mpf_print_t *p, const char *s, size_t n, const mpf_fmt_spec_t *spec);

/* str.format (a method: args[0] is the format) and str % args; also bytes % args and
 * bytearray % args (a result of the format's type; as CPython: %s and %b take a buffer,
 * %c an int in range(256) or one byte, widths and precisions count bytes) */
mpf_obj_t mpf_str_format(size_t n_args, size_t n_kw, const mpf_obj_t *args);
mpf_obj_t mpf_str_modulo(mpf_obj_t fmt, mpf_obj_t args);

#endif /* MPF_FORMAT_H */
