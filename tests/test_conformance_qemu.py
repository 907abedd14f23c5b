"""The conformance suite on PYBV10 under QEMU (netduinoplus2, the pyboard's STM32F405).

All programs are frozen into one firmware; QEMU's semihosting command line names the
module each boot runs. Expected output is CPython's (or the program's .exp file).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from buildkit import build
from conformance import expected_output, programs
from mpforge.deploy.qemu import run_qemu

PROGRAMS = programs()


@pytest.fixture(scope="module")
def firmware() -> Path:
    modules = {p.name: p.read_text() for p in PROGRAMS}
    return build("PYBV10", modules) / "firmware.elf"


@pytest.mark.parametrize("program", PROGRAMS, ids=lambda p: p.stem)
def test_program_on_pybv10(program: Path, firmware: Path) -> None:
    result = run_qemu(firmware, "netduinoplus2", module=program.stem, timeout=60, echo=None)
    assert (result.status, result.output) == (0, expected_output(program))
