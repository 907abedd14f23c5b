"""The REPL: read a statement, compile it on the host, run it on a target, print.

MicroPython's REPL prints the repr of an expression statement's value unless it is
None. Our compiler has no such mode, so `repl_source` rewrites each top-level
expression statement into an assignment and a print, keeping every other statement as
typed (CPython's `ast` finds the statements; its grammar covers what we compile).
Targets: the Python-hosted VM and firmware over the serial loader; on both, the
statements of a session share one module's globals.
"""

from __future__ import annotations

import ast
import codeop
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from ..compiler import CompileError, compile_source
from ..errors import MpforgeError
from .loader import LoaderLink

SOURCE_NAME = "<stdin>"
_VALUE = "_repl_value"


def repl_source(text: str) -> str:
    """`text` with each top-level expression statement printing its value."""
    try:
        tree = ast.parse(text)
    except SyntaxError:
        return text  # our compiler reports it, in MicroPython's words
    lines = text.splitlines(keepends=True)
    out = []
    for node in tree.body:
        segment = ast.get_source_segment(text, node) or ""
        if isinstance(node, ast.Expr):
            out.append(
                f"{_VALUE} = ({segment})\nif {_VALUE} is not None:\n    print(repr({_VALUE}))\n"
            )
        elif not hasattr(node, "body"):
            out.append(segment + "\n")  # simple statements, also those after a `;`
        else:
            # compound statements keep their lines whole (decorators, indentation)
            decorators = getattr(node, "decorator_list", None)
            first = decorators[0].lineno if decorators else node.lineno
            out.append("".join(lines[first - 1 : node.end_lineno]).rstrip("\n") + "\n")
    return "".join(out)


def compile_statement(text: str) -> bytes:
    return compile_source(repl_source(text), SOURCE_NAME)


class VmRunner:
    """Statements on the Python-hosted VM, sharing one module's globals."""

    def __init__(self, out: TextIO, err: TextIO) -> None:
        from ..vm.interp import Interpreter

        self.out, self.err = out, err
        self.vm = Interpreter(out, [""])
        self.globals: dict[str, object] = {"__name__": "__main__"}

    def run(self, text: str) -> int:
        from ..mpy.mpyfile import load_mpy
        from ..vm import format_traceback
        from ..vm.objects import MpException

        module = load_mpy(compile_statement(text), SOURCE_NAME)
        try:
            self.vm.exec_module(module, self.globals)
        except MpException as exc:
            self.out.flush()
            self.err.write(format_traceback(exc))
            return 1
        return 0


class LoaderRunner:
    """Statements on firmware through its serial loader."""

    def __init__(self, link: LoaderLink, out: TextIO) -> None:
        self.link, self.out = link, out

    def run(self, text: str) -> int:
        def echo(chunk: str) -> None:
            self.out.write(chunk)
            self.out.flush()

        status, _ = self.link.execute(compile_statement(text), SOURCE_NAME, echo, session=True)
        return status


def read_statement(read_line: Callable[[str], str]) -> str | None:
    """One complete statement, with `... ` continuation lines; None at end of input."""
    lines: list[str] = []
    while True:
        try:
            line = read_line(">>> " if not lines else "... ")
        except EOFError:
            return "\n".join(lines) + "\n" if lines else None
        lines.append(line)
        text = "\n".join(lines) + "\n"
        if not any(lines) or not text.strip():
            return ""
        try:
            complete = codeop.compile_command(text, SOURCE_NAME, "single")
        except (SyntaxError, ValueError, OverflowError):
            return text  # let our compiler say what is wrong
        # a compound statement ends at an empty line, as in MicroPython's REPL
        if complete is not None and (len(lines) == 1 or lines[-1] == ""):
            return text


def repl(
    runner: VmRunner | LoaderRunner,
    banner: str,
    read_line: Callable[[str], str] = input,
    err: TextIO = sys.stderr,
) -> int:
    """Read-compile-run until end of input; returns 0."""
    err.write(banner + "\n")
    while True:
        try:
            text = read_statement(read_line)
        except KeyboardInterrupt:
            err.write("\nKeyboardInterrupt\n")
            continue
        if text is None:
            err.write("\n")
            return 0
        if not text.strip():
            continue
        try:
            runner.run(text)
        except CompileError as error:
            err.write(f"{error}\n")  # a typo ends the statement, not the session


def open_link(
    board_name: str, port: str | None, firmware: Path | None = None, timeout: float = 10.0
) -> tuple[LoaderLink, object]:
    """The loader of `board_name`'s firmware: on `port`, else the unix firmware or QEMU
    started here. Returns the link and the transport (to close)."""
    from ..build.board import ROOT, load_board
    from .transport import ProcessTransport, QemuTransport, SerialTransport

    board = load_board(board_name)
    build = ROOT / "build" / board.build_name
    transport: SerialTransport | ProcessTransport
    if port:
        transport = SerialTransport(port, int(board.get("console.baud", 115200)))
        where = port
    elif board.port == "unix":
        exe = firmware or build / "firmware"
        if not exe.is_file():
            raise MpforgeError(f"{exe}: no such firmware (build it with scons board=unix)")
        transport = ProcessTransport([str(exe), "--serial"])
        where = f"{exe} --serial"
    elif board.get("run.method") == "qemu":
        from ..build.toolchain import find_tool  # noqa: F401  (checked by QemuTransport)

        elf = firmware or build / "firmware.elf"
        if not elf.is_file():
            raise MpforgeError(f"{elf}: no such firmware (build it with scons board={board.name})")
        transport = QemuTransport(elf, board.get("run.machine"), "__serial__")
        where = f"QEMU {board.get('run.machine')} serial"
    else:
        raise MpforgeError(f"board {board.name}: give the serial port with --port")
    link = LoaderLink(transport, where, timeout)
    try:
        link.hello()
    except MpforgeError:
        transport.close()
        raise
    return link, transport
