"""`mpforge run FILE.py|FILE.mpy [args]`: run a program on the Python-hosted VM.

Without a file it is a REPL on the VM (globals kept between statements).

`--trace` writes every executed instruction with its source line to stderr;
`--coverage` prints line coverage of the program's modules when it ends.
"""

from __future__ import annotations

import argparse
import sys

from ..cli import command


def _setup(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--trace", action="store_true", help="trace each instruction (stderr)")
    parser.add_argument("--coverage", action="store_true", help="report line coverage")
    parser.add_argument(
        "file", nargs="?", help="a .py source file or a compiled .mpy file (none: a REPL)"
    )
    parser.add_argument("args", nargs=argparse.REMAINDER, help="arguments for the program")


@command("run", "run a .py or .mpy file on the Python-hosted VM", _setup)
def cmd_run(args: argparse.Namespace) -> int:
    from ..vm import run_path
    from ..vm.trace import Coverage, Tracer

    if args.file is None:
        from ..connect.repl import VmRunner, repl

        return repl(VmRunner(sys.stdout, sys.stderr), "mpforge REPL on the Python VM; Ctrl-D exits")

    tracer = None
    coverage = None
    if args.coverage:
        coverage = Coverage()
        tracer = coverage
    if args.trace:
        trace = Tracer(sys.stderr)
        if coverage is not None:
            cov = coverage

            def both(frame: object, ip: int) -> None:
                trace(frame, ip)
                cov(frame, ip)

            tracer = both
        else:
            tracer = trace
    status = run_path(args.file, args.args, tracer=tracer)
    if coverage is not None:
        sys.stdout.write(coverage.report())
    return status
