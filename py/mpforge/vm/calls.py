"""Calls: binding arguments to a bytecode function's slots (MicroPython's rules and
messages, py/bc.c), instantiating classes (py/objtype.c) and building them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..errors import MpforgeError
from ..mpy import format as fmt
from .objects import (
    MISSING,
    NULL,
    BoundMethod,
    Builtin,
    Cell,
    Function,
    Instance,
    InstanceBase,
    MpException,
    MpType,
    mp_error,
    native_instance_class,
)
from .ops import host_error
from .types import OBJECT, type_name

if TYPE_CHECKING:
    from .interp import Frame

_VARARGS = fmt.SCOPE_FLAG_VARARGS
_VARKEYWORDS = fmt.SCOPE_FLAG_VARKEYWORDS
_DEFKWARGS = fmt.SCOPE_FLAG_DEFKWARGS


def _pos_mismatch(expected: int, given: int) -> MpException:
    return mp_error(
        "TypeError", f"function takes {expected} positional arguments but {given} were given"
    )


class CallMixin:
    """The calling half of the interpreter."""

    depth: int
    frame: Any

    def call(self, fun: Any, args: list[Any], kwargs: dict[str, Any] | None) -> Any:
        klass = fun.__class__
        if klass is Function:
            return self.call_function(fun, args, kwargs)
        if klass is BoundMethod:
            return self.call(fun.func, [fun.self_obj, *args], kwargs)
        if klass is MpType:
            return self.instantiate(fun, args, kwargs)
        if isinstance(fun, InstanceBase):
            method = fun.mp_type.lookup("__call__")
            if method is MISSING:
                raise mp_error("TypeError", f"'{type_name(fun)}' object isn't callable")
            return self.call(method, [fun, *args], kwargs)
        if klass is Builtin:
            fun = fun.fn
        elif not callable(fun) or klass is Cell:
            raise mp_error("TypeError", f"'{type_name(fun)}' object isn't callable")
        try:
            return fun(*args, **kwargs) if kwargs else fun(*args)
        except (MpException, MpforgeError):
            raise
        except Exception as err:
            raise host_error(err) from None

    def call_method(self, fun: Any, self_obj: Any, args: list[Any]) -> Any:
        if self_obj is not NULL:
            return self.call(fun, [self_obj, *args], None)
        return self.call(fun, args, None)

    def call_function(self, fun: Function, args: list[Any], kwargs: dict[str, Any] | None) -> Any:
        from .interp import Frame

        fast = fun.fast
        if fast is None:
            fast = self.prepare(fun)  # type: ignore[attr-defined]
        if fast:
            if not kwargs and len(args) == fun.fastn:
                return fast(*args)
            return fast(*bind_slots(fun, args, kwargs or {}))
        frame = Frame(self, fun)  # type: ignore[arg-type]
        if fun.simple and not kwargs:
            n = fun.prelude.signature.n_pos_args
            if len(args) != n:
                raise _pos_mismatch(n, len(args))
            frame.locals[:n] = args
            for slot in fun.prelude.cells:
                value = frame.locals[slot]
                frame.locals[slot] = Cell() if value is NULL else Cell(value, empty=False)
        else:
            bind_arguments(frame, args, kwargs or {})
        if fun.is_generator:
            from .generators import Generator

            return Generator(frame)
        return self.run_frame(frame)  # type: ignore[attr-defined]

    # -- classes ------------------------------------------------------------------------

    def instantiate(self, cls: MpType, args: list[Any], kwargs: dict[str, Any] | None) -> Any:
        if cls.ctor is not None:
            return cls.ctor(args, kwargs)
        if cls.host is not None and cls.host != ():
            raise mp_error("TypeError", f"can't create '{cls.name}' instances")
        new_fn = cls.lookup("__new__")
        if new_fn is not MISSING:
            fn = new_fn.func if hasattr(new_fn, "func") else new_fn
            obj = self.call(fn, [cls, *args], kwargs)
            if not (isinstance(obj, InstanceBase) and cls in obj.mp_type.mro):
                return obj
        else:
            obj = self.new_instance(cls, args)
        init = cls.lookup("__init__")
        if init is not MISSING:
            result = self.call(init, [obj, *args], kwargs)
            if result is not None:
                raise mp_error(
                    "TypeError", f"__init__() should return None, not '{type_name(result)}'"
                )
        elif args and not cls.is_exc and cls.native is None:
            raise mp_error(
                "TypeError", f"function takes 0 positional arguments but {len(args)} were given"
            )
        return obj

    def new_instance(self, cls: MpType, args: list[Any]) -> Any:
        if cls.is_exc:
            exc = MpException(cls, tuple(args))
            return exc
        native = cls.native
        if native is not None and isinstance(native.host, type):
            klass = native_instance_class(native.host)
            init_args = args if cls.lookup("__init__") is MISSING else []
            if native.host in (int, str, bytes, tuple, float, frozenset, complex):
                obj = klass.__new__(klass, *args)
            else:
                obj = klass.__new__(klass)
                native.host.__init__(obj, *init_args)
            obj.mp_type = cls
            obj.mp_dict = {}
            return obj
        return Instance(cls)

    def build_class(self, body: Function, name: str, *bases: Any, **kwargs: Any) -> MpType:
        from .interp import Frame

        class_dict: dict[str, Any] = {}
        frame: Frame = Frame(self, body, names=class_dict)  # type: ignore[arg-type]
        bind_arguments(frame, [], {})
        cell = self.run_frame(frame)  # type: ignore[attr-defined]
        for base in bases:
            if not isinstance(base, MpType):
                raise mp_error("TypeError", "type isn't an acceptable base type")
        cls = MpType(name, tuple(bases) or (OBJECT,), class_dict)
        cls.module = class_dict.get("__module__")
        if isinstance(cell, Cell):
            cell.value = cls
            cell.empty = False
        return cls


class _Slots:
    """The part of a frame `bind_arguments` fills, for a translated function's call."""

    __slots__ = ("fun", "locals")

    def __init__(self, fun: Function) -> None:
        self.fun = fun
        self.locals: list[Any] = [NULL] * fun.prelude.signature.n_state


