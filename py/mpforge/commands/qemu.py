"""`mpforge qemu FIRMWARE.elf [--module NAME]`: boot built firmware under QEMU."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..cli import command
from ..errors import MpforgeError


def _setup(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("elf", type=Path, help="firmware.elf, e.g. build/PYBV10/firmware.elf")
    parser.add_argument("--machine", default="netduinoplus2", help="qemu-system-arm -M value")
    parser.add_argument("--module", help="frozen module to run instead of main")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds (default 30)")


@command("qemu", "boot firmware under qemu-system-arm; exit status is the program's", _setup)
def cmd_qemu(args: argparse.Namespace) -> int:
    from ..deploy.qemu import run_qemu

    if not args.elf.is_file():
        raise MpforgeError(f"{args.elf}: no such firmware (build it with scons board=NAME)")
    result = run_qemu(args.elf, args.machine, args.module, args.timeout)
    if result.timed_out:
        print(f"mpforge: stopped QEMU after {args.timeout:g} s", file=sys.stderr)
    return result.status
