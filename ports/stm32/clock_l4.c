/* STM32L4 clock tree: the 4 MHz MSI (the reset clock) -> PLL -> SYSCLK via PLLR.
 * Every wait is bounded; on a timeout the MCU stays on the MSI. */
#include "port.h"
#include "stm32.h"

#define MSI_HZ (4000000u)
#ifndef MPF_CLOCK_APB1_DIV
#define MPF_CLOCK_APB1_DIV (1u)
#endif
#ifndef MPF_CLOCK_APB2_DIV
#define MPF_CLOCK_APB2_DIV (1u)
#endif
#ifndef MPF_CLOCK_FLASH_LATENCY
#define MPF_CLOCK_FLASH_LATENCY (4u)
#endif

static uint32_t sysclk_hz = MSI_HZ;
static uint32_t apb_div[2] = {1, 1};

void clock_init(void) {
#if defined(MPF_CLOCK_PLL_N) && defined(MPF_CLOCK_PLL_R)
    if (!wait_for(&RCC_CR, RCC_CR_MSIRDY, RCC_CR_MSIRDY)) {
        return;
    }
    /* PLLM is M-1 in bits 6:4, PLLN bits 14:8, PLLR (R/2-1) bits 26:25 */
    RCC_PLLCFGR = RCC_PLLCFGR_SRC_MSI | ((MPF_CLOCK_PLL_M - 1u) << 4) | (MPF_CLOCK_PLL_N << 8) |
                  (((MPF_CLOCK_PLL_R / 2u) - 1u) << 25) | RCC_PLLCFGR_PLLREN;
    RCC_CR |= RCC_CR_PLLON;
    if (!wait_for(&RCC_CR, RCC_CR_PLLRDY, RCC_CR_PLLRDY)) {
        RCC_CR &= ~RCC_CR_PLLON;
        return;
    }
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
    sysclk_hz = MSI_HZ / MPF_CLOCK_PLL_M * MPF_CLOCK_PLL_N / MPF_CLOCK_PLL_R;
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
