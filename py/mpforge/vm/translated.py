"""What translated functions (`translate.py`) call at run time: the slow paths and the
error mapping that the generated Python source leaves out of line.

Generated code does the common case inline (ints and floats, instance dict reads,
calls of other translated functions) and calls these for everything else, so that
each helper behaves exactly as the interpreter's handler for the same opcode.
"""

from __future__ import annotations

import sys
from types import TracebackType
from typing import Any

from .attrs import load_attr, load_method, store_attr
from .objects import (
    MISSING,
    NULL,
    Function,
    ModuleContext,
    MpException,
    Super,
    TracebackEntry,
    mp_error,
)
from .ops import expand_star_args, get_iter, host_error, subscr_error
from .types import type_name

# co_filename of every generated code object: how `current_scope` and tests tell a
# translated frame from the host's own
GENERATED_FILE = "<mpforge-translated>"


def unbound() -> MpException:
    return mp_error("NameError", "local variable referenced before assignment")


def name_error(name: str) -> MpException:
    return mp_error("NameError", f"name '{name}' isn't defined")


def missing_name(name: str) -> Any:
    raise name_error(name)


def recursion_error() -> MpException:
    return mp_error("RuntimeError", "maximum recursion depth exceeded")


def add_traceback(
    exc: MpException, tb: TracebackType | None, lines: list[int], ctx: ModuleContext, name: str
) -> None:
    """Append this frame's entry: the source line comes from the generated line the
    host traceback points at (its head is the catching frame, the translated one)."""
    line = lines[tb.tb_lineno] if tb is not None and tb.tb_lineno < len(lines) else 0
    exc.traceback.append(TracebackEntry(ctx.source_file, line, name))


def host_exception(err: Exception, lines: list[int], ctx: ModuleContext, name: str) -> MpException:
    """A host exception raised in a translated frame, as the interpreter's loop maps it;
    an unbound Python local is MicroPython's unbound local variable."""
    exc = unbound() if isinstance(err, UnboundLocalError) else host_error(err)
    add_traceback(exc, err.__traceback__, lines, ctx, name)
    return exc


def not_iterator(it: Any) -> MpException:
    return mp_error("TypeError", f"'{type_name(it)}' object isn't an iterator")


def subscr_load(obj: Any, index: Any) -> Any:
    try:
        return obj[index]
    except MpException:
        raise
    except Exception as err:
        raise subscr_error(obj, index, err, "load") from None


def subscr_store(obj: Any, index: Any, value: Any) -> None:
    try:
        if value is NULL:
            del obj[index]
        else:
            obj[index] = value
    except MpException:
        raise
    except Exception as err:
        raise subscr_error(obj, index, err, "delete" if value is NULL else "store") from None


def unhashable(key: Any) -> MpException:
    return mp_error("TypeError", f"unhashable type: '{type_name(key)}'")


def build_set(items: list[Any]) -> set[Any]:
    try:
        return set(items)
    except TypeError:
        raise mp_error("TypeError", "unhashable type") from None


def unpack(seq: Any, n: int) -> Any:
    """The items of `seq` for UNPACK_SEQUENCE, first item first."""
    items = seq if seq.__class__ is tuple or seq.__class__ is list else list(get_iter(seq))
    if len(items) != n:
        if len(items) < n:
            raise mp_error("ValueError", f"need more than {len(items)} values to unpack")
        raise mp_error("ValueError", f"too many values to unpack (expected {n})")
    return items


def unpack_ex(seq: Any, arg: int) -> list[Any]:
    """UNPACK_EX's pushes in push order (bottom of the stack first)."""
    n_before = arg & 0xFF
    n_after = (arg >> 8) & 0xFF
    items = list(get_iter(seq))
    if len(items) < n_before + n_after:
        raise mp_error("ValueError", f"need more than {len(items)} values to unpack")
    after = items[len(items) - n_after :] if n_after else []
    middle = items[n_before : len(items) - n_after]
    return [*reversed(after), middle, *reversed(items[:n_before])]


def delete_name(names: dict[str, Any], name: str) -> None:
    if name not in names:
        raise name_error(name)
    del names[name]


def delete_deref(cell: Any) -> None:
    if cell.empty:
        raise unbound()
    cell.value = None
    cell.empty = True


def load_super_method(sup: Any, cls: Any, obj: Any, name: str) -> tuple[Any, Any]:
    return load_method(Super(cls, obj), name)


def import_star(module: Any, names: dict[str, Any]) -> None:
    for key, value in module.dict.items():
        if not key.startswith("_"):
            names[key] = value


def call_var(vm: Any, fun: Any, self_obj: Any, pos: list[Any], kw: list[Any], bitmap: int) -> Any:
    """CALL_FUNCTION_VAR_KW / CALL_METHOD_VAR_KW: `*` and `**` arguments expanded."""
    args, kwargs = expand_star_args(pos, kw, bitmap)
    if self_obj is not NULL:
        args.insert(0, self_obj)
    return vm.call(fun, args, kwargs)


def make_function(
    vm: Any, ctx: ModuleContext, raw_code: Any, defaults: Any, default_kw: Any, closure: tuple
) -> Function:
    """MAKE_FUNCTION and friends, as the interpreter's `Frame._make_function`."""
    decoded = vm.decode(raw_code, ctx.module)
    return Function(
        raw_code,
        decoded.prelude,
        ctx,
        default_pos=defaults if defaults.__class__ is tuple else (),
        default_kw=default_kw if default_kw.__class__ is dict else None,
        closure=closure,
        code=decoded,
    )


def current_scope() -> tuple[dict[str, Any], dict[str, Any]]:
    """(globals, names) of the innermost running VM frame, translated or interpreted:
    what `globals()`, `locals()`, `dir()` and `exec` see."""
    from .interp import Frame

    run_codes = (Frame.run.__code__, Frame._run_traced.__code__)
    frame = sys._getframe(1)
    while frame is not None:
        code = frame.f_code
        if code.co_filename == GENERATED_FILE:
            scope = frame.f_locals["__scope__"]
            return scope, scope
        if code in run_codes:
            vm_frame = frame.f_locals["self"]
            return vm_frame.globals, vm_frame.names
        frame = frame.f_back
    raise AssertionError("no VM frame is running")


HELPERS: dict[str, Any] = {
    "_NULL": NULL,
    "_MISSING": MISSING,
    "_Fn": Function,
    "_MpExc": MpException,
    "_unbound": unbound,
    "_no_name": missing_name,
    "_recursion": recursion_error,
    "_tb": add_traceback,
    "_host": host_exception,
    "_not_iter": not_iterator,
    "_lsub": subscr_load,
    "_ssub": subscr_store,
    "_unhashable": unhashable,
    "_bset": build_set,
    "_unpack": unpack,
    "_unpack_ex": unpack_ex,
    "_del_name": delete_name,
    "_del_deref": delete_deref,
    "_lsuper": load_super_method,
    "_import_star": import_star,
    "_call_var": call_var,
    "_la": load_attr,
    "_sa": store_attr,
    "_lm": load_method,
    "_get_iter": get_iter,
}
