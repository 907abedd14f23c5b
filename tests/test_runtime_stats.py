"""`firmware --stats`, the figures bench/runtime.py reads: the program's output is
unchanged, and stderr's last line gives the run's processor time, the heap its objects
still hold after a collection, and the size of the .mpy image run in place."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from buildkit import FROZEN_MAIN, build
from mpforge.compiler import compile_source

KEEPS = "big = list(range(2000))\nprint(len(big))\n"
DROPS = "print(len(list(range(2000))))\n"


@pytest.fixture(scope="module")
def firmware() -> Path:
    return build("unix", {"main.py": FROZEN_MAIN}) / "firmware"


def stats(firmware: Path, mpy: Path) -> tuple[str, dict[str, float]]:
    result = subprocess.run([str(firmware), "--stats", str(mpy)], capture_output=True, text=True)
    assert result.returncode == 0
    prefix, fields = result.stderr.splitlines()[-1].split(" ", 1)
    assert prefix == "stats:"
    return result.stdout, {k: float(v) for k, v in (f.split("=") for f in fields.split())}


def test_stats_report_time_heap_and_image(firmware: Path, tmp_path: Path) -> None:
    figures = {}
    for name, source in (("keeps", KEEPS), ("drops", DROPS)):
        mpy = tmp_path / f"{name}.mpy"
        mpy.write_bytes(compile_source(source, f"{name}.py"))
        out, figures[name] = stats(firmware, mpy)
        plain = subprocess.run([str(firmware), str(mpy)], capture_output=True, text=True)
        assert out == plain.stdout == "2000\n"
        assert figures[name]["image_bytes"] == mpy.stat().st_size
        assert figures[name]["cpu_us"] > 0
    # a global list of 2000 items holds at least its item array; a dropped one nothing
    assert figures["keeps"]["heap_used"] - figures["drops"]["heap_used"] >= 2000 * 8
