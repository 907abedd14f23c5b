"""The `mpforge` command line: a thin layer over the library API.

Each subcommand is one function `cmd_<name>(args) -> int` registered in `_COMMANDS`
with its argument setup. User mistakes arrive as MpforgeError and are printed as one
line on stderr with a non-zero exit; anything else is our bug and keeps its traceback.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable

from . import __version__
from .errors import MpforgeError

Command = Callable[[argparse.Namespace], int]
_COMMANDS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None], Command]] = {}


def command(name: str, help_text: str, setup: Callable[[argparse.ArgumentParser], None]):
    """Register a subcommand: `setup` adds its arguments, the function runs it."""

    def register(fn: Command) -> Command:
        _COMMANDS[name] = (help_text, setup, fn)
        return fn

    return register


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="mpforge", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"mpforge {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (help_text, setup, fn) in _COMMANDS.items():
        p = sub.add_parser(name, help=help_text, description=help_text)
        setup(p)
        p.set_defaults(func=fn)
    return parser


def main(argv: list[str] | None = None) -> int:
    from . import commands  # noqa: F401  (importing it registers every subcommand)

    argv = sys.argv[1:] if argv is None else argv
    # mpy-cross spells optimisation levels -O2, -O3: accept them as they are
    argv = [f"-O={a[2:]}" if re.fullmatch(r"-O\d", a) else a for a in argv]
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except MpforgeError as err:
        print(f"mpforge: {err}", file=sys.stderr)
        return err.exit_code
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
