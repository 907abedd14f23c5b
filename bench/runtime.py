"""The C runtime's speed: the performance programs of bench/vm.py on build/unix/firmware,
on MicroPython v1.19.1's own unix port and on CPython, side by side.

    python3 bench/runtime.py [--runs N] [--upstream PATH]

Each program is compiled once to .mpy (byte-identical with mpy-cross v1.19, so both
MicroPythons run the same file), and each run is a fresh process. The figure is
processor time, best of N runs, with process start-up left out: other processes on the
machine move it far less than wall time. The firmware reports the time of its run itself
(`--stats`, loading the .mpy included); CPython times one `exec` of the compiled code
with `time.process_time()`; upstream's unix port has no processor clock (ticks_cpu is 0
there), so the processor time of a process importing the .mpy 5 times over (getrusage)
is taken, less that of one importing an empty .mpy, per import. A program whose output
differs from CPython's (a feature a runtime lacks) shows as 'unsupported' with the reason.

Instructions: with valgrind installed, each program's run is also counted in executed
instructions (callgrind), for ours and upstream, less an empty module's run, as above.
The count does not move with the machine's load, so it compares the two VMs where
processor times on a shared machine scatter; it does not see cache misses or branch
prediction, which the times do.

Upstream's binary comes from --upstream, else $MPFORGE_UPSTREAM_MICROPYTHON, else
/tmp/mp-upstream/ports/unix/micropython; UPSTREAM_BUILD below says how to build it.

RAM: each program that runs is imported as a module by a one-line program, once frozen
into a unix firmware built for the purpose (its bytecode and constants stay in the
firmware image) and once from an .mpy file beside the program (the default firmware,
which freezes none of them, loads it). The figure is the heap the firmware still holds
after a collection (`--stats`) above that of a program importing nothing; the .mpy's
image, which a board keeps in RAM as well, is added to its side.

Prints both tables and saves bench/results/runtime-<UTC date>.json.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

from mpforge.compiler import compile_file, compile_source
from vm import PROGRAMS

ROOT = Path(__file__).resolve().parents[1]
FIRMWARE = ROOT / "build" / "unix" / "firmware"
DEFAULT_UPSTREAM = Path("/tmp/mp-upstream/ports/unix/micropython")
# Built at the same -O level as the firmware (ports/unix/SConscript), outside the repo.
UPSTREAM_BUILD = """\
upstream MicroPython not found at {path}; build it (outside the repo, never commit it):
  fetch the mirror of github:micropython/micropython (or git clone it), then
  mkdir -p /tmp/mp-upstream && git -C MIRROR archive v1.19.1 | tar -x -C /tmp/mp-upstream
  make -C /tmp/mp-upstream/mpy-cross
  make -C /tmp/mp-upstream/ports/unix MICROPY_PY_FFI=0 MICROPY_PY_BTREE=0 \\
      MICROPY_SSL_AXTLS=0 MICROPY_PY_USSL=0 CFLAGS_EXTRA=-Wno-error \\
      COPT="-O2 -DNDEBUG -fdata-sections -ffunction-sections"
or pass --upstream PATH / set MPFORGE_UPSTREAM_MICROPYTHON."""

# The module's import is the run, UPSTREAM_REPEAT times in one process so that the
# start-up, measured on an empty module and subtracted, weighs less than one run.
UPSTREAM_REPEAT = 5
UPSTREAM_DRIVER = """\
import sys
sys.path.insert(0, {dir!r})
for _ in range({repeat}):
    import {name}
    del sys.modules[{name!r}]
