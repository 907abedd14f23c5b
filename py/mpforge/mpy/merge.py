"""Merging .mpy files: one module that behaves like importing each piece in turn.

As mpy-tool.py's merge: the pieces' qstr and constant tables are concatenated, each
piece's outer code becomes a child of a new outer function that calls them in order,
and the qstr and constant indices of every piece after the first are shifted by the
sizes of the tables before it. Shifted indices may need more bytes, so jumps and the
line table are re-laid out (`bytecode.shift_indices`). All pieces share one global
namespace, as with mpy-tool; tracebacks name the first piece's source file, since a
module has one source name (qstr 0).
"""

from __future__ import annotations

from ..errors import MpforgeError
from . import format as fmt
from . import opcodes as op
from .bytecode import shift_indices
from .mpyfile import CompiledModule, RawCode
from .prelude import Signature, encode_signature, encode_size


def _outer_code(n_pieces: int, name_index: int) -> bytes:
    """The new module code: MAKE_FUNCTION i; CALL_FUNCTION 0; POP_TOP for each piece."""
    code = bytearray()
    for i in range(n_pieces):
        code.append(op.NUMBER["MAKE_FUNCTION"])
        code += fmt.encode_uint(i)
        code.append(op.NUMBER["CALL_FUNCTION"])
        code += fmt.encode_uint(0)
        code.append(op.NUMBER["POP_TOP"])
    code += bytes([op.NUMBER["LOAD_CONST_NONE"], op.NUMBER["RETURN_VALUE"]])
    # one stack slot (the function, then its result); no arguments, no line table
    names = fmt.encode_uint(name_index)
    sig = encode_signature(Signature(1, 0, 0, 0, 0, 0))
    return sig + encode_size(len(names), 0) + names + bytes(code)


def merge_modules(modules: list[CompiledModule]) -> CompiledModule:
    """One module running `modules` in order; native code and mixed int widths refused."""
    if not modules:
        raise MpforgeError("merge: no modules given")
    if len(modules) == 1:
        return modules[0]
    for m in modules:
        if m.arch or any(rc.kind != fmt.CODE_BYTECODE for rc in m.raw_codes()):
            raise MpforgeError("merge: native code cannot be merged (bytecode only)")
    bits = {m.small_int_bits for m in modules}
    if len(bits) > 1:
        raise MpforgeError(f"merge: pieces differ in small-int bits {sorted(bits)}")
    qstrs: list[str] = []
    objs: list[object] = []
    children: list[RawCode] = []
    for m in modules:
        shifted = m.root if not qstrs and not objs else shift_indices(m.root, len(qstrs), len(objs))
        children.append(shifted)
        qstrs += m.qstrs
        objs += m.objs
    # qstr 1 of a compiled module is its outer scope's name, '<module>'
    name_index = 1 if len(modules[0].qstrs) > 1 else 0
    root = RawCode(fmt.CODE_BYTECODE, _outer_code(len(modules), name_index), children)
    return CompiledModule(qstrs=qstrs, objs=objs, root=root, small_int_bits=bits.pop())
