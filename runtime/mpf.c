/* The entry points a port calls (mpf.h). */
#include <string.h>

#include "exc.h"
#include "frozen.h"
#include "gc.h"
#include "load.h"
#include "module.h"
#include "mpf.h"
#include "print.h"
#include "qstr.h"
#include "vm.h"

/* The module being run; a root so that its globals outlive any C local holding them. */
static mpf_context_t *running;

void mpf_init(void *heap, size_t heap_bytes) {
    mpf_gc_init(heap, heap_bytes);
    mpf_qstr_init();
    mpf_nlr_reset();
    mpf_exc_init();
    mpf_module_init();
    running = NULL;
    mpf_gc_add_root((void **)&running);
    mpf_cur_locals = NULL;
    mpf_gc_add_root((void **)&mpf_cur_locals);
}

/* The C stack the GC scans and the VM measures starts at the frame of the public entry
 * point; the work is done in a separate, not inlined function, so that every local of
 * it lies below that frame whichever way the target lays out frames. */
#define ENTER() \
    do { \
        mpf_vm_reset(__builtin_frame_address(0)); \
        mpf_cur_locals = NULL; \
        mpf_gc_set_stack_top(__builtin_frame_address(0)); \
    } while (0)

static void new_globals(mpf_context_t *ctx) {
    ctx->globals = mpf_map_new(16);
    mpf_map_set(ctx->globals, MP_QSTR___name__, MPF_OBJ_NEW_QSTR(MP_QSTR___main__));
}

/* The exit status for an uncaught exception: SystemExit's code (an int; None or none
 * is 0; anything else is printed and gives 1), else the traceback is printed and 1. */
static int uncaught(mpf_obj_t exc) {
    if (mpf_obj_is_exception(exc) && mpf_exc_match(exc, (mpf_obj_t)&mpf_type_SystemExit)) {
        const mpf_tuple_t *args = ((const mpf_exc_t *)exc)->args;
        mpf_obj_t code = args->len ? args->items[0] : mpf_const_none;
        if (code == mpf_const_none) {
            return 0;
        }
        if (mpf_obj_is_int(code)) {
            return (int)mpf_obj_int_value(code);
        }
        mpf_obj_print(code, false);
        mpf_print_str(&mpf_print_console, "\n");
        return 1;
    }
    mpf_exc_print_traceback(&mpf_print_console, exc);
    return 1;
}

/* Runs module-level code; reports an uncaught exception with its traceback. */
static int run_module(const mpf_raw_code_t *rc, const mpf_context_t *ctx) {
    mpf_nlr_t nlr;
    mpf_nlr_push(&nlr);
    if (setjmp(nlr.jb) == 0) {
        mpf_obj_t fun = mpf_make_function(rc, ctx, NULL);
        mpf_execute_bytecode(fun, 0, 0, NULL);
        mpf_nlr_pop();
        return 0;
    }
    return uncaught(nlr.exc);
}

static const mpf_frozen_module_t *find_frozen(const char *module_name) {
    const mpf_frozen_module_t *m = mpf_frozen_modules;
    while (m->name != NULL && strcmp(m->name, module_name) != 0) {
        ++m;
    }
    return m;
}

__attribute__((noinline)) static int run_frozen(const char *module_name) {
    /* volatile: read after setjmp returns (gcc's -Wclobbered cannot tell it is not
     * written after the setjmp) */
    const mpf_frozen_module_t *volatile m = find_frozen(module_name);
    if (m->name == NULL) {
        mpf_printf(&mpf_print_console, "ImportError: no module named '%s'\n", module_name);
        return 1;
    }
    mpf_context_t *ctx;
    mpf_nlr_t nlr;
    mpf_nlr_push(&nlr);
    if (setjmp(nlr.jb) != 0) {
        return uncaught(nlr.exc);
    }
    ctx = mpf_alloc(sizeof(*ctx));
    running = ctx;
    ctx->qstr_table = m->qstr_table;
    ctx->obj_table = m->obj_table;
    new_globals(ctx);
    mpf_nlr_pop();
    return run_module(m->rc, ctx);
}

static void write_error(const char *s) {
    mpf_port_write_error(s, strlen(s));
}

static const uint8_t *heap_copy(const uint8_t *data, size_t len) {
    uint8_t *copy = mpf_alloc(len);
    memcpy(copy, data, len);
    return copy;
}

/* in_main: the image is copied into the heap (the functions it defines must outlive
 * the caller's buffer) and runs in the globals of the module run before, as a REPL's
 * statements do */
__attribute__((noinline)) static int run_mpy(const uint8_t *data, size_t len,
    const char *source_name, bool in_main) {
    mpf_context_t *ctx;
    const mpf_raw_code_t *rc;
    mpf_nlr_t nlr;
    mpf_nlr_push(&nlr);
    if (setjmp(nlr.jb) != 0) {
        /* a file that cannot be loaded is the user's input error, not a program's
         * exception: one line, on the error stream */
        write_error(source_name);
        write_error(": ");
        if (mpf_obj_is_exception(nlr.exc)) {
            const mpf_exc_t *e = nlr.exc;
            size_t n;
            const char *s = mpf_qstr_str(e->base.type->name, &n);
            mpf_port_write_error(s, n);
            const mpf_tuple_t *args = e->args;
            if (args->len == 1 && mpf_obj_is_str(args->items[0])) {
                write_error(": ");
                s = mpf_obj_str_data(args->items[0], &n);
                mpf_port_write_error(s, n);
            }
        }
        write_error("\n");
        return 1;
    }
    mpf_map_t *main_globals = in_main && running != NULL ? running->globals : NULL;
    ctx = mpf_alloc(sizeof(*ctx));
    rc = mpf_load_mpy(in_main ? heap_copy(data, len) : data, len, ctx);
    running = ctx;
    if (main_globals != NULL) {
        ctx->globals = main_globals;
    } else {
        new_globals(ctx);
    }
    mpf_nlr_pop();
    return run_module(rc, ctx);
}

int mpf_run_frozen(const char *module_name) {
    ENTER();
    return run_frozen(module_name);
}

size_t mpf_heap_used(void) {
    /* between runs no C frame holds objects: the roots are the runtime's own */
    mpf_gc_set_stack_top(__builtin_frame_address(0));
    mpf_gc_collect();
    mpf_gc_info_t info;
    mpf_gc_info(&info);
    return info.used;
}

int mpf_run_mpy(const uint8_t *data, size_t len, const char *source_name) {
    ENTER();
    return run_mpy(data, len, source_name, false);
}

int mpf_run_mpy_in_main(const uint8_t *data, size_t len, const char *source_name) {
    ENTER();
    return run_mpy(data, len, source_name, true);
}
