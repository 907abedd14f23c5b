"""`struct` (py/modstruct.c): pack, unpack, calcsize, pack_into, unpack_from."""

from __future__ import annotations

import struct as s
from typing import Any

from ..objects import Builtin, mp_error


def _guard(fn: Any) -> Any:
    def impl(*args: Any) -> Any:
        try:
            return fn(*args)
        except s.error as err:
            text = str(err)
            if "requires a buffer" in text or "unpack requires" in text:
                raise mp_error("ValueError", "buffer too small") from None
            if "argument out of range" in text or "format requires" in text:
                return fn(*_truncate(args))
            raise mp_error("ValueError", text) from None

    return impl


def _truncate(args: tuple[Any, ...]) -> tuple[Any, ...]:
    # MicroPython stores the low bytes of an int that does not fit its field
    fmt = args[0]
    sizes = []
    for ch in fmt.lstrip("<>!=@"):
        if ch.isalpha():
            sizes.append((ch, s.calcsize("<" + ch)))
    out = [fmt]
    for (ch, size), value in zip(sizes, args[1:], strict=False):
        if isinstance(value, int):
            mask = (1 << (8 * size)) - 1
            value &= mask
            if ch.islower() and value >> (8 * size - 1):
                value -= 1 << (8 * size)
        out.append(value)
    return tuple(out)


def make(vm: Any) -> dict[str, Any]:
    return {
        "pack": Builtin("pack", _guard(s.pack)),
        "unpack": Builtin("unpack", _guard(lambda f, b: s.unpack(f, bytes(b)))),
        "unpack_from": Builtin(
            "unpack_from", _guard(lambda f, b, off=0: s.unpack_from(f, bytes(b), off))
        ),
        "pack_into": Builtin("pack_into", _guard(s.pack_into)),
        "calcsize": Builtin("calcsize", _guard(s.calcsize)),
    }
