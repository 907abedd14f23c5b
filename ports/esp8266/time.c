/* Time from CCOUNT, the core's cycle counter (32 bits at the CPU clock), widened to 64
 * bits by noting each wrap: a reading at least every 53 s (at 80 MHz) sees them all. */
#include "esp8266.h"
#include "mpf.h"

static uint32_t last_ccount;
static uint64_t cycles;

static uint32_t ccount(void) {
    uint32_t c;
    __asm__ volatile("rsr %0, ccount" : "=r"(c));
    return c;
}

uint64_t mpf_port_time_us(void) {
    uint32_t now = ccount();
    cycles += (uint32_t)(now - last_ccount);
    last_ccount = now;
    return cycles / (MPF_CLOCK_SYSCLK_HZ / 1000000u);
}

void mpf_port_delay_us(uint32_t us) {
    uint64_t end = mpf_port_time_us() + us;
    while (mpf_port_time_us() < end) {
    }
}

uint32_t mpf_port_freq(void) {
    return clock_sysclk_hz();
}
