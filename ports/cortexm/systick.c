/* Time from SysTick, the core's own 24-bit timer: an interrupt each millisecond, and
 * the count within the millisecond for microseconds. */
#include <stdbool.h>

#include "cortexm.h"

/* 64 bits: never wraps; the ISR writes it in two halves, so readers check it twice */
static volatile uint64_t ticks_ms;

void SysTick_Handler(void) {
    ticks_ms++;
}

void systick_init(uint32_t core_hz) {
    SYST_CSR = 0;
    SYST_RVR = core_hz / 1000u - 1u;
    SYST_CVR = 0;
    SYST_CSR = SYST_CSR_ENABLE | SYST_CSR_TICKINT | SYST_CSR_CLKSOURCE;
}

uint64_t systick_us(void) {
    uint64_t ms;
    uint32_t count;
    bool pending;
    /* a consistent view of the tick count, the counter and whether the counter has
     * reloaded with its interrupt not yet taken (then the count is the next ms's: the
     * ISR runs at the next instruction boundary QEMU or the core picks) */
    do {
        ms = ticks_ms;
        pending = (SCB_ICSR & SCB_ICSR_PENDSTSET) != 0;
        count = SYST_CVR;
    } while (ms != ticks_ms || pending != ((SCB_ICSR & SCB_ICSR_PENDSTSET) != 0));
    if (pending) {
        ms += 1;
    }
    uint32_t period = SYST_RVR + 1u;
    /* the counter runs down from RVR */
    uint64_t us = ms * 1000u + (uint64_t)(period - 1u - count) * 1000u / period;
    /* never backwards: QEMU can show the counter reloaded before it marks the
     * interrupt pending (its timer event not yet run, on a loaded host), which reads
     * as the start of the millisecond just counted; on a real core this never binds */
    static uint64_t last_us;
    if (us < last_us) {
        us = last_us;
    }
    last_us = us;
    return us;
}

void systick_delay_us(uint32_t us) {
    uint64_t end = systick_us() + us;
    for (uint64_t now = systick_us(); now < end; now = systick_us()) {
        if (end - now > 1000u) {
            __asm__ volatile("wfi"); /* the next tick wakes the core */
        }
    }
}

void cortexm_reset(void) {
    __asm__ volatile("dsb" ::: "memory");
    SCB_AIRCR = SCB_AIRCR_SYSRESETREQ;
    __asm__ volatile("dsb" ::: "memory");
    for (;;) {
    }
}
