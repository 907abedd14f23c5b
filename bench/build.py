"""Build times: clean PYBV10, clean unix, and the no-op rebuild of PYBV10 (target < 1 s);
then a row per board (full build, no-op rebuild, firmware text/data/bss) and the wall
time of `scons board=all -j2`.

    python3 bench/build.py [--runs N] [runtime_dir=DIR ...extra scons options]

Prints a table and saves bench/results/build-<UTC date>.json. Builds go to a temporary
directory, so build/ is left alone.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOOP_TARGET_S = 1.0


def scons(args: list[str]) -> float:
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "SCons", "-C", str(ROOT), *args],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"scons {' '.join(args)} failed:\n{result.stdout}{result.stderr}")
    return elapsed


def measure(runs: int, extra: list[str]) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {"PYBV10 clean": [], "unix clean": [], "PYBV10 no-op": []}
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="mpforge-bench-") as tmp:
            pyb = ["board=PYBV10", f"build_dir={tmp}/PYBV10", *extra]
            times["PYBV10 clean"].append(scons(pyb))
            times["unix clean"].append(scons(["board=unix", f"build_dir={tmp}/unix", *extra]))
            times["PYBV10 no-op"].append(scons(pyb))
    return times


def per_board(extra: list[str]) -> tuple[dict[str, dict[str, float]], float]:
    """One full build and one no-op rebuild of every board, sizes from the ELF; then
    every board at once with -j2."""
    sys.path.insert(0, str(ROOT / "py"))
    from mpforge.build.board import board_names
    from mpforge.size import sizes

    rows: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="mpforge-bench-") as tmp:
        for name in board_names():
            args = [f"board={name}", f"build_dir={tmp}/{name}", *extra]
            full = scons(args)
            noop = scons(args)
            elf = Path(tmp) / name / ("firmware" if name == "unix" else "firmware.elf")
            s = sizes(elf)
            rows[name] = {"full_s": full, "noop_s": noop, "text": s.text, "data": s.data,
                          "bss": s.bss}  # fmt: skip
        all_s = scons(["board=all", "-j2", f"build_dir={tmp}/all", *extra])
    return rows, all_s


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("extra", nargs="*", help="extra scons options, e.g. runtime_dir=DIR")
    args = parser.parse_args()
    times = measure(args.runs, args.extra)
    boards, all_s = per_board(args.extra)
    print(f"{'step':<16}{'median s':>10}{'min s':>10}{'max s':>10}")
    summary = {}
    for step, values in times.items():
        summary[step] = {
            "median_s": round(statistics.median(values), 3),
            "min_s": round(min(values), 3),
            "max_s": round(max(values), 3),
            "runs": [round(v, 3) for v in values],
        }
        print(
            f"{step:<16}{statistics.median(values):>10.3f}{min(values):>10.3f}{max(values):>10.3f}"
        )
    print(f"\n{'board':<17}{'full s':>8}{'no-op s':>9}{'text':>8}{'data':>7}{'bss':>8}")
    for name, row in boards.items():
        print(f"{name:<17}{row['full_s']:>8.2f}{row['noop_s']:>9.2f}{row['text']:>8}"
              f"{row['data']:>7}{row['bss']:>8}")  # fmt: skip
    print(f"scons board=all -j2: {all_s:.2f} s ({len(boards)} boards)")
    noop = summary["PYBV10 no-op"]["median_s"]
    verdict = "meets" if noop < NOOP_TARGET_S else "MISSES"
    print(f"no-op rebuild {noop:.3f} s {verdict} the {NOOP_TARGET_S:g} s target")
    commit = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    record = {
        "date": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "commit": commit,
        "machine": platform.machine(),
        "python": platform.python_version(),
        "extra_options": args.extra,
        "results": summary,
        "noop_target_s": NOOP_TARGET_S,
        "boards": {n: {k: round(v, 3) for k, v in r.items()} for n, r in boards.items()},
        "board_all_j2_s": round(all_s, 3),
    }
    out_dir = ROOT / "bench" / "results"
    out_dir.mkdir(parents=True, exist_ok=True)
    out = out_dir / f"build-{record['date'][:10]}.json"
    out.write_text(json.dumps(record, indent=2) + "\n")
    print(f"saved {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
