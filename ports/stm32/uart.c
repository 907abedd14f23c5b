/* The console USART: polled transmit, 8N1, no interrupts; both register layouts. */
#include "mpfloader.h"
#include "port.h"
#include "stm32.h"

#define TXE_TIMEOUT (100000u)

#if defined(MPF_CONSOLE_BUS_APB2)
#define CONSOLE_BUS 2
#else
#define CONSOLE_BUS 1
#endif

void uart_init(void) {
#ifdef MPF_CONSOLE_TX_PORT
    gpio_af(MPF_CONSOLE_TX_PORT, MPF_CONSOLE_TX_PIN, MPF_CONSOLE_AF);
#endif
#ifdef MPF_CONSOLE_RX_PORT
    gpio_af(MPF_CONSOLE_RX_PORT, MPF_CONSOLE_RX_PIN, MPF_CONSOLE_AF);
#endif
    REG32(MPF_CONSOLE_ENABLE_REG) |= 1u << MPF_CONSOLE_ENABLE_BIT;
    /* oversampling by 16: BRR holds pclk / baud as 12.4 fixed point, rounded */
    uint32_t pclk = clock_apb_hz(CONSOLE_BUS);
    USART_BRR(MPF_CONSOLE_BASE) = (pclk + MPF_CONSOLE_BAUD / 2) / MPF_CONSOLE_BAUD;
    USART_CR1(MPF_CONSOLE_BASE) = USART_CR1_UE | USART_CR1_TE | USART_CR1_RE;
}

static void uart_put(char c) {
    /* bounded, so a dead UART costs time rather than hanging the program */
    for (uint32_t i = 0; i < TXE_TIMEOUT; i++) {
        if (USART_STATUS(MPF_CONSOLE_BASE) & USART_STATUS_TXE) {
            break;
        }
    }
    USART_TDR(MPF_CONSOLE_BASE) = (uint8_t)c;
}

void uart_write(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        /* terminals want CR LF; the runner turns it back into LF */
        if (s[i] == '\n') {
            uart_put('\r');
        }
        uart_put(s[i]);
    }
}

#if defined(USART_V1)
#define USART_RDR(base) REG32((base) + 0x04u) /* DR: one register both ways */
#else
#define USART_RDR(base) REG32((base) + 0x24u)
#endif
#define USART_STATUS_RXNE (1u << 5)

int uart_poll(void) {
    if (!(USART_STATUS(MPF_CONSOLE_BASE) & USART_STATUS_RXNE)) {
        return -1;
    }
    return (int)(USART_RDR(MPF_CONSOLE_BASE) & 0xFFu);
}
