"""Operators, iteration and text conversion with MicroPython's semantics.

The host operator does the work (user instances forward the host's special methods to
their VM methods, see `objects.InstanceBase`); the code here maps the host's failures
to MicroPython's exceptions in MicroPython's words (py/runtime.c, py/objstr.c).
"""

from __future__ import annotations

import math
import operator
from collections.abc import Callable
from typing import Any

from ..mpy.mpyfile import float_repr
from ..mpy.opcodes import BINARY_OPS, UNARY_OPS
from .objects import (
    EXC_TYPES,
    MISSING,
    NULL,
    BoundMethod,
    Builtin,
    Cell,
    Function,
    InstanceBase,
    Module,
    MpException,
    MpType,
    mp_error,
)
from .types import is_instance, type_name

# Special-method names that MicroPython's error messages use for each operator.
_METHOD = {
    "LESS": "__lt__", "MORE": "__gt__", "EQUAL": "__eq__", "LESS_EQUAL": "__le__",
    "MORE_EQUAL": "__ge__", "NOT_EQUAL": "__ne__", "IN": "__contains__", "IS": "__is__",
    "EXCEPTION_MATCH": "__exception_match__",
    "OR": "__or__", "XOR": "__xor__", "AND": "__and__", "LSHIFT": "__lshift__",
    "RSHIFT": "__rshift__", "ADD": "__add__", "SUBTRACT": "__sub__", "MULTIPLY": "__mul__",
    "MAT_MULTIPLY": "__matmul__", "FLOOR_DIVIDE": "__floordiv__",
    "TRUE_DIVIDE": "__truediv__", "MODULO": "__mod__", "POWER": "__pow__",
}  # fmt: skip
_UNARY_METHOD = {"POSITIVE": "__pos__", "NEGATIVE": "__neg__", "INVERT": "__invert__"}

# MicroPython's small ints are immediate values, so `is` between equal ones is true.
_SMALL_INT_MIN = -(1 << 30)
_SMALL_INT_MAX = (1 << 30) - 1

_HOST_BINARY = {
    "LESS": operator.lt, "MORE": operator.gt, "EQUAL": operator.eq,
    "LESS_EQUAL": operator.le, "MORE_EQUAL": operator.ge, "NOT_EQUAL": operator.ne,
    "OR": operator.or_, "XOR": operator.xor, "AND": operator.and_,
    "LSHIFT": operator.lshift, "RSHIFT": operator.rshift, "ADD": operator.add,
    "SUBTRACT": operator.sub, "MULTIPLY": operator.mul, "MAT_MULTIPLY": operator.matmul,
    "FLOOR_DIVIDE": operator.floordiv, "TRUE_DIVIDE": operator.truediv,
    "MODULO": operator.mod, "POWER": operator.pow,
    "INPLACE_OR": operator.ior, "INPLACE_XOR": operator.ixor, "INPLACE_AND": operator.iand,
    "INPLACE_LSHIFT": operator.ilshift, "INPLACE_RSHIFT": operator.irshift,
    "INPLACE_ADD": operator.iadd, "INPLACE_SUBTRACT": operator.isub,
    "INPLACE_MULTIPLY": operator.imul, "INPLACE_MAT_MULTIPLY": operator.imatmul,
    "INPLACE_FLOOR_DIVIDE": operator.ifloordiv, "INPLACE_TRUE_DIVIDE": operator.itruediv,
    "INPLACE_MODULO": operator.imod, "INPLACE_POWER": operator.ipow,
}  # fmt: skip

_NUMBERS = (int, float, complex)


def _method_name(op_name: str) -> str:
    if op_name.startswith("INPLACE_"):
        return "__i" + _METHOD[op_name[8:]][2:]
    return _METHOD[op_name]


def unsupported(op_name: str, lhs: Any, rhs: Any) -> MpException:
    return mp_error(
        "TypeError",
        f"unsupported types for {_method_name(op_name)}: '{type_name(lhs)}', '{type_name(rhs)}'",
    )


def _implicit(obj: Any, target: Any) -> MpException:
    return mp_error(
        "TypeError", f"can't convert '{type_name(obj)}' object to {type_name(target)} implicitly"
    )


