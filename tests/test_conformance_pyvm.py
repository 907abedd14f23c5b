"""Every conformance program, compiled by each compiler under test, runs on the
Python-hosted VM and prints exactly what CPython prints."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from conformance import COMPILERS, SUITES, expected_output, programs
from mpforge.mpy.mpyfile import load_mpy
from mpforge.vm import run_module


@pytest.mark.parametrize("compiler", sorted(COMPILERS))
@pytest.mark.parametrize("program", programs(*SUITES), ids=lambda p: p.stem)
def test_program_on_pyvm(compiler: str, program: Path, tmp_path: Path) -> None:
    module = load_mpy(COMPILERS[compiler](program, tmp_path), program.name)
    out = io.StringIO()
    err = io.StringIO()
    status = run_module(module, stdout=out, stderr=err)
    assert err.getvalue() == ""
    assert status == 0
    assert out.getvalue() == expected_output(program)
