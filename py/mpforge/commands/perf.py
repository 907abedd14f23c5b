"""`mpforge perf --target T -o FILE.json [-n N] [-m M]` and `mpforge perf-diff A.json B.json`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..cli import command
from ..errors import MpforgeError


def _setup(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", type=Path,
                        help="programs or directories (default bench/vm_programs)")  # fmt: skip
    parser.add_argument("--target", default="unix", help="unix (default), pyvm or a QEMU board")
    parser.add_argument("-o", "--output", type=Path, required=True, help="result file (JSON)")
    parser.add_argument("-n", type=int, default=5, help="runs per program (default 5)")
    parser.add_argument("-m", type=int, default=10, help="iterations per run (default 10)")


@command("perf", "time the performance programs on a target: scores with their error", _setup)
def cmd_perf(args: argparse.Namespace) -> int:
    from ..perf import DEFAULT_PROGRAMS, run_perf

    programs: list[Path] = []
    for p in args.paths or [DEFAULT_PROGRAMS]:
        if p.is_dir():
            programs += sorted(p.glob("*.py"))
        elif p.is_file():
            programs.append(p)
        else:
            raise MpforgeError(f"{p}: no such file or directory", 2)
    if not programs:
        raise MpforgeError("no programs to run", 2)
    result = run_perf(args.target, programs, args.n, args.m,
                      lambda msg: print(msg, file=sys.stderr, flush=True))  # fmt: skip
    try:
        args.output.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    except OSError as err:
        raise MpforgeError(f"{args.output}: cannot write: {err.strerror}", 2) from None
    return 0


def _setup_diff(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("a", type=Path, help="the reference result file")
    parser.add_argument("b", type=Path, help="the result file compared")


@command("perf-diff", "diff of two perf result files (higher score is better)", _setup_diff)
def cmd_perf_diff(args: argparse.Namespace) -> int:
    from ..perf.diff import format_diff, load_result

    a, b = load_result(args.a), load_result(args.b)
    print(format_diff(a, b, args.a.stem, args.b.stem))
    return 0
