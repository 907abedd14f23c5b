/* What every Cortex-M port shares (ports/cortexm/): the core's system registers, the
 * start-up code, SysTick time and semihosting. A port provides the functions at the end. */
#ifndef MPF_CORTEXM_H
#define MPF_CORTEXM_H

#include <stddef.h>
#include <stdint.h>

#define REG32(addr) (*(volatile uint32_t *)(uintptr_t)(addr))

/* ARMv6-M / ARMv7-M system control space */
#define SYST_CSR REG32(0xE000E010u)
#define SYST_RVR REG32(0xE000E014u)
#define SYST_CVR REG32(0xE000E018u)
#define SYST_CSR_ENABLE (1u << 0)
#define SYST_CSR_TICKINT (1u << 1)
#define SYST_CSR_CLKSOURCE (1u << 2)
#define SCB_ICSR REG32(0xE000ED04u)
#define SCB_ICSR_PENDSTSET (1u << 26)
#define SCB_VTOR REG32(0xE000ED08u)
#define SCB_AIRCR REG32(0xE000ED0Cu)
#define SCB_AIRCR_SYSRESETREQ (0x05FA0004u)
#define SCB_CPACR REG32(0xE000ED88u)

/* systick.c: a 1 ms tick from SysTick at the core clock; microseconds since it began */
void systick_init(uint32_t core_hz);
uint64_t systick_us(void);
void systick_delay_us(uint32_t us);
void cortexm_reset(void) __attribute__((noreturn));

/* semihosting.c: talks to the debugger or QEMU; only with MPF_FEATURE_SEMIHOSTING */
void semihosting_exit(int status) __attribute__((noreturn));
int semihosting_cmdline(char *buf, size_t size);

/* main.c (shared): picks the frozen module from the semihosting command line */
const char *cortexm_module_to_run(char *buf, size_t size);

/* provided by the port */
void uart_write(const char *s, size_t n);
void port_exit(int status) __attribute__((noreturn));

#endif /* MPF_CORTEXM_H */
