"""Every conformance program runs on the Python-hosted VM and prints what CPython
prints (or its .exp file): one item per program and compiler, through the same
runner as `mpforge test` (mpforge.testing), so both agree on what passes."""

from __future__ import annotations

from pathlib import Path

import pytest
from mpforge.testing import SUITES, discover, get_target
from mpforge.testing.runner import check

TESTS = Path(__file__).parent
# every program needing only what the Python-hosted VM has (MicroPython's float
# formatting it lacks is checked on the C runtime)
PROGRAMS = [
    p
    for p in discover([TESTS / s for s in SUITES if (TESTS / s).is_dir()])
    if p.requires <= get_target("pyvm").features
]
# "ours" compiles with mpforge's compiler; "mpy-cross" with the reference v1.19
TARGETS = {"ours": "pyvm", "mpy-cross": "pyvm-mpy-cross"}


@pytest.mark.parametrize("compiler", sorted(TARGETS))
@pytest.mark.parametrize("program", PROGRAMS, ids=lambda p: p.name)
def test_program_on_pyvm(compiler: str, program) -> None:
    outcome = check(get_target(TARGETS[compiler]), program)
    assert outcome.status == "passed", outcome.detail
