/* STM32F0 clock tree: SYSCLK from the 48 MHz HSI48 when the board asks, else the 8 MHz
 * HSI. The F0 has one APB, run undivided. Every wait is bounded. */
#include "port.h"
#include "stm32.h"

#ifndef MPF_CLOCK_HSI_HZ
#define MPF_CLOCK_HSI_HZ (8000000u)
#endif
#define HSI48_HZ (48000000u)

static uint32_t sysclk_hz = MPF_CLOCK_HSI_HZ;

void clock_init(void) {
#if defined(MPF_CLOCK_SOURCE_HSI48)
    RCC_CR2 |= RCC_CR2_HSI48ON;
    if (!wait_for(&RCC_CR2, RCC_CR2_HSI48RDY, RCC_CR2_HSI48RDY)) {
        RCC_CR2 &= ~RCC_CR2_HSI48ON;
        return;
    }
    /* one wait state above 24 MHz, set before the switch */
    FLASH_ACR = 1u | FLASH_ACR_PRFTBE;
    RCC_CFGR = (RCC_CFGR & ~RCC_CFGR_SW_MASK) | RCC_CFGR_SW_HSI48;
    if (!wait_for(&RCC_CFGR, RCC_CFGR_SWS_MASK, RCC_CFGR_SWS_HSI48)) {
        RCC_CFGR &= ~RCC_CFGR_SW_MASK;
        return;
    }
    sysclk_hz = HSI48_HZ;
#endif
}

uint32_t clock_sysclk_hz(void) {
    return sysclk_hz;
}

uint32_t clock_apb_hz(int bus) {
    (void)bus;
    return sysclk_hz;
}
