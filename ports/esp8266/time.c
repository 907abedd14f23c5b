/* Milliseconds from CCOUNT, the core's cycle counter (a 32-bit hardware timer). */
#include "esp8266.h"

static uint32_t last_ccount;
static uint64_t cycles;

static uint32_t ccount(void) {
    uint32_t c;
    __asm__ volatile("rsr %0, ccount" : "=r"(c));
    return c;
}

uint32_t ticks_ms(void) {
    /* called often enough (every 53 s at 80 MHz) to see each wrap */
    uint32_t now = ccount();
    cycles += (uint32_t)(now - last_ccount);
    last_ccount = now;
    return (uint32_t)(cycles / (MPF_CLOCK_SYSCLK_HZ / 1000u));
}

void sleep_ms(uint32_t ms) {
    uint32_t start = ticks_ms();
    while (ticks_ms() - start < ms) {
    }
}
