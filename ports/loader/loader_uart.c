/* The serial loader on a port's console UART: the port's uart_getc and uart_write. */
#include "mpfloader.h"

int mpf_loader_port_getc(int timeout_ms) {
    return uart_getc(timeout_ms);
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
