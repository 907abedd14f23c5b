/* Loading .mpy images: validated, since their bytes come from outside the firmware. */
#ifndef MPF_LOAD_H
#define MPF_LOAD_H

#include "obj.h"

/* Fills ctx's tables (qstrs interned, constants built) and returns the module's
 * outer raw code; the bytecode stays in `data`. Raises ValueError if malformed. */
const mpf_raw_code_t *mpf_load_mpy(const uint8_t *data, size_t len, mpf_context_t *ctx);

#endif /* MPF_LOAD_H */
