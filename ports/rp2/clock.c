/* RP2040 clocks: 12 MHz crystal -> clk_ref, PLL_SYS -> clk_sys, clk_peri = clk_sys.
 * Without the crystal (or on a timeout anywhere) the chip stays on its ring oscillator. */
#include "rp2040.h"

static uint32_t sysclk_hz = MPF_CLOCK_HSI_HZ; /* the ring oscillator, roughly */
static uint32_t ref_hz = MPF_CLOCK_HSI_HZ;

void clock_init(void) {
    XOSC_STARTUP = (MPF_CLOCK_HSE_HZ / 1000u + 128u) / 256u; /* about 1 ms, in 256-cycle units */
    XOSC_CTRL = XOSC_CTRL_1_15MHZ | XOSC_CTRL_ENABLE;
    if (wait_for(&XOSC_STATUS, XOSC_STATUS_STABLE, XOSC_STATUS_STABLE)) {
        CLK_REF_CTRL = CLK_REF_SRC_XOSC;
        if (wait_for(&CLK_REF_SELECTED, 1u << CLK_REF_SRC_XOSC, 1u << CLK_REF_SRC_XOSC)) {
            ref_hz = MPF_CLOCK_HSE_HZ;
            sysclk_hz = MPF_CLOCK_HSE_HZ; /* clk_sys runs from clk_ref until the PLL locks */
#if defined(MPF_CLOCK_PLL_N)
            REG_SET(RESETS_RESET) = RESET_PLL_SYS;
            unreset(RESET_PLL_SYS);
            PLL_CS = MPF_CLOCK_PLL_M; /* REFDIV */
            PLL_FBDIV_INT = MPF_CLOCK_PLL_N;
            REG_CLR(PLL_PWR) = PLL_PWR_PD | PLL_PWR_VCOPD;
            if (wait_for(&PLL_CS, PLL_CS_LOCK, PLL_CS_LOCK)) {
                PLL_PRIM = (MPF_CLOCK_POST_DIV1 << 16) | (MPF_CLOCK_POST_DIV2 << 12);
                REG_CLR(PLL_PWR) = PLL_PWR_POSTDIVPD;
                /* aux source 0 is pll_sys; select it, then switch the glitchless mux */
                CLK_SYS_CTRL = CLK_SYS_SRC_AUX;
                if (wait_for(&CLK_SYS_SELECTED, 1u << CLK_SYS_SRC_AUX, 1u << CLK_SYS_SRC_AUX)) {
                    sysclk_hz = MPF_CLOCK_HSE_HZ / MPF_CLOCK_PLL_M * MPF_CLOCK_PLL_N /
                                (MPF_CLOCK_POST_DIV1 * MPF_CLOCK_POST_DIV2);
                } else {
                    CLK_SYS_CTRL = 0;
                }
            }
#endif
        }
    }
    CLK_PERI_CTRL = CLK_PERI_ENABLE; /* aux source 0: clk_sys */
    timer_init(); /* its microsecond tick comes from clk_ref */
}

uint32_t clock_sysclk_hz(void) {
    return sysclk_hz;
}

uint32_t clock_ref_hz(void) {
    return ref_hz;
}
