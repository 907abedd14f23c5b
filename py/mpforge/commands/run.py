"""`mpforge run FILE.py|FILE.mpy [args]`: run a program on the Python-hosted VM."""

from __future__ import annotations

import argparse

from ..cli import command


def _setup(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="a .py source file or a compiled .mpy file")
    parser.add_argument("args", nargs=argparse.REMAINDER, help="arguments for the program")


@command("run", "run a .py or .mpy file on the Python-hosted VM", _setup)
def cmd_run(args: argparse.Namespace) -> int:
    from ..vm import run_path

    return run_path(args.file, args.args)
