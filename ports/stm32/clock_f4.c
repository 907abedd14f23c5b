/* Clock tree: HSE -> PLL -> SYSCLK as the board says, falling back to the 16 MHz HSI.
 *
 * Every wait is bounded: a board without its crystal, or QEMU (which does not model
 * the RCC; its registers read as zero), must still boot and talk on the console. */
#include "genhdr/mpconfigboard.h"
#include "port.h"
#include "stm32f4.h"

#define HSI_HZ (16000000u)
/* Loop iterations; about 80 ms at 16 MHz, well past the crystal's start-up time. */
#define READY_TIMEOUT (0x50000u)

static uint32_t sysclk_hz = HSI_HZ;
static uint32_t apb_div[2] = {1, 1};

static int wait_for(volatile uint32_t *reg, uint32_t mask, uint32_t want) {
    for (uint32_t i = 0; i < READY_TIMEOUT; i++) {
        if ((*reg & mask) == want) {
            return 1;
        }
    }
    return 0;
}

static uint32_t ppre_bits(uint32_t div) {
    /* RM0090 CFGR PPREx: 0xx is /1, 100 /2, 101 /4, 110 /8, 111 /16 */
    switch (div) {
        case 2: return 4;
        case 4: return 5;
        case 8: return 6;
        case 16: return 7;
        default: return 0;
    }
}

void clock_init(void) {
    uint32_t source_hz = MPF_CLOCK_HSE_HZ;
    uint32_t pll_m = MPF_CLOCK_PLL_M;
    uint32_t pll_src = RCC_PLLCFGR_SRC_HSE;

    RCC_CR |= RCC_CR_HSEON;
    if (!wait_for(&RCC_CR, RCC_CR_HSERDY, RCC_CR_HSERDY)) {
        /* no crystal: keep the PLL's 1 or 2 MHz input by dividing the HSI instead */
        RCC_CR &= ~RCC_CR_HSEON;
        source_hz = HSI_HZ;
        pll_m = MPF_CLOCK_PLL_M * HSI_HZ / MPF_CLOCK_HSE_HZ;
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
    RCC_CFGR = (RCC_CFGR & ~((7u << 10) | (7u << 13) | (0xFu << 4))) |
               (ppre_bits(MPF_CLOCK_APB1_DIV) << 10) | (ppre_bits(MPF_CLOCK_APB2_DIV) << 13);
    RCC_CFGR = (RCC_CFGR & ~RCC_CFGR_SW_MASK) | RCC_CFGR_SW_PLL;
    if (!wait_for(&RCC_CFGR, RCC_CFGR_SWS_MASK, RCC_CFGR_SWS_PLL)) {
        RCC_CFGR &= ~RCC_CFGR_SW_MASK;
        return;
    }
    sysclk_hz = source_hz / pll_m * MPF_CLOCK_PLL_N / MPF_CLOCK_PLL_P;
    apb_div[0] = MPF_CLOCK_APB1_DIV;
    apb_div[1] = MPF_CLOCK_APB2_DIV;
}

uint32_t clock_sysclk_hz(void) {
    return sysclk_hz;
}

uint32_t clock_apb_hz(int bus) {
    return sysclk_hz / apb_div[bus == 2 ? 1 : 0];
}
