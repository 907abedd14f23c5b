"""The object model of the Python-hosted VM.

MicroPython values that behave like their CPython counterparts are held as the
Python values themselves (int, bool, str, None, tuple, float), so arithmetic and
printing come for free; only what differs gets a class here: functions, builtins,
exception types and instances, range.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..mpy.mpyfile import CompiledModule, RawCode
from ..mpy.prelude import Prelude

if TYPE_CHECKING:
    from .interp import Interpreter


# -- exceptions ----------------------------------------------------------------------


@dataclass(eq=False)
class ExcType:
    """A MicroPython exception class (BaseException and its built-in subclasses)."""

    name: str
    base: ExcType | None

    def is_subclass_of(self, other: ExcType) -> bool:
        t: ExcType | None = self
        while t is not None:
            if t is other:
                return True
            t = t.base
        return False


def _exc_types() -> dict[str, ExcType]:
    # (name, base) in an order where every base comes before its subclasses
    tree = [
        ("BaseException", None),
        ("SystemExit", "BaseException"),
        ("KeyboardInterrupt", "BaseException"),
        ("GeneratorExit", "BaseException"),
        ("Exception", "BaseException"),
        ("StopIteration", "Exception"),
        ("ArithmeticError", "Exception"),
        ("OverflowError", "ArithmeticError"),
        ("ZeroDivisionError", "ArithmeticError"),
        ("AssertionError", "Exception"),
        ("AttributeError", "Exception"),
        ("EOFError", "Exception"),
        ("ImportError", "Exception"),
        ("LookupError", "Exception"),
        ("IndexError", "LookupError"),
        ("KeyError", "LookupError"),
        ("MemoryError", "Exception"),
        ("NameError", "Exception"),
        ("OSError", "Exception"),
        ("RuntimeError", "Exception"),
        ("NotImplementedError", "RuntimeError"),
        ("SyntaxError", "Exception"),
        ("IndentationError", "SyntaxError"),
        ("TypeError", "Exception"),
        ("ValueError", "Exception"),
    ]
    types: dict[str, ExcType] = {}
    for name, base in tree:
        types[name] = ExcType(name, types[base] if base else None)
    return types


EXC_TYPES = _exc_types()


@dataclass(frozen=True)
class TracebackEntry:
    file: str
    line: int
    block: str


class MpException(Exception):
    """A MicroPython exception instance, raised through the host as a Python exception.

    Host exceptions are never used for MicroPython-level errors, so a bug in the VM
    (a Python TypeError, say) can't be mistaken for one in the program.
    """

    def __init__(self, exc_type: ExcType, args: tuple[Any, ...] = ()) -> None:
        super().__init__(exc_type.name, *args)
        self.exc_type = exc_type
        self.mp_args = args
        self.traceback: list[TracebackEntry] = []

    def is_instance_of(self, exc_type: ExcType) -> bool:
        return self.exc_type.is_subclass_of(exc_type)


def mp_error(type_name: str, message: str | None = None) -> MpException:
    """A new exception of a built-in type, with MicroPython's message as its argument."""
    return MpException(EXC_TYPES[type_name], () if message is None else (message,))


# -- functions -----------------------------------------------------------------------


@dataclass(eq=False)
class ModuleContext:
    """What every function of one loaded module shares: its tables and its globals."""

    module: CompiledModule
    globals: dict[str, Any]

    @property
    def source_file(self) -> str:
        return self.module.qstrs[0]


@dataclass(eq=False)
class Function:
    """A bytecode function: raw code bound to its module, defaults and closed-over cells."""

    raw_code: RawCode
    prelude: Prelude
    context: ModuleContext
    default_pos: tuple[Any, ...] = ()
    default_kw: dict[str, Any] | None = None
    closure: tuple[Cell, ...] = ()

    @property
    def name(self) -> str:
        return self.context.module.qstrs[self.prelude.name_index]


@dataclass(eq=False)
class Cell:
    value: Any = None
    empty: bool = True


BuiltinImpl = Callable[["Interpreter", list[Any], dict[str, Any]], Any]


@dataclass(eq=False)
class Builtin:
    name: str
    impl: BuiltinImpl


@dataclass(eq=False)
class BuiltinType:
    """A built-in type that is callable as a constructor (int, str, range, ...)."""

    name: str
    impl: BuiltinImpl


@dataclass(frozen=True)
class Range:
    start: int
    stop: int
    step: int

    def __iter__(self) -> Iterator[int]:
        return iter(range(self.start, self.stop, self.step))

    def __len__(self) -> int:
        return len(range(self.start, self.stop, self.step))


@dataclass(eq=False)
class HostIterator:
    """The iterator a FOR_ITER walks: wraps a host iterator over VM values."""

    it: Iterator[Any]
    kind: str = field(default="iterator")


# -- type names, as MicroPython's error messages spell them ------------------------


def type_name(obj: Any) -> str:
    if obj is None:
        return "NoneType"
    if isinstance(obj, bool):
        return "bool"
    if isinstance(obj, int):
        return "int"
    if isinstance(obj, str):
        return "str"
    if isinstance(obj, float):
        return "float"
    if isinstance(obj, complex):
        return "complex"
    if isinstance(obj, tuple):
        return "tuple"
    if isinstance(obj, bytes):
        return "bytes"
    if isinstance(obj, list):
        return "list"
    if isinstance(obj, dict):
        return "dict"
    if isinstance(obj, Function | Builtin):
        return "function"
    if isinstance(obj, Range):
        return "range"
    if isinstance(obj, HostIterator):
        return obj.kind
    if isinstance(obj, ExcType | BuiltinType):
        return "type"
    if isinstance(obj, MpException):
        return obj.exc_type.name
    return type(obj).__name__
