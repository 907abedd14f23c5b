"""`mpforge deploy --board X [FIRMWARE] [--port P] [--baud B] [--dry-run]`: flash a board."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..cli import command


def _setup(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--board", required=True, help="board name (boards/NAME.yaml)")
    parser.add_argument(
        "firmware", nargs="?", type=Path, help="default: the board's build output (build/BOARD/...)"
    )
    parser.add_argument("--variant", default="", help="the board variant that was built")
    parser.add_argument("--port", help="serial port (esptool) or mounted drive (uf2)")
    parser.add_argument("--baud", type=int, help="esptool: baud rate after connecting")
    parser.add_argument("--dry-run", action="store_true", help="say what would be done")
    parser.add_argument("--no-verify", action="store_true", help="dfu: skip the read-back")
    parser.add_argument(
        "--timeout",
        type=float,
        default=30.0,
        help="QEMU boards: seconds the firmware may run (default 30)",
    )


@command("deploy", "flash firmware to a board by its deploy method (dfu, esptool, uf2)", _setup)
def cmd_deploy(args: argparse.Namespace) -> int:
    from ..build.board import load_board
    from ..deploy.base import DeployOptions
    from ..deploy.methods import deploy

    board = load_board(args.board, variant=args.variant)
    options = DeployOptions(
        port=args.port,
        baud=args.baud,
        dry_run=args.dry_run,
        verify=not args.no_verify,
        timeout=args.timeout,
    )
    result = deploy(board, args.firmware, options)
    if result.method == "qemu" and not result.dry_run:
        return result.status
    print(result.summary())
    return 0
