"""The conformance suite (every suite, as far as the C runtime has the features a
program needs) on the unix target: `scons board=unix` builds the C runtime
for the host, and `build/unix/firmware prog.mpy` runs each program, compiled by our
compiler. Expected output is CPython's (or the program's .exp file)."""

from __future__ import annotations

from pathlib import Path

import pytest
from buildkit import FROZEN_MAIN, build
from conformance import expected_output, our_mpy, program_id, programs_for
from mpforge.deploy.qemu import run_host


@pytest.fixture(scope="module")
def firmware() -> Path:
    return build("unix", {"main.py": FROZEN_MAIN}) / "firmware"


@pytest.mark.parametrize("program", programs_for("unix"), ids=program_id)
def test_program_on_unix(program: Path, firmware: Path, tmp_path: Path) -> None:
    mpy = tmp_path / program.with_suffix(".mpy").name
    mpy.write_bytes(our_mpy(program, tmp_path))
    result = run_host(firmware, [str(mpy)], timeout=60, echo=None)
    assert (result.status, result.output) == (0, expected_output(program))
