"""The bytecode opcode table of .mpy format v6: the single source of truth.

Every opcode is registered once here with its number and argument kind. The
compiler, the disassembler, the Python-hosted VM and (through a template) the C
runtime's header all read this table; nothing else writes an opcode number.

Numbers are grouped by argument format, as MicroPython v1.19 lays them out: the
high nibble of an opcode selects how its argument is encoded (see `arg_format`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class ArgKind(Enum):
    """What follows the opcode byte in the bytecode stream."""

    NONE = "none"  # no argument
    QSTR = "qstr"  # var-uint index into the module's qstr table
    UINT = "uint"  # var-uint
    SINT = "sint"  # signed var-int (LOAD_CONST_SMALL_INT only)
    CONST = "const"  # var-uint index into the module's constant-object table
    CHILD = "child"  # var-uint index of a child raw code (in the same table as CONST)
    JUMP_SIGNED = "jump_signed"  # 1 or 2 byte signed relative offset
    JUMP_UNSIGNED = "jump_unsigned"  # 1 or 2 byte unsigned relative offset


class ArgFormat(Enum):
    """MicroPython's four encodings, derivable from the opcode number alone."""

    BYTE = 0
    QSTR = 1
    VAR_UINT = 2
    OFFSET = 3


# The format of each high nibble, packed two bits per nibble (bc0.h's magic number).
_FORMAT_BY_NIBBLE = 0x000003A4
# An opcode takes one extra raw byte after its argument when these bits are all clear.
_EXTRA_BYTE_MASK = 0x9E


@dataclass(frozen=True)
class Opcode:
    name: str
    number: int
    arg: ArgKind
    extra_byte: bool = False


# Group bases (bc0.h): the letter code of each group names the argument encoding.
BASE_QSTR_O = 0x10
BASE_VINT_E = 0x20
BASE_VINT_O = 0x30
BASE_JUMP_E = 0x40
BASE_BYTE_O = 0x50
BASE_BYTE_E = 0x60

