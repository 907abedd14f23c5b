"""`mpforge test [--target pyvm|unix|BOARD] [PATHS] [--junit FILE] [-j N]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..cli import command


def _setup(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", type=Path, help="programs or directories")
    parser.add_argument("--target", default="pyvm", help="pyvm (default), unix or a board")
    parser.add_argument("--junit", type=Path, help="write a JUnit XML report here")
    parser.add_argument("-j", "--jobs", type=int, default=0, help="parallel jobs (default: CPUs)")


@command("test", "run conformance programs on a target and compare with CPython", _setup)
def cmd_test(args: argparse.Namespace) -> int:
    from ..testing import SUITES, discover, run_programs
    from ..testing.runner import write_junit

    paths = args.paths or [p for p in (Path("tests") / s for s in SUITES) if p.is_dir()]
    programs = discover(paths)
    outcomes = run_programs(args.target, programs, args.jobs)
    counts = {"passed": 0, "failed": 0, "skipped": 0}
    for o in outcomes:
        counts[o.status] += 1
        if o.status == "failed":
            print(f"FAIL {o.program}\n{o.detail}")
        elif o.status == "skipped":
            print(f"skip {o.program}: {o.detail}")
    if args.junit:
        write_junit(args.junit, args.target, outcomes)
    print(f"{counts['passed']} passed, {counts['failed']} failed, {counts['skipped']} skipped")
    sys.stdout.flush()
    return 1 if counts["failed"] else 0
