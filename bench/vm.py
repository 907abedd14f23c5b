"""Python-hosted VM vs CPython on six performance programs of bench/vm_programs/.

Prints each program's time on both and the slowdown ratio (target: <= 30x), writes a
table and JSON under bench/results/, and with --profile a cProfile summary of the VM.
Run: python bench/vm.py [--profile]
"""

from __future__ import annotations

import cProfile
import io
import json
import pstats
import subprocess
import sys
import time
from pathlib import Path

from mpforge.compiler import compile_module
from mpforge.vm import run_module

HERE = Path(__file__).parent
PROGRAMS = sorted((HERE / "vm_programs").glob("*.py"))


def time_cpython(path: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-S", str(path)], check=True, capture_output=True)
    return time.perf_counter() - start - startup()


_STARTUP: list[float] = []


def startup() -> float:
    if not _STARTUP:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-S", "-c", "pass"], check=True)
        _STARTUP.append(time.perf_counter() - start)
    return _STARTUP[0]


def time_vm(path: Path) -> tuple[float, str]:
    module = compile_module(path.read_text(), path.name)
    out = io.StringIO()
    start = time.perf_counter()
    status = run_module(module, stdout=out)
    elapsed = time.perf_counter() - start
    assert status == 0, path
    return elapsed, out.getvalue()


def main() -> int:
    rows = []
    for path in PROGRAMS:
        ref = subprocess.run([sys.executable, str(path)], capture_output=True, text=True).stdout
        vm_time, output = time_vm(path)
        assert output == ref, f"{path.name}: VM output differs from CPython"
        cpy = max(time_cpython(path), 1e-4)
        rows.append({"program": path.stem, "cpython_s": round(cpy, 4),
                     "vm_s": round(vm_time, 4), "slowdown": round(vm_time / cpy, 1)})  # fmt: skip
    lines = [f"{'program':14s} {'CPython s':>10s} {'VM s':>8s} {'slowdown':>9s}"]
    for r in rows:
        lines.append(
            f"{r['program']:14s} {r['cpython_s']:10.4f} {r['vm_s']:8.3f} {r['slowdown']:8.1f}x"
        )
    table = "\n".join(lines)
    print(table)
    results = HERE / "results"
    results.mkdir(exist_ok=True)
    (results / "vm.txt").write_text(table + "\n")
    (results / "vm.json").write_text(json.dumps(rows, indent=2) + "\n")
    if "--profile" in sys.argv:
        prof = cProfile.Profile()
        prof.enable()
        for path in PROGRAMS:
            time_vm(path)
        prof.disable()
        text = io.StringIO()
        pstats.Stats(prof, stream=text).sort_stats("tottime").print_stats(15)
        (results / "vm_profile.txt").write_text(text.getvalue())
        print(text.getvalue()[:3000])
    return 0


if __name__ == "__main__":
    sys.exit(main())
