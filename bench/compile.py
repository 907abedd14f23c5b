"""Compile time on the real-world corpus: our compiler in one process against mpy-cross
v1.19 run once per file (as a build runs it), then a cProfile of ours.

    python3 bench/compile.py [--repeat R] [--jobs N] [--profile-top N]

Each time is the best of R runs (3), for both compilers alike. With --jobs N > 1 it
also compares like with like in parallel: the whole `mpforge compile -j N ... -d DIR`
command (interpreter start included) against mpy-cross run N files at a time.
Prints a table and the top functions of the profile, and saves
bench/results/compile-<UTC date>.json. The corpus is tests/corpus_packages.txt, fetched
once by tools/fetch_corpus.py.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import platform
import pstats
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from corpus import Corpus, load, mpy_cross_binary  # noqa: E402
from mpforge.compiler import CompileError, compile_source  # noqa: E402


def ours(corpus: Corpus) -> tuple[float, float, int, int]:
    """Every module in this one process: (wall s, CPU s, identical, failed)."""
    sources = [(corpus.source(m), corpus.source_name(m), m) for m in corpus.accepted]
    identical = failed = 0
    start = time.perf_counter()
    cpu_start = time.process_time()
    outputs = []
    for text, name, module in sources:
        try:
            outputs.append((module, compile_source(text, name)))
        except CompileError:
            failed += 1
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    identical = sum(out == corpus.reference(module) for module, out in outputs)
    return elapsed, cpu, identical, failed


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def reference(corpus: Corpus, jobs: int = 1) -> tuple[float, float]:
    """mpy-cross, one process per module (its executable, no Python), `jobs` of them at
    a time: (wall s, CPU s of those processes)."""
    binary = mpy_cross_binary()
    with tempfile.TemporaryDirectory(prefix="mpforge-bench-") as tmp:

        def run(item: tuple[int, str]) -> None:
            i, module = item
            subprocess.run(
                [binary, str(corpus.source_path(module)), "-o", f"{tmp}/{i}.mpy"]
                + ["-s", corpus.source_name(module)],
                check=True,
                capture_output=True,
            )

        start = time.perf_counter()
        cpu_start = _children_cpu()
        if jobs == 1:
            for item in enumerate(corpus.accepted):
                run(item)
        else:
            with ThreadPoolExecutor(jobs) as pool:
                list(pool.map(run, enumerate(corpus.accepted)))
        return time.perf_counter() - start, _children_cpu() - cpu_start


def ours_command(corpus: Corpus, jobs: int) -> float:
    """Wall time for the whole `mpforge compile -j JOBS FILES -d DIR` command."""
    files = [str(corpus.source_path(module)) for module in corpus.accepted]
    with tempfile.TemporaryDirectory(prefix="mpforge-bench-") as tmp:
        start = time.perf_counter()
        # exit status 1: the two native-code modules are refused by design
        subprocess.run(
            [sys.executable, "-m", "mpforge", "compile", "-j", str(jobs), *files, "-d", tmp],
            capture_output=True,
        )
        return time.perf_counter() - start


def best_of(repeat: int, measure: Callable[[], float]) -> float:
    return min(measure() for _ in range(repeat))


def profile(corpus: Corpus, top: int) -> list[dict[str, object]]:
    profiler = cProfile.Profile()
    profiler.enable()
    for module in corpus.accepted:
        try:
            compile_source(corpus.source(module), corpus.source_name(module))
        except CompileError:
            pass
    profiler.disable()
    stats = pstats.Stats(profiler, stream=io.StringIO())
    rows = []
    for (file, line, func), (_cc, ncalls, tottime, cumtime, _callers) in stats.stats.items():
        rows.append(
            {
                "function": f"{Path(file).name}:{line}({func})",
                "calls": ncalls,
                "tottime": round(tottime, 4),
                "cumtime": round(cumtime, 4),
            }
        )
    rows.sort(key=lambda r: r["tottime"], reverse=True)  # type: ignore[arg-type, return-value]
    return rows[:top]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--profile-top", type=int, default=10)
    args = parser.parse_args()
    corpus = load()
    n = len(corpus.accepted)
    runs = [ours(corpus) for _ in range(args.repeat)]
    ours_s = min(run[0] for run in runs)
    ours_cpu = min(run[1] for run in runs)
    _, _, identical, failed = runs[0]
    ref_runs = [reference(corpus) for _ in range(args.repeat)]
    ref_s = min(run[0] for run in ref_runs)
    ref_cpu = min(run[1] for run in ref_runs)
    print(f"{n} modules  {'ours (1 process)':>17} {'mpy-cross (per file)':>21} {'ratio':>7}")
    print(f"{'wall':>11}  {ours_s:>16.2f}s {ref_s:>20.2f}s {ours_s / ref_s:>7.2f}")
    # CPU time is what a busy machine skews least: ours in-process, mpy-cross's processes
    print(f"{'CPU':>11}  {ours_cpu:>16.2f}s {ref_cpu:>20.2f}s {ours_cpu / ref_cpu:>7.2f}")
    print(f"ours: {identical} identical with mpy-cross, {failed} not compiled, of {n}")
    print(f"load average (1 min): {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    parallel = None
    if args.jobs > 1:
        serial_cmd_s = best_of(args.repeat, lambda: ours_command(corpus, 1))
        ours_par_s = best_of(args.repeat, lambda: ours_command(corpus, args.jobs))
        ref_par_s = best_of(args.repeat, lambda: reference(corpus, args.jobs)[0])
        print(f"\nwhole commands, {args.jobs} at a time:")
        print(f"  mpforge compile -j 1:  {serial_cmd_s:.2f}s")
        print(f"  mpforge compile -j {args.jobs}:  {ours_par_s:.2f}s")
        print(f"  mpy-cross, {args.jobs} at a time: {ref_par_s:.2f}s")
        print(f"  ratio (parallel, like with like): {ours_par_s / ref_par_s:.2f}")
        parallel = {
            "jobs": args.jobs,
            "ours_command_serial_seconds": round(serial_cmd_s, 3),
            "ours_command_parallel_seconds": round(ours_par_s, 3),
            "mpy_cross_parallel_seconds": round(ref_par_s, 3),
            "ratio": round(ours_par_s / ref_par_s, 3),
        }
    top = profile(corpus, args.profile_top)
    print(f"\ntop {len(top)} functions of ours by own time:")
    print(f"{'tottime':>8} {'cumtime':>8} {'calls':>9}  function")
    for row in top:
        print(f"{row['tottime']:>8.3f} {row['cumtime']:>8.3f} {row['calls']:>9}  {row['function']}")
    result = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": platform.platform(),
        "python": platform.python_version(),
        # other work on the machine skews wall times (both compilers alike)
        "load_average_1min": round(os.getloadavg()[0], 2),
        "modules": n,
        "ours_seconds": round(ours_s, 3),
        "mpy_cross_seconds": round(ref_s, 3),
        "ratio": round(ours_s / ref_s, 3),
        "ours_cpu_seconds": round(ours_cpu, 3),
        "mpy_cross_cpu_seconds": round(ref_cpu, 3),
        "cpu_ratio": round(ours_cpu / ref_cpu, 3),
        "repeat": args.repeat,
        "parallel": parallel,
        "identical": identical,
        "not_compiled": failed,
        "profile_top": top,
    }
    out = ROOT / "bench" / "results" / f"compile-{datetime.now(UTC):%Y-%m-%d}.json"
    out.write_text(json.dumps(result, indent=1) + "\n")
    print(f"\nsaved {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
