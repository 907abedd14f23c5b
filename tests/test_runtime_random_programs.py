"""Seeded random programs run on the C runtime and on the Python-hosted VM, each
compared with what CPython prints for it: on the unix firmware and on PYBV10 under QEMU
through the serial loader (as `mpforge exec` sends them), and on pyvm from the
compiled module.

Two generators: tests/program_gen.py (nested loops with break, continue and else,
if/elif chains, calls with default arguments, int arithmetic of every operator) and
tests/program_gen_data.py (str, list, tuple, dict and set methods, closures,
generators, caught exceptions, small classes)."""

from __future__ import annotations

import contextlib
import io
import shutil
from collections.abc import Callable

import pytest
from buildkit import FROZEN_MAIN, build
from mpforge.compiler import compile_source
from mpforge.connect.repl import open_link
from mpforge.mpy.mpyfile import load_mpy
from mpforge.vm import run_module
from program_gen import random_program
from program_gen_data import random_data_program

# generator and how many of its programs each target runs
GENERATORS: dict[str, tuple[Callable[[int], str], int]] = {
    "control": (random_program, 150),
    "data": (random_data_program, 200),
}
needs_qemu = pytest.mark.skipif(shutil.which("qemu-system-arm") is None, reason="no QEMU")

# runs an .mpy on a target: (exit status 0 or 1, output)
Runner = Callable[[bytes], tuple[int, str]]


def cpython_output(source: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(source, "prog.py", "exec"), {"__name__": "__main__"})
    return out.getvalue()


def assert_all_print_what_cpython_prints(generator: str, run: Runner) -> None:
    make, count = GENERATORS[generator]
    mismatches = []
    for seed in range(count):
        source = make(seed)
        status, got = run(compile_source(source, "prog.py"))
        want = cpython_output(source)
        if status != 0 or got != want:
            mismatches.append((seed, status, got[-300:], want[-300:]))
    assert not mismatches, mismatches[:3]


@pytest.mark.parametrize("generator", sorted(GENERATORS))
@pytest.mark.parametrize("board", ["unix", pytest.param("PYBV10", marks=needs_qemu)])
def test_firmware_prints_what_cpython_prints(board: str, generator: str) -> None:
    out = build(board, {"main.py": FROZEN_MAIN})
    elf = out / ("firmware" if board == "unix" else "firmware.elf")
    link, transport = open_link(board, None, elf, timeout=20)
    try:
        assert_all_print_what_cpython_prints(generator, lambda mpy: link.execute(mpy, "prog.py"))
    finally:
        transport.close()


def _run_on_pyvm(mpy: bytes) -> tuple[int, str]:
    out = io.StringIO()
    status = run_module(
        load_mpy(mpy, "prog.py"), stdout=out, stderr=out, argv=["prog.py"], search_dir="."
    )
    return status, out.getvalue()


@pytest.mark.parametrize("generator", sorted(GENERATORS))
def test_pyvm_prints_what_cpython_prints(generator: str) -> None:
    assert_all_print_what_cpython_prints(generator, _run_on_pyvm)
