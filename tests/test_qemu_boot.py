"""Booting the stm32 firmware on QEMU's netduinoplus2 (the STM32F405, the pyboard's MCU)."""

from __future__ import annotations

from pathlib import Path

import pytest
from buildkit import FROZEN_MAIN, build, cpython_output, scons
from mpforge.deploy.qemu import TIMEOUT_STATUS, run_qemu

FAILING = 'print("about to fail")\nx = 0\nprint(10 // x)\n'
HELLO = 'print("hello from another module")\n'
SPIN = "while True:\n    pass\n"


@pytest.fixture(scope="module")
def good() -> Path:
    return build("PYBV10", {"main.py": FROZEN_MAIN})


@pytest.fixture(scope="module")
def failing() -> Path:
    return build("PYBV10", {"main.py": FAILING, "hello.py": HELLO, "spin.py": SPIN})


def test_boot_prints_frozen_main(good: Path, tmp_path: Path) -> None:
    (tmp_path / "main.py").write_text(FROZEN_MAIN)
    expected = cpython_output(tmp_path / "main.py")
    result = run_qemu(good / "firmware.elf", "netduinoplus2", timeout=60, echo=None)
    assert result.status == 0
    assert result.output == expected.stdout


def test_scons_run_good_main_exits_0(good: Path, tmp_path: Path) -> None:
    (tmp_path / "main.py").write_text(FROZEN_MAIN)
    expected = cpython_output(tmp_path / "main.py")
    manifest = good.parent / "src" / "manifest.yaml"
    result = scons("board=PYBV10", f"build_dir={good}", f"manifest={manifest}", "run")
    assert result.returncode == 0, result.stderr
    assert expected.stdout in result.stdout.replace("\r\n", "\n")


def test_scons_run_failing_main_exits_nonzero_with_traceback(failing: Path, tmp_path: Path) -> None:
    (tmp_path / "main.py").write_text(FAILING)
    expected = cpython_output(tmp_path / "main.py")
    manifest = failing.parent / "src" / "manifest.yaml"
    result = scons("board=PYBV10", f"build_dir={failing}", f"manifest={manifest}", "run")
    assert result.returncode != 0
    assert expected.returncode != 0
    assert "about to fail\n" in result.stdout
    assert "Traceback (most recent call last):" in result.stdout
    assert '  File "main.py", line 3, in <module>' in result.stdout
    # the exception type as CPython names it (MicroPython's message words differ)
    exc_type = expected.stderr.splitlines()[-1].split(":")[0]
    assert f"\n{exc_type}: " in result.stdout
    assert "firmware.elf exited with status 1" in result.stderr


def test_semihosting_command_line_picks_the_module(failing: Path) -> None:
    result = run_qemu(failing / "firmware.elf", "netduinoplus2", "hello", timeout=60, echo=None)
    assert (result.status, result.output) == (0, "hello from another module\n")


def test_timeout_stops_qemu(failing: Path) -> None:
    result = run_qemu(failing / "firmware.elf", "netduinoplus2", "spin", timeout=2, echo=None)
    assert result.timed_out
    assert result.status == TIMEOUT_STATUS


def test_scons_run_timeout_message(failing: Path) -> None:
    manifest = failing.parent / "src" / "manifest.yaml"
    result = scons(
        "board=PYBV10",
        f"build_dir={failing}",
        f"manifest={manifest}",
        "module=spin",
        "timeout=2",
        "run",
    )
    assert result.returncode != 0
    assert (
        "firmware.elf did not finish within 2 s; stopped it (give more time with "
        "timeout=SECONDS)" in result.stderr
    )
