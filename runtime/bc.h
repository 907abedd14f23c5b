/* The prelude at the start of every bytecode function, and its line table. */
#ifndef MPF_BC_H
#define MPF_BC_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
    size_t n_state, n_exc_stack, scope_flags, n_pos_args, n_kwonly_args, n_def_pos_args;
    size_t n_info, n_cell;
    const uint8_t *info;      /* start of the info section: name, arg names, line table */
    const uint8_t *code;      /* the bytecode proper */
    /* only after mpf_bc_decode_names (a call needs neither, a traceback both) */
    const uint8_t *line_info; /* the line table, after the names */
    size_t name_index;        /* into the module's qstr table */
} mpf_prelude_t;

#define MPF_SCOPE_FLAG_GENERATOR (0x01)
#define MPF_SCOPE_FLAG_VARKEYWORDS (0x02)
#define MPF_SCOPE_FLAG_VARARGS (0x04)
#define MPF_SCOPE_FLAG_DEFKWARGS (0x08)

/* Reads no further than `end`; returns 0 on success, -1 if the prelude is truncated.
 * The names in the info section are left unread: each call decodes the prelude, and
 * only a traceback or a keyword argument needs them (mpf_bc_decode_names,
 * mpf_bc_arg_name_index). */
int mpf_bc_decode_prelude(const uint8_t *fun_data, const uint8_t *end, mpf_prelude_t *p);

/* Sets name_index and line_info; -1 if the names run past the info section. */
int mpf_bc_decode_names(mpf_prelude_t *p);

/* The i-th argument's name (qstr table index). */
size_t mpf_bc_arg_name_index(const mpf_prelude_t *p, size_t i);

/* The source line of the instruction whose opcode is just before `bc_offset`. */
size_t mpf_bc_source_line(const mpf_prelude_t *p, size_t bc_offset);

/* var-uint decoding; `*pos` moves past it. Returns -1 if it runs past `end`. */
int mpf_bc_decode_uint(const uint8_t **pos, const uint8_t *end, size_t *value);

#endif /* MPF_BC_H */
