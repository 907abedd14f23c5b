/* The ESP8266 registers this port touches, and what its files give each other. */
#ifndef MPF_ESP8266_H
#define MPF_ESP8266_H

#include <stddef.h>
#include <stdint.h>

#include "genhdr/mpconfigboard.h"

#define REG32(addr) (*(volatile uint32_t *)(uintptr_t)(addr))

#define UART_FIFO(base) REG32((base) + 0x00u)
#define UART_CLKDIV(base) REG32((base) + 0x14u)
#define UART_STATUS(base) REG32((base) + 0x1Cu)
#define UART_TXFIFO_CNT(status) (((status) >> 16) & 0xFFu)
#define UART_TXFIFO_SIZE (128u)

#define GPIO_OUT_W1TS REG32(MPF_GPIO_BASE + 0x04u)
#define GPIO_OUT_W1TC REG32(MPF_GPIO_BASE + 0x08u)
#define GPIO_ENABLE_W1TS REG32(MPF_GPIO_BASE + 0x10u)
#define GPIO_ENABLE_W1TC REG32(MPF_GPIO_BASE + 0x14u)
#define GPIO_IN REG32(MPF_GPIO_BASE + 0x18u)
/* GPIO_PINn: bit 2 makes the pad open drain */
#define GPIO_PIN(n) REG32(MPF_GPIO_BASE + 0x28u + 4u * (n))
#define GPIO_PIN_PAD_DRIVER (1u << 2)

/* an IO_MUX register: the function in bits 4, 5 and 8; bit 7 the pull-up */
#define IOMUX_FUNC_MASK (0x13u << 4)
#define IOMUX_FUNC(f) (((((f) & 4u) << 2) | ((f) & 3u)) << 4)
#define IOMUX_PULLUP (1u << 7)

/* boot ROM routine (its address is in the linker script): map flash into the cache */
void Cache_Read_Enable(uint8_t odd_even, uint8_t mb_count, uint8_t no_idea);
/* the boot ROM's reset vector: starts the boot over */
void _ResetVector(void) __attribute__((noreturn));

void uart_init(void);
void uart_write(const char *s, size_t n);
uint32_t clock_sysclk_hz(void);
void gpio_mode(uint32_t port, uint32_t pin, uint32_t mode); /* 0 in, 1 out */
void gpio_write(uint32_t port, uint32_t pin, int value);
int gpio_read(uint32_t port, uint32_t pin);

#endif /* MPF_ESP8266_H */