def _op_failed(op_name: str, lhs: Any, rhs: Any, err: Exception) -> MpException:
    """MicroPython's exception for a host operator's failure."""
    if isinstance(err, ZeroDivisionError):
        return mp_error("ZeroDivisionError", "divide by zero")
    if isinstance(err, OverflowError):
        if isinstance(lhs, float) or isinstance(rhs, float):
            return mp_error("OverflowError", "math range error")
        return mp_error("OverflowError", "overflow converting long int to machine word")
    if isinstance(err, ValueError):
        return mp_error("ValueError", str(err))
    if isinstance(err, MemoryError):
        return mp_error("MemoryError", "memory allocation failed")
    base = op_name.removeprefix("INPLACE_")
    if isinstance(lhs, str | bytes) and base == "ADD" and not isinstance(rhs, InstanceBase):
        return _implicit(rhs, lhs)
    if isinstance(lhs, str) and base == "MODULO":
        return mp_error("TypeError", str(err))
    return unsupported(op_name, lhs, rhs)


def _make_binary(op_name: str) -> Callable[[Any, Any], Any]:
    host = _HOST_BINARY[op_name]

    def op(lhs: Any, rhs: Any) -> Any:
        try:
            return host(lhs, rhs)
        except MpException:
            raise
        except (TypeError, ArithmeticError, ValueError, MemoryError) as err:
            raise _op_failed(op_name, lhs, rhs, err) from None

    return op


def op_is(lhs: Any, rhs: Any) -> bool:
    if type(lhs) is int and type(rhs) is int:
        return lhs == rhs and _SMALL_INT_MIN <= lhs <= _SMALL_INT_MAX
    return lhs is rhs


def contains(container: Any, item: Any) -> bool:
    if isinstance(container, str | bytes | bytearray) and not isinstance(container, InstanceBase):
        if isinstance(container, str) != isinstance(item, str) or not isinstance(
            item, str | bytes | bytearray | int
        ):
            raise _implicit(item, container)
    try:
        return item in container
    except MpException:
        raise
    except TypeError:
        if isinstance(container, set | frozenset | dict):
            raise mp_error("TypeError", f"unhashable type: '{type_name(item)}'") from None
        raise mp_error("TypeError", f"'{type_name(container)}' object isn't iterable") from None


def exception_match(exc: Any, match: Any) -> bool:
    exc_type = exc.mp_type if isinstance(exc, MpException) else exc
    targets = match if isinstance(match, tuple) else (match,)
    for target in targets:
        if not isinstance(target, MpType):
            raise unsupported("EXCEPTION_MATCH", exc, match)
        if isinstance(exc_type, MpType) and target in exc_type.mro:
            return True
    return False


def _build_binary_table() -> list[Callable[[Any, Any], Any]]:
    table = []
    for name in BINARY_OPS:
        if name == "IS":
            table.append(op_is)
        elif name == "IN":
            table.append(lambda lhs, rhs: contains(rhs, lhs))
        elif name == "EXCEPTION_MATCH":
            table.append(exception_match)
        else:
            table.append(_make_binary(name))
    return table


BINARY = _build_binary_table()


def binary_op(op: int, lhs: Any, rhs: Any) -> Any:
    return BINARY[op](lhs, rhs)


def _make_unary(op_name: str) -> Callable[[Any], Any]:
    host = {"POSITIVE": operator.pos, "NEGATIVE": operator.neg, "INVERT": operator.invert}.get(
        op_name
    )

    def op(value: Any) -> Any:
        if host is None:
            return not value
        try:
            return host(value)
        except MpException:
            raise
        except TypeError:
            raise mp_error(
                "TypeError",
                f"unsupported type for {_UNARY_METHOD[op_name]}: '{type_name(value)}'",
            ) from None

    return op


UNARY = [_make_unary(name) for name in UNARY_OPS]


def unary_op(op: int, value: Any) -> Any:
    return UNARY[op](value)


def is_true(obj: Any) -> bool:
    return bool(obj)


# -- iteration -----------------------------------------------------------------------


def get_iter(obj: Any) -> Any:
    try:
        return iter(obj)
    except MpException:
        raise
    except TypeError:
        raise mp_error("TypeError", f"'{type_name(obj)}' object isn't iterable") from None


_DONE = object()


def next_value(it: Any) -> tuple[bool, Any]:
    """(True, value) for the next item, (False, None) when the iterator is exhausted."""
    try:
        value = next(it, _DONE)
    except TypeError:
        raise mp_error("TypeError", f"'{type_name(it)}' object isn't an iterator") from None
    if value is _DONE:
        return False, None
    return True, value


# -- subscripts ------------------------------------------------------------------------


