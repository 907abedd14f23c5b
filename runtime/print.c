#include <string.h>

#include "gc.h"
#include "mpf.h"
#include "obj.h"
#include "print.h"
#include "qstr.h"

mpf_print_t mpf_print_console = {NULL, 0, 0, false};

void mpf_print_init_heap(mpf_print_t *p) {
    p->cap = 32;
    p->buf = mpf_alloc(p->cap);
    p->len = 0;
    p->grow = true;
}

void mpf_write(const char *s, size_t n) {
    if (n) {
        mpf_port_write(s, n);
    }
}

/* Weak so that a port without a separate error stream needs to provide nothing. */
__attribute__((weak)) void mpf_port_write_error(const char *s, size_t n) {
    mpf_port_write(s, n);
}

void mpf_print_strn(mpf_print_t *p, const char *s, size_t n) {
    if (p->buf == NULL) {
        mpf_write(s, n);
        return;
    }
    if (p->grow && n > p->cap - 1 - p->len) {
        size_t cap = p->cap * 2;
        while (n > cap - 1 - p->len) {
            cap *= 2;
        }
        p->buf = mpf_realloc(p->buf, cap);
        p->cap = cap;
    }
    /* a fixed buffer truncates silently: messages are best effort, never a crash */
    size_t room = p->cap - 1 - p->len;
    if (n > room) {
        n = room;
    }
    memcpy(p->buf + p->len, s, n);
    p->len += n;
    p->buf[p->len] = '\0';
}

void mpf_print_str(mpf_print_t *p, const char *s) {
    mpf_print_strn(p, s, strlen(s));
}

void mpf_print_int(mpf_print_t *p, long long v) {
    char buf[24];
    char *e = buf + sizeof(buf);
    char *s = e;
    /* work in the negative range so the most negative value needs no special case */
    long long n = v < 0 ? v : -v;
    do {
        *--s = (char)('0' - (n % 10));
        n /= 10;
    } while (n);
    if (v < 0) {
        *--s = '-';
    }
    mpf_print_strn(p, s, (size_t)(e - s));
}

void mpf_vprintf(mpf_print_t *p, const char *fmt, va_list ap) {
    while (*fmt) {
        const char *f = fmt;
        while (*f && *f != '%') {
            ++f;
        }
        mpf_print_strn(p, fmt, (size_t)(f - fmt));
        if (!*f) {
            break;
        }
        switch (f[1]) {
            case 's':
                mpf_print_str(p, va_arg(ap, const char *));
                break;
            case 'q': {
                size_t len;
                const char *s = mpf_qstr_str((uint16_t)va_arg(ap, unsigned), &len);
                mpf_print_strn(p, s, len);
                break;
            }
            case 'O': /* an object, as str() gives it */
                mpf_obj_print_to(p, va_arg(ap, mpf_obj_t), false);
                break;
            case 'R': /* an object, as repr() gives it */
                mpf_obj_print_to(p, va_arg(ap, mpf_obj_t), true);
                break;
            case 'd':
                mpf_print_int(p, va_arg(ap, int));
                break;
            case 'u':
                mpf_print_int(p, va_arg(ap, unsigned));
                break;
            case 'c': {
                char c = (char)va_arg(ap, int);
                mpf_print_strn(p, &c, 1);
                break;
            }
            case 'x': {
                char buf[2 * sizeof(unsigned)], *e = buf + sizeof(buf), *s = e;
                unsigned u = va_arg(ap, unsigned);
                do {
                    *--s = "0123456789abcdef"[u & 15];
                    u >>= 4;
                } while (u);
                mpf_print_strn(p, s, (size_t)(e - s));
                break;
            }
            case '%':
                mpf_print_strn(p, "%", 1);
                break;
            default:
                mpf_print_strn(p, f, 2);
                break;
        }
        fmt = f[1] ? f + 2 : f + 1;
    }
}

void mpf_printf(mpf_print_t *p, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    mpf_vprintf(p, fmt, ap);
    va_end(ap);
}
