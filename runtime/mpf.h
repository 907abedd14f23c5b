/* The C runtime's public API: what a port calls, and what a port must provide.
 *
 * Configuration: the runtime reads these macros, each optional, from the build's
 * generated genhdr/mpconfigboard.h (found on the include path, see mpfconfig.h); a
 * macro left undefined takes the default shown.
 *
 *   MPF_PYSTACK_FRACTION   (4)    1/N of the heap given to mpf_init becomes the VM
 *                                 stack that holds call frames (the rest is the heap)
 *   MPF_RECURSION_LIMIT    (200)  nested Python calls before RuntimeError
 *   MPF_C_STACK_LIMIT      (unix: 512 KiB, else 6 KiB) bytes of C stack the VM may use
 *                                 below the frame of mpf_run_*, before RuntimeError
 *   MPF_HEAP_SIZE          (none) a board's heap size hint for its port's main()
 *
 * Build: compile every runtime .c file, genhdr/frozen_content.c and the port's .c files with
 * -I runtime -I build/<BOARD> (the generated headers are included as "genhdr/...").
 */
#ifndef MPF_H
#define MPF_H

#include <stddef.h>
#include <stdint.h>

/* Give the runtime its memory; nothing else is ever allocated. Call once, first. */
void mpf_init(void *heap, size_t heap_bytes);

/* Run a module frozen into the firmware as module-level code.
 * Returns 0 when it ended normally, 1 on an uncaught exception (traceback printed),
 * or on no such module (a line saying so printed). */
int mpf_run_frozen(const char *module_name);

/* Load an .mpy (v6) image and run it. The image must stay valid while it runs: its
 * bytecode and strings are used in place, only the qstr table is built in RAM.
 * Returns as mpf_run_frozen; a malformed image is reported by one line through
 * mpf_port_write_error and gives 1. */
int mpf_run_mpy(const uint8_t *data, size_t len, const char *source_name);

/* Provided by the port: the console. */
void mpf_port_write(const char *s, size_t n);

/* May be provided by the port: where a failure to load an .mpy is reported (one line,
 * newline included). The runtime's weak default writes to the console. */
void mpf_port_write_error(const char *s, size_t n);

#endif /* MPF_H */
