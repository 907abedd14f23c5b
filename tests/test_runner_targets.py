"""`mpforge test` on the firmware targets, end to end: scons builds the firmware (unix:
the host runtime given each program's .mpy; a QEMU board: every program frozen into
one firmware, each booted by module name on the machine from the board's `run:`
section); programs needing features the target lacks are skipped with the reason."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from mpforge.errors import MpforgeError
from mpforge.testing import discover, get_target, run_programs
from mpforge.testing.targets import _FirmwareTarget

TESTS = Path(__file__).parent
BASICS = [TESTS / "basics" / n for n in ("arith_basic.py", "func_recursion_fib.py")]
NEEDS_COMPILER = TESTS / "builtins" / "eval_exec.py"  # no firmware compiles on the device


def _programs(tmp_path: Path) -> list:
    # a program whose .exp is deliberately wrong: it must fail, with a diff
    wrong = tmp_path / "wrong_exp.py"
    wrong.write_text("print(1 + 1)\n")
    wrong.with_suffix(".exp").write_text("3\n")
    return discover([*BASICS, NEEDS_COMPILER, wrong])


def _check(outcomes: list, target: str) -> None:
    by_name = {o.program.split("/")[-1]: o for o in outcomes}
    assert by_name["arith_basic"].status == "passed", by_name["arith_basic"].detail
    assert by_name["func_recursion_fib"].status == "passed"
    assert by_name["eval_exec"].status == "skipped"
    assert by_name["eval_exec"].detail == f"{target} lacks compiler"
    wrong = by_name["wrong_exp"]
    assert wrong.status == "failed"
    assert "-3\n+2\n" in wrong.detail


@pytest.mark.skipif(shutil.which("gcc") is None, reason="needs gcc")
def test_unix_target_end_to_end(tmp_path: Path) -> None:
    _check(run_programs("unix", _programs(tmp_path), jobs=1), "unix")


@pytest.mark.skipif(
    shutil.which("arm-none-eabi-gcc") is None or shutil.which("qemu-system-arm") is None,
    reason="needs gcc-arm-none-eabi and qemu-system-arm",
)
def test_qemu_board_target_end_to_end(tmp_path: Path) -> None:
    _check(run_programs("PYBV10", _programs(tmp_path), jobs=1), "PYBV10")


def test_qemu_machine_comes_from_the_board_yaml() -> None:
    fw = _FirmwareTarget("PYBV10")
    fw._load()
    assert fw.machine == "netduinoplus2"
    unix = _FirmwareTarget("unix")
    unix._load()
    assert unix.machine is None


def test_unknown_board_is_a_clear_error() -> None:
    with pytest.raises(MpforgeError, match="unknown board"):
        get_target("NO_SUCH_BOARD").prepare([BASICS[0]])


def test_every_program_outside_basics_declares_its_features() -> None:
    from mpforge.testing import SUITES
    from mpforge.testing.targets import ALL_FEATURES

    for suite in SUITES:
        for program in discover([TESTS / suite]):
            if suite == "basics":
                continue
            assert program.requires, f"{program.name} has no # requires: line"
            assert program.requires <= ALL_FEATURES, program.name
