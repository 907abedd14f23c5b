/* The console on UART0: the ROM has set its pins; polled transmit into the FIFO. */
#include "mpfloader.h"
#include "esp8266.h"

#define FIFO_TIMEOUT (100000u)

void uart_init(void) {
    /* CLKDIV is the APB clock over the baud rate */
    UART_CLKDIV(MPF_CONSOLE_BASE) = MPF_CLOCK_SYSCLK_HZ / MPF_CONSOLE_BAUD;
}

static void uart_put(char c) {
    for (uint32_t i = 0; i < FIFO_TIMEOUT; i++) {
        if (UART_TXFIFO_CNT(UART_STATUS(MPF_CONSOLE_BASE)) < UART_TXFIFO_SIZE - 1u) {
            break;
        }
    }
    UART_FIFO(MPF_CONSOLE_BASE) = (uint8_t)c;
}

void uart_write(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\n') {
            uart_put('\r');
        }
        uart_put(s[i]);
    }
}

#define UART_RXFIFO_CNT(status) ((status) & 0xFFu)

int uart_poll(void) {
    if (UART_RXFIFO_CNT(UART_STATUS(MPF_CONSOLE_BASE)) == 0) {
        return -1;
    }
    return (int)(UART_FIFO(MPF_CONSOLE_BASE) & 0xFFu);
}
