/* STM32F4 clock tree: HSE -> PLL -> SYSCLK as the board says, falling back to the HSI.
 *
 * Every wait is bounded: a board without its crystal, or QEMU (which does not model
 * the RCC; its registers read as zero), must still boot and talk on the console. */
#include "port.h"
#include "stm32.h"

#ifndef MPF_CLOCK_HSI_HZ
#define MPF_CLOCK_HSI_HZ (16000000u)
#endif
#ifndef MPF_CLOCK_APB1_DIV
#define MPF_CLOCK_APB1_DIV (4u)
#endif
#ifndef MPF_CLOCK_APB2_DIV
#define MPF_CLOCK_APB2_DIV (2u)
#endif
#ifndef MPF_CLOCK_FLASH_LATENCY
#define MPF_CLOCK_FLASH_LATENCY (5u)
#endif

static uint32_t sysclk_hz = MPF_CLOCK_HSI_HZ;
static uint32_t apb_div[2] = {1, 1};

#if defined(MPF_CLOCK_PLL_N)
/* the SYSCLK the board's PLL settings give */
#define BOARD_SYSCLK_HZ (MPF_CLOCK_HSE_HZ / MPF_CLOCK_PLL_M * MPF_CLOCK_PLL_N / MPF_CLOCK_PLL_P)
#endif

void clock_init(void) {
#if defined(MPF_CLOCK_PLL_N)
    if (!(RCC_CR & RCC_CR_HSIRDY)) {
        /* The core starts on the HSI, so real silicon always shows it ready. An RCC that
         * reads all zero is an emulator's stand-in: QEMU's netduinoplus2 runs the core
         * at a fixed 168 MHz, the clock the F405 boards it models ask for. Count time
         * at the board's clock, as the hardware would after the switch below. */
        sysclk_hz = BOARD_SYSCLK_HZ;
        apb_div[0] = MPF_CLOCK_APB1_DIV;
        apb_div[1] = MPF_CLOCK_APB2_DIV;
        return;
    }
    uint32_t source_hz = MPF_CLOCK_HSE_HZ;
    uint32_t pll_m = MPF_CLOCK_PLL_M;
    uint32_t pll_src = RCC_PLLCFGR_SRC_HSE;

#if defined(MPF_CLOCK_SOURCE_HSE_BYPASS)
    RCC_CR |= RCC_CR_HSEBYP; /* an oscillator's output (the ST-LINK's MCO), no crystal */
#endif
    RCC_CR |= RCC_CR_HSEON;
    if (!wait_for(&RCC_CR, RCC_CR_HSERDY, RCC_CR_HSERDY)) {
        /* no crystal: keep the PLL's 1 or 2 MHz input by dividing the HSI instead */
        RCC_CR &= ~(RCC_CR_HSEON | RCC_CR_HSEBYP);
        source_hz = MPF_CLOCK_HSI_HZ;
        pll_m = MPF_CLOCK_PLL_M * MPF_CLOCK_HSI_HZ / MPF_CLOCK_HSE_HZ;
        pll_src = 0;
    }
    RCC_PLLCFGR = pll_m | (MPF_CLOCK_PLL_N << 6) | (((MPF_CLOCK_PLL_P / 2u) - 1u) << 16) |
                  pll_src | (MPF_CLOCK_PLL_Q << 24);
    RCC_CR |= RCC_CR_PLLON;
    if (!wait_for(&RCC_CR, RCC_CR_PLLRDY, RCC_CR_PLLRDY)) {
        RCC_CR &= ~RCC_CR_PLLON;
        return; /* stay on the HSI, buses undivided */
    }
    /* wait states before the faster clock, bus dividers before the switch */
    FLASH_ACR = MPF_CLOCK_FLASH_LATENCY | FLASH_ACR_PRFTEN | FLASH_ACR_ICEN | FLASH_ACR_DCEN;
    RCC_CFGR = (RCC_CFGR & ~((7u << RCC_CFGR_PPRE1_SHIFT) | (7u << RCC_CFGR_PPRE2_SHIFT) |
                             (0xFu << 4))) |
               (ppre_bits(MPF_CLOCK_APB1_DIV) << RCC_CFGR_PPRE1_SHIFT) |
               (ppre_bits(MPF_CLOCK_APB2_DIV) << RCC_CFGR_PPRE2_SHIFT);
    RCC_CFGR = (RCC_CFGR & ~RCC_CFGR_SW_MASK) | RCC_CFGR_SW_PLL;
    if (!wait_for(&RCC_CFGR, RCC_CFGR_SWS_MASK, RCC_CFGR_SWS_PLL)) {
        RCC_CFGR &= ~RCC_CFGR_SW_MASK;
        return;
    }
    sysclk_hz = source_hz / pll_m * MPF_CLOCK_PLL_N / MPF_CLOCK_PLL_P;
    apb_div[0] = MPF_CLOCK_APB1_DIV;
    apb_div[1] = MPF_CLOCK_APB2_DIV;
#endif
}

uint32_t clock_sysclk_hz(void) {
    return sysclk_hz;
}

uint32_t clock_apb_hz(int bus) {
    return sysclk_hz / apb_div[bus == 2 ? 1 : 0];
}
