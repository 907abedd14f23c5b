/* What the stm32 port's files give each other. */
#ifndef MPF_STM32_PORT_H
#define MPF_STM32_PORT_H

#include <stddef.h>
#include <stdint.h>

/* clock.c: brings SYSCLK up and says at what rate the buses run */
void clock_init(void);
uint32_t clock_sysclk_hz(void);
uint32_t clock_apb_hz(int bus);

/* uart.c: the console */
void uart_init(void);
void uart_write(const char *s, size_t n);

/* semihosting.c: talks to the debugger or QEMU; only with MPF_FEATURE_SEMIHOSTING */
void semihosting_exit(int status) __attribute__((noreturn));
int semihosting_cmdline(char *buf, size_t size);

/* main.c: how the port ends, with or without a host to tell */
void port_exit(int status) __attribute__((noreturn));

#endif /* MPF_STM32_PORT_H */
