"""Wall time of `mpforge size-diff BASE HEAD` for one board per port, cold and warm cache.

    python3 bench/size_diff.py [--base HEAD~1] [--head HEAD] [--runs N]

cold: an empty SCons CacheDir (both revisions compiled; HEAD's unchanged objects come
from what BASE's builds put in the cache). warm: the same command again with the cache
that run filled (everything retrieved). Prints a table and saves
bench/results/size-diff-<UTC date>.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def size_diff(base: str, head: str, cache: Path) -> tuple[float, dict]:
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mpforge", "size-diff", base, head, "--json",
         "--cache-dir", str(cache), "-C", str(ROOT)],
        capture_output=True, text=True, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    elapsed = time.perf_counter() - start
    if result.returncode not in (0, 1):
        sys.exit(f"size-diff failed:\n{result.stdout}{result.stderr}")
    return elapsed, json.loads(result.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="HEAD~1")
    parser.add_argument("--head", default="HEAD")
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    rows = []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory(prefix="mpforge-bench-sd-") as tmp:
            cache = Path(tmp) / "cache"
            cold, cold_report = size_diff(args.base, args.head, cache)
            warm, warm_report = size_diff(args.base, args.head, cache)
        rows.append({"cold_s": round(cold, 2), "warm_s": round(warm, 2),
                     "boards": [b["board"] for b in cold_report["boards"]],
                     "cold": cold_report, "warm": warm_report})  # fmt: skip

    def builds(report: dict, side: str, key: str) -> int:
        return sum(b[side][key] for b in report["boards"])

    lines = [f"size-diff {args.base} {args.head}: {', '.join(rows[0]['boards'])} "
             f"({os.cpu_count()} cores)",
             f"{'cache':6s} {'wall s':>7s} {'compiled':>9s} {'from cache':>11s}"]  # fmt: skip
    for r in rows:
        for name in ("cold", "warm"):
            rep = r[name]
            compiled = builds(rep, "base", "compiled") + builds(rep, "head", "compiled")
            cached = builds(rep, "base", "cached") + builds(rep, "head", "cached")
            lines.append(f"{name:6s} {r[f'{name}_s']:7.2f} {compiled:9d} {cached:11d}")
    table = "\n".join(lines)
    print(table)
    out = ROOT / "bench" / "results" / f"size-diff-{datetime.now(UTC):%Y-%m-%d}.json"
    out.write_text(json.dumps({"base": args.base, "head": args.head,
                               "machine": platform.machine(), "cores": os.cpu_count(),
                               "runs": rows, "table": table}, indent=1) + "\n")  # fmt: skip
    print(f"saved {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
