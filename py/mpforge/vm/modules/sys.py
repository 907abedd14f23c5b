"""`sys` (py/modsys.c): argv, path, modules, exit, stdout/stderr, version facts."""

from __future__ import annotations

import sys as host_sys
from typing import Any

from ..objects import EXC_TYPES, Builtin, MpException, mp_error
from .io import TextStream


def make(vm: Any) -> dict[str, Any]:
    def exit_(*args: Any) -> None:
        raise MpException(EXC_TYPES["SystemExit"], tuple(args[:1]))

    def print_exception(exc: Any, file: Any = None) -> None:
        from .. import format_traceback

        text = format_traceback(exc)
        if file is None:
            vm.write(text)
        else:
            file.write(text)

    def exc_info() -> tuple[Any, Any, Any]:
        raise mp_error("NotImplementedError", "exc_info")

    impl = (("name", "micropython"), ("version", (1, 19, 1)), ("_mpy", 6))
    return {
        "argv": list(vm.importer.argv),
        "path": vm.importer.path,
        "modules": {k: v for k, v in vm.importer.modules.items()},
        "exit": Builtin("exit", exit_),
        "print_exception": Builtin("print_exception", print_exception),
        "stdout": TextStream(vm.write),
        "stderr": TextStream(host_sys.stderr.write),
        "stdin": TextStream(None, host_sys.stdin),
        "version": "3.4.0; MicroPython v1.19.1",
        "version_info": (3, 4, 0),
        "implementation": _Implementation(impl),
        "platform": "linux",
        "byteorder": "little",
        "maxsize": (1 << 63) - 1,
    }


class _Implementation:
    """`sys.implementation`: a named tuple whose fields read as attributes."""

    def __init__(self, fields: tuple[tuple[str, Any], ...]) -> None:
        self.fields = dict(fields)

    def mp_getattr(self, name: str) -> Any:
        from ..objects import MISSING

        return self.fields.get(name, MISSING)

    def mp_repr(self) -> str:
        return f"(name='micropython', version={self.fields['version']}, _mpy=6)"
