/* The rp2 port's main: clocks, console, the timer and the 1 ms tick, runtime, frozen main. */
#include <stdint.h>

#include "mpf.h"
#include "rp2040.h"

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

int main(void) {
    static char cmdline[128];
    clock_init();
    uart_init();
    timer_init();
    systick_init(clock_sysclk_hz());
    mpf_init(heap, sizeof heap);
    return mpf_run_frozen(cortexm_module_to_run(cmdline, sizeof cmdline));
}
