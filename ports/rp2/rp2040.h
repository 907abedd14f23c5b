/* The RP2040 registers this port touches (RP2040 datasheet, chapter 2 and 4). */
#ifndef MPF_RP2040_H
#define MPF_RP2040_H

#include <stdint.h>

#include "cortexm.h"
#include "genhdr/mpconfigboard.h"

/* every APB block has atomic aliases: +0x2000 sets bits, +0x3000 clears them */
#define REG_SET(addr) REG32((addr) + 0x2000u)
#define REG_CLR(addr) REG32((addr) + 0x3000u)

#define RESETS_BASE (0x4000C000u)
#define RESETS_RESET (RESETS_BASE + 0x0u)
#define RESETS_DONE REG32(RESETS_BASE + 0x8u)
#define RESET_IO_BANK0 (1u << 5)
#define RESET_PADS_BANK0 (1u << 8)
#define RESET_PLL_SYS (1u << 12)
#define RESET_TIMER (1u << 21)

#define CLOCKS_BASE (0x40008000u)
#define CLK_REF_CTRL REG32(CLOCKS_BASE + 0x30u)
#define CLK_REF_SELECTED REG32(CLOCKS_BASE + 0x38u)
#define CLK_SYS_CTRL REG32(CLOCKS_BASE + 0x3Cu)
#define CLK_SYS_SELECTED REG32(CLOCKS_BASE + 0x44u)
#define CLK_PERI_CTRL REG32(CLOCKS_BASE + 0x48u)
#define CLK_PERI_ENABLE (1u << 11)
#define CLK_REF_SRC_XOSC (2u)
#define CLK_SYS_SRC_AUX (1u)

#define XOSC_BASE (0x40024000u)
#define XOSC_CTRL REG32(XOSC_BASE + 0x00u)
#define XOSC_STATUS REG32(XOSC_BASE + 0x04u)
#define XOSC_STARTUP REG32(XOSC_BASE + 0x0Cu)
#define XOSC_CTRL_1_15MHZ (0xAA0u)
#define XOSC_CTRL_ENABLE (0xFABu << 12)
#define XOSC_STATUS_STABLE (1u << 31)

#define PLL_SYS_BASE (0x40028000u)
#define PLL_CS REG32(PLL_SYS_BASE + 0x0u)
#define PLL_PWR (PLL_SYS_BASE + 0x4u)
#define PLL_FBDIV_INT REG32(PLL_SYS_BASE + 0x8u)
#define PLL_PRIM REG32(PLL_SYS_BASE + 0xCu)
#define PLL_CS_LOCK (1u << 31)
#define PLL_PWR_PD (1u << 0)
#define PLL_PWR_POSTDIVPD (1u << 3)
#define PLL_PWR_VCOPD (1u << 5)

/* the watchdog's tick generator divides clk_ref down to the timer's 1 MHz */
#define WATCHDOG_TICK REG32(0x40058000u + 0x2Cu)
#define WATCHDOG_TICK_ENABLE (1u << 9)
#define TIMER_BASE (0x40054000u)
#define TIMER_TIMERAWH REG32(TIMER_BASE + 0x24u)
#define TIMER_TIMERAWL REG32(TIMER_BASE + 0x28u)

#define IO_BANK0_BASE (0x40014000u)
#define GPIO_CTRL(pin) REG32(IO_BANK0_BASE + 0x04u + 8u * (pin))
#define GPIO_FUNC_UART (2u)
#define GPIO_FUNC_SIO (5u)
#define PADS_BANK0_BASE (0x4001C000u)
#define PADS_GPIO(pin) (PADS_BANK0_BASE + 0x04u + 4u * (pin))
#define PADS_PDE (1u << 2)
#define PADS_PUE (1u << 3)
#define PADS_IE (1u << 6)
#define PADS_OD (1u << 7)

#define SIO_BASE (MPF_GPIO_BASE)
#define SIO_GPIO_IN REG32(SIO_BASE + 0x04u)
#define SIO_GPIO_OUT_SET REG32(SIO_BASE + 0x14u)
#define SIO_GPIO_OUT_CLR REG32(SIO_BASE + 0x18u)
#define SIO_GPIO_OE_SET REG32(SIO_BASE + 0x24u)
#define SIO_GPIO_OE_CLR REG32(SIO_BASE + 0x28u)

/* PL011 */
#define UART_DR(base) REG32((base) + 0x00u)
#define UART_FR(base) REG32((base) + 0x18u)
#define UART_IBRD(base) REG32((base) + 0x24u)
#define UART_FBRD(base) REG32((base) + 0x28u)
#define UART_LCR_H(base) REG32((base) + 0x2Cu)
#define UART_CR(base) REG32((base) + 0x30u)
#define UART_FR_TXFF (1u << 5)
#define UART_LCR_H_8N1_FIFO ((3u << 5) | (1u << 4))
#define UART_CR_ENABLE ((1u << 0) | (1u << 8) | (1u << 9))

/* Loop iterations a clock may take; the crystal starts in about 1 ms */
#define READY_TIMEOUT (0x50000u)

static inline int wait_for(volatile uint32_t *reg, uint32_t mask, uint32_t want) {
    for (uint32_t i = 0; i < READY_TIMEOUT; i++) {
        if ((*reg & mask) == want) {
            return 1;
        }
    }
    return 0;
}

/* out of reset, and wait (bounded) until the block says it is */
static inline void unreset(uint32_t bits) {
    REG_CLR(RESETS_RESET) = bits;
    wait_for(&RESETS_DONE, bits, bits);
}

void clock_init(void);
uint32_t clock_sysclk_hz(void);
uint32_t clock_ref_hz(void);
void timer_init(void);
void uart_init(void);
void gpio_mode(uint32_t port, uint32_t pin, uint32_t mode); /* 0 in, 1 out */
void gpio_write(uint32_t port, uint32_t pin, int value);
int gpio_read(uint32_t port, uint32_t pin);

#endif /* MPF_RP2040_H */
