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
 *   MPF_FEATURE_MACHINE    (0)    the `machine` module (Pin, freq, reset): the port
 *                                 provides the mpf_port_pin_* functions below
 *   MPF_FEATURE_RTC        (0)    a wall clock: time.time() from mpf_port_time_s
 *   MPF_PIN_COUNT, MPF_PIN_PORT_LETTERS, MPF_BOARD_PINS: the board's pin naming
 *                                 (see modmachine.c), from its YAML files
 *   MPF_VM_SWITCH          (none) defined: the interpreter dispatches through a switch
 *                                 instead of gcc's computed gotos (about 4 KiB less code
 *                                 on Cortex-M, slower)
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

/* As mpf_run_mpy, in the globals left by the module run before (a REPL's statements
 * share them): the image is copied into the heap, so the caller may reuse its buffer
 * while functions defined by this code live on. */
int mpf_run_mpy_in_main(const uint8_t *data, size_t len, const char *source_name);

/* Heap bytes held by live objects: collects first, so garbage is not counted. For the
 * figures a port reports after a run (unix: `firmware --stats`). */
size_t mpf_heap_used(void);

/* Provided by the port: the console. */
void mpf_port_write(const char *s, size_t n);

/* May be provided by the port: where a failure to load an .mpy is reported (one line,
 * newline included). The runtime's weak default writes to the console. */
void mpf_port_write_error(const char *s, size_t n);

/* Provided by the port: time (the `time` module). A monotonic count of microseconds
 * since start-up that never wraps in practice, and a wait of at least `us`. */
uint64_t mpf_port_time_us(void);
void mpf_port_delay_us(uint32_t us);

/* Provided by a port with MPF_FEATURE_RTC: seconds since the Epoch (1970). */
int64_t mpf_port_time_s(void);

/* Provided by a port with MPF_FEATURE_MACHINE (the `machine` module). A pin is a
 * number below MPF_PIN_COUNT; with MPF_PIN_PORT_LETTERS, 16 * port + bit. */
enum { MPF_PIN_IN = 0, MPF_PIN_OUT = 1, MPF_PIN_OPEN_DRAIN = 2 };
enum { MPF_PIN_PULL_NONE = 0, MPF_PIN_PULL_UP = 1, MPF_PIN_PULL_DOWN = 2 };
/* whether the MCU has the pin as a GPIO (some numbers are gaps or the flash's) */
int mpf_port_pin_valid(uint32_t pin);
/* a mode and pull above; returns 0 if the pin cannot do that, else 1 */
int mpf_port_pin_config(uint32_t pin, int mode, int pull);
void mpf_port_pin_write(uint32_t pin, int value);
int mpf_port_pin_read(uint32_t pin);
uint32_t mpf_port_freq(void); /* the core clock as set up, Hz */
void mpf_port_reset(void) __attribute__((noreturn));

/* May be provided by the port: its filesystem, for os and open(). Each returns 0 or an
 * errno value (Linux numbering, as the errno module has it). The runtime's weak
 * defaults are a filesystem with nothing but an empty root directory. */
typedef struct {
    uint32_t mode; /* S_IFDIR 0x4000, S_IFREG 0x8000 and the permission bits */
    uint64_t size;
    int64_t mtime;
} mpf_port_stat_t;
int mpf_port_getcwd(char *buf, size_t size);
/* calls each(ctx, name) for every entry of the directory but . and .. */
int mpf_port_listdir(const char *path, void (*each)(void *ctx, const char *name), void *ctx);
int mpf_port_stat(const char *path, mpf_port_stat_t *st);
/* mode as open()'s ("r", "wb", ...); the port's handle in *file */
int mpf_port_file_open(const char *path, const char *mode, void **file);
int mpf_port_file_read(void *file, char *buf, size_t size, size_t *got); /* *got 0: the end */
int mpf_port_file_write(void *file, const char *buf, size_t size);
int mpf_port_file_close(void *file);

#endif /* MPF_H */
