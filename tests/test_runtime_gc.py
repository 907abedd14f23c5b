"""The C runtime's garbage collector on the unix firmware: a program that outgrows the
heap gets MemoryError (a clean traceback, exit status 1), never a crash; the program
that keeps allocating without keeping anything runs to the end (tests/basics/gc_churn.py
checks that against CPython on every target)."""

from __future__ import annotations

from pathlib import Path

import pytest
from buildkit import FROZEN_MAIN, build
from mpforge.compiler import compile_source
from mpforge.deploy.qemu import run_host

EXHAUST = """\
x = 'ab'
n = 0
while True:
    x = x + x
    n = n + 1
"""

EXHAUST_DEEP = """\
def grow(s, n):
    return grow(s + 'y' * 1000, n + 1)
grow('', 0)
"""


@pytest.fixture(scope="module")
def firmware() -> Path:
    return build("unix", {"main.py": FROZEN_MAIN}) / "firmware"


@pytest.mark.parametrize("source", [EXHAUST, EXHAUST_DEEP], ids=["doubling", "recursion"])
def test_exhausted_heap_is_memory_error(source: str, firmware: Path, tmp_path: Path) -> None:
    mpy = tmp_path / "prog.mpy"
    mpy.write_bytes(compile_source(source, "prog.py"))
    result = run_host(firmware, [str(mpy)], timeout=60, echo=None)
    lines = result.output.splitlines()
    assert result.status == 1
    assert lines[0] == "Traceback (most recent call last):"
    assert lines[-1] == "MemoryError"
