"""The .mpy loader's regression corpus (tests/fuzz_mpy_corpus/: inputs found by
`tools/fuzz_mpy.py`, every crash among them) replayed through the sanitized unix
firmware: each file is refused with a Python exception or runs, and nothing else
happens — no sanitizer report, no signal, no hang. The libFuzzer target itself
(`scons board=unix fuzz=1`) is built and replays the corpus too, so it keeps building."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from buildkit import FROZEN_MAIN, build
from mpforge.deploy.qemu import run_host
from test_conformance_sanitize import sanitizer_reports

CORPUS = Path(__file__).parent / "fuzz_mpy_corpus"
# the line naming the exception of a refused file or of an uncaught one's traceback
EXCEPTION_LINE = re.compile(
    r"^(\S+: )?[A-Za-z_][A-Za-z0-9_.]*(Error|Exception|Exit|Iteration)(: .*)?$"
)


@pytest.fixture(scope="module")
def firmware() -> Path:
    return build("unix", {"main.py": FROZEN_MAIN}, "sanitize=1") / "firmware"


@pytest.mark.parametrize("name", sorted(p.name for p in CORPUS.iterdir()))
def test_corpus_input(name: str, firmware: Path) -> None:
    result = run_host(firmware, [str(CORPUS / name)], timeout=60, echo=None)
    assert sanitizer_reports(result.output) == []
    assert not result.timed_out
    assert result.status in (0, 1), result.output[-2000:]
    if result.status == 1:
        # (a message may itself hold newlines: the exception's line is not always last)
        lines = result.output.splitlines()
        assert any(EXCEPTION_LINE.match(line) for line in lines), result.output[-2000:]


def test_corpus_is_small() -> None:
    """The corpus stays a regression suite: a few hundred small files."""
    sizes = [p.stat().st_size for p in CORPUS.iterdir()]
    assert 0 < len(sizes) <= 400 and max(sizes) <= 4096


def test_fuzz_target_replays_corpus() -> None:
    exe = build("unix", {"main.py": FROZEN_MAIN}, "fuzz=1") / "fuzz-mpy"
    inputs = [str(p) for p in sorted(CORPUS.iterdir())]
    result = subprocess.run([str(exe), *inputs], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    assert f"Running {len(inputs)} inputs" in result.stderr