def subscr_error(obj: Any, index: Any, err: Exception, action: str) -> MpException:
    if isinstance(err, KeyError):
        return MpException(EXC_TYPES["KeyError"], (index,))
    if isinstance(err, IndexError):
        return mp_error("IndexError", f"{_seq_name(obj)} index out of range")
    if isinstance(err, TypeError):
        if isinstance(obj, list | tuple | str | bytes | bytearray | range) and not isinstance(
            index, int | slice
        ):
            return mp_error(
                "TypeError",
                f"{_seq_name(obj)} indices must be integers, not {type_name(index)}",
            )
        if isinstance(obj, dict | set):
            return mp_error("TypeError", f"unhashable type: '{type_name(index)}'")
        if action == "load":
            return mp_error("TypeError", f"'{type_name(obj)}' object isn't subscriptable")
        if action == "store":
            return mp_error(
                "TypeError", f"'{type_name(obj)}' object doesn't support item assignment"
            )
        return mp_error("TypeError", f"'{type_name(obj)}' object doesn't support item deletion")
    if isinstance(err, ValueError):
        return mp_error("ValueError", str(err))
    return host_error(err)


def _seq_name(obj: Any) -> str:
    name = type_name(obj)
    return "string" if name == "str" else name


# -- text ------------------------------------------------------------------------------


def str_repr(text: str) -> str:
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


def float_text(value: float) -> str:
    if math.isnan(value):
        return "nan"
    if math.isinf(value):
        return "inf" if value > 0 else "-inf"
    return float_repr(value)


def _complex_text(value: complex) -> str:
    def part(x: float) -> str:
        text = float_text(x)
        return text[:-2] if text.endswith(".0") else text

    if value.real == 0 and math.copysign(1, value.real) > 0:
        return part(value.imag) + "j"
    imag = part(value.imag)
    sign = "" if imag.startswith("-") else "+"
    return f"({part(value.real)}{sign}{imag}j)"


def _addr(obj: Any) -> str:
    return f"0x{id(obj) & 0xFFFFFFFF:x}"


def to_repr(obj: Any) -> str:
    klass = obj.__class__
    if klass is str:
        return str_repr(obj)
    if klass is int or klass is bool or obj is None:
        return repr(obj)
    if klass is float:
        return float_text(obj)
    if isinstance(obj, InstanceBase):
        return _instance_repr(obj)
    if klass is tuple:
        inner = ", ".join(to_repr(item) for item in obj)
        return f"({inner},)" if len(obj) == 1 else f"({inner})"
    if klass is list:
        return "[" + ", ".join(to_repr(item) for item in obj) + "]"
    if klass is dict:
        return "{" + ", ".join(f"{to_repr(k)}: {to_repr(v)}" for k, v in obj.items()) + "}"
    if klass is set or klass is frozenset:
        if not obj:
            return f"{klass.__name__}()"
        inner = "{" + ", ".join(to_repr(item) for item in obj) + "}"
        return inner if klass is set else f"frozenset({inner})"
    if klass is complex:
        return _complex_text(obj)
    if klass is bytes:
        return repr(obj)
    if klass is bytearray:
        return f"bytearray({bytes(obj)!r})"
    if klass is range:
        step = f", {obj.step}" if obj.step != 1 else ""
        return f"range({obj.start}, {obj.stop}{step})"
    if klass is slice:
        return f"slice({to_repr(obj.start)}, {to_repr(obj.stop)}, {to_repr(obj.step)})"
    if klass is Function:
        return f"<function {obj.name} at {_addr(obj)}>"
    if klass is Builtin:
        return f"<function {obj.name}>"
    if klass is BoundMethod:
        return f"<bound_method {_addr(obj)} {to_repr(obj.self_obj)}.{to_repr(obj.func)}>"
    if klass is MpType:
        return f"<class '{obj.name}'>"
    if klass is Module:
        return f"<module '{obj.name}'>"
    if klass is Cell:
        return f"<cell {_addr(obj)}>"
    if klass is memoryview:
        return f"<memoryview {_addr(obj)}>"
    if obj is Ellipsis:
        return "Ellipsis"
    if klass.__name__ == "array" and klass.__module__ == "array":
        items = f", {to_repr(obj.tolist())}" if len(obj) else ""
        return f"array('{obj.typecode}'{items})"
    custom = getattr(obj, "mp_repr", None)
    if custom is not None:
        return custom()
    return f"<{type_name(obj)} {_addr(obj)}>" if not callable(obj) else f"<function {_addr(obj)}>"


def _instance_repr(obj: Any) -> str:
    fun = obj.mp_type.lookup("__repr__")
    if fun is not MISSING:
        return _text_result(fun(obj), "__repr__")
    if isinstance(obj, MpException):
        return obj.mp_type.name + to_repr(obj.mp_args)
    native = obj.mp_type.native
    if native is not None:
        return to_repr(native.host(obj)) if native.host is not str else str_repr(obj)
    if obj.mp_type.lookup("__str__") is not MISSING and False:
        return to_str(obj)
    return f"<{obj.mp_type.name} object at {_addr(obj)}>"


