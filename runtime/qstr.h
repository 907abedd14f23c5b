/* Interned strings. Ids below mpf_qstr_rom_count are the generated pool in ROM (the
 * .mpy static qstrs first, at their fixed ids); ids above are interned at .mpy load. */
#ifndef MPF_QSTR_H
#define MPF_QSTR_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
    uint16_t len;
    const char *str;
} mpf_qstr_def_t;

/* generated: genhdr/frozen_content.c */
extern const mpf_qstr_def_t mpf_qstr_rom[];
extern const size_t mpf_qstr_rom_count;

void mpf_qstr_init(void);
const char *mpf_qstr_str(uint16_t q, size_t *len);
/* The id of this text, interning it (by reference: `s` must outlive the runtime's use). */
uint16_t mpf_qstr_from_strn_static(const char *s, size_t len);

#endif /* MPF_QSTR_H */
