/* The serial loader: runs .mpy modules the host sends over the console line (the
 * `mpforge repl`, `exec` and `put` protocol; docs/architecture.md, "The serial loader").
 *
 * host -> device   SOH(0x01) cmd length(u32 LE) payload crc32(u32 LE, over cmd..payload)
 *   'H' hello      payload: a token; reply STX "mpf-loader 1 <buffer bytes> <token>" ETX
 *   'X' execute    payload: source name, NUL, .mpy image; reply ACK, the program's output
 *                  (EOT and DLE bytes sent as DLE, byte ^ 0x20), EOT, '0' or '1' (status)
 *   'S' statement  as 'X', in the globals the 'S' before it left (a REPL session); the
 *                  first 'S', and every 'X', starts with a fresh runtime
 *   rejected       NAK and a reason: 'C' CRC, 'L' longer than the buffer, 'U' command,
 *                  'F' no NUL after the name, 'T' the frame stopped for over a second
 *                  (the rest of it is then taken as noise)
 * Bytes outside a frame are ignored, so boot output and line noise cannot start one. */
#ifndef MPF_LOADER_H
#define MPF_LOADER_H

#include <stddef.h>
#include <stdint.h>

/* the module name that selects the loader on QEMU's semihosting command line */
#define MPF_LOADER_MODULE "__serial__"

/* how long the device waits for the next byte of a frame */
#define MPF_LOADER_BYTE_TIMEOUT_MS (1000)

/* provided by the port (ports/loader/loader_uart.c for a console UART) */
#define MPF_LOADER_EOF (-1)     /* the input ended: the loader returns */
#define MPF_LOADER_TIMEOUT (-2) /* nothing came within the time */
int mpf_loader_port_getc(int timeout_ms);          /* a byte; timeout_ms < 0: wait for ever */
void mpf_loader_port_put(const char *s, size_t n); /* raw bytes to the host */
void mpf_loader_port_flush(void);                  /* end of a reply */

/* What a port whose loader runs on its console UART provides to loader_uart.c. */
int uart_poll(void); /* a byte received, or -1 when none is waiting */
void uart_write(const char *s, size_t n);
/* loader_uart.c: serve the host with a quarter of `heap` as the module buffer */
int port_loader(uint8_t *heap, size_t size);

/* Serve frames until the input ends. `buf` holds one .mpy (and must stay valid while it
 * runs); `heap` is given to mpf_init afresh for each 'X' module and REPL session.
 * Returns 0. */
int mpf_loader_main(uint8_t *buf, size_t size, void *heap, size_t heap_size);

/* While a module runs, the port's console output goes through here. */
int mpf_loader_active(void);
void mpf_loader_write(const char *s, size_t n);

#endif /* MPF_LOADER_H */
