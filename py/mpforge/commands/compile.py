"""`mpforge compile`: .py -> .mpy, a drop-in for mpy-cross (v1.19, .mpy v6)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from functools import partial
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
        "-j", dest="jobs", type=int, default=1, metavar="N",
        help="compile several inputs in N processes (output is the same)",
    )  # fmt: skip
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
    if args.jobs < 1:
        raise MpforgeError(f"-j {args.jobs}: the number of processes must be at least 1")
    compile_one = partial(
        _compile_one,
        source_name=args.source_name,
        optimize=args.optimize,
        small_int_bits=args.small_int_bits,
    )
    jobs = min(args.jobs, len(args.inputs))
    if jobs == 1:
        return _write_results(args, map(compile_one, args.inputs))
    with ProcessPoolExecutor(jobs) as pool:
        # chunks amortise the hand-over; results come back in input order
        chunk = max(1, len(args.inputs) // (jobs * 8))
        return _write_results(args, pool.map(compile_one, args.inputs, chunksize=chunk))


def _compile_one(
    name: str, source_name: str | None, optimize: int, small_int_bits: int
) -> bytes | str | None:
    """The .mpy bytes, a rejection as mpy-cross prints it, or None: no such file."""
    src = Path(name)
    if not src.is_file():
        return None
    try:
        return compile_file(
            src, source_name or name, optimize=optimize, small_int_bits=small_int_bits
        )
    except CompileError as err:
        return err.traceback_text()


def _write_results(args: argparse.Namespace, results: Iterable[bytes | str | None]) -> int:
    failed = 0
    for name, result in zip(args.inputs, results, strict=True):
        if result is None:
            raise MpforgeError(f"{name}: no such file")
        if isinstance(result, str):
            # as mpy-cross reports it; the other files are still compiled
            sys.stderr.write(result)
            failed += 1
            continue
        out = _output_path(Path(name), args)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(result)
    return 1 if failed else 0