def _text_result(value: Any, method: str) -> str:
    if not isinstance(value, str):
        raise mp_error("TypeError", f"{method} returned non-string (type {type_name(value)})")
    return str(value) if value.__class__ is not str else value


def exception_args_text(exc: MpException) -> str:
    """str() of an exception: its one argument's str, or the tuple of several."""
    args = exc.mp_args
    if len(args) == 1:
        return to_str(args[0])
    return "" if not args else to_repr(args)


def to_str(obj: Any) -> str:
    klass = obj.__class__
    if klass is str:
        return obj
    if klass is int or klass is bool or obj is None:
        return str(obj)
    if isinstance(obj, InstanceBase):
        fun = obj.mp_type.lookup("__str__")
        if fun is not MISSING:
            return _text_result(fun(obj), "__str__")
        if isinstance(obj, MpException):
            if obj.mp_type.lookup("__repr__") is not MISSING:
                return to_repr(obj)
            return exception_args_text(obj)
        if isinstance(obj, str):
            return str.__str__(obj)
    return to_repr(obj)


def exception_text(exc: MpException) -> str:
    """The last line of a traceback: `Type: message` (py/objexcept.c prints the colon
    even when there is no message)."""
    return f"{exc.mp_type.name}: {to_str(exc)}"


# -- host exceptions -----------------------------------------------------------------

_HOST_MESSAGES = [
    ("takes", "positional argument"),
]


def host_error(err: BaseException) -> MpException:
    """A host exception raised by a built-in, as the MicroPython exception it stands for."""
    if isinstance(err, MpException):
        return err
    if isinstance(err, RecursionError):
        return mp_error("RuntimeError", "maximum recursion depth exceeded")
    if isinstance(err, KeyError):
        return MpException(EXC_TYPES["KeyError"], err.args)
    if isinstance(err, ZeroDivisionError):
        return mp_error("ZeroDivisionError", "divide by zero")
    if isinstance(err, StopIteration):
        return MpException(EXC_TYPES["StopIteration"], err.args)
    if isinstance(err, UnicodeError):
        return mp_error("UnicodeError")
    if isinstance(err, OSError):
        return MpException(EXC_TYPES["OSError"], (err.errno,) if err.errno else err.args)
    name = type(err).__name__
    message = str(err)
    if name == "TypeError":
        message = _type_error_text(message)
    elif name == "ValueError" and _NOT_IN_SEQUENCE.search(message):
        message = "object not in sequence"  # py/sequence.c mp_seq_index_obj
    mp_type = EXC_TYPES.get(name, EXC_TYPES["RuntimeError"])
    return MpException(mp_type, (message,) if message else ())


_NOT_IN_SEQUENCE = __import__("re").compile(r"is not in list$|x not in (list|tuple)$")


def _type_error_text(message: str) -> str:
    import re

    m = re.search(
        r"takes (?:from \d+ to )?(\d+) positional arguments? but (\d+) (?:were|was) given", message
    )
    if m:
        return f"function takes {m.group(1)} positional arguments but {m.group(2)} were given"
    m = re.search(r"missing (\d+) required positional argument", message)
    if m:
        return f"function missing {m.group(1)} required positional arguments"
    m = re.search(r"got an unexpected keyword argument '(\w+)'", message)
    if m:
        return f"unexpected keyword argument '{m.group(1)}'"
    if "takes no keyword arguments" in message:
        return "function doesn't take keyword arguments"
    return message


def is_exception_type(obj: Any) -> bool:
    return isinstance(obj, MpType) and obj.is_exc


__all__ = ["is_instance"]


def expand_star_args(
    pos: list[Any], kw_items: list[Any], bitmap: int
) -> tuple[list[Any], dict[str, Any]]:
    """The arguments of a CALL_*_VAR_KW: positional items whose bit is set in `bitmap`
    are `*` iterables; keyword pairs with a NULL key are `**` mappings."""
    args: list[Any] = []
    for i, value in enumerate(pos):
        if bitmap >> i & 1:
            args.extend(get_iter(value))
        else:
            args.append(value)
    kwargs: dict[str, Any] = {}
    for i in range(0, len(kw_items), 2):
        key, value = kw_items[i], kw_items[i + 1]
        if key is NULL:
            if isinstance(value, dict):
                kwargs.update(value)
            else:
                for k in get_iter(value):
                    kwargs[k] = value[k]
        else:
            kwargs[key] = value
    return args, kwargs
