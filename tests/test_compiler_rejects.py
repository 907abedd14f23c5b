"""Programs mpy-cross v1.19 rejects (tests/rejects/*.py, one error each) must be rejected
by our compiler with the very text mpy-cross prints: exception type, message, line and,
for errors found while compiling rather than parsing, the scope's name.

mpy-cross is run as `mpy-cross PATH -s NAME`: parse errors name PATH (the file as
opened), compile errors NAME; `compile_file(PATH, NAME)` is asked for the same.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from mpforge.compiler import CompileError, compile_file

REJECTS = sorted((Path(__file__).parent / "rejects").glob("*.py"))


def test_enough_reject_programs() -> None:
    assert len(REJECTS) >= 40


@pytest.mark.parametrize("program", REJECTS, ids=lambda p: p.stem)
def test_same_rejection_as_mpy_cross(program: Path, tmp_path: Path) -> None:
    ref = subprocess.run(
        [sys.executable, "-m", "mpy_cross_v6", str(program), "-o", str(tmp_path / "out.mpy")]
        + ["-s", program.name],
        capture_output=True,
        text=True,
    )
    # The program must stay invalid for the reference, or this test checks nothing.
    assert ref.returncode == 1, f"mpy-cross accepts {program.name}"
    with pytest.raises(CompileError) as info:
        compile_file(program, program.name)
    assert info.value.traceback_text() == ref.stdout + ref.stderr
