"""The Python-hosted VM: runs compiled modules with MicroPython's semantics.

It behaves like MicroPython's unix port running a script: program output on stdout,
an uncaught exception's traceback on stderr and exit status 1, SystemExit's code as
the exit status (None is 0, an int its low byte, anything else 1).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, TextIO

from ..errors import MpforgeError
from ..mpy.mpyfile import CompiledModule, load_mpy
from .interp import Interpreter, VMError, host_recursion_limit
from .objects import EXC_TYPES, MpException
from .ops import exception_text, to_str

__all__ = ["VMError", "format_traceback", "run_module", "run_path"]


def format_traceback(exc: MpException) -> str:
    """The text MicroPython prints for an uncaught exception (py/obj.c's format)."""
    lines = []
    if exc.traceback:
        lines.append("Traceback (most recent call last):\n")
        # entries are recorded innermost first, printed outermost first
        for entry in reversed(exc.traceback):
            lines.append(f'  File "{entry.file}", line {entry.line}, in {entry.block}\n')
    lines.append(exception_text(exc) + "\n")
    return "".join(lines)


def _exit_status(exc: MpException) -> int:
    value = exc.mp_args[0] if exc.mp_args else None
    if value is None:
        return 0
    if isinstance(value, int):
        return int(value) & 0xFF
    return 1


def _print_exit_message(exc: MpException, err: TextIO) -> None:
    value = exc.mp_args[0] if exc.mp_args else None
    if value is not None and not isinstance(value, int):
        err.write(to_str(value) + "\n")


def run_module(
    module: CompiledModule,
    name: str = "__main__",
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    argv: list[str] | None = None,
    tracer: Any = None,
    search_dir: str | None = None,
) -> int:
    """Execute `module`; return the exit status MicroPython's unix port would give.

    `argv` is `sys.argv` as the program sees it; `tracer(frame, offset)`, when given,
    is called before every instruction (`mpforge run --trace` and `--coverage`).
    """
    out = stdout if stdout is not None else sys.stdout
    err = stderr if stderr is not None else sys.stderr
    vm = Interpreter(out, argv or [module.qstrs[0]])
    vm.tracer = tracer
    if search_dir is not None:
        vm.importer.set_script_dir(search_dir)
    old_limit = sys.getrecursionlimit()
    # each VM call level costs a few host frames; the VM enforces its own depth limit
    sys.setrecursionlimit(max(old_limit, host_recursion_limit()))
    try:
        vm.run_module(module, name)
    except MpException as exc:
        out.flush()
        if exc.is_instance_of(EXC_TYPES["SystemExit"]):
            return _exit_status(exc)
        err.write(format_traceback(exc))
        err.flush()
        return 1
    finally:
        sys.setrecursionlimit(old_limit)
    out.flush()
    return 0


def load_program(path: str) -> CompiledModule:
    """A .py file compiled with our compiler, or a .mpy file loaded as it is."""
    file = Path(path)
    try:
        data = file.read_bytes()
    except OSError as err:
        raise MpforgeError(f"{path}: can't open file: {err.strerror}") from None
    if file.suffix == ".mpy":
        return load_mpy(data, path)
    from ..compiler import compile_module  # the compiler is only needed for source files

    try:
        text = data.decode()
    except UnicodeDecodeError:
        raise MpforgeError(f"{path}: source file is not UTF-8") from None
    return compile_module(text, path)


def run_path(path: str, argv: list[str], tracer: Any = None) -> int:
    """Run a .py or .mpy file as `__main__`; `argv` holds the program's arguments."""
    return run_module(load_program(path), argv=[path, *argv], tracer=tracer)
