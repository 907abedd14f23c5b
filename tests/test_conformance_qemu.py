"""The conformance suite on every board QEMU models (PYBV10 and NETDUINO_PLUS_2 as
netduinoplus2, the STM32F405; QEMU_MPS2_AN385 as mps2-an385, a Cortex-M3): every suite's
programs that need only what the board's runtime has.

All of a board's programs are frozen into one firmware; QEMU's semihosting command line
names the module each boot runs. Expected output is CPython's (or the .exp file; the
.single.exp on the boards with single-precision floats).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from buildkit import build
from conformance import expected_output, program_id, programs_for
from mpforge.build.board import board_names, load_board
from mpforge.deploy.qemu import run_qemu
from mpforge.testing.targets import float_precision

QEMU_BOARDS = [n for n in board_names() if load_board(n).get("run.method") == "qemu"]
CASES = [(board, program) for board in QEMU_BOARDS for program in programs_for(board)]


@cache
def firmware(board: str) -> Path:
    modules = {p.name: p.read_text() for p in programs_for(board)}
    return build(board, modules) / "firmware.elf"


@pytest.mark.parametrize(
    ("board", "program"), CASES, ids=[f"{b}-{program_id(p)}" for b, p in CASES]
)
def test_program_on_qemu_board(board: str, program: Path) -> None:
    machine = load_board(board).get("run.machine")
    result = run_qemu(firmware(board), machine, module=program.stem, timeout=60, echo=None)
    expected = expected_output(program, float_precision(board))
    assert (result.status, result.output) == (0, expected)
