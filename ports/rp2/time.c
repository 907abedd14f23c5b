/* Time from the RP2040's TIMER: a 64-bit count of microseconds, ticked by the
 * watchdog's tick generator from clk_ref. */
#include "mpf.h"
#include "rp2040.h"

void timer_init(void) {
    /* one tick per microsecond: CYCLES is clk_ref in MHz (12 from the crystal) */
    WATCHDOG_TICK = WATCHDOG_TICK_ENABLE | (clock_ref_hz() / 1000000u);
    unreset(RESET_TIMER);
}

uint64_t mpf_port_time_us(void) {
    /* the raw halves are not latched together: read high, low, high until it holds */
    uint32_t high, low;
    do {
        high = TIMER_TIMERAWH;
        low = TIMER_TIMERAWL;
    } while (high != TIMER_TIMERAWH);
    return (uint64_t)high << 32 | low;
}

void mpf_port_delay_us(uint32_t us) {
    uint64_t end = mpf_port_time_us() + us;
    for (uint64_t now = mpf_port_time_us(); now < end; now = mpf_port_time_us()) {
        if (end - now > 1000u) {
            __asm__ volatile("wfi"); /* SysTick's millisecond wakes the core */
        }
    }
}