"""

CPYTHON_DRIVER = """\
import sys, time
code = compile(open({path!r}).read(), {name!r}, 'exec')
t = time.process_time()
exec(code, {{'__name__': '__main__'}})
t = time.process_time() - t
sys.stderr.write('bench-us %f\\n' % (t * 1e6))
"""


@dataclass
class Timing:
    """Best time in seconds, or why there is none."""

    seconds: float | None = None
    reason: str = ""

    def cell(self) -> str:
        return f"{self.seconds * 1e3:.3f}" if self.seconds is not None else self.reason[:11]


def _last_line(text: str) -> str:
    lines = [ln for ln in text.strip().splitlines() if ln.strip()]
    return lines[-1].strip() if lines else "no output"


def best_of(runs: int, run_once: Callable[[], float]) -> Timing:
    """`run_once()` gives microseconds, or raises ValueError(reason)."""
    try:
        return Timing(min(run_once() for _ in range(runs)) / 1e6)
    except ValueError as e:
        return Timing(reason=str(e))


def firmware_once(mpy: Path, expected: str) -> float:
    r = subprocess.run([str(FIRMWARE), "--stats", str(mpy)], capture_output=True, text=True,
                       timeout=120)  # fmt: skip
    errors, _, stats = r.stderr.rpartition("stats: ")
    if r.returncode != 0 or r.stdout != expected or not stats:
        raise ValueError(f"unsupported: {_last_line(r.stdout + errors)}")
    fields = dict(f.split("=") for f in stats.split())
    return float(fields["cpu_us"])


def children_cpu_us() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (r.ru_utime + r.ru_stime) * 1e6


def upstream_once(upstream: Path, mpy: Path, expected: str | None) -> float:
    """Processor microseconds per import of a process importing `mpy` UPSTREAM_REPEAT
    times (each printing `expected`, unless None), start-up included."""
    driver = UPSTREAM_DRIVER.format(dir=str(mpy.parent), name=mpy.stem, repeat=UPSTREAM_REPEAT)
    before = children_cpu_us()
    r = subprocess.run([str(upstream), "-c", driver], capture_output=True, text=True, timeout=120)
    cpu = children_cpu_us() - before
    if r.returncode != 0 or (expected is not None and r.stdout != expected * UPSTREAM_REPEAT):
        raise ValueError(f"unsupported: {_last_line(r.stdout + r.stderr)}")
    return cpu / UPSTREAM_REPEAT


def cpython_once(path: Path, expected: str) -> float:
    driver = CPYTHON_DRIVER.format(path=str(path), name=path.name)
    r = subprocess.run([sys.executable, "-S", "-c", driver], capture_output=True, text=True)
    if r.returncode != 0 or r.stdout != expected:
        raise ValueError(f"failed: {_last_line(r.stderr)}")
    return float(r.stderr.split()[-1])


def instructions(argv: list[str]) -> int:
    """Instructions `argv` executes, counted by valgrind's callgrind: the same count for
    the same binary and input whatever else the machine is doing."""
    r = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *argv],
                       capture_output=True, text=True, timeout=600)  # fmt: skip
    match = re.search(r"Collected : (\d+)", r.stderr)
    if r.returncode != 0 or match is None:
        raise ValueError(f"callgrind failed on {argv[0]}: {_last_line(r.stderr)}")
    return int(match.group(1))


def ours_argv(mpy: Path) -> list[str]:
    return [str(FIRMWARE), str(mpy)]


def upstream_argv(upstream: Path, mpy: Path) -> list[str]:
    return [
        str(upstream),
        "-c",
        UPSTREAM_DRIVER.format(dir=str(mpy.parent), name=mpy.stem, repeat=1),
    ]


def heap_used(firmware: Path, prog: Path) -> int:
    """Heap bytes live after running `prog` (an .mpy, modules beside it)."""
    r = subprocess.run([str(firmware), "--stats", str(prog)], capture_output=True, text=True,
                       timeout=120, cwd=prog.parent)  # fmt: skip
    errors, _, stats = r.stderr.rpartition("stats: ")
    if r.returncode != 0 or not stats:
        raise ValueError(_last_line(r.stdout + errors))
    return int(dict(f.split("=") for f in stats.split())["heap_used"])


def ram_rows(modules: list[Path], tmp: Path) -> list[dict[str, object]]:
    """RAM held after importing each module frozen and from an .mpy (module docstring)."""
    frozen_dir = tmp / "frozen"
    frozen_dir.mkdir()
    (frozen_dir / "main.py").write_text("pass\n")
    for path in modules:
        (frozen_dir / path.name).write_text(path.read_text())
    names = ["main.py", *(p.name for p in modules)]
    (frozen_dir / "manifest.yaml").write_text("modules:\n" + "".join(f"  - {n}\n" for n in names))
    build = tmp / "build-frozen"
    subprocess.run([sys.executable, "-m", "SCons", "-Q", "-C", str(ROOT), "board=unix",
                    f"manifest={frozen_dir / 'manifest.yaml'}", f"build_dir={build}"],
                   check=True, stdout=subprocess.DEVNULL)  # fmt: skip
    rows = []
    for path in modules:
        run_dir = tmp / f"ram-{path.stem}"
        run_dir.mkdir()
        importer = run_dir / "prog.mpy"
        importer.write_bytes(compile_source(f"import {path.stem}\n", "prog.py"))
        empty = run_dir / "empty.mpy"
        empty.write_bytes(compile_source("pass\n", "prog.py"))
        module_mpy = run_dir / f"{path.stem}.mpy"
        module_mpy.write_bytes(compile_file(path, path.name))
        base = heap_used(FIRMWARE, empty)
        frozen = heap_used(build / "firmware", importer) - base
        from_mpy = heap_used(FIRMWARE, importer) - base
        image = module_mpy.stat().st_size
        rows.append({"module": path.stem, "frozen_heap": frozen, "mpy_heap": from_mpy,
                     "mpy_image": image, "saved": from_mpy + image - frozen})  # fmt: skip
    return rows


def ratio(a: Timing, b: Timing) -> str:
    if a.seconds is None or b.seconds is None:
        return "-"
    return f"{a.seconds / b.seconds:.2f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="runs per program and VM (best kept)")
    parser.add_argument("--upstream", type=Path, default=Path(os.environ.get(
        "MPFORGE_UPSTREAM_MICROPYTHON", DEFAULT_UPSTREAM)))  # fmt: skip
    parser.add_argument("--no-build", action="store_true", help="use build/unix/firmware as it is")
    args = parser.parse_args()
    if not args.no_build:
        subprocess.run([sys.executable, "-m", "SCons", "-Q", "-C", str(ROOT), "board=unix"],
                       check=True, stdout=subprocess.DEVNULL)  # fmt: skip
    has_upstream = args.upstream.is_file()
    if not has_upstream:
        print(UPSTREAM_BUILD.format(path=args.upstream), file=sys.stderr)

    has_valgrind = shutil.which("valgrind") is not None
    if not has_valgrind:
        print("valgrind not found (apt-get install valgrind): no instruction counts",
              file=sys.stderr)  # fmt: skip
    rows = []
    counts: dict[str, tuple[int | None, int | None]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        empty = Path(tmp) / "bench_empty.mpy"
        empty.write_bytes(compile_source("pass\n", "bench_empty.py"))
        if has_upstream:
            upstream_base = best_of(args.runs, partial(upstream_once, args.upstream, empty, None))
        # instructions of running an empty module, taken off each program's as start-up
        if has_valgrind:
            ours_base = instructions(ours_argv(empty))
            if has_upstream:
                upstream_base_count = instructions(upstream_argv(args.upstream, empty))
        for path in PROGRAMS:
            mpy = Path(tmp) / f"{path.stem}.mpy"
            mpy.write_bytes(compile_file(path, f"bench/vm_programs/{path.name}"))
            expected = subprocess.run([sys.executable, str(path)], capture_output=True,
                                      text=True, check=True).stdout  # fmt: skip
            ours = best_of(args.runs, partial(firmware_once, mpy, expected))
            if has_upstream:
                upstream = best_of(args.runs, partial(upstream_once, args.upstream, mpy, expected))
                if upstream.seconds is not None:
                    upstream.seconds -= upstream_base.seconds or 0.0
            else:
                upstream = Timing(reason="not built")
            cpython = best_of(args.runs, partial(cpython_once, path, expected))
            rows.append((path.stem, ours, upstream, cpython))
            if has_valgrind:
                counts[path.stem] = (
                    instructions(ours_argv(mpy)) - ours_base if ours.seconds else None,
                    instructions(upstream_argv(args.upstream, mpy)) - upstream_base_count
                    if upstream.seconds
                    else None,
                )
        runs_on_ours = [p for p, row in zip(PROGRAMS, rows, strict=True) if row[1].seconds]
        ram = ram_rows(runs_on_ours, Path(tmp))

    header = (f"{'program':14s} {'ours ms':>11s} {'upstream ms':>11s} {'CPython ms':>11s}"
              f" {'ours/upstr':>10s} {'ours/CPy':>9s}")  # fmt: skip
    lines = [header]
    for name, ours, upstream, cpython in rows:
        lines.append(f"{name:14s} {ours.cell():>11s} {upstream.cell():>11s} {cpython.cell():>11s}"
                     f" {ratio(ours, upstream):>10s} {ratio(ours, cpython):>9s}")  # fmt: skip
    print("\n".join(lines))
    for name, ours, upstream, _ in rows:
        for who, t in (("ours", ours), ("upstream", upstream)):
            if t.seconds is None and t.reason != "not built":
                print(f"{name} ({who}): {t.reason}")

    if counts:
        print(f"\ninstructions, millions  {'ours':>9s} {'upstream':>9s} {'ours/upstr':>10s}")
        for name, (o, u) in counts.items():
            cells = [f"{n / 1e6:9.2f}" if n is not None else f"{'-':>9s}" for n in (o, u)]
            share = f"{o / u:.2f}" if o is not None and u else "-"
            print(f"{name:23s} {cells[0]} {cells[1]} {share:>10s}")

    print(f"\nRAM after import, bytes   {'frozen':>8s} {'.mpy heap':>10s} {'+ image':>8s}"
          f" {'saved':>7s}")  # fmt: skip
    for r in ram:
        print(f"{r['module']:25s} {r['frozen_heap']:8d} {r['mpy_heap']:10d} {r['mpy_image']:8d}"
              f" {r['saved']:7d}")  # fmt: skip

    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                            capture_output=True, text=True).stdout.strip()  # fmt: skip
    record = {
        "date": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "commit": commit,
        "machine": platform.machine(),
        "runs": args.runs,
        "clock": "processor time, best of runs, start-up excluded",
        "upstream": str(args.upstream) if has_upstream else None,
        "results": [
            {
                "program": name,
                **{
                    f"{who}_s": (round(t.seconds, 6) if t.seconds is not None else None)
                    for who, t in (("ours", o), ("upstream", u), ("cpython", c))
                },
                **{
                    f"{who}_note": t.reason for who, t in (("ours", o), ("upstream", u)) if t.reason
                },
            }
            for name, o, u, c in rows
        ],  # fmt: skip
        "instructions": {name: {"ours": o, "upstream": u} for name, (o, u) in counts.items()},
        "ram_after_import": ram,
    }
    out = ROOT / "bench" / "results" / f"runtime-{record['date'][:10]}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(record, indent=2) + "\n")
    print(f"saved {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
