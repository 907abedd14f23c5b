/* What the shared Cortex-M main (ports/cortexm/main.c) needs of this port. */
#ifndef MPF_RP2_PORT_H
#define MPF_RP2_PORT_H

#include "rp2040.h"

#endif /* MPF_RP2_PORT_H */
