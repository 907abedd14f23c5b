"""`mpforge dfu firmware.bin -o firmware.dfu`: wrap a raw image as a DfuSe file."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..cli import command
from ..errors import MpforgeError


def _setup(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("bin", type=Path, help="raw firmware image")
    parser.add_argument("-o", "--output", type=Path, help="default: the input with .dfu")
    parser.add_argument("--address", type=lambda s: int(s, 0), default=0x08000000)
    parser.add_argument("--usb-id", default="0483:df11", help="VID:PID (default 0483:df11)")


@command("dfu", "write a DfuSe (.dfu) file from a raw firmware image", _setup)
def cmd_dfu(args: argparse.Namespace) -> int:
    from ..deploy.dfu import firmware_dfu

    try:
        data = args.bin.read_bytes()
    except OSError as err:
        raise MpforgeError(f"{args.bin}: cannot read: {err.strerror}") from None
    out = args.output or args.bin.with_suffix(".dfu")
    out.write_bytes(firmware_dfu(data, args.address, args.usb_id))
    return 0