def bind_slots(fun: Function, args: list[Any], kwargs: dict[str, Any]) -> list[Any]:
    """The argument slots of a translated function (it makes its cells itself)."""
    from .translate import n_params

    slots = _Slots(fun)
    bind_arguments(slots, args, kwargs, cells=False)  # type: ignore[arg-type]
    return slots.locals[: n_params(fun.prelude.signature)]


def bind_arguments(
    frame: Frame, args: list[Any], kwargs: dict[str, Any], cells: bool = True
) -> None:
    fun = frame.fun
    prelude = fun.prelude
    sig = prelude.signature
    if fun.closure:
        args = list(fun.closure) + args
    n_pos = sig.n_pos_args
    n_kwonly = sig.n_kwonly_args
    slots = frame.locals
    var_slot = n_pos + n_kwonly
    flags = sig.scope_flags
    if len(args) > n_pos:
        if not flags & _VARARGS:
            raise _pos_mismatch(n_pos - len(fun.closure), len(args) - len(fun.closure))
        slots[var_slot] = tuple(args[n_pos:])
        var_slot += 1
        args = args[:n_pos]
    elif flags & _VARARGS:
        slots[var_slot] = ()
        var_slot += 1
    slots[: len(args)] = args

    if not kwargs and not flags & _DEFKWARGS:
        n_required = n_pos - sig.n_def_pos_args
        if len(args) < n_required:
            raise _pos_mismatch(n_required - len(fun.closure), len(args) - len(fun.closure))
        for i in range(len(args), n_pos):
            slots[i] = fun.default_pos[i - n_required]
        if n_kwonly:
            names = [fun.context.module.qstrs[i] for i in prelude.arg_name_indices]
            raise mp_error(
                "TypeError", f"function missing required keyword argument '{names[n_pos]}'"
            )
        if flags & _VARKEYWORDS:
            slots[var_slot] = {}
    else:
        _bind_keywords(frame, kwargs, var_slot)
    if not cells:
        return
    for slot in prelude.cells:
        value = slots[slot]
        slots[slot] = Cell() if value is NULL else Cell(value, empty=False)


def _bind_keywords(frame: Frame, kwargs: dict[str, Any], var_slot: int) -> None:
    fun = frame.fun
    sig = fun.prelude.signature
    n_pos = sig.n_pos_args
    slots = frame.locals
    qstrs = fun.context.module.qstrs
    names = [qstrs[i] for i in fun.prelude.arg_name_indices]
    extra: dict[str, Any] | None = None
    if sig.scope_flags & _VARKEYWORDS:
        extra = slots[var_slot] = {}
    for key, value in kwargs.items():
        if key in names:
            j = names.index(key)
            if slots[j] is not NULL:
                raise mp_error("TypeError", f"function got multiple values for argument '{key}'")
            slots[j] = value
        elif extra is not None:
            extra[key] = value
        else:
            raise mp_error("TypeError", f"unexpected keyword argument '{key}'")
    n_required = n_pos - sig.n_def_pos_args
    for i in range(n_required, n_pos):
        if slots[i] is NULL:
            slots[i] = fun.default_pos[i - n_required]
    # MicroPython scans from the last positional argument down and reports the first
    # gap it meets by its index
    for i in range(n_pos - 1, -1, -1):
        if slots[i] is NULL:
            raise mp_error("TypeError", f"function missing required positional argument #{i}")
    defaults = fun.default_kw or {}
    for j in range(n_pos, n_pos + sig.n_kwonly_args):
        if slots[j] is NULL:
            if names[j] not in defaults:
                raise mp_error(
                    "TypeError", f"function missing required keyword argument '{names[j]}'"
                )
            slots[j] = defaults[names[j]]
