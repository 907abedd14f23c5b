"""Decoding and re-encoding one function's instructions, from the one opcode table.

Offsets are relative to the start of the bytecode proper (after the prelude), the
same base the line-number table uses. A jump's target is absolute: the offset just
after its 1- or 2-byte label plus the label's value (vm.c's DECODE_ULABEL/SLABEL),
so for UNWIND_JUMP the extra byte comes after the point the label counts from.

`check_module` runs the decoder over every bytecode function of a module, so that a
file which passes `load_mpy` can be walked by the disassembler, the freezer and the VM
without bounds checks of their own.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace

from ..errors import MpforgeError
from . import format as fmt
from . import opcodes as op
from .mpyfile import CompiledModule, RawCode
from .prelude import Prelude, decode_line_info, decode_prelude, encode_line_info, encode_size


@dataclass(frozen=True)
class Instruction:
    offset: int  # of the opcode byte, from the start of the bytecode
    size: int  # opcode, argument and extra byte
    opcode: int
    name: str  # the opcode's name; multi-opcodes by their range's name
    arg: int | None  # qstr/const/child index, uint, sint, operand, or absolute jump target
    extra: int | None = None  # the raw byte after the argument, if the opcode has one
    label_size: int = 0  # bytes of a jump's label (1 or 2)

    @property
    def is_jump(self) -> bool:
        return self.opcode in op.HAS_JUMP


class DecodeError(Exception):
    """Bad bytecode at `offset` (relative to the bytecode start)."""

    def __init__(self, offset: int, what: str) -> None:
        super().__init__(what)
        self.offset = offset
        self.what = what


def decode_instruction(code: bytes, pos: int) -> Instruction:
    """The instruction at `code[pos]`; DecodeError if it is unknown or runs off the end."""
    number = code[pos]
    rng = op.multi_range_of(number)
    if rng is not None:
        operand = number - rng.base
        if rng is op.LOAD_CONST_SMALL_INT_MULTI:
            operand -= op.SMALL_INT_MULTI_EXCESS
        return Instruction(pos, 1, number, rng.name, operand)
    opcode = op.BY_NUMBER.get(number)
    if opcode is None:
        raise DecodeError(pos, f"unknown opcode 0x{number:02x}")
    end = pos + 1
    arg: int | None = None
    label_size = 0
    try:
        if opcode.arg in (op.ArgKind.JUMP_SIGNED, op.ArgKind.JUMP_UNSIGNED):
            b = code[end]
            if b & 0x80:
                value = (b & 0x7F) | code[end + 1] << 7
                label_size = 2
                bias = 0x4000
            else:
                value = b
                label_size = 1
                bias = 0x40
            end += label_size
            if opcode.arg is op.ArgKind.JUMP_SIGNED:
                value -= bias
            arg = end + value
        elif opcode.arg is not op.ArgKind.NONE:
            b = code[end]
            value = -1 if opcode.arg is op.ArgKind.SINT and b & 0x40 else 0
            for _ in range(fmt.MAX_UINT_BYTES):
                b = code[end]
                end += 1
                value = (value << 7) | (b & 0x7F)
                if not b & 0x80:
                    break
            else:
                raise DecodeError(pos, f"{opcode.name}: argument too long")
            arg = value
        extra = None
        if opcode.extra_byte:
            extra = code[end]
            end += 1
    except IndexError:
        raise DecodeError(pos, f"{opcode.name}: instruction runs past the end") from None
    return Instruction(pos, end - pos, number, opcode.name, arg, extra, label_size)


def decode_instructions(code: bytes) -> list[Instruction]:
    """Every instruction of a function's bytecode (the part after the prelude)."""
    out = []
    pos = 0
    while pos < len(code):
        ins = decode_instruction(code, pos)
        out.append(ins)
        pos += ins.size
    return out


def safe_prelude(fun_data: bytes) -> Prelude:
    """decode_prelude, with every length checked; DecodeError (offset in fun_data) if bad."""
    try:
        pre = decode_prelude(fun_data)
    except IndexError:
        raise DecodeError(0, "prelude runs past the end of the function") from None
    if pre.code_offset > len(fun_data) or pre.line_info_offset > pre.code_offset - pre.n_cell:
        raise DecodeError(0, "prelude sizes run past the end of the function")
    return pre


def _check_raw_code(module: CompiledModule, rc: RawCode, source: str) -> None:
    def fail(offset: int, what: str) -> MpforgeError:
        from .mpyfile import mpy_error

        return mpy_error(source, rc.file_offset + offset, f"corrupt: {what}")

    # native Python code keeps a bytecode-style prelude at prelude_offset
    start = rc.prelude_offset if rc.kind == fmt.CODE_NATIVE_PY else 0
    try:
        pre = safe_prelude(rc.fun_data[start:])
    except DecodeError as err:
        raise fail(start + err.offset, err.what) from None
    for index in (pre.name_index, *pre.arg_name_indices):
        if index >= len(module.qstrs):
            raise fail(start, f"prelude names qstr {index} of {len(module.qstrs)}")
    if rc.kind == fmt.CODE_NATIVE_PY:
        return
    if pre.signature.n_state < pre.signature.n_pos_args + pre.signature.n_kwonly_args:
        raise fail(0, "prelude has fewer state slots than arguments")
    code = rc.fun_data[pre.code_offset :]
    base = pre.code_offset
    try:
        instructions = decode_instructions(code)
    except DecodeError as err:
        raise fail(base + err.offset, err.what) from None
    starts = {ins.offset for ins in instructions} | {len(code)}
    for ins in instructions:
        limit = None
        if ins.opcode in op.HAS_QSTR:
            limit, what = len(module.qstrs), "qstr"
        elif ins.opcode in op.HAS_CONST:
            limit, what = len(module.objs), "constant"
        elif ins.opcode in op.HAS_CHILD:
            limit, what = len(rc.children), "child"
        if limit is not None and not 0 <= (ins.arg or 0) < limit:
            raise fail(base + ins.offset, f"{ins.name}: {what} {ins.arg} of {limit}")
        if ins.is_jump and ins.arg not in starts:
            raise fail(base + ins.offset, f"{ins.name}: jump to {ins.arg}, not an instruction")


