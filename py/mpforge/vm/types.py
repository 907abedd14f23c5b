"""The built-in types: one `MpType` each, wrapping the host type its values are.

Constructors follow MicroPython's rules and messages (py/objint.c, objfloat.c,
objstr.c, ...); `type_of` maps any VM value to its `MpType`.
"""

from __future__ import annotations

import math
import types as host_types
from collections.abc import Callable
from typing import Any

from .objects import (
    EXC_TYPES,
    MISSING,
    BoundMethod,
    Builtin,
    Cell,
    ClassMethod,
    Function,
    Instance,
    InstanceBase,
    Module,
    MpException,
    MpType,
    Property,
    StaticMethod,
    Super,
    mp_error,
)

BUILTIN_TYPES: dict[str, MpType] = {}
_HOST_MAP: dict[type, MpType] = {}


def _register(name: str, host: type | None, ctor: Callable[..., Any] | None, base: str = "object"):
    bases = (BUILTIN_TYPES[base],) if name != "object" else ()
    t = MpType(name, bases, host=host if host is not None else (), ctor=ctor)
    BUILTIN_TYPES[name] = t
    if host is not None:
        _HOST_MAP[host] = t
    return t


def type_of(obj: Any) -> MpType:
    t = _HOST_MAP.get(obj.__class__)
    if t is not None:
        return t
    mp_type = getattr(obj, "mp_type", None)
    if mp_type is not None:
        return mp_type
    return _host_type(obj.__class__)


def _host_type(klass: type) -> MpType:
    """Host values with no MicroPython type of their own (iterators, say) get a type
    named as MicroPython names the whole family."""
    name = klass.__name__
    if name.endswith("iterator") or name in ("generator", "callable_iterator"):
        name = "iterator"
    t = MpType(name, (BUILTIN_TYPES["object"],), host=klass)
    _HOST_MAP[klass] = t
    return t


def type_name(obj: Any) -> str:
    return type_of(obj).name


def is_instance(obj: Any, t: MpType) -> bool:
    return t in type_of(obj).mro


# -- constructors --------------------------------------------------------------------


def _no_kwargs(kwargs: dict[str, Any] | None) -> None:
    if kwargs:
        raise mp_error("TypeError", "function doesn't take keyword arguments")


def _nargs(args: list[Any], n_min: int, n_max: int) -> None:
    n = len(args)
    if n_min == n_max and n != n_min:
        raise mp_error(
            "TypeError", f"function takes {n_min} positional arguments but {n} were given"
        )
    if n < n_min:
        raise mp_error("TypeError", f"function missing {n_min - n} required positional arguments")
    if n > n_max:
        raise mp_error("TypeError", f"function expected at most {n_max} arguments, got {n}")


def parse_int(text: str | bytes, base: int) -> int:
    raw = text.decode() if isinstance(text, bytes | bytearray) else text
    try:
        return int(raw.strip(), base)
    except ValueError:
        raise mp_error("ValueError", f"invalid syntax for integer with base {base}") from None


def to_int(value: Any) -> int:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if math.isnan(value):
            raise mp_error("ValueError", "can't convert NaN to int")
        if math.isinf(value):
            raise mp_error("OverflowError", "can't convert inf to int")
        return int(value)
    if isinstance(value, InstanceBase) and value.mp_type.lookup("__int__") is not MISSING:
        return value.__int__()
    raise mp_error("TypeError", f"can't convert {type_name(value)} to int")


def _int(args: list[Any], kwargs: dict[str, Any] | None) -> int:
    _no_kwargs(kwargs)
    _nargs(args, 0, 2)
    if not args:
        return 0
    if len(args) == 2:
        if not isinstance(args[0], str | bytes | bytearray):
            raise mp_error("TypeError", "can't convert non-string with explicit base")
        return parse_int(args[0], args[1])
    if isinstance(args[0], str | bytes | bytearray):
        return parse_int(args[0], 10)
    return to_int(args[0])


def parse_float(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise mp_error("ValueError", f"invalid syntax for number: {text!r}"[:200]) from None


def to_float(value: Any) -> float:
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, InstanceBase):
        try:
            return float(value)
        except TypeError:
            pass
    raise mp_error("TypeError", f"can't convert {type_name(value)} to float")


def _float(args: list[Any], kwargs: dict[str, Any] | None) -> float:
    _no_kwargs(kwargs)
    _nargs(args, 0, 1)
    if args and isinstance(args[0], str | bytes | bytearray):
        text = args[0]
        return parse_float(text if isinstance(text, str) else bytes(text).decode())
    return to_float(args[0]) if args else 0.0


