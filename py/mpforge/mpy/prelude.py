"""The prelude at the start of every bytecode function (bc.h's layout).

    signature    var-length, six values bit-interleaved: n_state, n_exc_stack,
                 scope flags, n_pos_args, n_kwonly_args, n_def_pos_args
    size         var-length, two values interleaved: n_info, n_cell
    info         n_info bytes: simple name (qstr index), each argument's name
                 (qstr index), then the line-number table
    cells        n_cell bytes: the local slot of each variable that is a cell
    bytecode     everything after

The encoder is used by the compiler's emitter, the decoder by the VM, the
disassembler and the freezer.
"""

from __future__ import annotations

from dataclasses import dataclass

from .format import decode_uint


@dataclass(frozen=True)
class Signature:
    n_state: int
    n_exc_stack: int
    scope_flags: int
    n_pos_args: int
    n_kwonly_args: int
    n_def_pos_args: int


@dataclass(frozen=True)
class Prelude:
    signature: Signature
    n_info: int
    n_cell: int
    name_index: int  # qstr index of the function's simple name
    arg_name_indices: tuple[int, ...]  # qstr indices, pos args then kw-only args
    line_info: bytes  # the encoded line-number table
    line_info_offset: int  # where the line-number table starts in fun_data
    cells: tuple[int, ...]  # local slots that become cells
    code_offset: int  # where the bytecode proper starts in fun_data


def encode_signature(sig: Signature) -> bytes:
    s = sig.n_state - 1
    e = sig.n_exc_stack
    f = sig.scope_flags & 0x0F
    a = sig.n_pos_args
    k = sig.n_kwonly_args
    d = sig.n_def_pos_args
    out = bytearray()
    # first byte xSSSSEAA, then xFSSKAED while anything is left
    z = (s & 0xF) << 3 | (e & 1) << 2 | (a & 3)
    s >>= 4
    e >>= 1
    a >>= 2
    while s | e | f | a | k | d:
        out.append(0x80 | z)
        z = (f & 1) << 6 | (s & 3) << 4 | (k & 1) << 3 | (a & 1) << 2 | (e & 1) << 1 | (d & 1)
        s >>= 2
        e >>= 1
        f >>= 1
        a >>= 1
        k >>= 1
        d >>= 1
    out.append(z)
    return bytes(out)


def decode_signature(data: bytes, pos: int) -> tuple[Signature, int]:
    z = data[pos]
    pos += 1
    s = (z >> 3) & 0xF
    e = (z >> 2) & 1
    f = 0
    a = z & 3
    k = 0
    d = 0
    n = 0
    while z & 0x80:
        z = data[pos]
        pos += 1
        s |= (z & 0x30) << (2 * n)
        e |= (z & 0x02) << n
        f |= ((z & 0x40) >> 6) << n
        a |= (z & 0x04) << n
        k |= ((z & 0x08) >> 3) << n
        d |= (z & 0x01) << n
        n += 1
    return Signature(s + 1, e, f, a, k, d), pos


def encode_size(n_info: int, n_cell: int) -> bytes:
    # xIIIIIIC repeated: six bits of n_info and one of n_cell per byte
    out = bytearray()
    while True:
        z = (n_info & 0x3F) << 1 | (n_cell & 1)
        n_info >>= 6
        n_cell >>= 1
        if n_info | n_cell:
            out.append(0x80 | z)
        else:
            out.append(z)
            return bytes(out)


def decode_size(data: bytes, pos: int) -> tuple[int, int, int]:
    n_info = 0
    n_cell = 0
    n = 0
    while True:
        z = data[pos]
        pos += 1
        n_cell |= (z & 1) << n
        n_info |= ((z & 0x7E) >> 1) << (6 * n)
        n += 1
        if not z & 0x80:
            return n_info, n_cell, pos


def decode_prelude(fun_data: bytes) -> Prelude:
    sig, pos = decode_signature(fun_data, 0)
    n_info, n_cell, pos = decode_size(fun_data, pos)
    info_start = pos
    name_index, pos = decode_uint(fun_data, pos)
    arg_names = []
    for _ in range(sig.n_pos_args + sig.n_kwonly_args):
        idx, pos = decode_uint(fun_data, pos)
        arg_names.append(idx)
    info_end = info_start + n_info
    line_info = bytes(fun_data[pos:info_end])
    cells = tuple(fun_data[info_end : info_end + n_cell])
    return Prelude(
        signature=sig,
        n_info=n_info,
        n_cell=n_cell,
        name_index=name_index,
        arg_name_indices=tuple(arg_names),
        line_info=line_info,
        line_info_offset=pos,
        cells=cells,
        code_offset=info_end + n_cell,
    )


def decode_line_info(line_info: bytes) -> list[tuple[int, int]]:
    """The line table as (bytecode offset, source line) pairs, lines starting at 1."""
    pairs = []
    offset = 0
    line = 1
    i = 0
    while i < len(line_info):
        b = line_info[i]
        if b & 0x80:
            # 0b1LLLBBBB 0bLLLLLLLL; a table cut short counts its missing byte as 0
            offset += b & 0x0F
            line += ((b << 4) & 0x700) | (line_info[i + 1] if i + 1 < len(line_info) else 0)
            i += 2
        else:
            # 0b0LLBBBBB
            offset += b & 0x1F
            line += b >> 5
            i += 1
        pairs.append((offset, line))
    return pairs


def line_of_offset(line_info: bytes, code_offset: int) -> int:
    """The source line of the instruction at `code_offset` (relative to the bytecode)."""
    line = 1
    for offset, new_line in decode_line_info(line_info):
        if offset > code_offset:
            break
        line = new_line
    return line


def encode_line_info(pairs: list[tuple[int, int]]) -> bytes:
    """The inverse of decode_line_info, splitting skips as the compiler's emitter does."""
    out = bytearray()
    last_offset = 0
    last_line = 1
    for offset, line in pairs:
        bytes_to_skip = offset - last_offset
        lines_to_skip = line - last_line
        while bytes_to_skip > 0 or lines_to_skip > 0:
            if lines_to_skip <= 6 or bytes_to_skip > 0xF:
                # 0b0LLBBBBB
                b = min(bytes_to_skip, 0x1F)
                n = 0 if b < bytes_to_skip else min(lines_to_skip, 0x3)
                out.append(b | (n << 5))
            else:
                # 0b1LLLBBBB 0bLLLLLLLL
                b = min(bytes_to_skip, 0xF)
                n = min(lines_to_skip, 0x7FF)
                out += bytes([0x80 | b | ((n >> 4) & 0x70), n & 0xFF])
            bytes_to_skip -= b
            lines_to_skip -= n
        last_offset = offset
        last_line = line
    return bytes(out)
