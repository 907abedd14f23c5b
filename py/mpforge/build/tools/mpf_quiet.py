"""One short line per build step (`CC runtime/vm.c`) unless the user asked for V=1."""

from __future__ import annotations

from typing import Any

_COMSTRS = {
    "CCCOMSTR": "CC $SOURCE",
    "SHCCCOMSTR": "CC $SOURCE",
    "ASCOMSTR": "AS $SOURCE",
    "ASPPCOMSTR": "AS $SOURCE",
    "LINKCOMSTR": "LINK $TARGET",
    "ARCOMSTR": "AR $TARGET",
    "RANLIBCOMSTR": "",
}


def generate(env: Any) -> None:
    if env.get("MPF_VERBOSE"):
        return
    for key, text in _COMSTRS.items():
        env[key] = text


def exists(env: Any) -> bool:
    return True
