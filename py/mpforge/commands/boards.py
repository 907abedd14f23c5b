"""`mpforge boards [--json]` and `mpforge new-board NAME --like BOARD`."""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path
from typing import Any

from ..cli import command
from ..errors import MpforgeError


def board_summary(name: str, board_dir: Path | None = None) -> dict[str, Any]:
    """What `mpforge boards` shows of one board, from its merged YAML."""
    from ..build.board import load_board

    b = load_board(name, board_dir)
    return {
        "board": name,
        "name": b.get("name"),
        "port": b.port,
        "mcu": b.get("mcu", ""),
        "cpu": b.get("cpu", ""),
        "flash": b.get("memory.flash.size", 0),
        "ram": b.get("memory.ram.size", 0),
        "deploy": b.get("deploy.method", "none"),
        "qemu": b.get("run.machine", "") if b.get("run.method") == "qemu" else "",
        "variants": b.get("variants", []),
    }


def _kib(n: int) -> str:
    return f"{n // 1024}K" if n else "-"


def _setup_boards(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="one JSON list instead of a table")
    parser.add_argument("--board-dir", type=Path, help="boards outside the tree")


@command("boards", "list the boards: port, MCU, flash/RAM, deploy method, QEMU", _setup_boards)
def cmd_boards(args: argparse.Namespace) -> int:
    from ..build.board import board_names

    rows = [board_summary(n, args.board_dir) for n in board_names(args.board_dir)]
    if args.json:
        print(json.dumps(rows, indent=1))
        return 0
    header = ("BOARD", "PORT", "MCU", "FLASH", "RAM", "DEPLOY", "QEMU")
    table = [header] + [
        (
            r["board"],
            r["port"],
            r["mcu"] or "-",
            _kib(r["flash"]),
            _kib(r["ram"]),
            r["deploy"],
            r["qemu"] or "-",
        )  # fmt: skip
        for r in rows
    ]
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    for row in table:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
    return 0


def _setup_new(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", help="the new board's name (letters, digits, _)")
    parser.add_argument("--like", required=True, help="the board to start from")
    parser.add_argument("--board-dir", type=Path, help="where to write NAME.yaml (default boards/)")


@command(
    "new-board", "write boards/NAME.yaml from an existing board; it builds at once", _setup_new
)
def cmd_new_board(args: argparse.Namespace) -> int:
    from ..build.board import ROOT, display_path, load_board

    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", args.name):
        raise MpforgeError(f"{args.name!r}: a board name is letters, digits and _", 2)
    like = load_board(args.like)  # an unknown board names the known ones
    out_dir = args.board_dir or ROOT / "boards"
    target = out_dir / f"{args.name}.yaml"
    if target.exists():
        raise MpforgeError(f"{display_path(target)} exists already", 2)
    text = like.path.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^name: .*$", f"name: {args.name}", text, count=1)
    if not re.search(r"(?m)^name: ", text):
        text = f"name: {args.name}\n" + text
    header = f"# {args.name}: made from {args.like} by `mpforge new-board`; edit what differs.\n"
    out_dir.mkdir(parents=True, exist_ok=True)
    target.write_text(header + text, encoding="utf-8")
    load_board(args.name, out_dir)  # what was written must load
    print(f"wrote {display_path(target)}: build it with scons board={args.name}"
          + (f" board_dir={out_dir}" if args.board_dir else ""))  # fmt: skip
    return 0
