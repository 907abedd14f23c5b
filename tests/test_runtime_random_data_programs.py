"""Seeded random programs over data structures (tests/program_gen_data.py: str, list,
tuple, dict and set methods, closures, generators, caught exceptions, small classes)
run on the C runtime and on the Python-hosted VM, each compared with what CPython
prints for it: on the unix firmware and on PYBV10 under QEMU through the serial loader
(as `mpforge exec` sends them), and on pyvm from the compiled module."""

from __future__ import annotations

import contextlib
import io
import shutil

import pytest
from buildkit import FROZEN_MAIN, build
from mpforge.compiler import compile_source
from mpforge.connect.repl import open_link
from mpforge.mpy.mpyfile import load_mpy
from mpforge.vm import run_module
from program_gen_data import random_data_program

N_PROGRAMS = 200
needs_qemu = pytest.mark.skipif(shutil.which("qemu-system-arm") is None, reason="no QEMU")


def cpython_output(source: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(source, "prog.py", "exec"), {"__name__": "__main__"})
    return out.getvalue()


@pytest.mark.parametrize("board", ["unix", pytest.param("PYBV10", marks=needs_qemu)])
def test_random_data_programs_print_what_cpython_prints(board: str) -> None:
    out = build(board, {"main.py": FROZEN_MAIN})
    elf = out / ("firmware" if board == "unix" else "firmware.elf")
    link, transport = open_link(board, None, elf, timeout=20)
    try:
        mismatches = []
        for seed in range(N_PROGRAMS):
            source = random_data_program(seed)
            status, got = link.execute(compile_source(source, "prog.py"), "prog.py")
            want = cpython_output(source)
            if status != 0 or got != want:
                mismatches.append((seed, status, got[-300:], want[-300:]))
        assert not mismatches, mismatches[:3]
    finally:
        transport.close()


def test_random_data_programs_on_pyvm() -> None:
    mismatches = []
    for seed in range(N_PROGRAMS):
        source = random_data_program(seed)
        module = load_mpy(compile_source(source, "prog.py"), "prog.py")
        out, err = io.StringIO(), io.StringIO()
        status = run_module(module, stdout=out, stderr=err, argv=["prog.py"], search_dir=".")
        got = out.getvalue() + err.getvalue()
        want = cpython_output(source)
        if status != 0 or got != want:
            mismatches.append((seed, status, got[-300:], want[-300:]))
    assert not mismatches, mismatches[:3]