_OPCODES = [
    # constants
    Opcode("LOAD_CONST_FALSE", BASE_BYTE_O + 0x00, ArgKind.NONE),
    Opcode("LOAD_CONST_NONE", BASE_BYTE_O + 0x01, ArgKind.NONE),
    Opcode("LOAD_CONST_TRUE", BASE_BYTE_O + 0x02, ArgKind.NONE),
    Opcode("LOAD_CONST_SMALL_INT", BASE_VINT_E + 0x02, ArgKind.SINT),
    Opcode("LOAD_CONST_STRING", BASE_QSTR_O + 0x00, ArgKind.QSTR),
    Opcode("LOAD_CONST_OBJ", BASE_VINT_E + 0x03, ArgKind.CONST),
    Opcode("LOAD_NULL", BASE_BYTE_O + 0x03, ArgKind.NONE),
    # loads
    Opcode("LOAD_FAST_N", BASE_VINT_E + 0x04, ArgKind.UINT),
    Opcode("LOAD_DEREF", BASE_VINT_E + 0x05, ArgKind.UINT),
    Opcode("LOAD_NAME", BASE_QSTR_O + 0x01, ArgKind.QSTR),
    Opcode("LOAD_GLOBAL", BASE_QSTR_O + 0x02, ArgKind.QSTR),
    Opcode("LOAD_ATTR", BASE_QSTR_O + 0x03, ArgKind.QSTR),
    Opcode("LOAD_METHOD", BASE_QSTR_O + 0x04, ArgKind.QSTR),
    Opcode("LOAD_SUPER_METHOD", BASE_QSTR_O + 0x05, ArgKind.QSTR),
    Opcode("LOAD_BUILD_CLASS", BASE_BYTE_O + 0x04, ArgKind.NONE),
    Opcode("LOAD_SUBSCR", BASE_BYTE_O + 0x05, ArgKind.NONE),
    # stores
    Opcode("STORE_FAST_N", BASE_VINT_E + 0x06, ArgKind.UINT),
    Opcode("STORE_DEREF", BASE_VINT_E + 0x07, ArgKind.UINT),
    Opcode("STORE_NAME", BASE_QSTR_O + 0x06, ArgKind.QSTR),
    Opcode("STORE_GLOBAL", BASE_QSTR_O + 0x07, ArgKind.QSTR),
    Opcode("STORE_ATTR", BASE_QSTR_O + 0x08, ArgKind.QSTR),
    Opcode("STORE_SUBSCR", BASE_BYTE_O + 0x06, ArgKind.NONE),
    # deletes
    Opcode("DELETE_FAST", BASE_VINT_E + 0x08, ArgKind.UINT),
    Opcode("DELETE_DEREF", BASE_VINT_E + 0x09, ArgKind.UINT),
    Opcode("DELETE_NAME", BASE_QSTR_O + 0x09, ArgKind.QSTR),
    Opcode("DELETE_GLOBAL", BASE_QSTR_O + 0x0A, ArgKind.QSTR),
    # stack
    Opcode("DUP_TOP", BASE_BYTE_O + 0x07, ArgKind.NONE),
    Opcode("DUP_TOP_TWO", BASE_BYTE_O + 0x08, ArgKind.NONE),
    Opcode("POP_TOP", BASE_BYTE_O + 0x09, ArgKind.NONE),
    Opcode("ROT_TWO", BASE_BYTE_O + 0x0A, ArgKind.NONE),
    Opcode("ROT_THREE", BASE_BYTE_O + 0x0B, ArgKind.NONE),
    # jumps and blocks
    Opcode("UNWIND_JUMP", BASE_JUMP_E + 0x00, ArgKind.JUMP_SIGNED, extra_byte=True),
    Opcode("JUMP", BASE_JUMP_E + 0x02, ArgKind.JUMP_SIGNED),
    Opcode("POP_JUMP_IF_TRUE", BASE_JUMP_E + 0x03, ArgKind.JUMP_SIGNED),
    Opcode("POP_JUMP_IF_FALSE", BASE_JUMP_E + 0x04, ArgKind.JUMP_SIGNED),
    Opcode("JUMP_IF_TRUE_OR_POP", BASE_JUMP_E + 0x05, ArgKind.JUMP_UNSIGNED),
    Opcode("JUMP_IF_FALSE_OR_POP", BASE_JUMP_E + 0x06, ArgKind.JUMP_UNSIGNED),
    Opcode("SETUP_WITH", BASE_JUMP_E + 0x07, ArgKind.JUMP_UNSIGNED),
    Opcode("SETUP_EXCEPT", BASE_JUMP_E + 0x08, ArgKind.JUMP_UNSIGNED),
    Opcode("SETUP_FINALLY", BASE_JUMP_E + 0x09, ArgKind.JUMP_UNSIGNED),
    Opcode("POP_EXCEPT_JUMP", BASE_JUMP_E + 0x0A, ArgKind.JUMP_UNSIGNED),
    Opcode("FOR_ITER", BASE_JUMP_E + 0x0B, ArgKind.JUMP_UNSIGNED),
    Opcode("WITH_CLEANUP", BASE_BYTE_O + 0x0C, ArgKind.NONE),
    Opcode("END_FINALLY", BASE_BYTE_O + 0x0D, ArgKind.NONE),
    Opcode("GET_ITER", BASE_BYTE_O + 0x0E, ArgKind.NONE),
    Opcode("GET_ITER_STACK", BASE_BYTE_O + 0x0F, ArgKind.NONE),
    # builds
    Opcode("BUILD_TUPLE", BASE_VINT_E + 0x0A, ArgKind.UINT),
    Opcode("BUILD_LIST", BASE_VINT_E + 0x0B, ArgKind.UINT),
    Opcode("BUILD_MAP", BASE_VINT_E + 0x0C, ArgKind.UINT),
    Opcode("STORE_MAP", BASE_BYTE_E + 0x02, ArgKind.NONE),
    Opcode("BUILD_SET", BASE_VINT_E + 0x0D, ArgKind.UINT),
    Opcode("BUILD_SLICE", BASE_VINT_E + 0x0E, ArgKind.UINT),
    Opcode("STORE_COMP", BASE_VINT_E + 0x0F, ArgKind.UINT),
    Opcode("UNPACK_SEQUENCE", BASE_VINT_O + 0x00, ArgKind.UINT),
    Opcode("UNPACK_EX", BASE_VINT_O + 0x01, ArgKind.UINT),
    # returns, raises, yields
    Opcode("RETURN_VALUE", BASE_BYTE_E + 0x03, ArgKind.NONE),
    Opcode("RAISE_LAST", BASE_BYTE_E + 0x04, ArgKind.NONE),
    Opcode("RAISE_OBJ", BASE_BYTE_E + 0x05, ArgKind.NONE),
    Opcode("RAISE_FROM", BASE_BYTE_E + 0x06, ArgKind.NONE),
    Opcode("YIELD_VALUE", BASE_BYTE_E + 0x07, ArgKind.NONE),
    Opcode("YIELD_FROM", BASE_BYTE_E + 0x08, ArgKind.NONE),
    # functions and calls
    Opcode("MAKE_FUNCTION", BASE_VINT_O + 0x02, ArgKind.CHILD),
    Opcode("MAKE_FUNCTION_DEFARGS", BASE_VINT_O + 0x03, ArgKind.CHILD),
    Opcode("MAKE_CLOSURE", BASE_VINT_E + 0x00, ArgKind.CHILD, extra_byte=True),
    Opcode("MAKE_CLOSURE_DEFARGS", BASE_VINT_E + 0x01, ArgKind.CHILD, extra_byte=True),
    Opcode("CALL_FUNCTION", BASE_VINT_O + 0x04, ArgKind.UINT),
    Opcode("CALL_FUNCTION_VAR_KW", BASE_VINT_O + 0x05, ArgKind.UINT),
    Opcode("CALL_METHOD", BASE_VINT_O + 0x06, ArgKind.UINT),
    Opcode("CALL_METHOD_VAR_KW", BASE_VINT_O + 0x07, ArgKind.UINT),
    # imports
    Opcode("IMPORT_NAME", BASE_QSTR_O + 0x0B, ArgKind.QSTR),
    Opcode("IMPORT_FROM", BASE_QSTR_O + 0x0C, ArgKind.QSTR),
    Opcode("IMPORT_STAR", BASE_BYTE_E + 0x09, ArgKind.NONE),
]


