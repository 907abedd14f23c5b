"""`mpforge exec FILE.py --board X [--port P]` and `mpforge put FILE.mpy --board X [--port P]`:
run one module on running firmware through its serial loader; the exit status is the
program's (1 on an uncaught exception)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..cli import command
from ..errors import MpforgeError


def _setup(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path)
    parser.add_argument("--board", required=True, help="board name (boards/NAME.yaml)")
    parser.add_argument(
        "--port", help="serial port or URL; default: start the unix firmware or QEMU here"
    )
    parser.add_argument("--firmware", type=Path, help="default: the board's build output")
    parser.add_argument(
        "--timeout",
        type=float,
        default=10.0,
        help="seconds to wait for the loader to answer (default 10)",
    )


def _send(args: argparse.Namespace, mpy: bytes, name: str) -> int:
    from ..connect.repl import open_link

    link, transport = open_link(args.board, args.port, args.firmware, args.timeout)

    def echo(text: str) -> None:
        sys.stdout.write(text)
        sys.stdout.flush()

    try:
        status, _ = link.execute(mpy, name, echo)
    finally:
        transport.close()  # type: ignore[attr-defined]
    return status


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as err:
        raise MpforgeError(f"{path}: cannot read: {err.strerror}") from None


@command("exec", "compile a .py here and run it on firmware over the serial loader", _setup)
def cmd_exec(args: argparse.Namespace) -> int:
    from ..compiler import compile_source

    return _send(args, compile_source(_read(args.file), args.file.name), args.file.name)


@command("put", "send a compiled .mpy to firmware's serial loader and run it", _setup)
def cmd_put(args: argparse.Namespace) -> int:
    from ..mpy.mpyfile import load_mpy

    data = _read(args.file)
    load_mpy(data, str(args.file))  # a damaged file is refused here, not on the board
    return _send(args, data, args.file.name)
