"""The board schema, as data: every key a board or port file may carry.

A node is a dict with `type` (one of the names in `mpforge.build.board.TYPE_CHECKS`),
`doc`, optionally `keys` (for a map), `item` (for a list), `choices` and `required`.
`required` is checked on the merged board (port defaults + board file), so a port's
port.yaml may leave out what each board must say.
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

BOARD_SCHEMA: Schema = {
    "type": "map",
    "doc": "one board (boards/NAME.yaml) or the defaults of one port (ports/PORT/port.yaml)",
    "keys": {
        "name": {"type": "str", "doc": "human name of the board"},
        "port": {"type": "identifier", "required": True, "doc": "directory under ports/"},
        "mcu": {"type": "str", "doc": "microcontroller part number"},
        "cpu": {"type": "str", "doc": "-mcpu value for gcc"},
        "fpu": {"type": "str", "doc": "-mfpu value for gcc; empty for soft float"},
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
            "item": {"type": "str", "choices": ["elf", "bin", "dfu", "exe"]},
            "doc": "files the build produces",
        },
        "memory": {
            "type": "map",
            "doc": "memory map for the linker script",
            "keys": {"flash": _REGION, "ram": _REGION, "ccm": _REGION},
        },
        "clock": {
            "type": "map",
            "doc": "clock tree: HSE crystal and the main PLL dividers",
            "keys": {
                "hse_hz": {"type": "int", "required": True, "doc": "HSE crystal frequency"},
                "pll_m": {"type": "int", "required": True, "doc": "PLLM divider"},
                "pll_n": {"type": "int", "required": True, "doc": "PLLN multiplier"},
                "pll_p": {"type": "int", "required": True, "choices": [2, 4, 6, 8]},
                "pll_q": {"type": "int", "required": True, "doc": "PLLQ divider"},
                "apb1_div": {"type": "int", "choices": [1, 2, 4, 8, 16]},
                "apb2_div": {"type": "int", "choices": [1, 2, 4, 8, 16]},
                "flash_latency": {"type": "int", "doc": "flash wait states at SYSCLK"},
            },
        },
        "console": {
            "type": "map",
            "doc": "the UART that stdout goes to",
            "keys": {
                "uart": {"type": "str", "required": True, "doc": "peripheral name, e.g. USART1"},
                "base": {"type": "address", "required": True, "doc": "register base"},
                "bus": {"type": "str", "required": True, "choices": ["apb1", "apb2"]},
                "enable_bit": {"type": "int", "required": True, "doc": "RCC enable bit"},
                "baud": {"type": "int", "required": True, "doc": "baud rate"},
                "tx_pin": {"type": "pin", "doc": "e.g. PB6"},
                "rx_pin": {"type": "pin", "doc": "e.g. PB7"},
                "af": {"type": "int", "doc": "GPIO alternate function number"},
            },
        },
        "heap_size": {"type": "size", "required": True, "doc": "bytes of GC heap"},
        "stack_size": {"type": "size", "doc": "bytes of C stack"},
        "features": {
            "type": "map",
            "doc": "feature switches rendered into mpconfigboard.h",
            "keys": {
                "float": {"type": "bool"},
                "semihosting": {"type": "bool"},
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
                "method": {"type": "str", "required": True, "choices": ["dfu", "none"]},
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
    },
}
