/* Milliseconds from SysTick, the core's own 24-bit timer: one interrupt per ms. */
#include "cortexm.h"

static volatile uint32_t ticks_ms;

void SysTick_Handler(void) {
    ticks_ms++;
}

void systick_init(uint32_t core_hz) {
    SYST_CSR = 0;
    SYST_RVR = core_hz / 1000u - 1u;
    SYST_CVR = 0;
    SYST_CSR = SYST_CSR_ENABLE | SYST_CSR_TICKINT | SYST_CSR_CLKSOURCE;
}

uint32_t systick_ms(void) {
    return ticks_ms;
}

void systick_sleep_ms(uint32_t ms) {
    uint32_t start = ticks_ms;
    while (ticks_ms - start < ms) {
        __asm__ volatile("wfi");
    }
}

void cortexm_reset(void) {
    __asm__ volatile("dsb" ::: "memory");
    SCB_AIRCR = SCB_AIRCR_SYSRESETREQ;
    __asm__ volatile("dsb" ::: "memory");
    for (;;) {
    }
}
