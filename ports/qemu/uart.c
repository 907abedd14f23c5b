/* The console: a CMSDK APB UART, polled transmit. */
#include "mpfloader.h"
#include "port.h"

#define TXFULL_TIMEOUT (100000u)

void uart_init(void) {
    /* BAUDDIV is the UART clock (the system clock) over the baud rate, at least 16 */
    CMSDK_UART_BAUDDIV(MPF_CONSOLE_BASE) = MPF_CLOCK_SYSCLK_HZ / MPF_CONSOLE_BAUD;
    CMSDK_UART_CTRL(MPF_CONSOLE_BASE) = CMSDK_UART_CTRL_TXEN | CMSDK_UART_CTRL_RXEN;
}

static void uart_put(char c) {
    for (uint32_t i = 0; i < TXFULL_TIMEOUT; i++) {
        if (!(CMSDK_UART_STATE(MPF_CONSOLE_BASE) & CMSDK_UART_STATE_TXFULL)) {
            break;
        }
    }
    CMSDK_UART_DATA(MPF_CONSOLE_BASE) = (uint8_t)c;
}

void uart_write(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\n') {
            uart_put('\r');
        }
        uart_put(s[i]);
    }
}

#define CMSDK_UART_STATE_RXFULL (1u << 1)

int uart_poll(void) {
    if (!(CMSDK_UART_STATE(MPF_CONSOLE_BASE) & CMSDK_UART_STATE_RXFULL)) {
        return -1;
    }
    return (int)(CMSDK_UART_DATA(MPF_CONSOLE_BASE) & 0xFFu);
}
