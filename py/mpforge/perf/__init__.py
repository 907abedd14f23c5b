"""Performance programs on a target: N runs of M iterations each, scores with their error.

A run executes a program M times in one go (its text under `for _ in range(M):`, so
its module-level names stay module-level) and is timed from outside: in-process for
`pyvm`, the firmware's process for `unix`, the QEMU boot for a board. The time an empty
program takes on the same target (process start, boot) is taken off first. A run's
score is M / seconds, higher is better; a program's score is the mean over the N runs
and its error the standard deviation as a percentage of it, as MicroPython's
tests/run-perfbench.py reports them.
"""

from __future__ import annotations

import hashlib
import io
import math
import os
import subprocess
import sys
import tempfile
import time
import tokenize
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import MpforgeError

ROOT = Path(__file__).resolve().parents[3]
DEFAULT_PROGRAMS = ROOT / "bench" / "vm_programs"
EMPTY = "pass\n"


@dataclass
class ProgramResult:
    name: str
    scores: list[float] = field(default_factory=list)
    times: list[float] = field(default_factory=list)  # seconds of each run, baseline taken off
    skipped: str = ""

    @property
    def score(self) -> float:
        return mean_sd(self.scores)[0]

    @property
    def error(self) -> float:
        """Standard deviation of the scores, percent of their mean."""
        avg, sd = mean_sd(self.scores)
        return 100 * sd / avg if avg else 0.0


def mean_sd(values: list[float]) -> tuple[float, float]:
    """Mean and population standard deviation (what run-perfbench.py computes)."""
    if not values:
        return 0.0, 0.0
    avg = sum(values) / len(values)
    var = max(0.0, sum(v * v for v in values) / len(values) - avg * avg)
    return avg, math.sqrt(var)


def repeat_source(text: str, m: int) -> str:
    """The program under `for _bm_i in range(m):`; lines inside a multi-line string
    keep their text (indenting them would change the string)."""
    inside_string: set[int] = set()
    try:
        for tok in tokenize.generate_tokens(io.StringIO(text).readline):
            if tok.type == tokenize.STRING and tok.end[0] > tok.start[0]:
                inside_string.update(range(tok.start[0] + 1, tok.end[0] + 1))
    except (tokenize.TokenError, IndentationError, SyntaxError):
        pass  # the compiler reports it, with the line, when the program is compiled
    lines = text.splitlines()
    body = [ln if (i in inside_string or not ln.strip()) else "    " + ln
            for i, ln in enumerate(lines, 1)]  # fmt: skip
    return f"for _bm_i in range({m}):\n" + "\n".join(body) + "\n    pass\n"


def _compile(text: str, name: str) -> bytes:
    from ..compiler import compile_source

    return compile_source(text, name)


class _Runner:
    """Times one program text on one target; `prepare` is given every text first."""

    def prepare(self, texts: dict[str, str]) -> None:
        pass

    def run(self, name: str) -> tuple[float, int, str]:
        """(seconds, exit status, output) of one run of the prepared program `name`."""
        raise NotImplementedError

    def close(self) -> None:
        pass


class _PyVm(_Runner):
    def prepare(self, texts: dict[str, str]) -> None:
        from ..mpy.mpyfile import load_mpy

        self.modules = {n: load_mpy(_compile(t, n), n) for n, t in texts.items()}

    def run(self, name: str) -> tuple[float, int, str]:
        from ..vm import run_module

        out = io.StringIO()
        start = time.perf_counter()
        status = run_module(self.modules[name], stdout=out, stderr=out)
        return time.perf_counter() - start, status, out.getvalue()


def _scons_build(board: str, sources: dict[str, str], work: Path) -> Path:
    work.mkdir(parents=True, exist_ok=True)
    src = work / "src"
    src.mkdir(exist_ok=True)
    for name, text in sources.items():
        (src / name).write_text(text)
    manifest = src / "manifest.yaml"
    manifest.write_text("modules:\n" + "".join(f"  - {m}\n" for m in sources))
    out = work / "build"
    result = subprocess.run(
        [sys.executable, "-m", "SCons", "-C", str(ROOT), f"board={board}", f"build_dir={out}",
         f"manifest={manifest}"],
        capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=1800,
    )  # fmt: skip
    if result.returncode != 0:
        last = (result.stderr.strip() or result.stdout.strip()).splitlines()[-1:]
        raise MpforgeError(f"build of {board} failed: {' '.join(last)}")
    return out


def _work_dir(board: str, sources: dict[str, str]) -> Path:
    key = hashlib.sha256(repr((str(ROOT), board, sorted(sources.items()))).encode())
    return Path(tempfile.gettempdir()) / f"mpforge-perf-{board}-{key.hexdigest()[:12]}"


