"""The conformance suite shared by every target (pyvm, unix firmware, QEMU boards).

A program's expected output is what CPython prints for it, unless a `.exp` file
beside it says what MicroPython prints instead (see docs/architecture.md).
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path

from mpforge.testing import programs as testing_programs

TESTS = Path(__file__).parent
_TIMEOUT = 60

def programs(*suites: str) -> list[Path]:
    """The programs of the named suites (default: basics), sorted within each."""
    return [p for suite in suites or ("basics",) for p in sorted((TESTS / suite).glob("*.py"))]


# every suite of conformance programs (the others under tests/ are compiled only)
SUITES = ("basics", "builtins", "classes", "datatypes", "exceptions", "generators", "float",
          "bigint", "async", "modules", "micropython")  # fmt: skip


def programs_for(target: str) -> list[Path]:
    """Every suite's programs that need only what `target` has."""
    from mpforge.testing import discover, get_target

    features = get_target(target).features
    return [p.path for p in discover(programs(*SUITES)) if p.requires <= features]


def program_id(path: Path) -> str:
    return f"{path.parent.name}/{path.stem}"


@cache
def expected_output(path: Path, float_precision: str = "double") -> str:
    """The one definition the runner uses too: the .exp file (.single.exp on a
    single-precision board), else CPython's output."""
    return testing_programs.expected_output(path, float_precision)


def reference_mpy(path: Path, out_dir: Path) -> bytes:
    """`path` compiled by the reference mpy-cross v1.19, with the bare file name
    embedded as the source name (what tracebacks show)."""
    out = out_dir / path.with_suffix(".mpy").name
    result = subprocess.run(
        [sys.executable, "-m", "mpy_cross_v6", "-s", path.name, "-o", str(out), str(path)],
        capture_output=True,
        text=True,
        timeout=_TIMEOUT,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"mpy-cross failed on {path.name}:\n{result.stdout}{result.stderr}")
    return out.read_bytes()


def our_mpy(path: Path, out_dir: Path) -> bytes:
    """`path` compiled by mpforge's own compiler, named as `reference_mpy` names it."""
    from mpforge.compiler import compile_source

    return compile_source(path.read_text(), path.name)


# How each compiler under test turns a program into .mpy bytes: (program, scratch dir).
Compiler = Callable[[Path, Path], bytes]
COMPILERS: dict[str, Compiler] = {"mpy-cross": reference_mpy, "ours": our_mpy}
