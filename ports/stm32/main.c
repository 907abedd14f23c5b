/* The stm32 port's main: clocks, console, runtime, then one frozen module.
 *
 * Which module comes from the semihosting command line (QEMU's
 * `-semihosting-config arg=NAME`), so one firmware can hold a whole test suite. */
#include <stdint.h>
#include <string.h>

#include "genhdr/mpconfigboard.h"
#include "mpf.h"
#include "port.h"

static uint8_t heap[MPF_HEAP_SIZE] __attribute__((aligned(8)));

void mpf_port_write(const char *s, size_t n) {
    uart_write(s, n);
}

void port_exit(int status) {
#if MPF_FEATURE_SEMIHOSTING
    semihosting_exit(status);
#else
    (void)status;
    for (;;) {
        __asm__ volatile("wfi");
    }
#endif
}

/* The last word of the command line when it is a module name. Without `arg=`, QEMU
 * passes the kernel's path instead, which is no module name and means main. */
static const char *module_to_run(char *buf, size_t size) {
#if MPF_FEATURE_SEMIHOSTING
    int len = semihosting_cmdline(buf, size);
    if (len <= 0 || (size_t)len >= size) {
        return "main";
    }
    buf[len] = '\0';
    while (len > 0 && buf[len - 1] == ' ') {
        buf[--len] = '\0';
    }
    char *word = strrchr(buf, ' ');
    word = word ? word + 1 : buf;
    if (*word == '\0' || (*word >= '0' && *word <= '9')) {
        return "main";
    }
    for (const char *p = word; *p; p++) {
        /* dotted names are frozen package modules (pkg.sub) */
        int ok = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                 (*p >= '0' && *p <= '9') || *p == '_' || *p == '.';
        if (!ok) {
            return "main";
        }
    }
    return word;
#else
    (void)buf;
    (void)size;
    return "main";
#endif
}

int main(void) {
    static char cmdline[128];
    clock_init();
    uart_init();
    mpf_init(heap, sizeof heap);
    return mpf_run_frozen(module_to_run(cmdline, sizeof cmdline));
}
