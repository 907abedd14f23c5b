/* Values as bytes: the typecodes struct and array share (b B h H i I l L q Q P, and
 * f d with floats: IEEE 754 binary32 and binary64 in any precision of the board). */
#ifndef MPF_BINARY_H
#define MPF_BINARY_H

#include "obj.h"

/* order '@' is native (sizes and alignment of this C compiler), '<' and '>' standard
 * little and big endian; the size of one `code` value, 0 for a code that is not one;
 * *align gets its alignment */
size_t mpf_binary_size(char order, char code, size_t *align);
/* one value of `code` at p (the caller checked the room) */
mpf_obj_t mpf_binary_get(char order, char code, const uint8_t *p);
/* stores v at p: an int of any size (truncated to the code's size, as MicroPython
 * does), or for f and d a number (TypeError for anything else) */
void mpf_binary_put(char order, char code, uint8_t *p, mpf_obj_t v);

/* an int of the 64 bits u, read as signed or not */
mpf_obj_t mpf_binary_int(uint64_t u, bool is_signed);

#endif /* MPF_BINARY_H */
