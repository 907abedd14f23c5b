"""`array` (py/objarray.c): typed arrays of numbers."""

from __future__ import annotations

import array as host
from typing import Any

from ..attrs import METHODS
from ..objects import Builtin, mp_error
from ..types import register_type

METHODS[host.array] = frozenset(("append", "extend", "decode"))
register_type("array", host.array)


def _array(typecode: str, init: Any = ()) -> host.array[Any]:
    try:
        if isinstance(init, bytes | bytearray):
            arr = host.array(typecode)
            arr.frombytes(bytes(init))
            return arr
        return host.array(typecode, init)
    except ValueError:
        raise mp_error("ValueError", "bad typecode") from None
    except OverflowError:
        raise mp_error("OverflowError", "value out of range") from None


def make(vm: Any) -> dict[str, Any]:
    return {"array": Builtin("array", _array)}
