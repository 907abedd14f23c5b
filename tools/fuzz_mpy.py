"""Fuzz the C runtime's .mpy loader with libFuzzer for a while (developers; not CI).

    python3 tools/fuzz_mpy.py --seconds 600        # build, seed, fuzz on every core
    python3 tools/fuzz_mpy.py --seconds 60 --jobs 1
    python3 tools/fuzz_mpy.py --merge              # new coverage -> the regression corpus

`scons board=unix fuzz=1` builds build/unix-fuzz/fuzz-mpy (clang, ASan, UBSan). The
seeds are the conformance programs of tests/ compiled by our compiler, plus the
regression corpus tests/fuzz_mpy_corpus/; what the fuzzer learns stays in
build/unix-fuzz/corpus/, and a crashing input is written to build/unix-fuzz/crashes/.
Add every crash to tests/fuzz_mpy_corpus/ once fixed (tests/test_fuzz_mpy_corpus.py
replays that directory through the sanitized firmware). At the end the total number of
runs and the time are printed.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "build" / "unix-fuzz"
REGRESSION = ROOT / "tests" / "fuzz_mpy_corpus"
sys.path.insert(0, str(ROOT / "py"))

from mpforge.compiler import compile_source  # noqa: E402
from mpforge.errors import MpforgeError  # noqa: E402
from mpforge.testing import SUITES  # noqa: E402

_EXECS = re.compile(r"#(\d+)\s+(?:DONE|pulse|NEW|REDUCE|INITED)")
# fuzz-mpy's own options: inputs up to 4 KiB (real modules are small); 30 s per input, as a
# loaded machine runs a slow but legitimate input (the instruction budget ends it) slowly
FUZZ_OPTIONS = ["-max_len=4096", "-timeout=30", "-rss_limit_mb=2048", "-print_final_stats=1"]


def build() -> Path:
    subprocess.run([sys.executable, "-m", "SCons", "-C", str(ROOT), "board=unix", "fuzz=1"],
                   check=True)  # fmt: skip
    return BUILD / "fuzz-mpy"


def seeds() -> Path:
    """The conformance programs compiled by our compiler: real files to mutate."""
    out = BUILD / "seeds"
    out.mkdir(parents=True, exist_ok=True)
    for suite in SUITES:
        for path in sorted((ROOT / "tests" / suite).glob("*.py")):
            try:
                data = compile_source(path.read_text(), path.name)
            except MpforgeError:
                continue  # a program our compiler refuses on purpose
            (out / f"{suite}-{path.stem}.mpy").write_bytes(data)
    return out


def fuzz(exe: Path, seconds: int, jobs: int) -> int:
    corpus = BUILD / "corpus"
    crashes = BUILD / "crashes"
    corpus.mkdir(parents=True, exist_ok=True)
    crashes.mkdir(parents=True, exist_ok=True)
    logs = BUILD / "logs"
    logs.mkdir(exist_ok=True)
    cmd = [str(exe), *FUZZ_OPTIONS, f"-max_total_time={seconds}",
           f"-artifact_prefix={crashes}/", str(corpus), str(seeds()), str(REGRESSION)]  # fmt: skip
    if jobs > 1:
        cmd[1:1] = [f"-fork={jobs}", "-ignore_crashes=1", "-ignore_timeouts=1", "-ignore_ooms=1"]
    start = time.monotonic()
    result = subprocess.run(cmd, cwd=logs, capture_output=True, text=True, errors="replace")
    elapsed = time.monotonic() - start
    (logs / "last.log").write_text(result.stdout + result.stderr)
    execs = max((int(n) for n in _EXECS.findall(result.stderr)), default=0)
    stats = re.search(r"stat::number_of_executed_units:\s*(\d+)", result.stderr)
    if stats:
        execs = max(execs, int(stats.group(1)))
    # slow units are only reported, not failures
    found = sorted(p.name for p in crashes.iterdir() if not p.name.startswith("slow-unit-"))
    print(f"fuzz-mpy: {execs} runs in {elapsed:.0f} s ({execs / max(elapsed, 1e-9):.0f}/s), "
          f"corpus {len(list(corpus.iterdir()))} files, log {logs / 'last.log'}")  # fmt: skip
    if found:
        print(f"crashing inputs in {crashes}: {', '.join(found)}")
        return 1
    return 0 if result.returncode == 0 else result.returncode


def merge(exe: Path) -> int:
    """Adds to the regression corpus the inputs of the working corpus that reach code
    it does not (libFuzzer's -merge=1 keeps a minimal set)."""
    corpus = BUILD / "corpus"
    result = subprocess.run([str(exe), "-merge=1", *FUZZ_OPTIONS, str(REGRESSION), str(corpus)])
    return result.returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=300, help="how long to fuzz (300)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="fuzzing processes")
    parser.add_argument("--merge", action="store_true", help="grow the regression corpus")
    args = parser.parse_args(argv)
    exe = build()
    return merge(exe) if args.merge else fuzz(exe, args.seconds, args.jobs)


if __name__ == "__main__":
    sys.exit(main())
