"""The conformance suite on every board QEMU models (PYBV10 and NETDUINO_PLUS_2 as
netduinoplus2, the STM32F405; QEMU_MPS2_AN385 as mps2-an385, a Cortex-M3).

All programs are frozen into one firmware per board; QEMU's semihosting command line
names the module each boot runs. Expected output is CPython's (or the .exp file).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from buildkit import build
from conformance import expected_output, programs
from mpforge.build.board import board_names, load_board
from mpforge.deploy.qemu import run_qemu

PROGRAMS = programs()
QEMU_BOARDS = [n for n in board_names() if load_board(n).get("run.method") == "qemu"]


@pytest.fixture(scope="module", params=QEMU_BOARDS)
def firmware(request: pytest.FixtureRequest) -> tuple[Path, str]:
    modules = {p.name: p.read_text() for p in PROGRAMS}
    machine = load_board(request.param).get("run.machine")
    return build(request.param, modules) / "firmware.elf", machine


@pytest.mark.parametrize("program", PROGRAMS, ids=lambda p: p.stem)
def test_program_on_qemu_board(program: Path, firmware: tuple[Path, str]) -> None:
    elf, machine = firmware
    result = run_qemu(elf, machine, module=program.stem, timeout=60, echo=None)
    assert (result.status, result.output) == (0, expected_output(program))
