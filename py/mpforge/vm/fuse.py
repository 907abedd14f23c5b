"""Superinstructions: common instruction sequences fused into one handler at decode time.

A function's decoded code holds one `(handler, arg, next)` entry per instruction,
indexed by byte offset. This pass replaces the entry at the start of a fusible
sequence with one handler that does the work of the whole sequence and continues
after it; the entries of the instructions inside the sequence stay, so a jump into
the middle of it still runs them one by one. Only sequences on one source line are
fused, so tracebacks name the same line. Fast paths cover small ints and floats
(`int`/`float` exactly, not `bool` or subclasses) for the operators whose host result
is MicroPython's; everything else goes through the generic operator.

Sequences (the VM's profile, docs/vm-performance.md, picks them):
  LOAD_FAST a, LOAD_FAST b | LOAD_CONST_SMALL_INT c, BINARY_OP  [, STORE_FAST d |
      POP_JUMP_IF_FALSE/TRUE t]
  LOAD_FAST a, LOAD_ATTR name
  LOAD_FAST a, STORE_FAST b  (no: rare) -- not fused
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from typing import Any

from ..mpy.opcodes import BINARY_OPS
from ..mpy.prelude import line_of_offset
from .attrs import load_attr
from .decode import Decoded
from .objects import NULL, Instance, mp_error

_NULL = NULL

# Operators whose host result on two ints (or floats, or a mix) is MicroPython's.
# Division and modulo only with a non-zero right-hand side (zero goes the generic way,
# which raises MicroPython's ZeroDivisionError).
_FAST: dict[str, Callable[[Any, Any], Any]] = {
    "LESS": operator.lt, "MORE": operator.gt, "EQUAL": operator.eq,
    "LESS_EQUAL": operator.le, "MORE_EQUAL": operator.ge, "NOT_EQUAL": operator.ne,
    "ADD": operator.add, "SUBTRACT": operator.sub, "MULTIPLY": operator.mul,
    "INPLACE_ADD": operator.add, "INPLACE_SUBTRACT": operator.sub,
    "INPLACE_MULTIPLY": operator.mul,
    "FLOOR_DIVIDE": operator.floordiv, "MODULO": operator.mod,
    "INPLACE_FLOOR_DIVIDE": operator.floordiv, "INPLACE_MODULO": operator.mod,
    "TRUE_DIVIDE": operator.truediv, "INPLACE_TRUE_DIVIDE": operator.truediv,
}  # fmt: skip
_INT_ONLY: dict[str, Callable[[Any, Any], Any]] = {
    "AND": operator.and_, "OR": operator.or_, "XOR": operator.xor,
    "INPLACE_AND": operator.and_, "INPLACE_OR": operator.or_, "INPLACE_XOR": operator.xor,
}  # fmt: skip
FAST_BY_INDEX: list[Callable[[Any, Any], Any] | None] = [_FAST.get(n) for n in BINARY_OPS]
INT_ONLY_BY_INDEX: list[Callable[[Any, Any], Any] | None] = [_INT_ONLY.get(n) for n in BINARY_OPS]
_NEEDS_NONZERO = frozenset(
    i for i, n in enumerate(BINARY_OPS) if "DIVIDE" in n or n.endswith("MODULO")
)


def _unbound() -> Exception:
    return mp_error("NameError", "local variable referenced before assignment")


def _binop(fast: Any, int_only: Any, generic: Any, nonzero: bool) -> Callable[[Any, Any], Any]:
    """One binary operator with its int/float fast path, as a plain function."""
    if fast is not None and nonzero:

        def op(lhs: Any, rhs: Any) -> Any:
            lc = lhs.__class__
            rc = rhs.__class__
            if (lc is int or lc is float) and (rc is int or rc is float) and rhs:
                return fast(lhs, rhs)
            return generic(lhs, rhs)

    elif fast is not None:

        def op(lhs: Any, rhs: Any) -> Any:
            lc = lhs.__class__
            rc = rhs.__class__
            if (lc is int or lc is float) and (rc is int or rc is float):
                return fast(lhs, rhs)
            return generic(lhs, rhs)

    elif int_only is not None:

        def op(lhs: Any, rhs: Any) -> Any:
            if lhs.__class__ is int and rhs.__class__ is int:
                return int_only(lhs, rhs)
            return generic(lhs, rhs)

    else:
        op = generic
    return op


def make_binop(index: int, generic: Any) -> Callable[[Any, Any], Any]:
    return _binop(
        FAST_BY_INDEX[index], INT_ONLY_BY_INDEX[index], generic, index in _NEEDS_NONZERO
    )


# -- fused handlers: (frame, arg, next) -> next offset ------------------------------------


def binary_op(frame: Any, op: Any, nxt: int) -> int:
    stack = frame.stack
    rhs = stack.pop()
    stack[-1] = op(stack[-1], rhs)
    return nxt


def ff_op(frame: Any, arg: tuple[int, int, Any], nxt: int) -> int:
    a, b, op = arg
    loc = frame.locals
    lhs = loc[a]
    rhs = loc[b]
    if lhs is _NULL or rhs is _NULL:
        raise _unbound()
    frame.stack.append(op(lhs, rhs))
    return nxt


def fc_op(frame: Any, arg: tuple[int, Any, Any], nxt: int) -> int:
    a, c, op = arg
    lhs = frame.locals[a]
    if lhs is _NULL:
        raise _unbound()
    frame.stack.append(op(lhs, c))
    return nxt


def ff_op_store(frame: Any, arg: tuple[int, int, Any, int], nxt: int) -> int:
    a, b, op, d = arg
    loc = frame.locals
    lhs = loc[a]
    rhs = loc[b]
    if lhs is _NULL or rhs is _NULL:
        raise _unbound()
    loc[d] = op(lhs, rhs)
    return nxt


def fc_op_store(frame: Any, arg: tuple[int, Any, Any, int], nxt: int) -> int:
    a, c, op, d = arg
    loc = frame.locals
    lhs = loc[a]
    if lhs is _NULL:
        raise _unbound()
    loc[d] = op(lhs, c)
    return nxt


def ff_op_jump_false(frame: Any, arg: tuple[int, int, Any, int], nxt: int) -> int:
    a, b, op, target = arg
    loc = frame.locals
    lhs = loc[a]
    rhs = loc[b]
    if lhs is _NULL or rhs is _NULL:
        raise _unbound()
    return nxt if op(lhs, rhs) else target


def fc_op_jump_false(frame: Any, arg: tuple[int, Any, Any, int], nxt: int) -> int:
    a, c, op, target = arg
    lhs = frame.locals[a]
    if lhs is _NULL:
        raise _unbound()
    return nxt if op(lhs, c) else target


def ff_op_jump_true(frame: Any, arg: tuple[int, int, Any, int], nxt: int) -> int:
    a, b, op, target = arg
    loc = frame.locals
    lhs = loc[a]
    rhs = loc[b]
    if lhs is _NULL or rhs is _NULL:
        raise _unbound()
    return target if op(lhs, rhs) else nxt


def fc_op_jump_true(frame: Any, arg: tuple[int, Any, Any, int], nxt: int) -> int:
    a, c, op, target = arg
    lhs = frame.locals[a]
    if lhs is _NULL:
        raise _unbound()
    return target if op(lhs, c) else nxt


def f_attr(frame: Any, arg: tuple[int, str], nxt: int) -> int:
    a, name = arg
    obj = frame.locals[a]
    if obj is _NULL:
        raise _unbound()
    if obj.__class__ is Instance:
        d = obj.mp_dict
        if name in d:
            frame.stack.append(d[name])
            return nxt
    frame.stack.append(load_attr(obj, name))
    return nxt


def load_attr_fast(frame: Any, name: str, nxt: int) -> int:
    stack = frame.stack
    obj = stack[-1]
    if obj.__class__ is Instance:
        d = obj.mp_dict
        if name in d:
            stack[-1] = d[name]
            return nxt
    stack[-1] = load_attr(obj, name)
    return nxt


_FAST_LOAD = ("LOAD_FAST_N", "LOAD_FAST_MULTI")
_STORE = ("STORE_FAST_N", "STORE_FAST_MULTI")


def fuse(decoded: Decoded) -> None:
    """Rewrite `decoded.code` in place with superinstructions (see the module doc)."""
    code = decoded.code
    names = decoded.names
    prelude = decoded.prelude
    line_info = prelude.line_info
    base = prelude.code_offset

    def line(off: int) -> int:
        return line_of_offset(line_info, off - base)

    # single instructions first: binary ops with fast paths, attribute loads
    for off, name in names.items():
        entry = code[off]
        if name == "BINARY_OP_MULTI":
            index = decoded.opcodes[off] - _BINARY_BASE
            code[off] = (binary_op, make_binop(index, entry[1]), entry[2])
        elif name == "LOAD_ATTR":
            code[off] = (load_attr_fast, entry[1], entry[2])
    for off in sorted(names):
        if names[off] not in _FAST_LOAD:
            continue
        first = code[off]
        second_off = first[2]
        second_name = names.get(second_off)
        if second_name is None:
            continue
        second = code[second_off]
        if second_name == "LOAD_ATTR":
            if line(off) == line(second_off):
                code[off] = (f_attr, (first[1], second[1]), second[2])
            continue
        if second_name in _FAST_LOAD:
            kind = "f"
        elif second_name in ("LOAD_CONST_SMALL_INT", "LOAD_CONST_SMALL_INT_MULTI"):
            kind = "c"
        else:
            continue
        third_off = second[2]
        if names.get(third_off) != "BINARY_OP_MULTI":
            continue
        third = code[third_off]
        op = third[1]
        if line(off) != line(third_off):
            continue
        fourth_off = third[2]
        fourth_name = names.get(fourth_off)
        fourth = code[fourth_off] if fourth_name is not None else None
        if fourth is not None and fourth_name in _STORE and line(fourth_off) == line(off):
            handler = ff_op_store if kind == "f" else fc_op_store
            code[off] = (handler, (first[1], second[1], op, fourth[1]), fourth[2])
        elif fourth is not None and fourth_name == "POP_JUMP_IF_FALSE":
            handler = ff_op_jump_false if kind == "f" else fc_op_jump_false
            code[off] = (handler, (first[1], second[1], op, fourth[1]), fourth[2])
        elif fourth is not None and fourth_name == "POP_JUMP_IF_TRUE":
            handler = ff_op_jump_true if kind == "f" else fc_op_jump_true
            code[off] = (handler, (first[1], second[1], op, fourth[1]), fourth[2])
        else:
            handler = ff_op if kind == "f" else fc_op
            code[off] = (handler, (first[1], second[1], op), third[2])


def _binary_base() -> int:
    from ..mpy import opcodes as opc

    for rng in opc.MULTI_RANGES:
        if rng.name == "BINARY_OP_MULTI":
            return rng.base
    raise AssertionError("no BINARY_OP_MULTI range")


_BINARY_BASE = _binary_base()
