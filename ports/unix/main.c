/* The unix port: `firmware [file.mpy]` runs the file, or the frozen module `main`. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mpf.h"
#include "mpfconfig.h"

#ifndef MPF_HEAP_SIZE
#define MPF_HEAP_SIZE (1024 * 1024)
#endif

static unsigned char heap[MPF_HEAP_SIZE];

void mpf_port_write(const char *s, size_t n) {
    fwrite(s, 1, n, stdout);
}

void mpf_port_write_error(const char *s, size_t n) {
    /* the program's own output comes first when both go to one terminal */
    fflush(stdout);
    fwrite(s, 1, n, stderr);
}

/* Reads the whole file; NULL (with errno set) on failure. */
static unsigned char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        return NULL;
    }
    size_t cap = 4096, n = 0;
    unsigned char *buf = malloc(cap);
    while (buf != NULL) {
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap) {
            break;
        }
        unsigned char *bigger = realloc(buf, cap * 2);
        if (bigger == NULL) {
            free(buf);
            buf = NULL;
            errno = ENOMEM;
            break;
        }
        buf = bigger;
        cap *= 2;
    }
    if (buf != NULL && ferror(f)) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    *len = n;
    return buf;
}

int main(int argc, char **argv) {
    if (argc > 2) {
        fprintf(stderr, "usage: %s [file.mpy]\n", argv[0]);
        return 1;
    }
    mpf_init(heap, sizeof(heap));
    int status;
    if (argc == 2) {
        size_t len;
        unsigned char *data = read_file(argv[1], &len);
        if (data == NULL) {
            fprintf(stderr, "%s: cannot read %s: %s\n", argv[0], argv[1], strerror(errno));
            return 1;
        }
        status = mpf_run_mpy(data, len, argv[1]);
        free(data);
    } else {
        status = mpf_run_frozen("main");
    }
    fflush(stdout);
    return status;
}
