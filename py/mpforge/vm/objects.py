"""The object model of the Python-hosted VM.

MicroPython values that behave like their CPython counterparts are held as the host
values themselves (int, float, complex, str, bytes, bytearray, tuple, list, dict, set,
frozenset, slice, range), so host operators and methods do the work. What differs gets
a class here: types (`MpType`, for built-in and user classes alike), instances of user
classes (`Instance`, and `MpException` for exception classes), functions, methods,
cells, modules.

User instances forward the host's special methods (`__add__`, `__eq__`, `__iter__`,
...) to the VM methods their class defines, so host containers and operators (sorting,
dict keys, `in`) work on them without a second implementation.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..mpy.mpyfile import CompiledModule, RawCode
from ..mpy.prelude import Prelude

if TYPE_CHECKING:
    from .interp import Interpreter


class _Runtime:
    """The interpreter running now: host callbacks (a VM function passed to `sorted`,
    an instance used as a dict key) re-enter the VM through it."""

    vm: Interpreter | None = None


RT = _Runtime()

MISSING: Any = object()  # "no such attribute", distinct from None
NULL: Any = object()  # an empty slot: unbound local, or "no self" under LOAD_METHOD


# -- types -----------------------------------------------------------------------------


class MpType:
    """A class: built-in (wrapping a host type in `host`) or defined by a program."""

    __slots__ = ("name", "bases", "dict", "mro", "host", "ctor", "is_exc", "native", "module")

    def __init__(
        self,
        name: str,
        bases: tuple[MpType, ...] = (),
        attrs: dict[str, Any] | None = None,
        host: type | tuple[type, ...] | None = None,
        ctor: Callable[..., Any] | None = None,
    ) -> None:
        self.name = name
        self.bases = bases
        self.dict: dict[str, Any] = attrs if attrs is not None else {}
        self.host = host
        self.ctor = ctor
        self.module: str | None = None
        # MicroPython looks attributes up depth-first, left to right (not C3)
        mro: list[MpType] = [self]
        for base in bases:
            for t in base.mro:
                if t not in mro:
                    mro.append(t)
        self.mro: tuple[MpType, ...] = tuple(mro)
        self.is_exc = any(t.name == "BaseException" and t.host is None for t in mro)
        # the built-in type whose host value instances of this class carry, if any
        self.native: MpType | None = next(
            (t for t in mro if t.host is not None and t.name != "object"), None
        )

    def lookup(self, name: str) -> Any:
        for t in self.mro:
            value = t.dict.get(name, MISSING)
            if value is not MISSING:
                return value
        return MISSING

    def is_subclass_of(self, other: MpType) -> bool:
        return other in self.mro

    def __repr__(self) -> str:
        return f"<class '{self.name}'>"

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        assert RT.vm is not None
        return RT.vm.call(self, list(args), kwargs)


# -- instances -------------------------------------------------------------------------


def _vm_method(obj: Any, name: str) -> Any:
    return obj.mp_type.lookup(name)


def _call(fun: Any, *args: Any) -> Any:
    assert RT.vm is not None
    return RT.vm.call(fun, list(args), None)


def _host_fallback(obj: Any, name: str) -> Any:
    """The host method a native base (list, dict, ...) gives, or None."""
    for klass in type(obj).__mro__[1:]:
        if klass is InstanceBase or klass is object:
            continue
        method = klass.__dict__.get(name)
        if method is not None:
            return method
    return None


def _forward(name: str, missing: Callable[[Any, str], Any]) -> Callable[..., Any]:
    def method(self: Any, *args: Any) -> Any:
        fun = self.mp_type.lookup(name)
        if fun is not MISSING:
            return _call(fun, self, *args)
        host = _host_fallback(self, name)
        if host is not None:
            return host(self, *args)
        return missing(self, name)

    method.__name__ = name
    return method


def _not_implemented(obj: Any, name: str) -> Any:
    return NotImplemented


def _type_error(obj: Any, name: str) -> Any:
    raise TypeError(name)


class InstanceBase:
    """Host behaviour of every program-defined instance: forwards to the VM class."""

    __slots__ = ()
    mp_type: MpType
    mp_dict: dict[str, Any]

    def __eq__(self, other: Any) -> Any:
        fun = self.mp_type.lookup("__eq__")
        if fun is not MISSING:
            return _call(fun, self, other)
        host = _host_fallback(self, "__eq__")
        return host(self, other) if host is not None else self is other

    def __ne__(self, other: Any) -> Any:
        fun = self.mp_type.lookup("__ne__")
        if fun is not MISSING:
            return _call(fun, self, other)
        result = self.__eq__(other)
        return result if result is NotImplemented else not _truth(result)

    def __hash__(self) -> int:
        fun = self.mp_type.lookup("__hash__")
        if fun is not MISSING:
            if fun is None:
                raise TypeError("unhashable type")
            return int(_call(fun, self))
        host = _host_fallback(self, "__hash__")
        if host is not None:
            return host(self)
        if self.mp_type.native is not None and "__hash__" in type(self).__mro__[2].__dict__:
            if type(self).__mro__[2].__dict__["__hash__"] is None:
                raise TypeError("unhashable type")
        return id(self) >> 4

    def __bool__(self) -> bool:
        fun = self.mp_type.lookup("__bool__")
        if fun is not MISSING:
            return _truth(_call(fun, self))
        fun = self.mp_type.lookup("__len__")
        if fun is not MISSING:
            return _truth(_call(fun, self))
        host = _host_fallback(self, "__len__")
        return bool(host(self)) if host is not None else True

    def __len__(self) -> int:
        fun = self.mp_type.lookup("__len__")
        if fun is not MISSING:
            return _call(fun, self)
        host = _host_fallback(self, "__len__")
        if host is not None:
            return host(self)
        raise TypeError("len")

    def __iter__(self) -> Any:
        fun = self.mp_type.lookup("__iter__")
        if fun is not MISSING:
            it = _call(fun, self)
            return it if hasattr(it, "__next__") else iter(it)
        host = _host_fallback(self, "__iter__")
        if host is not None:
            return host(self)
        getitem = self.mp_type.lookup("__getitem__")
        if getitem is not MISSING:
            return _getitem_iter(self, getitem)
        raise mp_error("TypeError", f"'{self.mp_type.name}' object isn't iterable")

    def __next__(self) -> Any:
        fun = self.mp_type.lookup("__next__")
        if fun is MISSING:
            raise mp_error("TypeError", f"'{self.mp_type.name}' object isn't an iterator")
        try:
            return _call(fun, self)
        except MpException as exc:
            if exc.mp_type.is_subclass_of(EXC_TYPES["StopIteration"]):
                raise StopIteration from None
            raise

    def __repr__(self) -> str:
        from .ops import to_repr

        return to_repr(self)

    def __str__(self) -> str:
        from .ops import to_str

        return to_str(self)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __getitem__(self, key: Any) -> Any:
        fun = self.mp_type.lookup("__getitem__")
        if fun is not MISSING:
            return _call(fun, self, key)
        host = _host_fallback(self, "__getitem__")
        if host is not None:
            return host(self, key)
        raise mp_error("TypeError", f"'{self.mp_type.name}' object isn't subscriptable")

    def __setitem__(self, key: Any, value: Any) -> None:
        fun = self.mp_type.lookup("__setitem__")
        if fun is not MISSING:
            _call(fun, self, key, value)
            return
        host = _host_fallback(self, "__setitem__")
        if host is not None:
            host(self, key, value)
            return
        raise mp_error("TypeError", f"'{self.mp_type.name}' object doesn't support item assignment")

    def __delitem__(self, key: Any) -> None:
        fun = self.mp_type.lookup("__delitem__")
        if fun is not MISSING:
            _call(fun, self, key)
            return
        host = _host_fallback(self, "__delitem__")
        if host is not None:
            host(self, key)
            return
        raise mp_error("TypeError", f"'{self.mp_type.name}' object doesn't support item deletion")

    def __contains__(self, item: Any) -> bool:
        fun = self.mp_type.lookup("__contains__")
        if fun is not MISSING:
            return _truth(_call(fun, self, item))
        host = _host_fallback(self, "__contains__")
        if host is not None:
            return host(self, item)
        return any(x == item for x in self)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        assert RT.vm is not None
        return RT.vm.call(self, list(args), kwargs)


def _truth(value: Any) -> bool:
    return bool(value)


def _getitem_iter(obj: Any, getitem: Any) -> Any:
    i = 0
    while True:
        try:
            value = _call(getitem, obj, i)
        except MpException as exc:
            if exc.mp_type.is_subclass_of(EXC_TYPES["IndexError"]) or exc.mp_type.is_subclass_of(
                EXC_TYPES["StopIteration"]
            ):
                return
            raise
        yield value
        i += 1


# operators: host dunder -> the VM special method it forwards to
_BINARY_DUNDERS = ("add sub mul matmul truediv floordiv mod pow lshift rshift and xor or").split()
for _name in _BINARY_DUNDERS:
    for _prefix in ("", "r", "i"):
        _dunder = f"__{_prefix}{_name}__"
        setattr(InstanceBase, _dunder, _forward(_dunder, _not_implemented))
for _dunder in ("__lt__", "__le__", "__gt__", "__ge__"):
    setattr(InstanceBase, _dunder, _forward(_dunder, _not_implemented))
for _dunder in ("__neg__", "__pos__", "__invert__", "__abs__", "__int__", "__float__"):
    setattr(InstanceBase, _dunder, _forward(_dunder, _type_error))


class Instance(InstanceBase):
    """An instance of a program-defined class with no built-in base."""

    __slots__ = ("mp_type", "mp_dict", "__weakref__")

    def __init__(self, mp_type: MpType) -> None:
        self.mp_type = mp_type
        self.mp_dict = {}


_native_classes: dict[type, type] = {}


def native_instance_class(host: type) -> type:
    """The host class for instances of a program class derived from built-in `host`:
    a subclass of `host` itself, so the value works wherever a `host` value does."""
    klass = _native_classes.get(host)
    if klass is None:
        klass = type(f"{host.__name__}_instance", (InstanceBase, host), {"__slots__": ()})
        klass = type(klass.__name__, (klass,), {})  # with a __dict__ for mp_dict
        _native_classes[host] = klass
    return klass


# -- exceptions ----------------------------------------------------------------------


@dataclass(frozen=True)
class TracebackEntry:
    file: str
    line: int
    block: str


class MpException(InstanceBase, Exception):
    """A MicroPython exception instance, raised through the host as a Python exception.

    Host exceptions are never raised as MicroPython-level errors by the VM itself, so a
    bug in the VM can't silently pass for an exception of the program.
    """

    def __init__(self, mp_type: MpType, args: tuple[Any, ...] = ()) -> None:
        Exception.__init__(self, mp_type.name)
        self.mp_type = mp_type
        self.mp_args = args
        self.mp_dict: dict[str, Any] = {}
        self.traceback: list[TracebackEntry] = []

    @property
    def exc_type(self) -> MpType:
        return self.mp_type

    def is_instance_of(self, mp_type: MpType) -> bool:
        return mp_type in self.mp_type.mro

    __hash__ = InstanceBase.__hash__


def _exc_types() -> dict[str, MpType]:
    # (name, base) in an order where every base comes before its subclasses
    tree = [
        ("BaseException", None),
        ("SystemExit", "BaseException"),
        ("KeyboardInterrupt", "BaseException"),
        ("GeneratorExit", "BaseException"),
        ("Exception", "BaseException"),
        ("StopIteration", "Exception"),
        ("StopAsyncIteration", "Exception"),
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
        ("UnicodeError", "ValueError"),
    ]
    types: dict[str, MpType] = {}
    for name, base in tree:
        types[name] = MpType(name, (types[base],) if base else ())
    return types


EXC_TYPES = _exc_types()


def mp_error(type_name: str, message: Any = None) -> MpException:
    """A new exception of a built-in type, with MicroPython's message as its argument."""
    return MpException(EXC_TYPES[type_name], () if message is None else (message,))


