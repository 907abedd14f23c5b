"""Operators, truth, iteration and text conversion with MicroPython's semantics.

Where MicroPython and CPython agree (int floor division and modulo, str comparison,
arbitrary-precision ints) the host operator does the work; the code here decides
which operand types are allowed and raises MicroPython's errors in its own words.
"""

from __future__ import annotations

import math
from typing import Any

from ..mpy.mpyfile import float_repr
from ..mpy.opcodes import BINARY_OPS, UNARY_OPS
from .objects import (
    Builtin,
    BuiltinType,
    ExcType,
    Function,
    HostIterator,
    MpException,
    Range,
    mp_error,
    type_name,
)

# Special-method names that MicroPython's error messages use for each operator.
_BINARY_METHOD = {
    "LESS": "__lt__", "MORE": "__gt__", "EQUAL": "__eq__", "LESS_EQUAL": "__le__",
    "MORE_EQUAL": "__ge__", "NOT_EQUAL": "__ne__", "IN": "__contains__",
    "OR": "__or__", "XOR": "__xor__", "AND": "__and__", "LSHIFT": "__lshift__",
    "RSHIFT": "__rshift__", "ADD": "__add__", "SUBTRACT": "__sub__", "MULTIPLY": "__mul__",
    "MAT_MULTIPLY": "__matmul__", "FLOOR_DIVIDE": "__floordiv__",
    "TRUE_DIVIDE": "__truediv__", "MODULO": "__mod__", "POWER": "__pow__",
}  # fmt: skip
_UNARY_METHOD = {"POSITIVE": "__pos__", "NEGATIVE": "__neg__", "INVERT": "__invert__"}

_INPLACE_PREFIX = "INPLACE_"

# MicroPython's small ints are immediate values, so `is` between equal ones is true.
_SMALL_INT_MIN = -(1 << 30)
_SMALL_INT_MAX = (1 << 30) - 1


def _method_name(op_name: str) -> str:
    if op_name.startswith(_INPLACE_PREFIX):
        return "__i" + _BINARY_METHOD[op_name[len(_INPLACE_PREFIX) :]][2:]
    return _BINARY_METHOD[op_name]


def _unsupported(op_name: str, lhs: Any, rhs: Any) -> MpException:
    return mp_error(
        "TypeError",
        f"unsupported types for {_method_name(op_name)}: '{type_name(lhs)}', '{type_name(rhs)}'",
    )


def is_number(obj: Any) -> bool:
    return isinstance(obj, int | float)


def is_true(obj: Any) -> bool:
    if obj is None or obj is False:
        return False
    if obj is True:
        return True
    if isinstance(obj, Range):
        return len(obj) > 0
    if isinstance(obj, int | float | complex | str | bytes | tuple | list | dict):
        return bool(obj)
    return True


def _arith(base: str, lhs: Any, rhs: Any) -> Any:
    """Host arithmetic on two numbers, MicroPython's errors for the failure cases."""
    try:
        if base == "ADD":
            return lhs + rhs
        if base == "SUBTRACT":
            return lhs - rhs
        if base == "MULTIPLY":
            return lhs * rhs
        if base == "FLOOR_DIVIDE":
            return lhs // rhs
        if base == "TRUE_DIVIDE":
            return lhs / rhs
        if base == "MODULO":
            return lhs % rhs
        if base == "POWER":
            return lhs**rhs
        if isinstance(lhs, float) or isinstance(rhs, float):
            return None
        if base in ("LSHIFT", "RSHIFT") and rhs < 0:
            raise mp_error("ValueError", "negative shift count")
        if base == "LSHIFT":
            return lhs << rhs
        if base == "RSHIFT":
            return lhs >> rhs
        if base == "OR":
            return int(lhs) | int(rhs)
        if base == "XOR":
            return int(lhs) ^ int(rhs)
        if base == "AND":
            return int(lhs) & int(rhs)
    except ZeroDivisionError:
        raise mp_error("ZeroDivisionError", "divide by zero") from None
    except OverflowError:
        raise mp_error("OverflowError", "overflow converting long int to machine word") from None
    return None


_COMPARE = {
    "LESS": lambda a, b: a < b,
    "MORE": lambda a, b: a > b,
    "LESS_EQUAL": lambda a, b: a <= b,
    "MORE_EQUAL": lambda a, b: a >= b,
}


def equal(lhs: Any, rhs: Any) -> bool:
    if isinstance(lhs, Range) and isinstance(rhs, Range):
        return list(lhs) == list(rhs)
    return bool(lhs == rhs)


def contains(container: Any, item: Any) -> bool:
    if isinstance(container, str | bytes):
        if type(item) is not type(container):
            raise mp_error(
                "TypeError",
                f"can't convert '{type_name(item)}' object to {type_name(container)} implicitly",
            )
        return item in container
    for value in get_iter(container).it:
        if equal(value, item):
            return True
    return False


