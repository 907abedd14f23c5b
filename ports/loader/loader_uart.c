/* The serial loader on a port's console UART: the port's uart_poll and uart_write. */
#include "mpf.h"
#include "mpfloader.h"

int mpf_loader_port_getc(int timeout_ms) {
    uint64_t start = mpf_port_time_us();
    for (uint32_t spin = 1;; ++spin) {
        int c = uart_poll();
        if (c >= 0) {
            return c;
        }
        /* the clock only now and then: under QEMU each read of a timer register leaves
         * the guest and takes the lock that the thread delivering serial input needs */
        if (timeout_ms >= 0 && (spin & 0x3FFu) == 0 &&
            mpf_port_time_us() - start >= (uint32_t)timeout_ms * 1000u) {
            return MPF_LOADER_TIMEOUT;
        }
    }
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