def check_module(module: CompiledModule, source: str) -> None:
    """Decode every bytecode function; MpforgeError at the first bad byte."""
    for rc in module.raw_codes():
        if rc.kind in (fmt.CODE_BYTECODE, fmt.CODE_NATIVE_PY):
            _check_raw_code(module, rc, source)


# -- re-encoding (merge) -------------------------------------------------------------


def encode_instructions(instructions: list[Instruction]) -> tuple[bytes, dict[int, int]]:
    """Bytes of `instructions` (whose jump targets are old offsets), and old -> new offsets.

    Arguments may have changed size, so jumps are re-laid out until no offset moves.
    A label only ever grows, never shrinks, so the loop ends.
    """
    label_sizes = [ins.label_size for ins in instructions]
    while True:
        new_offset: dict[int, int] = {}
        pos = 0
        for ins, label in zip(instructions, label_sizes, strict=True):
            new_offset[ins.offset] = pos
            pos += _encoded_size(ins, label)
        end_old = instructions[-1].offset + instructions[-1].size if instructions else 0
        new_offset[end_old] = pos
        out = bytearray()
        grown = False
        for i, ins in enumerate(instructions):
            data = _encode(ins, label_sizes[i], new_offset, len(out))
            if data is None:
                label_sizes[i] = 2
                grown = True
                break
            out += data
        if not grown:
            return bytes(out), new_offset


def _encoded_size(ins: Instruction, label: int) -> int:
    if ins.is_jump:
        return 1 + label + (ins.extra is not None)
    return len(_encode(ins, 0, {}, 0) or b"")


def _encode(ins: Instruction, label: int, new_offset: dict[int, int], pos: int) -> bytes | None:
    """One instruction at new offset `pos`; None if its jump does not fit `label` bytes."""
    out = bytearray([ins.opcode])
    opcode = op.BY_NUMBER.get(ins.opcode)
    if opcode is None or ins.arg is None:
        pass
    elif ins.is_jump:
        value = new_offset[ins.arg] - (pos + 1 + label)
        signed = opcode.arg is op.ArgKind.JUMP_SIGNED
        if label == 1:
            value += 0x40 if signed else 0
            if not 0 <= value <= 0x7F:
                return None
            out.append(value)
        else:
            value += 0x4000 if signed else 0
            if not 0 <= value <= 0x7FFF:
                raise MpforgeError("bytecode too long to re-encode: a jump exceeds 2 bytes")
            out += bytes([0x80 | (value & 0x7F), value >> 7])
    elif opcode.arg is op.ArgKind.SINT:
        out += fmt.encode_sint(ins.arg)
    else:
        out += fmt.encode_uint(ins.arg)
    if ins.extra is not None:
        out.append(ins.extra)
    return bytes(out)


def remap_offsets(
    pairs: list[tuple[int, int]], new_offset: dict[int, int]
) -> list[tuple[int, int]]:
    """Line-table (offset, line) pairs moved to where their instructions went."""
    starts = sorted(new_offset)
    out = []
    for offset, line in pairs:
        # an offset inside an instruction (a long skip split in two) keeps its distance
        i = bisect.bisect_right(starts, offset) - 1
        base = starts[max(i, 0)]
        out.append((new_offset[base] + offset - base, line))
    return out


def shift_indices(rc: RawCode, qstr_base: int, obj_base: int) -> RawCode:
    """A copy of bytecode `rc` (and its children) with qstr and constant indices shifted."""
    pre = safe_prelude(rc.fun_data)
    data = rc.fun_data
    code = data[pre.code_offset :]
    instructions = [
        replace(ins, arg=ins.arg + qstr_base)
        if ins.opcode in op.HAS_QSTR
        else replace(ins, arg=ins.arg + obj_base)
        if ins.opcode in op.HAS_CONST
        else ins
        for ins in decode_instructions(code)
    ]
    new_code, new_offset = encode_instructions(instructions)
    names = b"".join(
        fmt.encode_uint(i + qstr_base) for i in (pre.name_index, *pre.arg_name_indices)
    )
    lines = encode_line_info(remap_offsets(decode_line_info(pre.line_info), new_offset))
    sig_end = _signature_end(data)
    cells = data[pre.code_offset - pre.n_cell : pre.code_offset]
    info = names + lines
    fun_data = data[:sig_end] + encode_size(len(info), pre.n_cell) + info + cells + new_code
    return RawCode(
        kind=rc.kind,
        fun_data=fun_data,
        children=[shift_indices(child, qstr_base, obj_base) for child in rc.children],
    )


def _signature_end(data: bytes) -> int:
    pos = 0
    while data[pos] & 0x80:
        pos += 1
    return pos + 1
