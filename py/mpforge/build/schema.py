"""The board schema, as data: every key a board, MCU or port file may carry.

A node is a dict with `type` (one of the names in `mpforge.build.board.TYPE_CHECKS`,
or `map`, `list`, `table`), `doc`, optionally `keys` (for a map), `item` (for a list),
`value` (for a table: a mapping whose keys are names the file chooses), `choices` and
`required`. `required` is checked on the merged board, so a port's port.yaml or an MCU
file may leave out what each board must say.

A board is four layers, each over the one before: ports/PORT/port.yaml (the port's
defaults), ports/PORT/mcu/MCU.yaml (the chip: core, memory map, peripherals; checked
by MCU_SCHEMA), boards/NAME.yaml, and the board's variant when `variant=` picks one.
"""

from __future__ import annotations

from typing import Any

Schema = dict[str, Any]

_REGION: Schema = {
    "type": "map",
    "doc": "a memory region",
    "keys": {
        "origin": {"type": "address", "required": True, "doc": "start address"},
        "size": {"type": "size", "required": True, "doc": "bytes; 128K and 1M are accepted"},
    },
}

_MEMORY: Schema = {
    "type": "map",
    "doc": "memory map for the linker script",
    "keys": {"flash": _REGION, "ram": _REGION, "ccm": _REGION, "iram": _REGION},
}

_CLOCK: Schema = {
    "type": "map",
    "doc": "clock tree: the source, the main PLL's factors, bus dividers",
    "keys": {
        "source": {
            "type": "str",
            "choices": ["hse", "hse_bypass", "hsi", "hsi48", "msi", "xosc", "rosc", "xtal"],
            "doc": "what feeds the PLL (or SYSCLK); the port falls back to the internal RC",
        },
        "hse_hz": {"type": "int", "doc": "external crystal frequency"},
        "hsi_hz": {"type": "int", "doc": "internal RC frequency (the MCU's, the fallback)"},
        "sysclk_hz": {"type": "int", "doc": "SYSCLK the settings give (checked by the port)"},
        "max_hz": {"type": "int", "doc": "the MCU's highest SYSCLK"},
        "pll_m": {"type": "int", "doc": "PLL input divider"},
        "pll_n": {"type": "int", "doc": "PLL multiplier"},
        "pll_p": {"type": "int", "choices": [2, 4, 6, 7, 8, 17], "doc": "PLLP divider"},
        "pll_q": {"type": "int", "doc": "PLLQ divider (USB, SDIO)"},
        "pll_r": {"type": "int", "choices": [2, 4, 6, 8], "doc": "PLLR divider (L4 SYSCLK)"},
        "pll_mul": {"type": "int", "doc": "PLL multiplier (F0)"},
        "post_div1": {"type": "int", "doc": "RP2040 PLL post divider 1"},
        "post_div2": {"type": "int", "doc": "RP2040 PLL post divider 2"},
        "apb1_div": {"type": "int", "choices": [1, 2, 4, 8, 16]},
        "apb2_div": {"type": "int", "choices": [1, 2, 4, 8, 16]},
        "flash_latency": {"type": "int", "doc": "flash wait states at SYSCLK"},
    },
}

_UART: Schema = {
    "type": "map",
    "doc": "one UART of the MCU",
    "keys": {
        "base": {"type": "address", "required": True, "doc": "register base"},
        "bus": {"type": "str", "choices": ["apb1", "apb2"], "doc": "clock bus"},
        "enable_reg": {"type": "address", "doc": "RCC register holding its clock enable"},
        "enable_bit": {"type": "int", "doc": "bit in enable_reg"},
        "reset_bit": {"type": "int", "doc": "bit in the reset controller (RP2040)"},
    },
}

_GPIO: Schema = {
    "type": "map",
    "doc": "the GPIO ports: where port A is and how far apart ports are",
    "keys": {
        "base": {"type": "address", "required": True, "doc": "GPIOA (or the only bank)"},
        "stride": {"type": "int", "doc": "bytes from one port to the next"},
        "enable_reg": {"type": "address", "doc": "RCC register with port A's enable bit"},
        "enable_bit": {"type": "int", "doc": "port A's enable bit; B is the next"},
        "count": {"type": "int", "doc": "pins (single-bank chips) or ports"},
        "ports": {
            "type": "str",
            "doc": "the GPIO ports by letter (ABCDH): pins are named A13, numbered 16 * port + bit",
        },
        "pins": {"type": "int", "doc": "pin numbers 0..pins-1 where count does not say"},
    },
}

_IOMUX: Schema = {
    "type": "map",
    "doc": "where a pin's function is selected (ESP8266 IO_MUX)",
    "keys": {
        "reg": {"type": "address", "required": True, "doc": "the pin's IO_MUX register"},
        "func": {"type": "int", "required": True, "doc": "the function number that is GPIO"},
    },
}

_MCU_KEYS: dict[str, Schema] = {
    "family": {
        "type": "identifier",
        "doc": "register layout family the port's C code is chosen by (stm32f4, stm32l4, ...)",
    },
    "cpu": {"type": "str", "doc": "-mcpu value for gcc"},
    "fpu": {"type": "str", "doc": "-mfpu value for gcc; empty for soft float"},
    "memory": _MEMORY,
    "clock": _CLOCK,
    "uarts": {"type": "table", "value": _UART, "doc": "UARTs by name (USART1, UART0, ...)"},
    "gpio": _GPIO,
    "iomux": {"type": "table", "value": _IOMUX, "doc": "per pin (GPIO0, ...): its mux register"},
    "boot": {
        "type": "map",
        "doc": "where the MCU starts: the vector table's address",
        "keys": {
            "vector_table": {"type": "address", "required": True, "doc": "vector table address"},
            "boot2_size": {"type": "size", "doc": "bytes of second-stage boot before it (rp2)"},
        },
    },
}