def binary_op(op: int, lhs: Any, rhs: Any) -> Any:
    op_name = BINARY_OPS[op]
    if op_name == "IS":
        if type(lhs) is int and type(rhs) is int:
            return lhs == rhs and _SMALL_INT_MIN <= lhs <= _SMALL_INT_MAX
        return lhs is rhs
    if op_name == "EQUAL":
        return equal(lhs, rhs)
    if op_name == "NOT_EQUAL":
        return not equal(lhs, rhs)
    if op_name == "EXCEPTION_MATCH":
        return exception_match(lhs, rhs)
    if op_name == "IN":
        return contains(rhs, lhs)
    # immutable operands: an in-place operator computes what the plain one does
    base = op_name.removeprefix(_INPLACE_PREFIX)

    if is_number(lhs) and is_number(rhs):
        if base in _COMPARE:
            return _COMPARE[base](lhs, rhs)
        result = _arith(base, lhs, rhs)
        if result is not None:
            return result
        raise _unsupported(op_name, lhs, rhs)

    if isinstance(lhs, str | bytes):
        if type(rhs) is type(lhs):
            if base in _COMPARE:
                return _COMPARE[base](lhs, rhs)
            if base == "ADD":
                return lhs + rhs
        elif base == "ADD":
            raise mp_error(
                "TypeError",
                f"can't convert '{type_name(rhs)}' object to {type_name(lhs)} implicitly",
            )
        if base == "MULTIPLY" and isinstance(rhs, int):
            return lhs * rhs
        if base == "MODULO" and isinstance(lhs, str):
            return _format_percent(lhs, rhs)
    elif isinstance(lhs, tuple):
        if isinstance(rhs, tuple):
            if base in _COMPARE:
                return _COMPARE[base](lhs, rhs)
            if base == "ADD":
                return lhs + rhs
        if base == "MULTIPLY" and isinstance(rhs, int):
            return lhs * rhs
    elif isinstance(lhs, int) and isinstance(rhs, str | bytes | tuple) and base == "MULTIPLY":
        return rhs * lhs
    raise _unsupported(op_name, lhs, rhs)


def _format_percent(fmt: str, args: Any) -> str:
    values = args if isinstance(args, tuple) else (args,)
    try:
        return fmt % tuple(v if is_number(v) or isinstance(v, str) else to_str(v) for v in values)
    except (TypeError, ValueError) as err:
        raise mp_error("TypeError", str(err)) from None


def unary_op(op: int, value: Any) -> Any:
    op_name = UNARY_OPS[op]
    if op_name == "NOT":
        return not is_true(value)
    if is_number(value):
        if op_name == "POSITIVE":
            return +value
        if op_name == "NEGATIVE":
            return -value
        if op_name == "INVERT" and isinstance(value, int):
            return ~value
    raise mp_error(
        "TypeError", f"unsupported type for {_UNARY_METHOD[op_name]}: '{type_name(value)}'"
    )


def exception_match(exc: Any, match: Any) -> bool:
    exc_type = exc.exc_type if isinstance(exc, MpException) else exc
    targets = match if isinstance(match, tuple) else (match,)
    for target in targets:
        if not isinstance(target, ExcType):
            raise _unsupported("EXCEPTION_MATCH", exc, match)
        if isinstance(exc_type, ExcType) and exc_type.is_subclass_of(target):
            return True
    return False


# -- iteration -----------------------------------------------------------------------


def get_iter(obj: Any) -> HostIterator:
    if isinstance(obj, HostIterator):
        return obj
    if isinstance(obj, str | bytes | tuple | list | dict | Range):
        kinds = {str: "str_iterator", tuple: "tuple_iterator", Range: "range_iterator"}
        return HostIterator(iter(obj), kinds.get(type(obj), "iterator"))
    raise mp_error("TypeError", f"'{type_name(obj)}' object isn't iterable")


def next_value(it: HostIterator) -> tuple[bool, Any]:
    """(True, value) for the next item, (False, None) when the iterator is exhausted."""
    for value in it.it:
        return True, value
    return False, None


# -- text ------------------------------------------------------------------------------


def _str_repr(text: str) -> str:
    quote = '"' if "'" in text and '"' not in text else "'"
    out = [quote]
    for ch in text:
        if ch == quote or ch == "\\":
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\x{ord(ch):02x}")
        else:
            out.append(ch)
    out.append(quote)
    return "".join(out)


def _float_text(value: float) -> str:
    if math.isnan(value):
        return "nan"
    if math.isinf(value):
        return "inf" if value > 0 else "-inf"
    return float_repr(value)


def to_repr(obj: Any) -> str:
    if isinstance(obj, str):
        return _str_repr(obj)
    if isinstance(obj, float):
        return _float_text(obj)
    if isinstance(obj, tuple):
        inner = ", ".join(to_repr(item) for item in obj)
        return f"({inner},)" if len(obj) == 1 else f"({inner})"
    if isinstance(obj, list):
        return "[" + ", ".join(to_repr(item) for item in obj) + "]"
    if isinstance(obj, dict):
        return "{" + ", ".join(f"{to_repr(k)}: {to_repr(v)}" for k, v in obj.items()) + "}"
    if isinstance(obj, Range):
        step = f", {obj.step}" if obj.step != 1 else ""
        return f"range({obj.start}, {obj.stop}{step})"
    if isinstance(obj, Function):
        return f"<function {obj.name} at 0x{id(obj) & 0xFFFFFFFF:x}>"
    if isinstance(obj, Builtin):
        return f"<function {obj.name}>"
    if isinstance(obj, ExcType | BuiltinType):
        return f"<class '{obj.name}'>"
    if isinstance(obj, MpException):
        return obj.exc_type.name + to_repr(obj.mp_args)
    if isinstance(obj, HostIterator):
        return f"<{obj.kind}>"
    return repr(obj)


def exception_args_text(exc: MpException) -> str:
    """str() of an exception: its one argument's str, or the tuple of several."""
    args = exc.mp_args
    if len(args) == 1:
        return to_str(args[0])
    return "" if not args else to_repr(args)


def to_str(obj: Any) -> str:
    if isinstance(obj, str):
        return obj
    if isinstance(obj, MpException):
        return exception_args_text(obj)
    if obj is None or isinstance(obj, bool | int):
        return str(obj)
    return to_repr(obj)


def exception_text(exc: MpException) -> str:
    """The last line of a traceback: `Type: message` (the colon even with no message)."""
    return f"{exc.exc_type.name}: {exception_args_text(exc)}"
