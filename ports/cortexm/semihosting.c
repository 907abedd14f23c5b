/* ARM semihosting (the "bkpt 0xab" interface): exit with a status, read the command line.
 *
 * Only for a host that answers, QEMU or a debugger; without one, bkpt faults. */
#include <stdint.h>

#include "cortexm.h"

#define SYS_GET_CMDLINE (0x15)
#define SYS_EXIT (0x18)
#define SYS_EXIT_EXTENDED (0x20)
#define ADP_STOPPED_APPLICATION_EXIT (0x20026)
#define ADP_STOPPED_RUNTIME_ERROR (0x20023)

static int semihosting_call(uint32_t op, void *arg) {
    register uint32_t r0 __asm__("r0") = op;
    register void *r1 __asm__("r1") = arg;
    __asm__ volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
    return (int)r0;
}

void semihosting_exit(int status) {
    /* the 32-bit SYS_EXIT carries only "ok" or "error"; SYS_EXIT_EXTENDED the status */
    uint32_t block[2] = {ADP_STOPPED_APPLICATION_EXIT, (uint32_t)status};
    semihosting_call(SYS_EXIT_EXTENDED, block);
    semihosting_call(SYS_EXIT, (void *)(uintptr_t)(status == 0 ? ADP_STOPPED_APPLICATION_EXIT
                                                                : ADP_STOPPED_RUNTIME_ERROR));
    for (;;) {
    }
}

int semihosting_cmdline(char *buf, size_t size) {
    uint32_t block[2] = {(uint32_t)(uintptr_t)buf, (uint32_t)size};
    if (semihosting_call(SYS_GET_CMDLINE, block) != 0) {
        return -1;
    }
    return (int)block[1];
}