MCU_SCHEMA: Schema = {
    "type": "map",
    "doc": "one microcontroller (ports/PORT/mcu/MCU.yaml)",
    "keys": {"part": {"type": "str", "doc": "full part number"}, **_MCU_KEYS},
}

_VARIANT_KEYS: dict[str, Schema] = {
    "name": {"type": "str", "doc": "human name of the board"},
    **_MCU_KEYS,
    "toolchain": {
        "type": "map",
        "doc": "executables the port builds with",
        "keys": {
            "cc": {"type": "str", "required": True, "doc": "C compiler"},
            "objcopy": {"type": "str", "doc": "objcopy (firmware.bin)"},
        },
    },
    "cflags": {"type": "list", "item": {"type": "str"}, "doc": "extra C flags"},
    "ldflags": {"type": "list", "item": {"type": "str"}, "doc": "extra link flags"},
    "libs": {"type": "list", "item": {"type": "str"}, "doc": "libraries to link"},
    "outputs": {
        "type": "list",
        "item": {"type": "str", "choices": ["elf", "bin", "dfu", "exe", "uf2", "esp"]},
        "doc": "files the build produces",
    },
    "console": {
        "type": "map",
        "doc": "the UART that stdout goes to; its registers come from the MCU's uarts",
        "keys": {
            "uart": {"type": "str", "required": True, "doc": "peripheral name, e.g. USART1"},
            "base": {"type": "address", "doc": "register base (default: the MCU's)"},
            "bus": {"type": "str", "choices": ["apb1", "apb2"]},
            "enable_reg": {"type": "address", "doc": "RCC enable register (the MCU's)"},
            "enable_bit": {"type": "int", "doc": "RCC enable bit (default: the MCU's)"},
            "reset_bit": {"type": "int", "doc": "reset controller bit (default: the MCU's)"},
            "baud": {"type": "int", "required": True, "doc": "baud rate"},
            "tx_pin": {"type": "pin", "doc": "e.g. PB6, or GP0 on the RP2040"},
            "rx_pin": {"type": "pin", "doc": "e.g. PB7"},
            "af": {"type": "int", "doc": "GPIO alternate function number"},
        },
    },
    "led": {"type": "pin", "doc": "the board's user LED, if any"},
    "pins": {
        "type": "table",
        "value": {"type": "pin"},
        "doc": "the board's names for pins (LED, X1): machine.Pin('X1')",
    },
    "heap_size": {"type": "size", "doc": "bytes of GC heap"},
    "stack_size": {"type": "size", "doc": "bytes of C stack"},
    "features": {
        "type": "map",
        "doc": "feature switches rendered into mpconfigboard.h",
        "keys": {
            "float": {
                "type": "str",
                "choices": ["double", "single", "none"],
                "doc": "float objects: double or single precision (the FPU's), or none",
            },
            "complex": {"type": "bool", "doc": "complex numbers and cmath (default: with floats)"},
            "semihosting": {"type": "bool"},
            "debug": {"type": "bool", "doc": "-O0 -g and runtime assertions"},
            "machine": {"type": "bool", "doc": "the machine module (the port drives pins)"},
            "rtc": {"type": "bool", "doc": "a wall clock: time.time()"},
        },
    },
    "frozen": {
        "type": "map",
        "doc": "what is frozen into the firmware",
        "keys": {"manifest": {"type": "str", "doc": "path relative to the repository"}},
    },
    "deploy": {
        "type": "map",
        "doc": "how the firmware reaches a real board",
        "keys": {
            "method": {
                "type": "str",
                "required": True,
                "choices": ["dfu", "uf2", "esptool", "none"],
            },
            "usb_id": {"type": "usb_id", "doc": "VID:PID in hex, e.g. 0483:df11"},
        },
    },
    "run": {
        "type": "map",
        "doc": "how `scons board=X run` runs the firmware",
        "keys": {
            "method": {"type": "str", "required": True, "choices": ["qemu", "host"]},
            "machine": {"type": "str", "doc": "qemu-system-arm -M value"},
        },
    },
}

VARIANT_SCHEMA: Schema = {
    "type": "map",
    "doc": "what a variant (variant=NAME) changes of its board",
    "keys": _VARIANT_KEYS,
}

BOARD_SCHEMA: Schema = {
    "type": "map",
    "doc": "one board (boards/NAME.yaml) or the defaults of one port (ports/PORT/port.yaml)",
    "keys": {
        "port": {"type": "identifier", "required": True, "doc": "directory under ports/"},
        "mcu": {"type": "identifier", "doc": "microcontroller: ports/PORT/mcu/MCU.yaml"},
        **_VARIANT_KEYS,
        "heap_size": {"type": "size", "required": True, "doc": "bytes of GC heap"},
        "variants": {
            "type": "table",
            "value": VARIANT_SCHEMA,
            "doc": "named variants (scons variant=NAME), each a few keys over the board",
        },
    },
}
