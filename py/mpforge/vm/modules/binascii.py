"""`binascii` (extmod/modubinascii.c): hexlify with a separator, base64, crc32."""

from __future__ import annotations

import binascii as b
from typing import Any

from ..objects import Builtin, mp_error


def _hexlify(data: Any, sep: Any = None) -> bytes:
    text = bytes(data).hex()
    if sep is not None:
        sep_text = sep.decode() if isinstance(sep, bytes) else sep
        text = sep_text.join(text[i : i + 2] for i in range(0, len(text), 2))
    return text.encode()


def _unhexlify(data: Any) -> bytes:
    try:
        return b.unhexlify(data)
    except (b.Error, ValueError):
        raise mp_error(
            "ValueError", "odd-length string" if len(data) % 2 else "non-hex digit found"
        ) from None


def _a2b_base64(data: Any) -> bytes:
    try:
        return b.a2b_base64(data)
    except b.Error:
        raise mp_error("ValueError", "incorrect padding") from None


def make(vm: Any) -> dict[str, Any]:
    return {
        "hexlify": Builtin("hexlify", _hexlify),
        "unhexlify": Builtin("unhexlify", _unhexlify),
        "b2a_base64": Builtin(
            "b2a_base64", lambda d, newline=True: b.b2a_base64(bytes(d), newline=newline)
        ),
        "a2b_base64": Builtin("a2b_base64", _a2b_base64),
        "crc32": Builtin("crc32", lambda d, crc=0: b.crc32(bytes(d), crc)),
    }
