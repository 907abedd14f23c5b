"""`micropython` (py/modmicropython.c): const, opt_level, the memory reports."""

from __future__ import annotations

from typing import Any

from ..objects import Builtin


def make(vm: Any) -> dict[str, Any]:
    state = {"opt": 0}

    def const(value: Any) -> Any:
        return value

    def opt_level(*args: Any) -> Any:
        if args:
            state["opt"] = args[0]
            return None
        return state["opt"]

    def mem_info(*args: Any) -> None:
        vm.write("stack: 0 out of 80000\nGC: total: 0, used: 0, free: 0\n")

    def qstr_info(*args: Any) -> None:
        vm.write("qstr pool: n_pool=0, n_qstr=0, n_str_data_bytes=0, n_total_bytes=0\n")

    def noop(*args: Any) -> None:
        return None

    return {
        "const": Builtin("const", const),
        "opt_level": Builtin("opt_level", opt_level),
        "mem_info": Builtin("mem_info", mem_info),
        "qstr_info": Builtin("qstr_info", qstr_info),
        "stack_use": Builtin("stack_use", lambda: 0),
        "heap_lock": Builtin("heap_lock", noop),
        "heap_unlock": Builtin("heap_unlock", lambda: 0),
        "kbd_intr": Builtin("kbd_intr", noop),
        "schedule": Builtin("schedule", lambda fn, arg: fn(arg)),
    }
