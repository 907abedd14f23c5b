/* The serial loader on the CMSDK console UART (ports/loader): polled receive. */
#include "mpfloader.h"
#include "port.h"

#define CMSDK_UART_STATE_RXFULL (1u << 1)

int mpf_loader_port_getc(void) {
    while (!(CMSDK_UART_STATE(MPF_CONSOLE_BASE) & CMSDK_UART_STATE_RXFULL)) {
    }
    return (int)(CMSDK_UART_DATA(MPF_CONSOLE_BASE) & 0xFFu);
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
