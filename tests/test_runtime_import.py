"""`import` on the C runtime: a project of modules and packages (tests/import_project)
imported from .mpy files beside the program (unix) and frozen into firmware (unix and
PYBV10 under QEMU), each printing what CPython prints for the same project."""

from __future__ import annotations

import subprocess
import sys
from functools import cache
from pathlib import Path

from buildkit import build
from mpforge.compiler import compile_source
from mpforge.deploy.qemu import run_host, run_qemu

PROJECT = Path(__file__).parent / "import_project"
SOURCES = sorted(p.relative_to(PROJECT).as_posix() for p in PROJECT.rglob("*.py"))


@cache
def cpython_output() -> str:
    result = subprocess.run(
        [sys.executable, "main.py"], cwd=PROJECT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def frozen_build(board: str) -> Path:
    """`board` with the whole project frozen (`main` runs at boot); built once."""
    return build(board, {name: (PROJECT / name).read_text() for name in SOURCES})


def test_imports_from_mpy_files_beside_the_program(tmp_path: Path) -> None:
    firmware = frozen_build("unix") / "firmware"
    for name in SOURCES:
        mpy = tmp_path / Path(name).with_suffix(".mpy")
        mpy.parent.mkdir(parents=True, exist_ok=True)
        mpy.write_bytes(compile_source((PROJECT / name).read_text(), name))
    result = run_host(firmware, [str(tmp_path / "main.mpy")], timeout=60, echo=None)
    assert (result.status, result.output) == (0, cpython_output())


def test_frozen_project_imports_on_unix() -> None:
    result = run_host(frozen_build("unix") / "firmware", [], timeout=60, echo=None)
    assert (result.status, result.output) == (0, cpython_output())


def test_frozen_project_imports_on_pybv10() -> None:
    elf = frozen_build("PYBV10") / "firmware.elf"
    result = run_qemu(elf, "netduinoplus2", module="main", timeout=60, echo=None)
    assert (result.status, result.output) == (0, cpython_output())


def test_missing_module_is_an_import_error(tmp_path: Path) -> None:
    """An uncaught ImportError names the module as MicroPython does."""
    firmware = frozen_build("unix") / "firmware"
    prog = tmp_path / "prog.mpy"
    prog.write_bytes(compile_source("import not_there\n", "prog.py"))
    result = run_host(firmware, [str(prog)], timeout=60, echo=None)
    assert result.status == 1
    assert result.output.splitlines()[-1] == "ImportError: no module named 'not_there'"
