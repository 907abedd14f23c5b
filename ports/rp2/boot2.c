/* RP2040 second-stage boot: set the flash interface (SSI) up for plain 03h reads so
 * the flash appears at 0x10000000, then enter the firmware through its vector table.
 *
 * The boot ROM copies these 256 bytes (the last 4 are a CRC32 the build appends) to
 * 0x20041F00 and runs them; the code must not touch anything it is not linked with,
 * so it is one function with no calls and no data. */
#include <stdint.h>

#define REG32(addr) (*(volatile uint32_t *)(uintptr_t)(addr))

#define SSI_BASE (0x18000000u)
#define SSI_CTRLR0 REG32(SSI_BASE + 0x00u)
#define SSI_CTRLR1 REG32(SSI_BASE + 0x04u)
#define SSI_SSIENR REG32(SSI_BASE + 0x08u)
#define SSI_BAUDR REG32(SSI_BASE + 0x14u)
#define SSI_SPI_CTRLR0 REG32(SSI_BASE + 0xF4u)

/* CTRLR0: standard SPI frame (SPI_FRF 0), 32-bit frames (DFS_32 = 31), EEPROM read mode */
#define CTRLR0_DFS_32(n) ((uint32_t)(n) << 16)
#define CTRLR0_TMOD_EEPROM_READ (3u << 8)
/* SPI_CTRLR0: command 03h, 24-bit address (6 nibbles), 8-bit instruction, all on one line */
#define SPI_CTRLR0_XIP_CMD(c) ((uint32_t)(c) << 24)
#define SPI_CTRLR0_INST_L_8B (2u << 8)
#define SPI_CTRLR0_ADDR_L(nibbles) ((uint32_t)(nibbles) << 2)

#define XIP_BASE (0x10000000u)
#define VECTORS (XIP_BASE + 0x100u)
#define SCB_VTOR REG32(0xE000ED08u)

/* clk_sys / 4: well within any QSPI flash's 03h read limit at the ROM's clock */
#define FLASH_CLKDIV (4u)

__attribute__((section(".boot2"), noreturn, used)) void boot2_entry(void) {
    SSI_SSIENR = 0;
    SSI_BAUDR = FLASH_CLKDIV;
    SSI_CTRLR0 = CTRLR0_DFS_32(31) | CTRLR0_TMOD_EEPROM_READ;
    SSI_SPI_CTRLR0 = SPI_CTRLR0_XIP_CMD(0x03) | SPI_CTRLR0_INST_L_8B | SPI_CTRLR0_ADDR_L(6);
    SSI_CTRLR1 = 0; /* one 32-bit word per transfer */
    SSI_SSIENR = 1;

    /* the firmware's vectors: initial stack pointer, then the reset handler */
    SCB_VTOR = VECTORS;
    uint32_t sp = REG32(VECTORS);
    uint32_t pc = REG32(VECTORS + 4u);
    __asm__ volatile("msr msp, %0\n\tbx %1" : : "r"(sp), "r"(pc));
    __builtin_unreachable();
}
