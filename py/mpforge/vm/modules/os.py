"""`os` (extmod/vfs.c on the unix port): basic file-system calls on the host."""

from __future__ import annotations

import os as o
from typing import Any

from ..objects import EXC_TYPES, Builtin, MpException


def _guard(fn: Any) -> Any:
    def impl(*args: Any) -> Any:
        try:
            return fn(*args)
        except OSError as err:
            raise MpException(EXC_TYPES["OSError"], (err.errno,)) from None

    return impl


def make(vm: Any) -> dict[str, Any]:
    funcs = {
        "listdir": lambda path=".": o.listdir(path),
        "getcwd": o.getcwd,
        "chdir": o.chdir,
        "mkdir": o.mkdir,
        "rmdir": o.rmdir,
        "remove": o.remove,
        "unlink": o.remove,
        "rename": o.rename,
        "stat": lambda path: tuple(o.stat(path))[:10],
        "ilistdir": lambda path=".": iter(
            [
                (n, 0x4000 if o.path.isdir(o.path.join(path, n)) else 0x8000, 0)
                for n in o.listdir(path)
            ]
        ),
        "urandom": o.urandom,
        "getenv": o.getenv,
        "uname": lambda: ("linux", "host", "1.19.1", "MicroPython v1.19.1", "python-vm"),
    }
    table: dict[str, Any] = {name: Builtin(name, _guard(fn)) for name, fn in funcs.items()}
    table["sep"] = "/"
    return table
