/* The serial loader's device side; the protocol is described in mpfloader.h. */
#include "mpfloader.h"

#include <stdbool.h>
#include <string.h>

#include "mpf.h"

#define SOH 0x01
#define STX 0x02
#define ETX 0x03
#define EOT 0x04
#define ACK 0x06
#define DLE 0x10
#define NAK 0x15

static int active;
/* 'S' statements share the globals of the ones before, until an 'X' starts afresh */
static int in_session;

int mpf_loader_active(void) {
    return active;
}

void mpf_loader_write(const char *s, size_t n) {
    size_t start = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == EOT || s[i] == DLE) {
            char esc[2] = {DLE, (char)(s[i] ^ 0x20)};
            mpf_loader_port_put(s + start, i - start);
            mpf_loader_port_put(esc, 2);
            start = i + 1;
        }
    }
    mpf_loader_port_put(s + start, n - start);
}

/* zlib's CRC-32 (reflected 0xEDB88320), bit by bit: small beats fast at serial speeds */
static uint32_t crc32_byte(uint32_t crc, uint8_t b) {
    crc ^= b;
    for (int k = 0; k < 8; k++) {
        crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
    }
    return crc;
}

static void put_str(const char *s) {
    mpf_loader_port_put(s, strlen(s));
}

static void put_uint(size_t v) {
    char digits[24];
    int i = (int)sizeof digits;
    digits[--i] = '\0';
    do {
        digits[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v != 0);
    put_str(digits + i);
}

static void reject(char reason) {
    char reply[2] = {NAK, reason};
    mpf_loader_port_put(reply, 2);
    mpf_loader_port_flush();
}

/* The next byte of a frame: MPF_LOADER_EOF, MPF_LOADER_TIMEOUT or a byte that also
 * goes into the CRC. */
static int frame_byte(uint32_t *crc) {
    int c = mpf_loader_port_getc(MPF_LOADER_BYTE_TIMEOUT_MS);
    if (c >= 0 && crc != NULL) {
        *crc = crc32_byte(*crc, (uint8_t)c);
    }
    return c;
}

/* Reads a frame after its SOH into `buf`: its command, or a negative MPF_LOADER_* code. */
static int read_frame(uint8_t *buf, size_t size, uint32_t *len, bool *crc_ok) {
    uint8_t head[5];
    uint32_t crc = 0xFFFFFFFFu;
    int c;
    for (int i = 0; i < 5; i++) {
        if ((c = frame_byte(&crc)) < 0) {
            return c;
        }
        head[i] = (uint8_t)c;
    }
    *len = head[1] | (uint32_t)head[2] << 8 | (uint32_t)head[3] << 16 | (uint32_t)head[4] << 24;
    /* a frame too long is still read to its end, so the next one is found */
    for (uint32_t i = 0; i < *len; i++) {
        if ((c = frame_byte(&crc)) < 0) {
            return c;
        }
        if (i < size) {
            buf[i] = (uint8_t)c;
        }
    }
    uint32_t sent = 0;
    for (int i = 0; i < 4; i++) {
        if ((c = frame_byte(NULL)) < 0) {
            return c;
        }
        sent |= (uint32_t)c << (8 * i);
    }
    *crc_ok = sent == ~crc;
    return head[0];
}

int mpf_loader_main(uint8_t *buf, size_t size, void *heap, size_t heap_size) {
    for (;;) {
        int c = mpf_loader_port_getc(-1);
        if (c == MPF_LOADER_EOF) {
            return 0;
        }
        if (c != SOH) {
            continue;
        }
        uint32_t len = 0;
        bool crc_ok = false;
        int command = read_frame(buf, size, &len, &crc_ok);
        if (command == MPF_LOADER_EOF) {
            return 0;
        }
        if (command == MPF_LOADER_TIMEOUT) {
            reject('T');
        } else if (!crc_ok) {
            reject('C');
        } else if (len > size) {
            reject('L');
        } else if (command == 'H') {
            char start = STX, end = ETX;
            mpf_loader_port_put(&start, 1);
            put_str("mpf-loader 1 ");
            put_uint(size);
            put_str(" ");
            mpf_loader_port_put((const char *)buf, len);
            mpf_loader_port_put(&end, 1);
            mpf_loader_port_flush();
        } else if (command == 'X' || command == 'S') {
            const uint8_t *nul = memchr(buf, 0, len);
            if (nul == NULL) {
                reject('F');
                continue;
            }
            char ack = ACK;
            mpf_loader_port_put(&ack, 1);
            bool session = command == 'S';
            if (!session || !in_session) {
                mpf_init(heap, heap_size);
            }
            in_session = session;
            active = 1;
            size_t skip = (size_t)(nul - buf) + 1;
            const char *name = (const char *)buf;
            int status = session ? mpf_run_mpy_in_main(buf + skip, len - skip, name)
                                 : mpf_run_mpy(buf + skip, len - skip, name);
            active = 0;
            char done[2] = {EOT, status == 0 ? '0' : '1'};
            mpf_loader_port_put(done, 2);
            mpf_loader_port_flush();
        } else {
            reject('U');
        }
    }
}
