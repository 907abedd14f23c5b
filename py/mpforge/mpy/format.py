"""Constants of the .mpy v6 container and its variable-length integers.

Kept in one place so the reader, the writer, the freezer and the C templates agree.
"""

from __future__ import annotations

import sys

MPY_MAGIC = ord("M")
MPY_VERSION = 6

# Feature byte: low two bits are flags, the rest is the native architecture.
FEATURE_FLAGS_MASK = 0x03
FEATURE_ARCH_SHIFT = 2

NATIVE_ARCHS = (
    "none", "x86", "x64", "armv6", "armv6m", "armv7m", "armv7em", "armv7emsp",
    "armv7emdp", "xtensa", "xtensawin",
)  # fmt: skip

# Scope flags that only dynamic native modules (mpy_ld.py) set on viper code: extra
# sections follow the raw code in the file.
SCOPE_FLAG_VIPERRELOC = 0x10
SCOPE_FLAG_VIPERRODATA = 0x20
SCOPE_FLAG_VIPERBSS = 0x40

# What wrote each older format version (MicroPython's docs/reference/mpyfiles.rst), so
# a refused file can say which tool made it.
VERSION_MAKERS = {
    0: "MicroPython before v1.5.1",
    1: "mpy-cross v1.5.1 to v1.8.7",
    2: "mpy-cross v1.9 to v1.9.2",
    3: "mpy-cross v1.9.3 to v1.10",
    4: "mpy-cross v1.11",
    5: "mpy-cross v1.12 to v1.18",
}
REBUILD_HINT = "rebuild it from the .py with `mpforge compile` (or mpy-cross v1.19)"

# Kinds of raw code; stored in the file as kind - CODE_BYTECODE in the low two bits.
CODE_BYTECODE = 2
CODE_NATIVE_PY = 3
CODE_NATIVE_VIPER = 4
CODE_NATIVE_ASM = 5

# Tags of constant objects in the constant table.
OBJ_FUN_TABLE = 0
OBJ_NONE = 1
OBJ_FALSE = 2
OBJ_TRUE = 3
OBJ_ELLIPSIS = 4
OBJ_STR = 5
OBJ_BYTES = 6
OBJ_INT = 7
OBJ_FLOAT = 8
OBJ_COMPLEX = 9
OBJ_TUPLE = 10

# Scope flags stored in a function's prelude signature.
SCOPE_FLAG_GENERATOR = 0x01
SCOPE_FLAG_VARKEYWORDS = 0x02
SCOPE_FLAG_VARARGS = 0x04
SCOPE_FLAG_DEFKWARGS = 0x08
SCOPE_FLAG_ALL_SIG = 0x0F

DEFAULT_SMALL_INT_BITS = 31


_ONE_BYTE = tuple(bytes([i]) for i in range(128))


def encode_uint(value: int) -> bytes:
    """MicroPython's var-uint: 7 bits a byte, most significant first, 0x80 = more."""
    if 0 <= value < 128:
        return _ONE_BYTE[value]
    out = bytearray([value & 0x7F])
    value >>= 7
    while value:
        out.insert(0, 0x80 | (value & 0x7F))
        value >>= 7
    return bytes(out)


def encode_sint(value: int) -> bytes:
    """Signed var-int: as encode_uint, with bit 0x40 of the first byte as the sign."""
    if -64 <= value < 64:
        return _ONE_BYTE[value & 0x7F]
    out = bytearray([value & 0x7F])
    value >>= 7
    while value not in (0, -1):
        out.insert(0, 0x80 | (value & 0x7F))
        value >>= 7
    if value == -1 and not out[0] & 0x40:
        out.insert(0, 0xFF)
    elif value == 0 and out[0] & 0x40:
        out.insert(0, 0x80)
    return bytes(out)


# Longest var-uint we accept: 63 bits of value is more than any count or length in a
# file can be; a longer run of continuation bytes is corruption.
MAX_UINT_BYTES = 9


def decode_uint(data: bytes, pos: int) -> tuple[int, int]:
    """Return (value, position after it). Raises IndexError on truncated input."""
    value = 0
    while True:
        b = data[pos]
        pos += 1
        value = (value << 7) | (b & 0x7F)
        if not b & 0x80:
            return value, pos


def decode_sint(data: bytes, pos: int) -> tuple[int, int]:
    value = -1 if data[pos] & 0x40 else 0
    while True:
        b = data[pos]
        pos += 1
        value = (value << 7) | (b & 0x7F)
        if not b & 0x80:
            return value, pos


def int_to_decimal(value: int) -> str:
    """Decimal text of any int: MicroPython has no limit on digits, CPython does."""
    if value.bit_length() < 13000:  # under 3914 digits, within CPython's default 4300
        return str(value)
    limit = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)
    try:
        return str(value)
    finally:
        sys.set_int_max_str_digits(limit)


class RawStr(str):
    """A str constant or name whose bytes are not valid UTF-8.

    MicroPython treats source and strings as bytes, so such bytes compile and load;
    Python str cannot hold them, so this str keeps the exact bytes beside a readable
    (surrogate-escaped) text.
    """

    raw: bytes

    def __new__(cls, raw: bytes) -> RawStr:
        self = super().__new__(cls, raw.decode("utf-8", "surrogateescape"))
        self.raw = raw
        return self


def str_to_bytes(text: str) -> bytes:
    """The bytes MicroPython stores for a str (a lone surrogate as its 3 UTF-8-style bytes)."""
    if isinstance(text, RawStr):
        return text.raw
    return text.encode("utf-8", "surrogatepass")


def bytes_to_str(data: bytes) -> str:
    """The str for stored bytes; not-UTF-8 bytes give a RawStr that keeps them."""
    try:
        return data.decode("utf-8", "surrogatepass")
    except UnicodeDecodeError:
        return RawStr(bytes(data))
