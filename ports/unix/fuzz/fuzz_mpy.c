/* libFuzzer target for the .mpy loader: each input is run as an .mpy file by
 * mpf_run_mpy, on a fresh heap. A malformed file must end in a Python exception
 * (printed, status 1), never in a sanitizer report or a crash. A file that loads runs
 * its code, which gets an instruction budget: a valid program may loop forever, and
 * that is not the loader's fault.
 *
 * `fuzz-mpy CORPUS_DIR...` fuzzes; `fuzz-mpy FILE...` replays files (libFuzzer's
 * own options apply). MPF_FUZZ_ECHO=1 in the environment shows what the runs print. */
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "module.h"
#include "mpf.h"
#include "mpfconfig.h"

#define INSTRUCTION_BUDGET (50000)

static unsigned char heap[256 * 1024];
static jmp_buf out_of_budget;
static unsigned long budget;
static int echo = -1;

static void write_out(const char *s, size_t n) {
    if (echo < 0) {
        const char *e = getenv("MPF_FUZZ_ECHO");
        echo = e != NULL && e[0] == '1';
    }
    if (echo) {
        fwrite(s, 1, n, stderr);
    }
}

void mpf_port_write(const char *s, size_t n) {
    write_out(s, n);
}

void mpf_port_write_error(const char *s, size_t n) {
    write_out(s, n);
}

/* The rest of the port interface (mpf.h, module.h), with nothing outside the input:
 * no files to import, and a clock that only moves when the program sleeps, so a run
 * depends on the input alone and never waits. */
static uint64_t clock_us;

const uint8_t *mpf_port_find_mpy(const char *name, size_t name_len, size_t *len, bool *is_package) {
    (void)name;
    (void)name_len;
    (void)len;
    (void)is_package;
    return NULL;
}

uint64_t mpf_port_time_us(void) {
    return clock_us;
}

void mpf_port_delay_us(uint32_t us) {
    clock_us += us;
}

int64_t mpf_port_time_s(void) {
    return (int64_t)(clock_us / 1000000u);
}

void mpf_fuzz_vm_hook(void);

/* abandons the run: mpf_init starts the next one from nothing */
void mpf_fuzz_vm_hook(void) {
    if (--budget == 0) {
        longjmp(out_of_budget, 1);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    mpf_init(heap, sizeof(heap));
    budget = INSTRUCTION_BUDGET;
    clock_us = 0;
    if (setjmp(out_of_budget) == 0) {
        mpf_run_mpy(data, size, "fuzz.mpy");
    } else {
        write_out("(instruction budget spent)\n", 27);
    }
    return 0;
}
