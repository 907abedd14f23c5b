/* Reset and the vector table: set up C's memory, enable the FPU, call main. */
#include <stdint.h>
#include <string.h>

#include "cortexm.h"

extern uint32_t _sidata, _sdata, _edata, _sbss, _ebss, _estack;
int main(void);

void Reset_Handler(void) __attribute__((noreturn));
void Fault_Handler(void) __attribute__((noreturn));
void SysTick_Handler(void);

/* The first word is the initial stack pointer, not a handler: a union keeps the table
 * plain C without casting a data address to a function pointer. */
typedef union {
    void (*handler)(void);
    const void *stack_top;
} vector_t;

/* Only the core exceptions: no peripheral interrupt is ever enabled by these ports.
 * ARMv6-M leaves MemManage, BusFault, UsageFault and DebugMon reserved; a handler
 * there is never called, so one table serves every core. */
__attribute__((section(".isr_vector"), used)) static const vector_t vector_table[16] = {
    {.stack_top = &_estack},
    {.handler = Reset_Handler},
    {.handler = Fault_Handler}, /* NMI */
    {.handler = Fault_Handler}, /* HardFault */
    {.handler = Fault_Handler}, /* MemManage */
    {.handler = Fault_Handler}, /* BusFault */
    {.handler = Fault_Handler}, /* UsageFault */
    {0}, {0}, {0}, {0},
    {.handler = Fault_Handler}, /* SVCall */
    {.handler = Fault_Handler}, /* DebugMon */
    {0},
    {.handler = Fault_Handler}, /* PendSV */
    {.handler = SysTick_Handler},
};

void Reset_Handler(void) {
    memcpy(&_sdata, &_sidata, (size_t)((char *)&_edata - (char *)&_sdata));
    memset(&_sbss, 0, (size_t)((char *)&_ebss - (char *)&_sbss));
#if defined(__ARM_FP)
    /* CP10 and CP11 full access; the compiler may emit VFP code anywhere after this */
    SCB_CPACR |= 0xFu << 20;
    __asm__ volatile("dsb\n\tisb" ::: "memory");
#endif
    port_exit(main());
}

void Fault_Handler(void) {
    static const char msg[] = "\nFATAL: CPU fault\n";
    uart_write(msg, sizeof msg - 1);
    port_exit(3);
}
