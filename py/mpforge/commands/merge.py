"""`mpforge merge`: several .mpy files into one that runs each in turn."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..cli import command
from ..errors import MpforgeError
from ..mpy.merge import merge_modules
from ..mpy.mpyfile import load_mpy, save_mpy


def _setup(p: argparse.ArgumentParser) -> None:
    p.add_argument("inputs", nargs="+", metavar="FILE.mpy")
    p.add_argument("-o", dest="output", required=True, metavar="ALL.mpy")


@command("merge", "merge .mpy files into one that runs each in turn (as mpy-tool)", _setup)
def cmd_merge(args: argparse.Namespace) -> int:
    modules = []
    for name in args.inputs:
        try:
            data = Path(name).read_bytes()
        except OSError as err:
            raise MpforgeError(f"{name}: cannot read: {err.strerror}") from None
        modules.append(load_mpy(data, name))
    Path(args.output).write_bytes(save_mpy(merge_modules(modules)))
    return 0
