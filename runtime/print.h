/* Text output: to the console, or into a caller's buffer, through one formatter. */
#ifndef MPF_PRINT_H
#define MPF_PRINT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct _mpf_print_t {
    char *buf; /* NULL: the console */
    size_t len, cap;
    bool grow; /* buf is on the GC heap and grows as needed (else it truncates) */
} mpf_print_t;

/* A growing heap buffer, for str()/repr() and formatting. */
void mpf_print_init_heap(mpf_print_t *p);

extern mpf_print_t mpf_print_console;

void mpf_print_strn(mpf_print_t *p, const char *s, size_t n);
void mpf_print_str(mpf_print_t *p, const char *s);
void mpf_print_int(mpf_print_t *p, long long v);
/* %s C string, %q qstr id, %O/%R object (str/repr), %d int, %u unsigned, %c char,
 * %x unsigned in hex, %% */
void mpf_vprintf(mpf_print_t *p, const char *fmt, va_list ap);
void mpf_printf(mpf_print_t *p, const char *fmt, ...);

/* the console output of mpf_obj_print goes here */
void mpf_write(const char *s, size_t n);

#endif /* MPF_PRINT_H */
