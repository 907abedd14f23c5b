"""`io` (py/modio.c): StringIO, BytesIO and files opened on the host filesystem."""

from __future__ import annotations

import io as host_io
from typing import Any

from ..objects import MISSING, Builtin, mp_error
from ..types import register_type

_METHODS = ("read", "readline", "readlines", "write", "seek", "tell", "close", "flush",
            "getvalue", "readinto")  # fmt: skip


class Stream:
    """A host stream behind MicroPython's stream methods (and `with`)."""

    def __init__(self, host: Any, kind: str) -> None:
        self.host = host
        self.kind = kind

    def mp_getattr(self, name: str) -> Any:
        if name in _METHODS and hasattr(self.host, name):
            return Builtin(name, self._guard(getattr(self.host, name)))
        if name == "__enter__":
            return Builtin(name, lambda: self)
        if name == "__exit__":
            return Builtin(name, lambda *a: self.host.close())
        return MISSING

    def _guard(self, fn: Any) -> Any:
        def call(*args: Any) -> Any:
            try:
                return fn(*args)
            except ValueError as err:
                raise mp_error("ValueError", str(err)) from None
            except TypeError:
                raise mp_error("TypeError", "object with buffer protocol required") from None

        return call

    def __iter__(self) -> Any:
        return iter(self.host)

    def mp_repr(self) -> str:
        return f"<{self.kind} 0x{id(self) & 0xFFFFFFFF:x}>"


class TextStream(Stream):
    """sys.stdout and friends: writes go to a function (the VM's output)."""

    def __init__(self, write: Any, host: Any = None) -> None:
        super().__init__(host, "io.TextIOWrapper")
        self._write = write

    def mp_getattr(self, name: str) -> Any:
        if name == "write" and self._write is not None:
            return Builtin("write", lambda s: (self._write(s), len(s))[1])
        if name == "flush":
            return Builtin("flush", lambda: None)
        if self.host is not None:
            return super().mp_getattr(name)
        return MISSING


register_type("StringIO", Stream)
register_type("TextIOWrapper", TextStream)


def _string_io(*args: Any) -> Stream:
    return Stream(host_io.StringIO(*args), "io.StringIO")


def _bytes_io(*args: Any) -> Stream:
    return Stream(host_io.BytesIO(bytes(args[0]) if args else b""), "io.BytesIO")


def open_file(path: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Stream:
    try:
        return Stream(open(path, mode), "io.FileIO" if "b" in mode else "io.TextIOWrapper")  # noqa: SIM115
    except OSError as err:
        from ..objects import EXC_TYPES, MpException

        raise MpException(EXC_TYPES["OSError"], (err.errno,)) from None


def make(vm: Any) -> dict[str, Any]:
    return {
        "StringIO": Builtin("StringIO", _string_io),
        "BytesIO": Builtin("BytesIO", _bytes_io),
        "open": Builtin("open", open_file),
    }
