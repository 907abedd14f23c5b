"""Render genhdr/opcodes.h from the one opcode table."""

from __future__ import annotations

from ..mpy import opcodes as op
from .templating import render


def render_opcodes_header() -> str:
    """The C VM's opcode header: numbers, formats, multi-opcode ranges, operators."""
    return render(
        "opcodes.h.j2",
        formats={f.name: f.value for f in op.ArgFormat},
        format_by_nibble=op._FORMAT_BY_NIBBLE,
        extra_byte_mask=op._EXTRA_BYTE_MASK,
        arg_kinds=[k.name for k in op.ArgKind],
        opcodes=sorted(op.BY_NUMBER.values(), key=lambda o: o.number),
        multi_ranges=op.MULTI_RANGES,
        small_int_excess=op.SMALL_INT_MULTI_EXCESS,
        unary_ops=op.UNARY_OPS,
        binary_ops=op.BINARY_OPS,
        iter_buf_nslots=op.ITER_BUF_NSLOTS,
    )