def _complex(args: list[Any], kwargs: dict[str, Any] | None) -> complex:
    _no_kwargs(kwargs)
    _nargs(args, 0, 2)
    try:
        return complex(*args)
    except (TypeError, ValueError) as err:
        raise mp_error(type(err).__name__, "invalid syntax for number") from None


def _bool(args: list[Any], kwargs: dict[str, Any] | None) -> bool:
    _no_kwargs(kwargs)
    _nargs(args, 0, 1)
    return bool(args[0]) if args else False


def _str(args: list[Any], kwargs: dict[str, Any] | None) -> str:
    from .ops import to_str

    if kwargs:
        args = args + [kwargs.get("encoding", "utf-8")]
    _nargs(args, 0, 3)
    if not args:
        return ""
    if len(args) >= 2:
        value = args[0]
        if isinstance(value, bytes | bytearray):
            try:
                return bytes(value).decode()
            except UnicodeDecodeError:
                raise mp_error("UnicodeError") from None
        raise mp_error("TypeError", "can't convert to str implicitly")
    return to_str(args[0])


def _bytes_like(host: type) -> Callable[..., Any]:
    def ctor(args: list[Any], kwargs: dict[str, Any] | None) -> Any:
        if kwargs:
            args = args + [kwargs.get("encoding", "utf-8")]
        _nargs(args, 0, 3)
        if not args:
            return host()
        value = args[0]
        if isinstance(value, str):
            if len(args) < 2:
                raise mp_error("TypeError", "string argument without an encoding")
            return host(value.encode())
        if isinstance(value, int) and not isinstance(value, bool):
            if value < 0:
                raise mp_error("ValueError", "negative count")
            return host(value)
        try:
            return host(value)
        except ValueError:
            raise mp_error("ValueError", "bytes value out of range") from None
        except TypeError:
            raise mp_error("TypeError", f"'{type_name(value)}' object isn't iterable") from None

    return ctor


def _from_iterable(host: type) -> Callable[..., Any]:
    def ctor(args: list[Any], kwargs: dict[str, Any] | None) -> Any:
        _no_kwargs(kwargs)
        _nargs(args, 0, 1)
        if not args:
            return host()
        from .ops import get_iter

        return host(get_iter(args[0]))

    return ctor


def _dict(args: list[Any], kwargs: dict[str, Any] | None) -> dict[Any, Any]:
    _nargs(args, 0, 1)
    result: dict[Any, Any] = {}
    if args:
        src = args[0]
        if isinstance(src, dict):
            result.update(src)
        else:
            from .ops import get_iter

            for item in get_iter(src):
                pair = tuple(get_iter(item))
                if len(pair) != 2:
                    raise mp_error("ValueError", "dict update sequence has wrong length")
                result[pair[0]] = pair[1]
    if kwargs:
        result.update(kwargs)
    return result


def _range(args: list[Any], kwargs: dict[str, Any] | None) -> range:
    _no_kwargs(kwargs)
    _nargs(args, 1, 3)
    values = []
    for a in args:
        if not isinstance(a, int):
            raise mp_error("TypeError", f"can't convert {type_name(a)} to int")
        values.append(int(a))
    if len(values) == 3 and values[2] == 0:
        raise mp_error("ValueError", "zero step")
    return range(*values)


def _slice(args: list[Any], kwargs: dict[str, Any] | None) -> slice:
    _no_kwargs(kwargs)
    _nargs(args, 1, 3)
    return slice(*args)


def _type(args: list[Any], kwargs: dict[str, Any] | None) -> Any:
    if len(args) == 1:
        return type_of(args[0])
    if len(args) == 3:
        name, bases, attrs = args
        return MpType(name, tuple(bases) or (BUILTIN_TYPES["object"],), dict(attrs))
    raise mp_error("TypeError", "type takes 1 or 3 arguments")


def _object(args: list[Any], kwargs: dict[str, Any] | None) -> Any:
    _no_kwargs(kwargs)
    _nargs(args, 0, 0)
    return Instance(BUILTIN_TYPES["object"])


def _wrapper(klass: type, n_max: int = 1) -> Callable[..., Any]:
    def ctor(args: list[Any], kwargs: dict[str, Any] | None) -> Any:
        if klass is Property:
            names = ("fget", "fset", "fdel", "doc")
            values = dict(zip(names, args, strict=False))
            values.update(kwargs or {})
            values.pop("doc", None)
            return Property(**values)
        _no_kwargs(kwargs)
        _nargs(args, 1, n_max)
        return klass(*args)

    return ctor


