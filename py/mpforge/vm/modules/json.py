"""`json` (extmod/modujson.c): dumps/loads/dump/load with MicroPython's number text."""

from __future__ import annotations

import json as host
from typing import Any

from ..objects import Builtin, InstanceBase, mp_error
from ..ops import float_text
from ..types import type_name


def _string(text: str) -> str:
    out = ['"']
    for ch in text:
        if ch == '"' or ch == "\\":
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def dumps(obj: Any, separators: Any = None) -> str:
    item_sep, key_sep = separators if separators is not None else (", ", ": ")
    if obj is None:
        return "null"
    if obj is True:
        return "true"
    if obj is False:
        return "false"
    if isinstance(obj, str):
        return _string(obj)
    if isinstance(obj, int):
        return str(int(obj))
    if isinstance(obj, float):
        return float_text(obj)
    if isinstance(obj, list | tuple):
        return "[" + item_sep.join(dumps(x, separators) for x in obj) + "]"
    if isinstance(obj, dict):
        parts = []
        for key, value in obj.items():
            if not isinstance(key, str):
                key = str(key)
            parts.append(_string(key) + key_sep + dumps(value, separators))
        return "{" + item_sep.join(parts) + "}"
    if isinstance(obj, InstanceBase):
        raise mp_error("TypeError", f"can't serialise {type_name(obj)}")
    raise mp_error("TypeError", f"can't serialise {type_name(obj)}")


def loads(text: Any) -> Any:
    if isinstance(text, bytes | bytearray):
        text = bytes(text).decode()
    try:
        return host.loads(text)
    except (ValueError, TypeError):
        raise mp_error("ValueError", "syntax error in JSON") from None


def make(vm: Any) -> dict[str, Any]:
    def dump(obj: Any, stream: Any, separators: Any = None) -> None:
        from ..attrs import load_attr

        vm.call(load_attr(stream, "write"), [dumps(obj, separators)], None)

    def load(stream: Any) -> Any:
        from ..attrs import load_attr

        return loads(vm.call(load_attr(stream, "read"), [], None))

    return {
        "dumps": Builtin("dumps", dumps),
        "loads": Builtin("loads", loads),
        "dump": Builtin("dump", dump),
        "load": Builtin("load", load),
    }
