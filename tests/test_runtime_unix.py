"""Every conformance program runs on the unix firmware (given as an .mpy argument) and
prints exactly what CPython prints.

Big ints come in a later milestone: a program that stops with the runtime's
OverflowError for them is an expected failure, and only that.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conformance import expected_output, programs, reference_mpy
from test_runtime_gcc import build_firmware, run

NO_BIG_INTS = "OverflowError: long int not supported in this build"


@pytest.fixture(scope="module")
def firmware(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_firmware(tmp_path_factory.mktemp("unix"), [])


@pytest.mark.parametrize("program", programs(), ids=lambda p: p.stem)
def test_program_on_unix(firmware: Path, program: Path, tmp_path: Path) -> None:
    reference_mpy(program, tmp_path)
    result = run(firmware, tmp_path / program.with_suffix(".mpy").name)
    if NO_BIG_INTS in result.stdout + result.stderr:
        pytest.xfail("needs big ints (later milestone)")
    assert result.stderr == ""
    assert result.stdout == expected_output(program)
    assert result.returncode == 0
