"""`time` (extmod/utime_mphal.c): seconds, ticks with wrap-around arithmetic, sleeps."""

from __future__ import annotations

import time as t
from typing import Any

from ..objects import Builtin

# MicroPython's ticks wrap at 2**30 on every port (MICROPY_PY_UTIME_TICKS_PERIOD)
_PERIOD = 1 << 30


def make(vm: Any) -> dict[str, Any]:
    start = t.monotonic()

    def ticks(scale: float) -> Builtin:
        return Builtin("ticks", lambda: int((t.monotonic() - start) * scale) % _PERIOD)

    def ticks_diff(end: int, begin: int) -> int:
        return ((end - begin + _PERIOD // 2) % _PERIOD) - _PERIOD // 2

    def localtime(*args: Any) -> tuple[int, ...]:
        value = t.localtime(*args)
        return tuple(value)[:6] + (value.tm_wday, value.tm_yday)

    def gmtime(*args: Any) -> tuple[int, ...]:
        value = t.gmtime(*args)
        return tuple(value)[:6] + (value.tm_wday, value.tm_yday)

    return {
        "time": Builtin("time", lambda: int(t.time())),
        "time_ns": Builtin("time_ns", t.time_ns),
        "sleep": Builtin("sleep", t.sleep),
        # a negative wait is no wait, as MicroPython's
        "sleep_ms": Builtin("sleep_ms", lambda ms: t.sleep(max(ms, 0) / 1000)),
        "sleep_us": Builtin("sleep_us", lambda us: t.sleep(max(us, 0) / 1e6)),
        "ticks_ms": ticks(1e3),
        "ticks_us": ticks(1e6),
        "ticks_cpu": ticks(1e6),
        "ticks_add": Builtin("ticks_add", lambda a, d: (a + d) % _PERIOD),
        "ticks_diff": Builtin("ticks_diff", ticks_diff),
        "localtime": Builtin("localtime", localtime),
        "gmtime": Builtin("gmtime", gmtime),
        "mktime": Builtin("mktime", lambda tup: int(t.mktime(tuple(tup[:8]) + (-1,)))),
    }
