"""Python-hosted VM vs CPython on six performance programs of bench/vm_programs/.

Prints each program's time on both and the slowdown ratio (target: <= 30x), writes a
table and JSON under bench/results/, and with --profile a cProfile summary of the VM.
Both sides are timed in-process, best of several runs: the programs take about a
millisecond on CPython, so interpreter start-up must not be in the figure. The clock is
the process's CPU time, so other jobs on the machine move the figures less.
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


_REPEAT = 7


def time_cpython(path: Path) -> float:
    """CPython's best time over `_REPEAT` runs of the program's code, in a fresh
    interpreter but timed inside it (no start-up in the figure)."""
    script = (
        "import io, sys, time\n"
        f"code = compile(open({str(path)!r}).read(), {path.name!r}, 'exec')\n"
        "best = 1e9\n"
        f"for _ in range({_REPEAT}):\n"
        "    out, sys.stdout = sys.stdout, io.StringIO()\n"
        "    t = time.process_time()\n"
        "    exec(code, {'__name__': '__main__'})\n"
        "    best = min(best, time.process_time() - t)\n"
        "    sys.stdout = out\n"
        "print(best)\n"
    )
    result = subprocess.run([sys.executable, "-S", "-c", script], check=True,
                            capture_output=True, text=True)  # fmt: skip
    return float(result.stdout)


def time_vm(path: Path) -> tuple[float, str]:
    """The VM's best time over `_REPEAT` runs (compiled once, as a board runs .mpy)."""
    module = compile_module(path.read_text(), path.name)
    best = 1e9
    output = ""
    for _ in range(_REPEAT):
        out = io.StringIO()
        start = time.process_time()
        status = run_module(module, stdout=out)
        best = min(best, time.process_time() - start)
        assert status == 0, path
        output = out.getvalue()
    return best, output


def main() -> int:
    rows = []
    for path in PROGRAMS:
        ref = subprocess.run([sys.executable, str(path)], capture_output=True, text=True).stdout
        vm_time, output = time_vm(path)
        assert output == ref, f"{path.name}: VM output differs from CPython"
        cpy = time_cpython(path)
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