@dataclass(frozen=True)
class MultiRange:
    """A run of opcodes that carry their argument in the opcode byte itself."""

    name: str
    base: int
    count: int


# Operand = opcode - base (for LOAD_CONST_SMALL_INT_MULTI, value = operand - 16).
LOAD_CONST_SMALL_INT_MULTI = MultiRange("LOAD_CONST_SMALL_INT_MULTI", 0x70, 64)
SMALL_INT_MULTI_EXCESS = 16
LOAD_FAST_MULTI = MultiRange("LOAD_FAST_MULTI", 0xB0, 16)
STORE_FAST_MULTI = MultiRange("STORE_FAST_MULTI", 0xC0, 16)

# Operators in MicroPython's numbering (runtime0.h); only those up to NOT / POWER are
# encodable in bytecode, the rest exist for the runtime's dispatch of special methods.
UNARY_OPS = ("POSITIVE", "NEGATIVE", "INVERT", "NOT")
BINARY_OPS = (
    "LESS", "MORE", "EQUAL", "LESS_EQUAL", "MORE_EQUAL", "NOT_EQUAL", "IN", "IS",
    "EXCEPTION_MATCH",
    "INPLACE_OR", "INPLACE_XOR", "INPLACE_AND", "INPLACE_LSHIFT", "INPLACE_RSHIFT",
    "INPLACE_ADD", "INPLACE_SUBTRACT", "INPLACE_MULTIPLY", "INPLACE_MAT_MULTIPLY",
    "INPLACE_FLOOR_DIVIDE", "INPLACE_TRUE_DIVIDE", "INPLACE_MODULO", "INPLACE_POWER",
    "OR", "XOR", "AND", "LSHIFT", "RSHIFT", "ADD", "SUBTRACT", "MULTIPLY",
    "MAT_MULTIPLY", "FLOOR_DIVIDE", "TRUE_DIVIDE", "MODULO", "POWER",
)  # fmt: skip
UNARY_OP_MULTI = MultiRange("UNARY_OP_MULTI", 0xD0, 7)
BINARY_OP_MULTI = MultiRange("BINARY_OP_MULTI", 0xD7, len(BINARY_OPS))
UNARY_OP = {name: i for i, name in enumerate(UNARY_OPS)}
BINARY_OP = {name: i for i, name in enumerate(BINARY_OPS)}

MULTI_RANGES = (
    LOAD_CONST_SMALL_INT_MULTI,
    LOAD_FAST_MULTI,
    STORE_FAST_MULTI,
    UNARY_OP_MULTI,
    BINARY_OP_MULTI,
)

# Slots that an iterator takes on the value stack under GET_ITER_STACK / FOR_ITER.
ITER_BUF_NSLOTS = 4

# -- derived views ---------------------------------------------------------------

BY_NAME: dict[str, Opcode] = {op.name: op for op in _OPCODES}
BY_NUMBER: dict[int, Opcode] = {op.number: op for op in _OPCODES}
NUMBER: dict[str, int] = {op.name: op.number for op in _OPCODES}

HAS_QSTR = frozenset(op.number for op in _OPCODES if op.arg is ArgKind.QSTR)
HAS_JUMP = frozenset(
    op.number for op in _OPCODES if op.arg in (ArgKind.JUMP_SIGNED, ArgKind.JUMP_UNSIGNED)
)
HAS_SIGNED_JUMP = frozenset(op.number for op in _OPCODES if op.arg is ArgKind.JUMP_SIGNED)
HAS_CONST = frozenset(op.number for op in _OPCODES if op.arg is ArgKind.CONST)
HAS_CHILD = frozenset(op.number for op in _OPCODES if op.arg is ArgKind.CHILD)


def arg_format(number: int) -> ArgFormat:
    """How the argument of the opcode `number` is encoded, from its high nibble."""
    return ArgFormat((_FORMAT_BY_NIBBLE >> (2 * (number >> 4))) & 3)


def has_extra_byte(number: int) -> bool:
    return number & _EXTRA_BYTE_MASK == 0


def multi_range_of(number: int) -> MultiRange | None:
    for rng in MULTI_RANGES:
        if rng.base <= number < rng.base + rng.count:
            return rng
    return None


def name_of(number: int) -> str:
    """The opcode's name, with the operand spelled out for the multi-opcode ranges."""
    op = BY_NUMBER.get(number)
    if op is not None:
        return op.name
    rng = multi_range_of(number)
    if rng is None:
        raise KeyError(f"no opcode 0x{number:02x}")
    return rng.name
