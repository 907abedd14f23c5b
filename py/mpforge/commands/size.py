"""`mpforge size ELF [--board X] [--json] [--chart FILE.svg]`."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from ..cli import command
from ..errors import MpforgeError


def _setup(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("elf", type=Path, help="the linked firmware (build/BOARD/firmware.elf)")
    parser.add_argument("--board", help="board whose flash and RAM to measure against "
                        "(default: the build directory's name, when it is a board)")  # fmt: skip
    parser.add_argument("--board-dir", type=Path, help="boards outside the tree")
    parser.add_argument("--map", type=Path, help="linker map (default: firmware.map beside it)")
    parser.add_argument("--json", action="store_true", help="the report as JSON")
    parser.add_argument("--chart", type=Path, metavar="FILE.svg", help="write an SVG bar chart")
    parser.add_argument("--top", type=int, default=15, help="files and symbols listed")


@command("size", "text/data/bss of a firmware and what takes the room", _setup)
def cmd_size(args: argparse.Namespace) -> int:
    from ..build.board import board_names, load_board
    from ..size.chart import size_chart
    from ..size.report import analyse, format_report

    if not args.elf.is_file():
        raise MpforgeError(f"{args.elf}: no such file (build it first: scons board=NAME)", 2)
    name = args.board
    if name is None:
        guess = args.elf.resolve().parent.name
        name = guess if guess in board_names(args.board_dir) else None
    memory = {}
    if name is not None:
        board = load_board(name, args.board_dir)
        memory = board.get("memory", {})
        name = board.build_name
    report = analyse(args.elf, memory, name or "", args.map)
    if args.chart is not None:
        try:
            args.chart.write_text(size_chart(report), encoding="utf-8")
        except OSError as err:
            raise MpforgeError(f"{args.chart}: cannot write: {err.strerror}", 2) from None
    if args.json:
        print(json.dumps(report.to_json(args.top), indent=1))
    else:
        print(format_report(report, args.top))
    return 0


def _setup_diff(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("base", help="the reference revision (a commit, branch or tag)")
    parser.add_argument("head", nargs="?", help="the revision compared (default: the working "
                        "tree, HEAD with uncommitted changes)")  # fmt: skip
    parser.add_argument("--boards", help="B1,B2,...: these boards (default: one per port)")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="the symbols that changed most, per board")  # fmt: skip
    parser.add_argument("--json", action="store_true", help="the result as JSON")
    parser.add_argument("--error-threshold", type=int, metavar="N",
                        help="exit 1 when any board grows by more than N bytes")  # fmt: skip
    parser.add_argument("--cache-dir", type=Path, help="SCons CacheDir both revisions share "
                        "(default ~/.cache/mpforge/scons-cache)")  # fmt: skip
    parser.add_argument("-C", "--repo", type=Path, default=Path.cwd(), help="the git repository")


@command("size-diff", "code-size change per board between two revisions", _setup_diff)
def cmd_size_diff(args: argparse.Namespace) -> int:
    import sys

    from ..size.diff import format_table, size_diff, to_json

    boards = [b for b in (args.boards or "").split(",") if b] or None
    progress = None if args.json else (lambda msg: print(msg, file=sys.stderr, flush=True))
    base, head, diffs = size_diff(args.repo, args.base, args.head, boards, args.cache_dir,
                                  progress)  # fmt: skip
    if args.json:
        print(json.dumps(to_json(base, head, diffs), indent=1))
    else:
        print(format_table(base, head, diffs, args.verbose))
    if any(d.failed for d in diffs):
        return 2
    if args.error_threshold is not None and any(d.delta > args.error_threshold for d in diffs):
        return 1
    return 0
