"""`mpforge run --trace` and `--coverage`: per-instruction hooks on the VM loop.

The tracer is called before each instruction with the frame and the byte offset; the
interpreter only takes its slower traced loop when one is installed.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any, TextIO

from ..mpy.mpyfile import CompiledModule, RawCode
from ..mpy.prelude import decode_line_info, decode_prelude


class Tracer:
    """Writes `file:line  function  OPCODE arg` for each executed instruction."""

    def __init__(self, out: TextIO) -> None:
        self.out = out

    def __call__(self, frame: Any, ip: int) -> None:
        decoded = frame.decoded
        name = decoded.names.get(ip, "?")
        arg = decoded.code[ip][1]
        text = "" if arg is None or callable(arg) else f" {arg!r}"[:60]
        self.out.write(
            f"{frame.fun.context.source_file}:{frame.line_of(ip)}\t{frame.fun.name}\t"
            f"{ip - decoded.start:4d} {name}{text}\n"
        )


class Coverage:
    """Collects the executed source lines of every module the program runs."""

    def __init__(self) -> None:
        self.executed: dict[str, set[int]] = defaultdict(set)
        self.modules: dict[str, CompiledModule] = {}

    def __call__(self, frame: Any, ip: int) -> None:
        source = frame.fun.context.source_file
        self.executed[source].add(frame.line_of(ip))
        self.modules.setdefault(source, frame.fun.context.module)

    def report(self) -> str:
        """Per module: lines with code, lines run, percentage, and the missed lines."""
        rows = ["module                          lines   run   cover  missed"]
        for source, module in sorted(self.modules.items()):
            lines = code_lines(module)
            run = self.executed[source] & lines
            missed = sorted(lines - run)
            pct = 100.0 * len(run) / len(lines) if lines else 100.0
            rows.append(
                f"{source:30s} {len(lines):6d} {len(run):5d} {pct:6.1f}%  {_ranges(missed)}"
            )
        return "\n".join(rows) + "\n"


def code_lines(module: CompiledModule) -> set[int]:
    """Source lines that have bytecode, from the line tables of every raw code."""
    lines: set[int] = set()
    todo: list[RawCode] = [module.root]
    while todo:
        rc = todo.pop()
        todo.extend(rc.children)
        try:
            prelude = decode_prelude(rc.fun_data)
        except Exception:  # native code has no bytecode line table
            continue
        lines.update(line for _, line in decode_line_info(prelude.line_info))
        lines.add(_first_line(prelude.line_info))
    return lines


def _first_line(line_info: bytes) -> int:
    pairs = decode_line_info(line_info)
    return pairs[0][1] if pairs else 1


def _ranges(lines: list[int]) -> str:
    parts = []
    i = 0
    while i < len(lines):
        j = i
        while j + 1 < len(lines) and lines[j + 1] == lines[j] + 1:
            j += 1
        parts.append(str(lines[i]) if i == j else f"{lines[i]}-{lines[j]}")
        i = j + 1
    return ", ".join(parts)