# -- functions -----------------------------------------------------------------------


@dataclass(eq=False)
class ModuleContext:
    """What every function of one loaded module shares: its tables and its globals."""

    module: CompiledModule
    globals: dict[str, Any]
    # id(raw code) -> its translated Python function bound to these globals, or False
    # when it stays interpreted (vm/translate.py)
    fast: dict[int, Any] = field(default_factory=dict)

    @property
    def source_file(self) -> str:
        return self.module.qstrs[0]


class Function:
    """A bytecode function: raw code bound to its module, defaults and closed-over cells."""

    __slots__ = (
        "raw_code", "prelude", "context", "default_pos", "default_kw", "closure", "code",
        "is_generator", "simple", "name", "fast", "fastn",
    )  # fmt: skip

    def __init__(
        self,
        raw_code: RawCode,
        prelude: Prelude,
        context: ModuleContext,
        default_pos: tuple[Any, ...] = (),
        default_kw: dict[str, Any] | None = None,
        closure: tuple[Cell, ...] = (),
        code: Any = None,
    ) -> None:
        self.raw_code = raw_code
        self.prelude = prelude
        self.context = context
        self.default_pos = default_pos
        self.default_kw = default_kw
        self.closure = closure
        self.code = code
        sig = prelude.signature
        self.is_generator = bool(sig.scope_flags & 0x01)
        # positional-only, no defaults, no */**: the fast call path binds by slicing
        self.simple = (
            not sig.scope_flags & 0x0E
            and not sig.n_kwonly_args
            and not sig.n_def_pos_args
            and not closure
        )
        self.name = context.module.qstrs[prelude.name_index]
        # the translated Python function (None: not looked up yet, False: interpreted)
        # and how many positional arguments a call can pass it directly (-1: none)
        self.fast: Any = None
        self.fastn = -2

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        assert RT.vm is not None
        return RT.vm.call(self, list(args), kwargs)


