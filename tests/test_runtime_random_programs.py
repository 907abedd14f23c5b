"""Seeded random programs (tests/program_gen.py: nested loops with break, continue and
else, if/elif chains, calls with default arguments, int arithmetic of every operator)
run on the C runtime, each compared with what CPython prints for it: on the unix
firmware and on PYBV10 under QEMU, sent through the serial loader as `mpforge exec`
sends them."""

from __future__ import annotations

import contextlib
import io
import shutil

import pytest
from buildkit import FROZEN_MAIN, build
from mpforge.compiler import compile_source
from mpforge.connect.repl import open_link
from program_gen import random_program

N_PROGRAMS = 150
needs_qemu = pytest.mark.skipif(shutil.which("qemu-system-arm") is None, reason="no QEMU")


def cpython_output(source: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(source, "prog.py", "exec"), {"__name__": "__main__"})
    return out.getvalue()


@pytest.mark.parametrize("board", ["unix", pytest.param("PYBV10", marks=needs_qemu)])
def test_random_programs_print_what_cpython_prints(board: str) -> None:
    out = build(board, {"main.py": FROZEN_MAIN})
    elf = out / ("firmware" if board == "unix" else "firmware.elf")
    link, transport = open_link(board, None, elf, timeout=20)
    try:
        mismatches = []
        for seed in range(N_PROGRAMS):
            source = random_program(seed)
            status, got = link.execute(compile_source(source, "prog.py"), "prog.py")
            want = cpython_output(source)
            if status != 0 or got != want:
                mismatches.append((seed, status, got[-300:], want[-300:]))
        assert not mismatches, mismatches[:3]
    finally:
        transport.close()
