/* The STM32 registers this port touches, per family (RM0090 F4, RM0091 F0, RM0351 L4).
 *
 * Peripheral bases that differ between parts (UARTs, GPIO, their clock enables) come
 * from the MCU file through genhdr/mpconfigboard.h; what is here is the layout. */
#ifndef MPF_STM32_H
#define MPF_STM32_H

#include <stdint.h>

#include "cortexm.h"
#include "genhdr/mpconfigboard.h"

#if defined(MPF_FAMILY_STM32F4)
#define RCC_BASE (0x40023800u)
#define FLASH_ACR REG32(0x40023C00u)
#define RCC_CR REG32(RCC_BASE + 0x00u)
#define RCC_PLLCFGR REG32(RCC_BASE + 0x04u)
#define RCC_CFGR REG32(RCC_BASE + 0x08u)
#define RCC_CFGR_PPRE1_SHIFT (10)
#define RCC_CFGR_PPRE2_SHIFT (13)
#define RCC_CR_HSEBYP (1u << 18)
#define RCC_CR_HSIRDY (1u << 1)
#define RCC_PLLCFGR_SRC_HSE (1u << 22)
#define FLASH_ACR_PRFTEN (1u << 8)
#define FLASH_ACR_ICEN (1u << 9)
#define FLASH_ACR_DCEN (1u << 10)
#define USART_V1 (1) /* SR, DR, BRR, CR1 */
#elif defined(MPF_FAMILY_STM32F0)
#define RCC_BASE (0x40021000u)
#define FLASH_ACR REG32(0x40022000u)
#define RCC_CR REG32(RCC_BASE + 0x00u)
#define RCC_CFGR REG32(RCC_BASE + 0x04u)
#define RCC_CR2 REG32(RCC_BASE + 0x34u)
#define RCC_CR2_HSI48ON (1u << 16)
#define RCC_CR2_HSI48RDY (1u << 17)
#define RCC_CFGR_SW_HSI48 (3u << 0)
#define RCC_CFGR_SWS_HSI48 (3u << 2)
#define FLASH_ACR_PRFTBE (1u << 4)
#define USART_V2 (1) /* CR1, BRR, ISR, TDR */
#elif defined(MPF_FAMILY_STM32L4)
#define RCC_BASE (0x40021000u)
#define FLASH_ACR REG32(0x40022000u)
#define RCC_CR REG32(RCC_BASE + 0x00u)
#define RCC_CFGR REG32(RCC_BASE + 0x08u)
#define RCC_PLLCFGR REG32(RCC_BASE + 0x0Cu)
#define RCC_CFGR_PPRE1_SHIFT (8)
#define RCC_CFGR_PPRE2_SHIFT (11)
#define RCC_CR_MSION (1u << 0)
#define RCC_CR_MSIRDY (1u << 1)
#define RCC_PLLCFGR_SRC_MSI (1u << 0)
#define RCC_PLLCFGR_PLLREN (1u << 24)
#define FLASH_ACR_PRFTEN (1u << 8)
#define FLASH_ACR_ICEN (1u << 9)
#define FLASH_ACR_DCEN (1u << 10)
#define USART_V2 (1)
#else
#error "stm32 port: the MCU file names no family this port knows"
#endif

/* the same bit positions on every family */
#define RCC_CR_HSEON (1u << 16)
#define RCC_CR_HSERDY (1u << 17)
#define RCC_CR_PLLON (1u << 24)
#define RCC_CR_PLLRDY (1u << 25)
#define RCC_CFGR_SW_MASK (3u << 0)
#define RCC_CFGR_SW_PLL (2u << 0)
#define RCC_CFGR_SWS_MASK (3u << 2)
#define RCC_CFGR_SWS_PLL (2u << 2)

/* L4's PLL is switch value 3, F0/F4's 2 */
#if defined(MPF_FAMILY_STM32L4)
#undef RCC_CFGR_SW_PLL
#undef RCC_CFGR_SWS_PLL
#define RCC_CFGR_SW_PLL (3u << 0)
#define RCC_CFGR_SWS_PLL (3u << 2)
#endif

/* GPIO: one layout on F0, F4 and L4; port N at MPF_GPIO_BASE + N * MPF_GPIO_STRIDE */
#define GPIO_PORT_BASE(port) (MPF_GPIO_BASE + MPF_GPIO_STRIDE * (port))
#define GPIO_MODER(port) REG32(GPIO_PORT_BASE(port) + 0x00u)
#define GPIO_OTYPER(port) REG32(GPIO_PORT_BASE(port) + 0x04u)
#define GPIO_PUPDR(port) REG32(GPIO_PORT_BASE(port) + 0x0Cu)
#define GPIO_IDR(port) REG32(GPIO_PORT_BASE(port) + 0x10u)
#define GPIO_ODR(port) REG32(GPIO_PORT_BASE(port) + 0x14u)
#define GPIO_BSRR(port) REG32(GPIO_PORT_BASE(port) + 0x18u)
#define GPIO_AFR(port, pin) REG32(GPIO_PORT_BASE(port) + 0x20u + 4u * ((pin) >> 3))

#if defined(USART_V1)
#define USART_STATUS(base) REG32((base) + 0x00u)
#define USART_TDR(base) REG32((base) + 0x04u)
#define USART_BRR(base) REG32((base) + 0x08u)
#define USART_CR1(base) REG32((base) + 0x0Cu)
#define USART_CR1_UE (1u << 13)
#else
#define USART_CR1(base) REG32((base) + 0x00u)
#define USART_BRR(base) REG32((base) + 0x0Cu)
#define USART_STATUS(base) REG32((base) + 0x1Cu)
#define USART_TDR(base) REG32((base) + 0x28u)
#define USART_CR1_UE (1u << 0)
#endif
#define USART_STATUS_TXE (1u << 7)
#define USART_CR1_TE (1u << 3)
#define USART_CR1_RE (1u << 2)

/* Loop iterations a clock may take to report ready; about 80 ms at 16 MHz, past any
 * crystal's start-up. QEMU does not model the RCC: every wait times out there. */
#define READY_TIMEOUT (0x50000u)

static inline int wait_for(volatile uint32_t *reg, uint32_t mask, uint32_t want) {
    for (uint32_t i = 0; i < READY_TIMEOUT; i++) {
        if ((*reg & mask) == want) {
            return 1;
        }
    }
    return 0;
}

/* CFGR PPREx: 0xx is /1, 100 /2, 101 /4, 110 /8, 111 /16 (F0, F4, L4 alike) */
static inline uint32_t ppre_bits(uint32_t div) {
    switch (div) {
        case 2: return 4;
        case 4: return 5;
        case 8: return 6;
        case 16: return 7;
        default: return 0;
    }
}

#endif /* MPF_STM32_H */
