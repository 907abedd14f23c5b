"""`gc`: collection is the host's; the counters are plausible fixed figures."""

from __future__ import annotations

import gc as host_gc
from typing import Any

from ..objects import Builtin

_HEAP = 2 * 1024 * 1024


def make(vm: Any) -> dict[str, Any]:
    state = {"enabled": True, "threshold": -1}

    def collect() -> None:
        host_gc.collect()

    def threshold(*args: Any) -> Any:
        if args:
            state["threshold"] = args[0]
            return None
        return state["threshold"]

    return {
        "collect": Builtin("collect", collect),
        "enable": Builtin("enable", lambda: state.update(enabled=True)),
        "disable": Builtin("disable", lambda: state.update(enabled=False)),
        "isenabled": Builtin("isenabled", lambda: state["enabled"]),
        "mem_free": Builtin("mem_free", lambda: _HEAP // 2),
        "mem_alloc": Builtin("mem_alloc", lambda: _HEAP // 2),
        "threshold": Builtin("threshold", threshold),
    }
