"""`mpforge repl --board X [--port P]`: a REPL on firmware through its serial loader.

Each statement is compiled here and run by the firmware's loader. Without --port the
firmware is started here: the unix firmware with --serial, a QEMU board under QEMU
with its serial port on a local socket.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..cli import command


def _setup(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--board", required=True, help="board name (boards/NAME.yaml)")
    parser.add_argument(
        "--port",
        help="serial port or URL (socket://HOST:PORT); "
        "default: start the unix firmware or QEMU here",
    )
    parser.add_argument("--firmware", type=Path, help="default: the board's build output")
    parser.add_argument(
        "--timeout",
        type=float,
        default=10.0,
        help="seconds to wait for the loader to answer (default 10)",
    )


@command("repl", "interactive prompt on firmware: statements compiled here, run there", _setup)
def cmd_repl(args: argparse.Namespace) -> int:
    import sys

    from ..connect.repl import LoaderRunner, open_link, repl

    link, transport = open_link(args.board, args.port, args.firmware, args.timeout)
    try:
        return repl(
            LoaderRunner(link, sys.stdout),
            f"mpforge REPL on {args.board} ({link.where}); Ctrl-D exits",
        )
    finally:
        transport.close()  # type: ignore[attr-defined]
