/* The qemu port's clock: the MPS2's is fixed by the FPGA image, nothing to set up. */
#include <stdint.h>

#include "genhdr/mpconfigboard.h"
#include "port.h"

void clock_init(void) {
}

uint32_t clock_sysclk_hz(void) {
    return MPF_CLOCK_SYSCLK_HZ;
}
