"""`mpforge dis`: what is inside an .mpy file (header, tables, functions, bytecode)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..cli import command
from ..errors import MpforgeError
from ..mpy.dis import dis_json, dis_text, find_source, load_info


def _setup(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE.mpy")
    p.add_argument("--source", metavar="FILE.py", help="source to interleave (default: beside)")
    p.add_argument("--json", action="store_true", help="machine-readable output")


@command("dis", "show what is inside an .mpy file", _setup)
def cmd_dis(args: argparse.Namespace) -> int:
    path = Path(args.file)
    info = load_info(path)
    if args.json:
        json.dump(dis_json(info), sys.stdout, indent=1)
        sys.stdout.write("\n")
        return 0
    source = Path(args.source) if args.source else find_source(path, info)
    lines = None
    if source is not None:
        try:
            lines = source.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError as err:
            raise MpforgeError(f"{source}: cannot read: {err.strerror}") from None
    sys.stdout.write(dis_text(info, lines))
    return 0