class _Unix(_Runner):
    """The host firmware, given each program as an .mpy file."""

    def prepare(self, texts: dict[str, str]) -> None:
        main = (ROOT / "frozen" / "main.py").read_text()
        self.build = _scons_build("unix", {"main.py": main}, _work_dir("unix", {"main.py": main}))
        self.tmp = Path(tempfile.mkdtemp(prefix="mpforge-perf-"))
        for name, text in texts.items():
            (self.tmp / f"{name}.mpy").write_bytes(_compile(text, f"{name}.py"))

    def close(self) -> None:
        import shutil

        shutil.rmtree(self.tmp, ignore_errors=True)

    def run(self, name: str) -> tuple[float, int, str]:
        start = time.perf_counter()
        result = subprocess.run([str(self.build / "firmware"), str(self.tmp / f"{name}.mpy")],
                                capture_output=True, text=True, timeout=600)  # fmt: skip
        seconds = time.perf_counter() - start
        output = (result.stdout + result.stderr).replace(f"{self.tmp}/", "")
        return seconds, result.returncode, output


class _Qemu(_Runner):
    """A QEMU board: every program frozen into one firmware, one boot per run."""

    def __init__(self, board: str) -> None:
        from ..build.board import load_board

        b = load_board(board)
        if b.get("run.method") != "qemu" or not b.get("run.machine"):
            raise MpforgeError(f"board {board} has no QEMU model: perf runs on unix, pyvm "
                               "and boards QEMU models")  # fmt: skip
        self.board = board
        self.machine = b.get("run.machine")

    def prepare(self, texts: dict[str, str]) -> None:
        sources = {f"{name}.py": text for name, text in texts.items()}
        self.build = _scons_build(self.board, sources, _work_dir(self.board, sources))

    def run(self, name: str) -> tuple[float, int, str]:
        from ..deploy.qemu import run_qemu

        start = time.perf_counter()
        result = run_qemu(self.build / "firmware.elf", self.machine, module=name, timeout=600,
                          echo=None)  # fmt: skip
        return time.perf_counter() - start, result.status, result.output


def _runner(target: str) -> _Runner:
    if target == "pyvm":
        return _PyVm()
    if target == "unix":
        return _Unix()
    return _Qemu(target)


def _module_name(path: Path) -> str:
    return "bm_" + "".join(c if c.isalnum() else "_" for c in path.stem)


def _measure(
    runner: _Runner,
    programs: list[Path],
    names: dict[str, str],
    results: dict[str, ProgramResult],
    n: int,
    m: int,
    target: str,
    say: Callable[[str], None],
) -> float:
    """Runs every program; fills `results`; returns the baseline (start-up) seconds."""
    # start-up of the target (process, boot): best of a few empty runs
    baseline = min(runner.run("bm_empty")[0] for _ in range(max(3, min(n, 10))))
    for p in programs:
        r = results[p.name]
        if r.skipped:
            say(f"{p.name}: SKIP {r.skipped}")
            continue
        # one untimed run first: it shows whether the target runs the program at all,
        # and warms what a first run pays for (page cache, the VM's caches)
        _, status, output = runner.run(names[p.name])
        if status != 0:
            last = output.strip().splitlines()[-1:] or ["no output"]
            r.skipped = f"fails on {target}: {last[0]}"
            say(f"{p.name}: SKIP {r.skipped}")
            continue
        for _ in range(n):
            seconds, status, output = runner.run(names[p.name])
            # never below a microsecond: a run faster than the start-up noise
            t = max(seconds - baseline, 1e-6)
            r.times.append(t)
            r.scores.append(m / t)
        say(f"{p.name}: " + (f"SKIP {r.skipped}" if r.skipped else
                             f"{r.score:.2f} (+/-{r.error:.2f}%)"))  # fmt: skip
    return baseline


def run_perf(
    target: str,
    programs: list[Path],
    n: int,
    m: int,
    progress: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Every program N times with M iterations on `target`; the result file's content."""
    if n < 1 or m < 1:
        raise MpforgeError("-n and -m must be at least 1", 2)
    say = progress or (lambda _msg: None)
    results = {p.name: ProgramResult(p.name) for p in programs}
    texts: dict[str, str] = {"bm_empty": repeat_source(EMPTY, m)}
    names: dict[str, str] = {}
    for p in programs:
        text = repeat_source(p.read_text(), m)
        try:
            _compile(text, p.name)  # a program our compiler rejects is skipped, not fatal
        except MpforgeError as err:
            results[p.name].skipped = f"does not compile: {err}"
            continue
        names[p.name] = _module_name(p)
        texts[names[p.name]] = text
    runner = _runner(target)
    try:
        runner.prepare(texts)
        baseline = _measure(runner, programs, names, results, n, m, target, say)
    finally:
        runner.close()
    from .. import __version__

    return {
        "target": target,
        "n": n,
        "m": m,
        "mpforge": __version__,
        "host": os.uname().nodename if hasattr(os, "uname") else "",
        "baseline_s": baseline,
        "programs": {
            name: (
                {"skipped": r.skipped}
                if r.skipped
                else {"score": r.score, "error": r.error, "scores": r.scores, "times_s": r.times}
            )
            for name, r in sorted(results.items())
        },
    }
