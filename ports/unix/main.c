/* The unix port: `firmware [file.mpy]` runs the file, or the frozen module `main`.
 * `--stats` first reports on stderr, after the run, the processor time it took (loading
 * an .mpy included, process start-up not; processor rather than wall time, so that other
 * processes on the machine move it less), the heap its objects still hold, and the
 * bytes of the .mpy image it ran in place: the figures of bench/runtime.py. */
/* clock_gettime and nanosleep: POSIX, hidden by -std=c11 without this */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <poll.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "mpf.h"
#include "mpfconfig.h"
#include "mpfloader.h"
#include "module.h"

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

/* Where `import` looks for .mpy files: the directory of the program being run. */
static const char *program_dir = ".";
static size_t program_dir_len = 1;

/* `import a.b` finds a/b.mpy, or the package a/b/__init__.mpy, under the program's
 * directory; the image stays allocated for the life of the process. */
const uint8_t *mpf_port_find_mpy(const char *name, size_t name_len, size_t *len, bool *is_package) {
    static const char *const tails[] = {".mpy", "/__init__.mpy"};
    char path[4096];
    if (program_dir_len + name_len + 16 > sizeof path) {
        return NULL;
    }
    for (size_t t = 0; t < 2; ++t) {
        size_t n = 0;
        memcpy(path, program_dir, program_dir_len);
        n += program_dir_len;
        path[n++] = '/';
        for (size_t i = 0; i < name_len; ++i) {
            path[n++] = name[i] == '.' ? '/' : name[i];
        }
        strcpy(path + n, tails[t]);
        unsigned char *data = read_file(path, len);
        if (data != NULL) {
            *is_package = t == 1;
            return data;
        }
    }
    return NULL;
}

/* the time module (mpf.h): the monotonic clock, and the wall clock for time.time() */
uint64_t mpf_port_time_us(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}

void mpf_port_delay_us(uint32_t us) {
    struct timespec ts = {(time_t)(us / 1000000u), (long)(us % 1000000u) * 1000L};
    /* a signal cuts the sleep short: sleep what is left */
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
    }
}

int64_t mpf_port_time_s(void) {
    return (int64_t)time(NULL);
}

/* `--serial`: the loader on stdin/stdout, as a board runs it on its console UART */
int mpf_loader_port_getc(int timeout_ms) {
    /* our own buffer rather than stdio's, so that poll() sees all that is unread */
    static unsigned char in[4096];
    static size_t pos, len;
    if (pos == len) {
        struct pollfd fd = {.fd = STDIN_FILENO, .events = POLLIN};
        if (timeout_ms >= 0 && poll(&fd, 1, timeout_ms) == 0) {
            return MPF_LOADER_TIMEOUT;
        }
        ssize_t n = read(STDIN_FILENO, in, sizeof in);
        if (n <= 0) {
            return MPF_LOADER_EOF;
        }
        pos = 0;
        len = (size_t)n;
    }
    return in[pos++];
}

void mpf_loader_port_put(const char *s, size_t n) {
    fwrite(s, 1, n, stdout);
}

void mpf_loader_port_flush(void) {
    fflush(stdout);
}

static uint64_t cpu_time_us(void) {
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}

int main(int argc, char **argv) {
    bool stats = argc > 1 && strcmp(argv[1], "--stats") == 0;
    if (stats) {
        argv[1] = argv[0];
        ++argv;
        --argc;
    }
    if (argc > 2) {
        fprintf(stderr, "usage: %s [--stats] [file.mpy | --serial]\n", argv[0]);
        return 1;
    }
    if (argc == 2 && strcmp(argv[1], "--serial") == 0) {
        static uint8_t buf[256 * 1024];
        return mpf_loader_main(buf, sizeof buf, heap, sizeof heap);
    }
    mpf_init(heap, sizeof(heap));
    int status;
    uint64_t start = 0;
    size_t image_bytes = 0;
    if (argc == 2) {
        size_t len;
        unsigned char *data = read_file(argv[1], &len);
        if (data == NULL) {
            fprintf(stderr, "%s: cannot read %s: %s\n", argv[0], argv[1], strerror(errno));
            return 1;
        }
        const char *slash = strrchr(argv[1], '/');
        if (slash != NULL) {
            program_dir = argv[1];
            program_dir_len = (size_t)(slash - argv[1]);
        }
        mpf_sys_set_argv(1, (const char *const *)&argv[1]); /* sys.argv[0]: the program */
        start = cpu_time_us();
        image_bytes = len;
        status = mpf_run_mpy(data, len, argv[1]);
        free(data);
    } else {
        start = cpu_time_us();
        status = mpf_run_frozen("main");
    }
    unsigned long long elapsed = cpu_time_us() - start;
    fflush(stdout);
    if (stats) {
        fprintf(stderr, "stats: cpu_us=%llu heap_used=%zu image_bytes=%zu\n", elapsed,
            mpf_heap_used(), image_bytes);
    }
    return status;
}
