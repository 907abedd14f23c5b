"""`collections` (py/modcollections.c): namedtuple, OrderedDict, deque."""

from __future__ import annotations

import collections as host
from typing import Any

from ..attrs import METHODS
from ..objects import MISSING, Builtin, MpType, Property, mp_error, native_instance_class
from ..ops import to_repr
from ..types import BUILTIN_TYPES, register_type


class OrderedDict(dict):
    def mp_repr(self) -> str:
        return f"OrderedDict({to_repr(dict(self))})"


METHODS[OrderedDict] = METHODS[dict] | {"popitem"}
register_type("OrderedDict", OrderedDict)


class Deque:
    def __init__(self, items: Any, maxlen: int) -> None:
        self.items: host.deque[Any] = host.deque(items, maxlen)

    def __len__(self) -> int:
        return len(self.items)

    def __bool__(self) -> bool:
        return bool(self.items)

    def __iter__(self) -> Any:
        return iter(self.items)

    def mp_getattr(self, name: str) -> Any:
        if name in ("append", "appendleft", "extend"):
            return Builtin(name, getattr(self.items, name))
        if name in ("pop", "popleft"):
            return Builtin(name, lambda _n=name: self._pop(_n))
        return MISSING

    def _pop(self, name: str) -> Any:
        if not self.items:
            raise mp_error("IndexError", "empty")
        return getattr(self.items, name)()


register_type("deque", Deque)


def _deque(iterable: Any = (), maxlen: Any = None, flags: int = 0) -> Deque:
    if maxlen is None:
        raise mp_error("TypeError", "function missing 2 required positional arguments")
    return Deque(iterable, maxlen)


def _namedtuple(name: str, fields: Any) -> MpType:
    if isinstance(fields, str):
        fields = fields.replace(",", " ").split()
    fields = tuple(fields)
    tuple_type = BUILTIN_TYPES["tuple"]
    attrs: dict[str, Any] = {}
    for i, field in enumerate(fields):
        attrs[field] = Property(Builtin(field, lambda self, _i=i: tuple.__getitem__(self, _i)))
    attrs["_fields"] = fields

    def make(args: list[Any], kwargs: dict[str, Any] | None) -> Any:
        values = list(args)
        for field in fields[len(values) :]:
            if kwargs and field in kwargs:
                values.append(kwargs.pop(field))
            else:
                raise mp_error("TypeError", "function missing required positional argument")
        if len(values) != len(fields) or kwargs:
            raise mp_error(
                "TypeError",
                f"function takes {len(fields)} positional arguments but {len(values)} were given",
            )
        klass = native_instance_class(tuple)
        obj = klass.__new__(klass, values)
        obj.mp_type = cls
        obj.mp_dict = {}
        return obj

    def repr_(self: Any) -> str:
        inner = ", ".join(f"{f}={to_repr(v)}" for f, v in zip(fields, tuple(self), strict=True))
        return f"{name}({inner})"

    attrs["__repr__"] = Builtin("__repr__", repr_)
    attrs["_asdict"] = Builtin(
        "_asdict", lambda self: OrderedDict(zip(fields, tuple(self), strict=True))
    )
    attrs["_replace"] = Builtin(
        "_replace",
        lambda self, **kw: make(
            [kw.get(f, v) for f, v in zip(fields, tuple(self), strict=True)], None
        ),
    )
    cls = MpType(name, (tuple_type,), attrs)
    cls.ctor = make
    return cls


def make(vm: Any) -> dict[str, Any]:
    od_type = BUILTIN_TYPES.get("OrderedDict")
    del od_type

    def ordered_dict(*args: Any, **kwargs: Any) -> OrderedDict:
        result = OrderedDict()
        if args:
            src = args[0]
            result.update(src.items() if isinstance(src, dict) else src)
        result.update(kwargs)
        return result

    return {
        "namedtuple": Builtin("namedtuple", _namedtuple),
        "OrderedDict": Builtin("OrderedDict", ordered_dict),
        "deque": Builtin("deque", _deque),
    }
