"""`mpforge compile`: .py -> .mpy, a drop-in for mpy-cross (v1.19, .mpy v6)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .. import __version__
from ..cli import command
from ..compiler import CompileError, compile_file
from ..errors import MpforgeError
from ..mpy.format import DEFAULT_SMALL_INT_BITS, MPY_VERSION


def _setup(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--version",
        action="version",
        version=f"mpforge {__version__}; mpforge compile emitting mpy v{MPY_VERSION}",
    )
    p.add_argument("inputs", nargs="+", metavar="FILE.py")
    p.add_argument("-o", dest="output", help="output file (default: input with .mpy)")
    p.add_argument("-d", dest="outdir", help="output directory, for several inputs")
    p.add_argument("-s", dest="source_name", help="source name stored in the .mpy")
    p.add_argument(
        "-O", dest="optimize", nargs="?", type=int, const=1, default=0, metavar="N",
        help="optimisation level (like -O, -O2, -O3 of mpy-cross)",
    )  # fmt: skip
    p.add_argument("-X", dest="impl_opts", action="append", default=[], metavar="OPT")
    p.add_argument("-march", dest="march", help=argparse.SUPPRESS)
    p.add_argument("-msmall-int-bits", dest="small_int_bits", type=int,
                   default=DEFAULT_SMALL_INT_BITS)  # fmt: skip


def _output_path(src: Path, args: argparse.Namespace) -> Path:
    if args.output:
        return Path(args.output)
    if args.outdir:
        return Path(args.outdir) / src.with_suffix(".mpy").name
    return src.with_suffix(".mpy")


@command("compile", "compile .py files to .mpy (bytecode format v6, as mpy-cross)", _setup)
def cmd_compile(args: argparse.Namespace) -> int:
    for opt in args.impl_opts:
        if opt != "emit=bytecode":
            raise MpforgeError(f"-X {opt}: only emit=bytecode is supported (native code is not)")
    if args.march:
        raise MpforgeError(f"-march={args.march}: native code is not supported; drop -march")
    if len(args.inputs) > 1 and (args.output or args.source_name):
        raise MpforgeError("-o and -s take one input file; use -d OUTDIR for several")
    failed = 0
    for name in args.inputs:
        src = Path(name)
        if not src.is_file():
            raise MpforgeError(f"{name}: no such file")
        try:
            data = compile_file(
                src,
                args.source_name or name,
                optimize=args.optimize,
                small_int_bits=args.small_int_bits,
            )
        except CompileError as err:
            # as mpy-cross reports it; the other files are still compiled
            sys.stderr.write(err.traceback_text())
            failed += 1
            continue
        out = _output_path(src, args)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(data)
    return 1 if failed else 0
