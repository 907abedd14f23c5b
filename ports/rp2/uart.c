/* The console: a PL011 UART on clk_peri (= clk_sys), polled transmit, 8N1. */
#include "mpfloader.h"
#include "rp2040.h"

#define TXFF_TIMEOUT (100000u)

void uart_init(void) {
    unreset(RESET_IO_BANK0 | RESET_PADS_BANK0);
    REG_SET(RESETS_RESET) = 1u << MPF_CONSOLE_RESET_BIT;
    unreset(1u << MPF_CONSOLE_RESET_BIT);
#ifdef MPF_CONSOLE_TX_PIN
    GPIO_CTRL(MPF_CONSOLE_TX_PIN) = GPIO_FUNC_UART;
#endif
#ifdef MPF_CONSOLE_RX_PIN
    REG_SET(PADS_GPIO(MPF_CONSOLE_RX_PIN)) = PADS_IE;
    GPIO_CTRL(MPF_CONSOLE_RX_PIN) = GPIO_FUNC_UART;
#endif
    /* divisor = clk / (16 * baud) as 16.6 fixed point, rounded */
    uint32_t div = (8u * clock_sysclk_hz() / MPF_CONSOLE_BAUD + 1u) / 2u;
    UART_IBRD(MPF_CONSOLE_BASE) = div >> 6;
    UART_FBRD(MPF_CONSOLE_BASE) = div & 0x3Fu;
    UART_LCR_H(MPF_CONSOLE_BASE) = UART_LCR_H_8N1_FIFO; /* also latches the divisor */
    UART_CR(MPF_CONSOLE_BASE) = UART_CR_ENABLE;
}

static void uart_put(char c) {
    for (uint32_t i = 0; i < TXFF_TIMEOUT; i++) {
        if (!(UART_FR(MPF_CONSOLE_BASE) & UART_FR_TXFF)) {
            break;
        }
    }
    UART_DR(MPF_CONSOLE_BASE) = (uint8_t)c;
}

void uart_write(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\n') {
            uart_put('\r');
        }
        uart_put(s[i]);
    }
}

#define UART_FR_RXFE (1u << 4)

int uart_poll(void) {
    if (UART_FR(MPF_CONSOLE_BASE) & UART_FR_RXFE) {
        return -1;
    }
    return (int)(UART_DR(MPF_CONSOLE_BASE) & 0xFFu);
}
