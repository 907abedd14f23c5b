"""`import builtins`: the interpreter's own builtins table."""

from __future__ import annotations

from typing import Any


def make(vm: Any) -> dict[str, Any]:
    return vm.builtins