class BoundMethod:
    __slots__ = ("self_obj", "func")

    def __init__(self, self_obj: Any, func: Any) -> None:
        self.self_obj = self_obj
        self.func = func

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        assert RT.vm is not None
        return RT.vm.call(self.func, [self.self_obj, *args], kwargs)

    def __eq__(self, other: Any) -> bool:
        return (
            isinstance(other, BoundMethod)
            and other.self_obj is self.self_obj
            and other.func is self.func
        )

    def __hash__(self) -> int:
        return hash((id(self.self_obj), id(self.func)))


class Cell:
    __slots__ = ("value", "empty")

    def __init__(self, value: Any = None, empty: bool = True) -> None:
        self.value = value
        self.empty = empty


class Builtin:
    """A function implemented in the host: called with VM values as host arguments."""

    __slots__ = ("name", "fn")

    def __init__(self, name: str, fn: Callable[..., Any]) -> None:
        self.name = name
        self.fn = fn

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self.fn(*args, **kwargs)


class StaticMethod:
    __slots__ = ("func",)

    def __init__(self, func: Any) -> None:
        self.func = func


class ClassMethod:
    __slots__ = ("func",)

    def __init__(self, func: Any) -> None:
        self.func = func


class Property:
    __slots__ = ("fget", "fset", "fdel")

    def __init__(self, fget: Any = None, fset: Any = None, fdel: Any = None) -> None:
        self.fget = fget
        self.fset = fset
        self.fdel = fdel

    def mp_getattr(self, name: str) -> Any:
        # @x.setter and friends: a new property with one accessor replaced
        if name == "getter":
            return Builtin(name, lambda f: Property(f, self.fset, self.fdel))
        if name == "setter":
            return Builtin(name, lambda f: Property(self.fget, f, self.fdel))
        if name == "deleter":
            return Builtin(name, lambda f: Property(self.fget, self.fset, f))
        return MISSING


class Super:
    __slots__ = ("cls", "obj")

    def __init__(self, cls: MpType, obj: Any) -> None:
        self.cls = cls
        self.obj = obj


class Module:
    __slots__ = ("name", "dict", "__weakref__")

    def __init__(self, name: str, attrs: dict[str, Any] | None = None) -> None:
        self.name = name
        self.dict = attrs if attrs is not None else {"__name__": name}


class Unwind:
    """What a finally block sees on the stack while a return or jump unwinds through
    it: MicroPython keeps (data, cause) in two slots, one object is enough here."""

    __slots__ = ("cause", "data")

    def __init__(self, cause: int, data: Any) -> None:
        self.cause = cause
        self.data = data
