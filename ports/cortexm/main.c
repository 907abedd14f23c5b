/* main for the Cortex-M ports (stm32, qemu, rp2): clocks, console, the 1 ms tick, runtime,
 * then one frozen module or the serial loader. Each port's port.h gives clock_init,
 * clock_sysclk_hz, uart_init, uart_write and uart_poll; its gpio.c the pins of the
 * machine module. */
#include <stdint.h>
#include <string.h>

#include "genhdr/mpconfigboard.h"
#include "mpf.h"
#include "mpfloader.h"
#include "port.h"

static uint8_t heap[MPF_HEAP_SIZE] __attribute__((aligned(8)));

void mpf_port_write(const char *s, size_t n) {
    if (mpf_loader_active()) {
        mpf_loader_write(s, n);
        return;
    }
    uart_write(s, n);
}

/* the time and machine modules (mpf.h): SysTick's clock, unless the port has a timer
 * of its own (rp2: TIMER) */
__attribute__((weak)) uint64_t mpf_port_time_us(void) {
    return systick_us();
}

__attribute__((weak)) void mpf_port_delay_us(uint32_t us) {
    systick_delay_us(us);
}

uint32_t mpf_port_freq(void) {
    return clock_sysclk_hz();
}

void mpf_port_reset(void) {
    cortexm_reset();
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
    systick_init(clock_sysclk_hz());
    mpf_init(heap, sizeof heap);
    const char *module = cortexm_module_to_run(cmdline, sizeof cmdline);
    if (strcmp(module, MPF_LOADER_MODULE) == 0) {
        return port_loader(heap, sizeof heap);
    }
#if MPF_FEATURE_SEMIHOSTING
    return mpf_run_frozen(module);
#else
    /* no debugger to end the run: after main, serve the host's modules (mpforge repl) */
    mpf_run_frozen(module);
    return port_loader(heap, sizeof heap);
#endif
}
