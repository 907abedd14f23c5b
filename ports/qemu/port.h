/* What the qemu port's files give each other (MPS2: CMSDK peripherals). */
#ifndef MPF_QEMU_PORT_H
#define MPF_QEMU_PORT_H

#include <stddef.h>
#include <stdint.h>

#include "cortexm.h"
#include "genhdr/mpconfigboard.h"

#define CMSDK_UART_DATA(base) REG32((base) + 0x00u)
#define CMSDK_UART_STATE(base) REG32((base) + 0x04u)
#define CMSDK_UART_CTRL(base) REG32((base) + 0x08u)
#define CMSDK_UART_BAUDDIV(base) REG32((base) + 0x10u)
#define CMSDK_UART_STATE_TXFULL (1u << 0)
#define CMSDK_UART_CTRL_TXEN (1u << 0)
#define CMSDK_UART_CTRL_RXEN (1u << 1)

#define CMSDK_GPIO(port) (MPF_GPIO_BASE + MPF_GPIO_STRIDE * (port))
#define CMSDK_GPIO_DATA(port) REG32(CMSDK_GPIO(port) + 0x00u)
#define CMSDK_GPIO_DATAOUT(port) REG32(CMSDK_GPIO(port) + 0x04u)
#define CMSDK_GPIO_OUTENSET(port) REG32(CMSDK_GPIO(port) + 0x10u)
#define CMSDK_GPIO_OUTENCLR(port) REG32(CMSDK_GPIO(port) + 0x14u)

/* the FPGA's own registers (AN385: FPGA IO at 0x40028000), LED0 holds the user LEDs */
#define FPGAIO_BASE (0x40028000u)
#define FPGAIO_LED0 REG32(FPGAIO_BASE + 0x00u)

void uart_init(void);
void clock_init(void);
uint32_t clock_sysclk_hz(void);

/* gpio.c: pins as (port, pin) */
void gpio_mode(uint32_t port, uint32_t pin, uint32_t mode); /* 0 in, 1 out */
void gpio_write(uint32_t port, uint32_t pin, int value);
int gpio_read(uint32_t port, uint32_t pin);

#endif /* MPF_QEMU_PORT_H */
