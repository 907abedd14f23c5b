/* The serial loader on the console USART (ports/loader): polled receive, the console's
 * transmit. */
#include "mpfloader.h"
#include "port.h"
#include "stm32.h"

#if defined(USART_V1)
#define USART_RDR(base) REG32((base) + 0x04u) /* DR: one register both ways */
#else
#define USART_RDR(base) REG32((base) + 0x24u)
#endif
#define USART_STATUS_RXNE (1u << 5)

int mpf_loader_port_getc(void) {
    while (!(USART_STATUS(MPF_CONSOLE_BASE) & USART_STATUS_RXNE)) {
    }
    return (int)(USART_RDR(MPF_CONSOLE_BASE) & 0xFFu);
}

void mpf_loader_port_put(const char *s, size_t n) {
    uart_write(s, n);
}

void mpf_loader_port_flush(void) {
}

/* A quarter of the heap holds the module the host sends; the rest is its heap. */
int port_loader(uint8_t *heap, size_t size) {
    size_t buf = (size / 4) & ~(size_t)7;
    return mpf_loader_main(heap, buf, heap + buf, size - buf);
}
