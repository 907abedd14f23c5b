"""`mpforge perf-diff` on two recorded result files (tests/perf_results/, from
`mpforge perf --target unix -n 5 -m 20`), the expected table computed here from the
files' raw scores; `mpforge perf` on pyvm and unix; user errors."""

from __future__ import annotations

import json
import re
import statistics
import subprocess
import sys
from pathlib import Path

import pytest
from buildkit import ROOT
from mpforge.perf import repeat_source

RESULTS = Path(__file__).parent / "perf_results"
LINE = re.compile(
    r"^(\S+) +([\d.]+) -> +([\d.]+) : +([+-][\d.]+) = +([+-][\d.]+)% \(\+/-([\d.]+)%\)$"
)


def mpforge(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mpforge", *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=600)  # fmt: skip


def expected_rows(a: dict, b: dict) -> dict[str, tuple[str, ...]]:
    """Each program both files scored: its line's numbers, as text, from the raw scores
    (mean; population standard deviation; errors combined in quadrature)."""
    rows = {}
    for name in a["programs"].keys() & b["programs"].keys():
        sa, sb = a["programs"][name].get("scores"), b["programs"][name].get("scores")
        if not sa or not sb:
            continue
        ma, mb = statistics.fmean(sa), statistics.fmean(sb)
        da, db = statistics.pstdev(sa), statistics.pstdev(sb)
        err = 100 * (da**2 + db**2) ** 0.5 / ma
        rows[name] = (f"{ma:.2f}", f"{mb:.2f}", f"{mb - ma:+.2f}", f"{100 * (mb - ma) / ma:+.3f}",
                      f"{err:.2f}")  # fmt: skip
    return rows


def test_perf_diff_of_recorded_files() -> None:
    fa, fb = RESULTS / "unix-a.json", RESULTS / "unix-b.json"
    a, b = json.loads(fa.read_text()), json.loads(fb.read_text())
    result = mpforge("perf-diff", str(fa), str(fb))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "diff of scores (higher is better)"
    assert lines[1].split() == ["N=5", "M=20", "unix-a", "->", "unix-b", "diff", "diff%",
                                "(error%)"]  # fmt: skip
    table = [ln for ln in lines[2:] if not ln.startswith("skipped:")]
    expected = expected_rows(a, b)
    assert len(expected) >= 2
    got = {}
    for line in table:
        m = LINE.match(line)
        assert m, line
        got[m.group(1)] = m.groups()[1:]
    assert got == expected
    assert list(got) == sorted(got)
    # one column each: every line has its arrow, colon and equals sign at one place
    for mark in ("->", " : ", " = ", "% (+/-"):
        assert len({ln.index(mark) for ln in table}) == 1, mark
    skipped = [n for n, p in a["programs"].items() if "skipped" in p]
    assert all(n in lines[-1] for n in skipped)


def test_perf_diff_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{}")
    for args, message in (
        ([str(tmp_path / "none.json"), str(bad)], "none.json: cannot read"),
        ([str(bad), str(bad)], "bad.json: not a perf result file"),
    ):
        result = mpforge("perf-diff", *args)
        assert result.returncode == 2
        assert message in result.stderr and "Traceback" not in result.stderr


def test_repeat_source_keeps_module_scope_and_strings() -> None:
    text = 'def f():\n    return """a\nb"""\n\nx = f()\nprint(x)\n'
    wrapped = repeat_source(text, 3)
    out: list[str] = []
    scope: dict = {"print": out.append}
    exec(compile(wrapped, "w", "exec"), scope)
    assert out == ["a\nb"] * 3
    assert "f" in scope and "x" in scope  # defined at module level, as unwrapped


@pytest.mark.parametrize("target", ["pyvm", "unix"])
def test_perf_runs_on_a_target(target: str, tmp_path: Path) -> None:
    (tmp_path / "loop.py").write_text("t = 0\nfor i in range(2000):\n    t += i\nprint(t)\n")
    (tmp_path / "broken.py").write_text("print(undefined_name)\n")
    out = tmp_path / "r.json"
    result = mpforge("perf", "--target", target, "-o", str(out), "-n", "3", "-m", "2",
                     str(tmp_path))  # fmt: skip
    assert result.returncode == 0, result.stderr
    data = json.loads(out.read_text())
    assert (data["target"], data["n"], data["m"]) == (target, 3, 2)
    loop = data["programs"]["loop.py"]
    assert len(loop["scores"]) == 3
    assert loop["scores"] == [pytest.approx(2 / t) for t in loop["times_s"]]
    assert loop["score"] == pytest.approx(statistics.fmean(loop["scores"]))
    assert "NameError" in data["programs"]["broken.py"]["skipped"]


def test_perf_user_errors(tmp_path: Path) -> None:
    result = mpforge("perf", "--target", "PICO", "-o", str(tmp_path / "r.json"))
    assert result.returncode != 0
    assert "PICO has no QEMU model" in result.stderr and "Traceback" not in result.stderr
    result = mpforge("perf", "-o", str(tmp_path / "r.json"), str(tmp_path / "missing.py"))
    assert result.returncode == 2 and "missing.py: no such file" in result.stderr
