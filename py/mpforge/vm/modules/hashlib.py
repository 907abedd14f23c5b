"""`hashlib` (extmod/moduhashlib.c): sha256 (and sha1, md5) with update/digest."""

from __future__ import annotations

import hashlib as h
from typing import Any

from ..objects import MISSING, Builtin, mp_error
from ..types import register_type


class Hash:
    def __init__(self, name: str, data: Any = b"") -> None:
        self.name = name
        self.state = h.new(name, bytes(data))
        self.finished = False

    def mp_getattr(self, name: str) -> Any:
        if name == "update":
            return Builtin("update", self._update)
        if name == "digest":
            return Builtin("digest", self._digest)
        return MISSING

    def _update(self, data: Any) -> None:
        if self.finished:
            raise mp_error("ValueError", "hash is final")
        self.state.update(bytes(data))

    def _digest(self) -> bytes:
        self.finished = True
        return self.state.digest()


register_type("sha256", Hash)


def make(vm: Any) -> dict[str, Any]:
    return {
        name: Builtin(name, lambda data=b"", _n=name: Hash(_n, data))
        for name in ("sha256", "sha1", "md5")
    }
