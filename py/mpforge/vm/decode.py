"""Decoding a function's bytecode once into the entries the interpreter loop runs.

Each instruction becomes `(handler, arg, next offset)` at its byte offset: the
argument already resolved (qstr index to str, constant index to the object, jump to
an absolute offset, a multi-opcode to its operand or operator function), so the loop
does no decoding at run time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..mpy import format as fmt
from ..mpy import opcodes as opc
from ..mpy.mpyfile import CompiledModule, RawCode
from ..mpy.prelude import Prelude, decode_prelude
from .ops import BINARY, UNARY

ArgKind = opc.ArgKind


@dataclass
class Decoded:
    prelude: Prelude
    code: list[Any]  # per byte offset: (handler, arg, next offset) or None
    opcodes: bytes  # the raw bytecode, for "which opcode is at this offset"
    start: int
    n_state: int
    names: dict[int, str]  # offset -> opcode name, for --trace


_MULTI = {rng.name: rng for rng in opc.MULTI_RANGES}


def _multi_of(op: int) -> tuple[str, int] | None:
    for rng in opc.MULTI_RANGES:
        if rng.base <= op < rng.base + rng.count:
            return rng.name, op - rng.base
    return None


def _plain(obj: Any) -> Any:
    """The loader keeps a float's source text in a float subclass; the VM wants the
    plain host value (its type, repr and arithmetic)."""
    if isinstance(obj, float) and obj.__class__ is not float:
        return float(obj)
    if isinstance(obj, complex) and obj.__class__ is not complex:
        return complex(obj)
    if obj.__class__ is tuple:
        return tuple(_plain(x) for x in obj)
    return obj


def decode_code(
    raw_code: RawCode,
    module: CompiledModule,
    dispatch: list[Callable[..., Any]],
    error: type[Exception],
) -> Decoded:
    if raw_code.kind != fmt.CODE_BYTECODE:
        raise error("native code in .mpy files is not supported by the Python VM")
    prelude = decode_prelude(raw_code.fun_data)
    data = raw_code.fun_data
    qstrs = module.qstrs
    objs = module.objs
    code: list[Any] = [None] * (len(data) + 1)
    names: dict[int, str] = {}
    ip = prelude.code_offset
    end = len(data)
    while ip < end:
        op = data[ip]
        start = ip
        ip += 1
        info = opc.BY_NUMBER.get(op)
        arg: Any = None
        if info is None:
            multi = _multi_of(op)
            if multi is None:
                name = "INVALID"
                handler = dispatch[op]
                arg = (op, start - prelude.code_offset, qstrs[prelude.name_index])
                code[start] = (handler, arg, ip)
                names[start] = name
                break
            name, n = multi
            if name == "LOAD_CONST_SMALL_INT_MULTI":
                arg = n - opc.SMALL_INT_MULTI_EXCESS
            elif name == "UNARY_OP_MULTI":
                arg = UNARY[n]
            elif name == "BINARY_OP_MULTI":
                arg = BINARY[n]
            else:
                arg = n
        else:
            name = info.name
            kind = info.arg
            if kind is ArgKind.QSTR:
                value, ip = fmt.decode_uint(data, ip)
                arg = qstrs[value]
            elif kind is ArgKind.UINT or kind is ArgKind.CHILD:
                arg, ip = fmt.decode_uint(data, ip)
            elif kind is ArgKind.SINT:
                arg, ip = fmt.decode_sint(data, ip)
            elif kind is ArgKind.CONST:
                value, ip = fmt.decode_uint(data, ip)
                arg = _plain(objs[value])
            elif kind is ArgKind.JUMP_SIGNED or kind is ArgKind.JUMP_UNSIGNED:
                b = data[ip]
                if b & 0x80:
                    offset = (b & 0x7F) | data[ip + 1] << 7
                    ip += 2
                    if kind is ArgKind.JUMP_SIGNED:
                        offset -= 0x4000
                else:
                    offset = b
                    ip += 1
                    if kind is ArgKind.JUMP_SIGNED:
                        offset -= 0x40
                arg = ip + offset
            if info.extra_byte:
                extra = data[ip]
                ip += 1
                if name == "UNWIND_JUMP":
                    arg = (arg, extra, start)
                else:
                    arg = (arg, extra)
            if name in ("RETURN_VALUE", "END_FINALLY"):
                arg = start
            if name == "YIELD_FROM":
                arg = start
        code[start] = (dispatch[op], arg, ip)
        names[start] = name
    return Decoded(
        prelude=prelude,
        code=code,
        opcodes=bytes(data) + b"\x00",
        start=prelude.code_offset,
        n_state=prelude.signature.n_state,
        names=names,
    )
