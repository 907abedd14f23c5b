"""GNU ld map files (`-Wl,-Map=`): which object file each input section came from.

The ELF's symbol table says how big each symbol is but not which object file it came
from (without DWARF, which the boards' release builds do not carry); the map says, for
every input section the linker placed, its address, size and object, which is exactly
the symbol -> object mapping the size report needs.

Only the "Linker script and memory map" part is read. An input section is either one
line (` .text.foo  0xADDR  0xSIZE  file.o`) or, when the section name is long, its name
on one line and `0xADDR 0xSIZE file.o` on the next.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import MpforgeError


@dataclass(frozen=True)
class InputSection:
    output: str  # the output section it was placed in (.text, .data, ...)
    name: str  # its own name (.text.mp_execute_bytecode)
    address: int
    size: int
    obj: str  # object file as the linker named it, `lib.a(member.o)` for archive members


_HEX = r"0x([0-9a-fA-F]+)"
# an output section header starts in column 0: `.text  0x08000000  0x1234 [load address 0x..]`
_OUTPUT = re.compile(rf"^(\.\S+|COMMON)\s+{_HEX}\s+{_HEX}")
_OUTPUT_NAME_ONLY = re.compile(r"^(\.\S+)\s*$")
# an input section is indented by one space
_INPUT = re.compile(rf"^ (\.\S+|COMMON)\s+{_HEX}\s+{_HEX}\s+(\S.*)$")
_INPUT_NAME_ONLY = re.compile(r"^ (\.\S+|COMMON)\s*$")
_CONTINUATION = re.compile(rf"^\s+{_HEX}\s+{_HEX}\s+(\S.*)$")
_OUTPUT_CONTINUATION = re.compile(rf"^\s+{_HEX}\s+{_HEX}(\s+load address.*)?\s*$")


def parse_map(text: str) -> list[InputSection]:
    """Every input section with a non-zero size, in map order."""
    start = text.find("Linker script and memory map")
    if start < 0:
        raise MpforgeError("not a GNU ld map file (no 'Linker script and memory map')")
    out: list[InputSection] = []
    output = ""
    pending_output: str | None = None  # an output section's name whose numbers follow
    pending_input: str | None = None  # an input section's name whose numbers follow
    for line in text[start:].splitlines():
        if pending_output is not None:
            pending_output, name = None, pending_output
            if _OUTPUT_CONTINUATION.match(line):
                output = name
                continue
            output = name  # a section with no contents: its name alone, nothing follows
        if pending_input is not None:
            pending_input, name = None, pending_input
            m = _CONTINUATION.match(line)
            if m:
                _add(out, output, name, m.group(1), m.group(2), m.group(3))
                continue
        if not line or line.startswith(("LOAD ", "START GROUP", "END GROUP", "OUTPUT(")):
            continue
        if line[0] != " ":
            m = _OUTPUT.match(line)
            if m:
                output = m.group(1)
                continue
            m = _OUTPUT_NAME_ONLY.match(line)
            if m:
                pending_output = m.group(1)
                continue
            if line.startswith("/DISCARD/"):
                output = "/DISCARD/"
            continue
        m = _INPUT.match(line)
        if m:
            _add(out, output, m.group(1), m.group(2), m.group(3), m.group(4))
            continue
        m = _INPUT_NAME_ONLY.match(line)
        if m:
            pending_input = m.group(1)
    return out


def _add(out: list[InputSection], output: str, name: str, addr: str, size: str, obj: str) -> None:
    n = int(size, 16)
    if n and output != "/DISCARD/":
        out.append(InputSection(output, name, int(addr, 16), n, obj.strip()))


def load_map(path: Path) -> list[InputSection]:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as err:
        raise MpforgeError(f"{path}: cannot read the map file: {err.strerror}") from None
    try:
        return parse_map(text)
    except MpforgeError as err:
        raise MpforgeError(f"{path}: {err}") from None