def _enumerate(args: list[Any], kwargs: dict[str, Any] | None) -> Any:
    from .ops import get_iter

    start = (kwargs or {}).get("start", args[1] if len(args) > 1 else 0)
    if not args:
        raise mp_error("TypeError", "function missing 1 required positional arguments")
    return enumerate(get_iter(args[0]), start)


def _zip(args: list[Any], kwargs: dict[str, Any] | None) -> Any:
    from .ops import get_iter

    _no_kwargs(kwargs)
    return zip(*(get_iter(a) for a in args), strict=False)


def _map(args: list[Any], kwargs: dict[str, Any] | None) -> Any:
    from .ops import get_iter

    _no_kwargs(kwargs)
    if len(args) < 2:
        raise mp_error("TypeError", "function missing 2 required positional arguments")
    return map(args[0], *(get_iter(a) for a in args[1:]))


def _filter(args: list[Any], kwargs: dict[str, Any] | None) -> Any:
    from .ops import get_iter

    _no_kwargs(kwargs)
    _nargs(args, 2, 2)
    return filter(args[0], get_iter(args[1]))


def _reversed(args: list[Any], kwargs: dict[str, Any] | None) -> Any:
    _no_kwargs(kwargs)
    _nargs(args, 1, 1)
    obj = args[0]
    if isinstance(obj, InstanceBase):
        fun = obj.mp_type.lookup("__reversed__")
        if fun is not MISSING:
            return fun(obj)
    try:
        return reversed(obj)
    except TypeError:
        raise mp_error("TypeError", f"'{type_name(obj)}' object isn't reversible") from None


def _memoryview(args: list[Any], kwargs: dict[str, Any] | None) -> Any:
    _no_kwargs(kwargs)
    _nargs(args, 1, 1)
    try:
        return memoryview(args[0])
    except TypeError:
        raise mp_error("TypeError", "object with buffer protocol required") from None


def _super(args: list[Any], kwargs: dict[str, Any] | None) -> Super:
    if len(args) != 2:
        raise mp_error("RuntimeError", "super() can't find self")
    return Super(args[0], args[1])


def _make() -> None:
    _register("object", object, _object)
    _register("int", int, _int)
    _register("bool", bool, _bool, base="int")
    _register("float", float, _float)
    _register("complex", complex, _complex)
    _register("str", str, _str)
    _register("bytes", bytes, _bytes_like(bytes))
    _register("bytearray", bytearray, _bytes_like(bytearray))
    _register("memoryview", memoryview, _memoryview)
    _register("tuple", tuple, _from_iterable(tuple))
    _register("list", list, _from_iterable(list))
    _register("dict", dict, _dict)
    _register("set", set, _from_iterable(set))
    _register("frozenset", frozenset, _from_iterable(frozenset))
    _register("range", range, _range)
    _register("slice", slice, _slice)
    _register("type", MpType, _type)
    _register("NoneType", type(None), None)
    _register("function", Function, None)
    _register("function", Builtin, None)
    _HOST_MAP[host_types.BuiltinFunctionType] = BUILTIN_TYPES["function"]
    _HOST_MAP[host_types.BuiltinMethodType] = BUILTIN_TYPES["function"]
    _HOST_MAP[host_types.MethodWrapperType] = BUILTIN_TYPES["function"]
    _register("bound_method", BoundMethod, None)
    _register("cell", Cell, None)
    _register("module", Module, None)
    _register("property", Property, _wrapper(Property, 4))
    _register("staticmethod", StaticMethod, _wrapper(StaticMethod))
    _register("classmethod", ClassMethod, _wrapper(ClassMethod))
    _register("super", Super, _super)
    _register("enumerate", enumerate, _enumerate)
    _register("zip", zip, _zip)
    _register("map", map, _map)
    _register("filter", filter, _filter)
    _register("reversed", reversed, _reversed)
    _register("ellipsis", type(Ellipsis), None)
    _register("NotImplementedType", type(NotImplemented), None)
    # exception types live under object too
    EXC_TYPES["BaseException"].bases = (BUILTIN_TYPES["object"],)
    for t in EXC_TYPES.values():
        t.mro = (*t.mro, BUILTIN_TYPES["object"])
    _HOST_MAP[MpException] = EXC_TYPES["BaseException"]
    del _HOST_MAP[MpException]


_make()
OBJECT = BUILTIN_TYPES["object"]


def register_type(name: str, host: type) -> MpType:
    """A MicroPython type whose values are instances of host class `host`."""
    t = MpType(name, (OBJECT,), host=host)
    _HOST_MAP[host] = t
    return t
