/* The unix port: `firmware [file.mpy]` runs the file, or the frozen module `main`. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mpf.h"
#include "mpfconfig.h"
#include "mpfloader.h"

#ifndef MPF_HEAP_SIZE
#define MPF_HEAP_SIZE (1024 * 1024)
#endif

static unsigned char heap[MPF_HEAP_SIZE];

void mpf_port_write(const char *s, size_t n) {
    if (mpf_loader_active()) {
        mpf_loader_write(s, n);
        return;
    }
    fwrite(s, 1, n, stdout);
}

void mpf_port_write_error(const char *s, size_t n) {
    if (mpf_loader_active()) {
        mpf_loader_write(s, n);
        return;
    }
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

/* `--serial`: the loader on stdin/stdout, as a board runs it on its console UART */
int mpf_loader_port_getc(void) {
    return getchar();
}

void mpf_loader_port_put(const char *s, size_t n) {
    fwrite(s, 1, n, stdout);
}

void mpf_loader_port_flush(void) {
    fflush(stdout);
}

int main(int argc, char **argv) {
    if (argc > 2) {
        fprintf(stderr, "usage: %s [file.mpy | --serial]\n", argv[0]);
        return 1;
    }
    if (argc == 2 && strcmp(argv[1], "--serial") == 0) {
        static uint8_t buf[256 * 1024];
        return mpf_loader_main(buf, sizeof buf, heap, sizeof heap);
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
