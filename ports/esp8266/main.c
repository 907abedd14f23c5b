/* The esp8266 port: the ROM loads IRAM and DRAM from the image and calls
 * call_user_start with a stack of its own; flash code runs once the cache maps it. */
#include <stdint.h>
#include <string.h>

#include "esp8266.h"
#include "mpf.h"
#include "mpfloader.h"

extern uint32_t _bss_start, _bss_end;

static uint8_t heap[MPF_HEAP_SIZE] __attribute__((aligned(8)));

void mpf_port_write(const char *s, size_t n) {
    if (mpf_loader_active()) {
        mpf_loader_write(s, n);
        return;
    }
    uart_write(s, n);
}

uint32_t clock_sysclk_hz(void) {
    return MPF_CLOCK_SYSCLK_HZ;
}

static void run(void) {
    uart_init();
    mpf_init(heap, sizeof heap);
    mpf_run_frozen("main");
    /* then serve the host's modules (mpforge repl/exec) */
    port_loader(heap, sizeof heap);
    for (;;) {
    }
}

/* in IRAM: nothing in flash can run before the cache is on */
__attribute__((section(".iram1.text"), noreturn, used)) void call_user_start(void) {
    Cache_Read_Enable(0, 0, 1); /* the first MB of flash at 0x40200000 */
    for (uint32_t *p = &_bss_start; p < &_bss_end; p++) {
        *p = 0;
    }
    run();
    for (;;) {
    }
}
