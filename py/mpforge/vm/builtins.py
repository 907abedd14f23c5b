"""The builtins module of the Python-hosted VM: the names every module can load."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..mpy.opcodes import BINARY_OP, UNARY_OP
from .objects import EXC_TYPES, Builtin, BuiltinImpl, BuiltinType, Range, mp_error, type_name
from .ops import binary_op, get_iter, is_true, to_repr, to_str, unary_op

if TYPE_CHECKING:
    from .interp import Interpreter

_LESS = BINARY_OP["LESS"]
_NEGATE = UNARY_OP["NEGATIVE"]


def check_num_args(args: list[Any], kwargs: dict[str, Any], n_min: int, n_max: int) -> None:
    """Argument-count checks of MicroPython's built-in functions, in their words."""
    if kwargs:
        raise mp_error("TypeError", "function doesn't take keyword arguments")
    n = len(args)
    if n_min == n_max:
        if n != n_min:
            raise mp_error(
                "TypeError", f"function takes {n_min} positional arguments but {n} were given"
            )
    elif n < n_min:
        raise mp_error("TypeError", f"function missing {n_min - n} required positional arguments")
    elif n > n_max:
        raise mp_error("TypeError", f"function expected at most {n_max} arguments, got {n}")


def _get_int(obj: Any) -> int:
    if isinstance(obj, int):
        return int(obj)
    raise mp_error("TypeError", f"can't convert {type_name(obj)} to int")


def _print(vm: Interpreter, args: list[Any], kwargs: dict[str, Any]) -> None:
    sep = " "
    end = "\n"
    for key, value in kwargs.items():
        if key not in ("sep", "end"):
            raise mp_error("TypeError", f"unexpected keyword argument '{key}'")
        if value is not None:
            if not isinstance(value, str):
                raise mp_error(
                    "TypeError", f"can't convert '{type_name(value)}' object to str implicitly"
                )
            if key == "sep":
                sep = value
            else:
                end = value
    vm.write(sep.join(to_str(arg) for arg in args) + end)


def _range(vm: Interpreter, args: list[Any], kwargs: dict[str, Any]) -> Range:
    check_num_args(args, kwargs, 1, 3)
    values = [_get_int(a) for a in args]
    if len(values) == 1:
        return Range(0, values[0], 1)
    step = values[2] if len(values) == 3 else 1
    if step == 0:
        raise mp_error("ValueError", "zero step")
    return Range(values[0], values[1], step)


def _len(vm: Interpreter, args: list[Any], kwargs: dict[str, Any]) -> int:
    check_num_args(args, kwargs, 1, 1)
    obj = args[0]
    if isinstance(obj, str | bytes | tuple | list | dict | Range):
        return len(obj)
    raise mp_error("TypeError", f"object of type '{type_name(obj)}' has no len()")


def _abs(vm: Interpreter, args: list[Any], kwargs: dict[str, Any]) -> Any:
    check_num_args(args, kwargs, 1, 1)
    value = args[0]
    if binary_op(_LESS, value, 0):
        return unary_op(_NEGATE, value)
    return +value if isinstance(value, bool) else value


def _min_max(pick_less: bool) -> BuiltinImpl:
    def impl(vm: Interpreter, args: list[Any], kwargs: dict[str, Any]) -> Any:
        check_num_args(args, kwargs, 1, 0xFFFF)
        items = list(get_iter(args[0]).it) if len(args) == 1 else args
        if not items:
            raise mp_error("ValueError", "arg is an empty sequence")
        best = items[0]
        for item in items[1:]:
            if binary_op(_LESS, item, best) if pick_less else binary_op(_LESS, best, item):
                best = item
        return best

    return impl


def _str(vm: Interpreter, args: list[Any], kwargs: dict[str, Any]) -> str:
    check_num_args(args, kwargs, 0, 1)
    return to_str(args[0]) if args else ""


def _repr(vm: Interpreter, args: list[Any], kwargs: dict[str, Any]) -> str:
    check_num_args(args, kwargs, 1, 1)
    return to_repr(args[0])


def _bool(vm: Interpreter, args: list[Any], kwargs: dict[str, Any]) -> bool:
    check_num_args(args, kwargs, 0, 1)
    return is_true(args[0]) if args else False


def _int(vm: Interpreter, args: list[Any], kwargs: dict[str, Any]) -> int:
    check_num_args(args, kwargs, 0, 2)
    if not args:
        return 0
    value = args[0]
    if isinstance(value, str):
        base = _get_int(args[1]) if len(args) == 2 else 10
        try:
            return int(value, base)
        except ValueError:
            raise mp_error("ValueError", f"invalid syntax for integer with base {base}") from None
    if isinstance(value, float):
        return int(value)
    return _get_int(value)


def _iter(vm: Interpreter, args: list[Any], kwargs: dict[str, Any]) -> Any:
    check_num_args(args, kwargs, 1, 1)
    return get_iter(args[0])


def make_builtins() -> dict[str, Any]:
    table: dict[str, Any] = {
        "print": Builtin("print", _print),
        "len": Builtin("len", _len),
        "abs": Builtin("abs", _abs),
        "min": Builtin("min", _min_max(True)),
        "max": Builtin("max", _min_max(False)),
        "repr": Builtin("repr", _repr),
        "iter": Builtin("iter", _iter),
        "range": BuiltinType("range", _range),
        "str": BuiltinType("str", _str),
        "int": BuiltinType("int", _int),
        "bool": BuiltinType("bool", _bool),
    }
    table.update(EXC_TYPES)
    return table
