/* What the stm32 port's files give each other. */
#ifndef MPF_STM32_PORT_H
#define MPF_STM32_PORT_H

#include <stddef.h>
#include <stdint.h>

#include "cortexm.h"

/* clock_<family>.c: brings SYSCLK up and says at what rate the buses run */
void clock_init(void);
uint32_t clock_sysclk_hz(void);
uint32_t clock_apb_hz(int bus);

/* uart.c: the console */
void uart_init(void);

/* gpio.c: pins as (port, pin), port 0 is A */
void gpio_enable(uint32_t port);
void gpio_mode(uint32_t port, uint32_t pin, uint32_t mode); /* 0 in, 1 out, 2 af */
void gpio_af(uint32_t port, uint32_t pin, uint32_t af);
void gpio_write(uint32_t port, uint32_t pin, int value);
int gpio_read(uint32_t port, uint32_t pin);

#endif /* MPF_STM32_PORT_H */
