"""The compiler: MicroPython source -> .mpy v6 bytecode, byte-identical with mpy-cross.

    compile_source(text, source_name) -> bytes     the .mpy file
    compile_module(text, source_name) -> CompiledModule
    compile_file(path) -> bytes

Errors are `CompileError` (a MpforgeError) carrying MicroPython's exception type,
message, file and line. IS_NATIVE says whether the mypyc build runs (see native.py).
"""

# ruff: noqa: E402 -- the native modules must be on __path__ before the first import
from __future__ import annotations

import gc
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from . import native

IS_NATIVE = native.activate(__path__)

from ..mpy.format import DEFAULT_SMALL_INT_BITS
from ..mpy.mpyfile import CompiledModule, save_mpy
from ..mpy.static_qstrs import STATIC_QSTRS
from .compiler import compile_tree
from .errors import CompileError
from .known_qstrs import MPY_CROSS_LONG_QSTRS
from .parser import parse

__all__ = ["CompileError", "compile_file", "compile_module", "compile_source"]


# The parser, the compiler and the .mpy writer recurse a few times per nesting level of
# the source, up to parser.MAX_NESTING levels; Python 3.11 calls between Python
# functions do not grow the C stack, so a deep limit is safe.
_RECURSION_LIMIT = 20000


@contextmanager
def _compiling(source_name: str) -> Iterator[None]:
    """Deep recursion allowed, and the cyclic garbage collector paused: the compiler
    makes no reference cycles (a test checks), so collections while it allocates its
    many small nodes would only cost time. Nesting past the limit is MicroPython's
    RuntimeError."""
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(max(old, _RECURSION_LIMIT))
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    except RecursionError:
        raise CompileError(
            "RuntimeError", "maximum recursion depth exceeded", source_name, 1
        ) from None
    finally:
        if gc_was_enabled:
            gc.enable()
        sys.setrecursionlimit(old)


def compile_module(
    text: str | bytes,
    source_name: str,
    *,
    optimize: int = 0,
    small_int_bits: int = DEFAULT_SMALL_INT_BITS,
    file_name: str | None = None,
) -> CompiledModule:
    """Compile module source; `source_name` is what tracebacks and the .mpy record.

    Syntax errors found while parsing name `file_name` (the file as opened) when it is
    given, as mpy-cross does when `-s` renames the source.
    """
    with _compiling(source_name):
        return _compile(text, source_name, optimize, small_int_bits, file_name)


def _compile(
    text: str | bytes, source_name: str, optimize: int, small_int_bits: int, file_name: str | None
) -> CompiledModule:
    # a function of its own so that the tree is freed before the collector resumes
    interned = set(STATIC_QSTRS) | MPY_CROSS_LONG_QSTRS
    tree = parse(text, file_name or source_name, small_int_bits, interned, optimize)
    return compile_tree(tree, source_name, optimize, small_int_bits)


def compile_source(
    text: str | bytes,
    source_name: str,
    *,
    optimize: int = 0,
    small_int_bits: int = DEFAULT_SMALL_INT_BITS,
    file_name: str | None = None,
) -> bytes:
    with _compiling(source_name):
        return save_mpy(_compile(text, source_name, optimize, small_int_bits, file_name))


def compile_file(
    path: str | Path,
    source_name: str | None = None,
    *,
    optimize: int = 0,
    small_int_bits: int = DEFAULT_SMALL_INT_BITS,
) -> bytes:
    """Compile a .py file; the source name defaults to the path as given (as mpy-cross)."""
    path = Path(path)
    try:
        # bytes, not text: MicroPython compiles strings that are not UTF-8 as they are
        text = path.read_bytes()
    except FileNotFoundError:
        raise CompileError("OSError", "[Errno 2] ENOENT", str(path), 0) from None
    return compile_source(
        text,
        source_name if source_name is not None else str(path),
        optimize=optimize,
        small_int_bits=small_int_bits,
        file_name=str(path),
    )
