"""The conformance suite on the unix firmware built with `sanitize=1` (AddressSanitizer
and UndefinedBehaviorSanitizer, every report fatal): every program the unix target has
the features for must exit 0, print what CPython prints, and make no sanitizer report."""

from __future__ import annotations

from pathlib import Path

import pytest
from buildkit import FROZEN_MAIN, build
from conformance import our_mpy
from mpforge.deploy.qemu import run_host
from mpforge.testing import SUITES, Program, discover, expected_output, get_target

TESTS = Path(__file__).parent
# what ASan, LSan and UBSan print when they find something
REPORTS = ("Sanitizer", "runtime error:")


def _programs() -> list[Program]:
    unix = get_target("unix")
    found = discover([TESTS / suite for suite in SUITES])
    return [p for p in found if not unix.missing(p.requires)]


@pytest.fixture(scope="module")
def firmware() -> Path:
    return build("unix", {"main.py": FROZEN_MAIN}, "sanitize=1") / "firmware"


def sanitizer_reports(output: str) -> list[str]:
    return [line for line in output.splitlines() if any(r in line for r in REPORTS)]


@pytest.mark.parametrize("program", _programs(), ids=lambda p: p.name)
def test_program_sanitized(program: Program, firmware: Path, tmp_path: Path) -> None:
    mpy = tmp_path / program.path.with_suffix(".mpy").name
    mpy.write_bytes(our_mpy(program.path, tmp_path))
    result = run_host(firmware, [str(mpy)], timeout=120, echo=None)
    assert sanitizer_reports(result.output) == []
    assert (result.status, result.output) == (0, expected_output(program.path))


def test_sanitized_build_is_instrumented(firmware: Path) -> None:
    """The build really calls the sanitizers' checks, so a clean run above means something."""
    assert firmware.parent.name == "build"
    assert b"__asan_report_load" in firmware.read_bytes()
    assert b"__ubsan_handle" in firmware.read_bytes()
