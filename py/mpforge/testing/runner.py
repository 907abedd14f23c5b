"""Running programs on a target, in parallel, with a diff for each failure."""

from __future__ import annotations

import difflib
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from ..errors import MpforgeError
from .programs import Program, expected_output
from .targets import Target, get_target


@dataclass
class Outcome:
    program: str
    status: str  # "passed", "failed", "skipped"
    detail: str = ""
    seconds: float = 0.0


def check(target: Target, program: Program) -> Outcome:
    """One program on one target: skipped (missing features), passed or failed."""
    import time

    missing = target.missing(program.requires)
    if missing:
        return Outcome(program.name, "skipped", f"{target.name} lacks {', '.join(sorted(missing))}")
    start = time.monotonic()
    try:
        expected = expected_output(program.path, target.float_precision)
        status, output = target.run(program.path)
    except Exception as err:  # a compiler or build failure fails this program only
        return Outcome(program.name, "failed", f"{type(err).__name__}: {err}")
    seconds = time.monotonic() - start
    if output == expected and status == 0:
        return Outcome(program.name, "passed", seconds=seconds)
    diff = "".join(
        difflib.unified_diff(
            expected.splitlines(keepends=True),
            output.splitlines(keepends=True),
            "expected",
            target.name,
        )
    )
    return Outcome(program.name, "failed", f"exit status {status}\n{diff}", seconds)


def _worker(args: tuple[str, str]) -> Outcome:
    target_name, path = args
    return check(get_target(target_name), Program(Path(path)))


def run_programs(target_name: str, programs: list[Program], jobs: int = 0) -> list[Outcome]:
    target = get_target(target_name)
    runnable = [p for p in programs if not target.missing(p.requires)]
    if target_name != "pyvm" and runnable:
        try:
            target.prepare([p.path for p in runnable])
        except MpforgeError as err:  # the build failed: every program that needed it fails
            return [
                Outcome(p.name, "failed", str(err)) if p in runnable else check(target, p)
                for p in programs
            ]
    jobs = jobs or os.cpu_count() or 1
    if target_name != "pyvm" or jobs == 1:
        return [check(target, p) for p in programs]
    with ProcessPoolExecutor(jobs) as pool:
        return list(pool.map(_worker, [(target_name, str(p.path)) for p in programs], chunksize=4))


def write_junit(path: Path, target: str, outcomes: list[Outcome]) -> None:
    failures = sum(o.status == "failed" for o in outcomes)
    skipped = sum(o.status == "skipped" for o in outcomes)
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<testsuite name={quoteattr("mpforge-" + target)} tests="{len(outcomes)}" '
        f'failures="{failures}" skipped="{skipped}">',
    ]
    for o in outcomes:
        lines.append(
            f"  <testcase classname={quoteattr(target)} name={quoteattr(o.program)} "
            f'time="{o.seconds:.3f}">'
        )
        if o.status == "failed":
            lines.append(f'    <failure message="output differs">{escape(o.detail)}</failure>')
        elif o.status == "skipped":
            lines.append(f"    <skipped message={quoteattr(o.detail)}/>")
        lines.append("  </testcase>")
    lines.append("</testsuite>")
    path.write_text("\n".join(lines) + "\n")
