"""Bytecode emitter: MicroPython's four passes over each scope.

SCOPE finds identifiers, STACK_SIZE measures the value stack, CODE_SIZE measures
code and places labels, EMIT writes the final bytes and is repeated until jump
encodings stop shrinking. The compiler walks the tree for the first two; every
write goes through `_op`, which also applies the instruction's stack effect. The
STACK_SIZE pass records its output as fixed bytes between the few items whose size
depends on placement (jumps, labels, line-table entries), and CODE_SIZE and EMIT
are layouts of that recording (`assemble`), placing labels exactly as MicroPython's
passes do: that placement is what byte identity with mpy-cross depends on.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Final

from ..mpy import opcodes as oc
from ..mpy.format import SCOPE_FLAG_GENERATOR, encode_sint, encode_uint
from ..mpy.mpyfile import RawCode
from ..mpy.prelude import Signature, encode_signature, encode_size
from .scope import Scope

PASS_SCOPE: Final = 1
PASS_STACK_SIZE: Final = 2
PASS_CODE_SIZE: Final = 3
PASS_EMIT: Final = 4

# Flag on a break label: the jump leaves a `for` loop, whose iterator must be popped.
BREAK_FROM_FOR: Final = 0x8000

_OP: Final = oc.NUMBER
# LOAD_CONST_SMALL_INT_MULTI: one opcode per value in [MIN, END)
_SMALL_INT_MULTI_MIN: Final = -oc.SMALL_INT_MULTI_EXCESS
_SMALL_INT_MULTI_END: Final = oc.LOAD_CONST_SMALL_INT_MULTI.count - oc.SMALL_INT_MULTI_EXCESS
_SMALL_INT_MULTI_ZERO: Final = oc.LOAD_CONST_SMALL_INT_MULTI.base + oc.SMALL_INT_MULTI_EXCESS
# the opcode table's entries as constants of this module: compiled, they are read
# without a lookup in another module
_LOAD_FAST_MULTI: Final = oc.LOAD_FAST_MULTI.base
_LOAD_FAST_MULTI_COUNT: Final = oc.LOAD_FAST_MULTI.count
_STORE_FAST_MULTI: Final = oc.STORE_FAST_MULTI.base
_STORE_FAST_MULTI_COUNT: Final = oc.STORE_FAST_MULTI.count
_ITER_BUF_NSLOTS: Final = oc.ITER_BUF_NSLOTS
_SIGNED_JUMPS: Final = oc.HAS_SIGNED_JUMP
_UNARY_OPCODES: Final = {name: oc.UNARY_OP_MULTI.base + n for name, n in oc.UNARY_OP.items()}
_BINARY_OPCODES: Final = {name: oc.BINARY_OP_MULTI.base + n for name, n in oc.BINARY_OP.items()}


def _const_key(obj: object) -> object:
    """A dict key under which two constants collide exactly when MicroPython's compiler
    treats them as the same constant: equal value and equal type, all the way into
    tuples (so 1, 1.0 and True stay distinct, while 0.0 and -0.0 are one)."""
    if isinstance(obj, tuple):
        return (tuple, tuple(_const_key(item) for item in obj))
    # small and arbitrary-precision ints are one type to MicroPython
    kind = int if isinstance(obj, int) and not isinstance(obj, bool) else type(obj)
    return (kind, obj)


@dataclass
class ModuleTables:
    """What all scopes of one module share: the qstr table and the constant table."""

    qstrs: dict[str, int] = field(default_factory=dict)
    # constants of any kind: str, bytes, int, float, complex, tuple, Ellipsis
    objs: list[Any] = field(default_factory=list)
    obj_index: dict[Any, int] = field(default_factory=dict)

    def use_qstr(self, text: str) -> int:
        return self.qstrs.setdefault(text, len(self.qstrs))

    def use_const(self, obj: object) -> int:
        key = _const_key(obj)
        index = self.obj_index.get(key)
        if index is None:
            index = self.obj_index[key] = len(self.objs)
            self.objs.append(obj)
        return index


# What the STACK_SIZE pass records besides fixed bytes: the items whose size depends
# on where code ends up, laid out again by each later pass.
_JUMP: Final = 0  # (opcode, label): 2 bytes when the target is near, else 3
_LABEL: Final = 1  # (label, 0)
_LINE: Final = 2  # (source line, 0): line-table bytes, which depend on bytecode offsets
_END: Final = 3


class Emitter:
    def __init__(self, tables: ModuleTables, strip_line_numbers: bool = False) -> None:
        self.tables = tables
        self.strip_line_numbers = strip_line_numbers
        # kept from pass to pass: a forward jump sizes itself by the previous pass's offset
        self.label_offsets: dict[int, int] = {}
        self.n_info = 0
        self.n_cell = 0

    # -- passes ---------------------------------------------------------------------

    def start_pass(self, pass_: int, scope: Scope) -> None:
        """Start the SCOPE or STACK_SIZE pass; `assemble` then does CODE_SIZE and EMIT."""
        self.pass_ = pass_
        self.scope = scope
        self.stack_size = 0
        self.last_emit_was_return_value = False
        self.last_source_line = 1
        self.bytecode = bytearray()
        self.marks: list[tuple[int, int, int, int]] = []
        self.children: list[RawCode] = []
        names = bytearray(encode_uint(self.tables.use_qstr(scope.simple_name)))
        for i in range(scope.num_pos_args + scope.num_kwonly_args):
            name = "*"
            for ident in scope.id_info:
                if ident.is_param and ident.local_num == i:
                    name = ident.name
                    break
            names += encode_uint(self.tables.use_qstr(name))
        self.names = bytes(names)

    def end_pass(self) -> None:
        """Finish the SCOPE or STACK_SIZE pass."""
        if self.pass_ == PASS_SCOPE:
            return
        assert self.stack_size == 0, "stack not balanced at end of scope"
        code = bytes(self.bytecode)
        items = []
        prev = 0
        for pos, kind, a, b in self.marks:
            items.append((code[prev:pos], kind, a, b))
            prev = pos
        items.append((code[prev:], _END, 0, 0))
        self.items = items
        self.cells = bytes(i.local_num for i in self.scope.id_info if i.kind == "cell")
        self.layout(PASS_STACK_SIZE)

    def assemble(self) -> bytes:
        """The scope's function data: the CODE_SIZE pass, then EMIT until sizes settle.

        These passes make the very same instructions as STACK_SIZE, so they lay out its
        recording (fixed bytes between jumps, labels and line marks) instead of walking
        the tree again; only jump encodings and the line table change size.
        """
        scope = self.scope
        sig = encode_signature(
            Signature(
                n_state=max(scope.num_locals + scope.stack_size, 1),
                n_exc_stack=scope.exc_stack_size,
                scope_flags=scope.scope_flags,
                n_pos_args=scope.num_pos_args,
                n_kwonly_args=scope.num_kwonly_args,
                n_def_pos_args=scope.num_def_pos_args,
            )
        )
        code_info, bytecode = self.layout(PASS_CODE_SIZE, sig)
        while True:
            sizes = len(code_info), len(bytecode)
            code_info, bytecode = self.layout(PASS_EMIT, sig)
            if (len(code_info), len(bytecode)) == sizes:
                return bytes(code_info + bytecode)

    def layout(self, pass_: int, sig: bytes = b"") -> tuple[bytearray, bytearray]:
        """One pass over the recording: (code info, bytecode) as this pass places them."""
        label_offsets = self.label_offsets
        sized = pass_ >= PASS_CODE_SIZE
        info = bytearray(self.names)
        bytecode = bytearray()
        last_line_offset = 0
        last_line = 1
        for chunk, kind, a, b in self.items:
            bytecode += chunk
            if kind == _JUMP:
                signed = a in _SIGNED_JUMPS
                offset = 0
                if sized:
                    # relative to the end of this instruction, which takes 2 bytes at least
                    offset = label_offsets[b] - len(bytecode) - 2
                    if -64 <= offset <= 63 if signed else 0 <= offset <= 127:
                        bytecode.append(a)
                        bytecode.append(offset + 0x40 if signed else offset)
                        continue
                    offset -= 1
                if signed:
                    offset += 0x4000
                if pass_ == PASS_EMIT and not 0 <= offset <= 0x7FFF:
                    raise OverflowError("bytecode overflow")
                bytecode += bytes((a, 0x80 | (offset & 0x7F), (offset >> 7) & 0xFF))
            elif kind == _LABEL:
                assert not sized or len(bytecode) <= label_offsets[a]
                label_offsets[a] = len(bytecode)
            elif kind == _LINE:
                bytes_to_skip = len(bytecode) - last_line_offset
                lines_to_skip = a - last_line  # > 0: only later lines are recorded
                if bytes_to_skip <= 0x1F and lines_to_skip <= 3:
                    # the common case of the loop below: one byte 0b0LLBBBBB
                    info.append(bytes_to_skip | (lines_to_skip << 5))
                    bytes_to_skip = lines_to_skip = 0
                while bytes_to_skip > 0 or lines_to_skip > 0:
                    if lines_to_skip <= 6 or bytes_to_skip > 0xF:
                        # 0b0LLBBBBB
                        n_b = min(bytes_to_skip, 0x1F)
                        n_l = 0 if n_b < bytes_to_skip else min(lines_to_skip, 0x3)
                        info.append(n_b | (n_l << 5))
                    else:
                        # 0b1LLLBBBB 0bLLLLLLLL
                        n_b = min(bytes_to_skip, 0xF)
                        n_l = min(lines_to_skip, 0x7FF)
                        info += bytes((0x80 | n_b | ((n_l >> 4) & 0x70), n_l & 0xFF))
                    bytes_to_skip -= n_b
                    lines_to_skip -= n_l
                last_line_offset = len(bytecode)
                last_line = a
        code_info = bytearray(sig)
        if sized:
            code_info += encode_size(self.n_info, self.n_cell)
        code_info += info
        self.n_info = len(info)
        self.n_cell = len(self.cells)
        code_info += self.cells
        return code_info, bytecode

    # -- the single write path ----------------------------------------------------

    def adjust_stack_size(self, delta: int) -> None:
        if self.pass_ == PASS_SCOPE:
            return
        self.stack_size += delta
        if self.stack_size > self.scope.stack_size:
            self.scope.stack_size = self.stack_size
        self.last_emit_was_return_value = False

    def _op(self, stack_adj: int, opcode: int, arg: bytes = b"") -> None:
        # adjust_stack_size, inlined: this runs for every instruction
        if self.pass_ != PASS_SCOPE:
            self.stack_size += stack_adj
            if self.stack_size > self.scope.stack_size:
                self.scope.stack_size = self.stack_size
            self.last_emit_was_return_value = False
        self.bytecode.append(opcode)
        if arg:
            self.bytecode += arg

    def _op_uint(self, stack_adj: int, opcode: int, value: int) -> None:
        # _op, inlined
        if self.pass_ != PASS_SCOPE:
            self.stack_size += stack_adj
            if self.stack_size > self.scope.stack_size:
                self.scope.stack_size = self.stack_size
            self.last_emit_was_return_value = False
        bytecode = self.bytecode
        bytecode.append(opcode)
        if value < 0x80:
            bytecode.append(value)
        else:
            bytecode += encode_uint(value)

    def _op_qstr(self, stack_adj: int, opcode: int, text: str) -> None:
        qstrs = self.tables.qstrs  # use_qstr, inlined
        self._op_uint(stack_adj, opcode, qstrs.setdefault(text, len(qstrs)))

    def _op_jump(self, stack_adj: int, opcode: int, label: int) -> None:
        self.adjust_stack_size(stack_adj)
        self.marks.append((len(self.bytecode), _JUMP, opcode, label))

    # -- source lines ---------------------------------------------------------------

    def set_source_line(self, line: int) -> None:
        if self.strip_line_numbers or line <= self.last_source_line:
            return
        self.marks.append((len(self.bytecode), _LINE, line, 0))
        self.last_source_line = line

    def label_assign(self, label: int) -> None:
        self.adjust_stack_size(0)
        self.marks.append((len(self.bytecode), _LABEL, label, 0))

    # -- instructions -----------------------------------------------------------------

    def load_const_tok(self, token: str) -> None:
        if token == "...":
            self._op_uint(1, _OP["LOAD_CONST_OBJ"], self.tables.use_const(Ellipsis))
        else:
            self._op(1, _OP[f"LOAD_CONST_{token.upper()}"])

    def load_const_small_int(self, value: int) -> None:
        if _SMALL_INT_MULTI_MIN <= value < _SMALL_INT_MULTI_END:
            self._op(1, _SMALL_INT_MULTI_ZERO + value)
        else:
            self._op(1, _OP["LOAD_CONST_SMALL_INT"], encode_sint(value))

    def load_const_str(self, text: str) -> None:
        self._op_qstr(1, _OP["LOAD_CONST_STRING"], text)

    def load_const_obj(self, obj: object) -> None:
        self._op_uint(1, _OP["LOAD_CONST_OBJ"], self.tables.use_const(obj))

    def load_null(self) -> None:
        self._op(1, _OP["LOAD_NULL"])

    def load_fast(self, local_num: int) -> None:
        if local_num < _LOAD_FAST_MULTI_COUNT:
            self._op(1, _LOAD_FAST_MULTI + local_num)
        else:
            self._op_uint(1, _OP["LOAD_FAST_N"], local_num)

    def load_deref(self, local_num: int) -> None:
        self._op_uint(1, _OP["LOAD_DEREF"], local_num)

    def store_fast(self, local_num: int) -> None:
        if local_num < _STORE_FAST_MULTI_COUNT:
            self._op(-1, _STORE_FAST_MULTI + local_num)
        else:
            self._op_uint(-1, _OP["STORE_FAST_N"], local_num)

    def store_deref(self, local_num: int) -> None:
        self._op_uint(-1, _OP["STORE_DEREF"], local_num)

    def delete_fast(self, local_num: int) -> None:
        self._op_uint(0, _OP["DELETE_FAST"], local_num)

    def delete_deref(self, local_num: int) -> None:
        self._op_uint(0, _OP["DELETE_DEREF"], local_num)

    def delete_name(self, name: str) -> None:
        self._op_qstr(0, _OP["DELETE_NAME"], name)

    def delete_global(self, name: str) -> None:
        self._op_qstr(0, _OP["DELETE_GLOBAL"], name)

    def load_build_class(self) -> None:
        self._op(1, _OP["LOAD_BUILD_CLASS"])

    def load_subscr(self) -> None:
        self._op(-1, _OP["LOAD_SUBSCR"])

    def store_subscr(self) -> None:
        self._op(-3, _OP["STORE_SUBSCR"])

    def delete_subscr(self) -> None:
        self.load_null()
        self.rot_three()
        self.store_subscr()

    def delete_attr(self, name: str) -> None:
        self.load_null()
        self.rot_two()
        self.store_attr(name)

    def import_name(self, name: str) -> None:
        self._op_qstr(-1, _OP["IMPORT_NAME"], name)

    def import_from(self, name: str) -> None:
        self._op_qstr(1, _OP["IMPORT_FROM"], name)

    def import_star(self) -> None:
        self._op(-1, _OP["IMPORT_STAR"])

    def setup_block(self, label: int, kind: str) -> None:
        # SETUP_WITH pops the context manager and pushes __exit__, it and __enter__'s value
        self._op_jump(2 if kind == "WITH" else 0, _OP[f"SETUP_{kind}"], label)

    def with_cleanup(self, label: int) -> None:
        self.load_const_tok("None")
        self.label_assign(label)
        # +2 leaves room to call __exit__; the -4 undoes it and SETUP_WITH's +2
        self._op(2, _OP["WITH_CLEANUP"])
        self.adjust_stack_size(-4)

    def end_finally(self) -> None:
        self._op(-1, _OP["END_FINALLY"])

    def pop_except_jump(self, label: int) -> None:
        self._op_jump(0, _OP["POP_EXCEPT_JUMP"], label)

    def start_except_handler(self) -> None:
        # the exception instance, plus 3 for a possible UNWIND_JUMP state
        self.adjust_stack_size(4)

    def end_except_handler(self) -> None:
        self.adjust_stack_size(-3)

    def raise_varargs(self, n_args: int) -> None:
        self._op(-n_args, _OP["RAISE_LAST"] + n_args)

    def yield_value(self) -> None:
        self._op(0, _OP["YIELD_VALUE"])
        self.scope.scope_flags |= SCOPE_FLAG_GENERATOR

    def yield_from(self) -> None:
        self._op(-1, _OP["YIELD_FROM"])
        self.scope.scope_flags |= SCOPE_FLAG_GENERATOR

    def store_map(self) -> None:
        self._op(-2, _OP["STORE_MAP"])

    def store_comp(self, kind: str, collection_stack_index: int) -> None:
        # the low two bits say which collection: 0 list, 1 dict, 2 set
        n, t = {"list": (0, 0), "dict": (1, 1), "set": (0, 2)}[kind]
        self._op_uint(-1 - n, _OP["STORE_COMP"], ((collection_stack_index + n) << 2) | t)

    def unpack_sequence(self, n_args: int) -> None:
        self._op_uint(-1 + n_args, _OP["UNPACK_SEQUENCE"], n_args)

    def unpack_ex(self, n_left: int, n_right: int) -> None:
        self._op_uint(n_left + n_right, _OP["UNPACK_EX"], n_left | (n_right << 8))

    def load_name(self, name: str) -> None:
        self._op_qstr(1, _OP["LOAD_NAME"], name)

    def load_global(self, name: str) -> None:
        self._op_qstr(1, _OP["LOAD_GLOBAL"], name)

    def store_name(self, name: str) -> None:
        self._op_qstr(-1, _OP["STORE_NAME"], name)

    def store_global(self, name: str) -> None:
        self._op_qstr(-1, _OP["STORE_GLOBAL"], name)

    def load_attr(self, name: str) -> None:
        self._op_qstr(0, _OP["LOAD_ATTR"], name)

    def store_attr(self, name: str) -> None:
        self._op_qstr(-2, _OP["STORE_ATTR"], name)

    def load_method(self, name: str, is_super: bool = False) -> None:
        if is_super:
            self._op_qstr(-1, _OP["LOAD_SUPER_METHOD"], name)
        else:
            self._op_qstr(1, _OP["LOAD_METHOD"], name)

    def dup_top(self) -> None:
        self._op(1, _OP["DUP_TOP"])

    def dup_top_two(self) -> None:
        self._op(2, _OP["DUP_TOP_TWO"])

    def pop_top(self) -> None:
        self._op(-1, _OP["POP_TOP"])

    def rot_two(self) -> None:
        self._op(0, _OP["ROT_TWO"])

    def rot_three(self) -> None:
        self._op(0, _OP["ROT_THREE"])

    def jump(self, label: int) -> None:
        self._op_jump(0, _OP["JUMP"], label)

    def pop_jump_if(self, cond: bool, label: int) -> None:
        self._op_jump(-1, _OP["POP_JUMP_IF_TRUE" if cond else "POP_JUMP_IF_FALSE"], label)

    def jump_if_or_pop(self, cond: bool, label: int) -> None:
        self._op_jump(-1, _OP["JUMP_IF_TRUE_OR_POP" if cond else "JUMP_IF_FALSE_OR_POP"], label)

    def unwind_jump(self, label: int, except_depth: int) -> None:
        target = label & ~BREAK_FROM_FOR
        if except_depth == 0:
            if label & BREAK_FROM_FOR:
                # pop the iterator and its buffer slots; raw bytes, no stack effect
                self.bytecode += bytes([_OP["POP_TOP"]]) * _ITER_BUF_NSLOTS
            self._op_jump(0, _OP["JUMP"], target)
        else:
            self._op_jump(0, _OP["UNWIND_JUMP"], target)
            self.bytecode.append((0x80 if label & BREAK_FROM_FOR else 0) | except_depth)

    def get_iter(self, use_stack: bool) -> None:
        if use_stack:
            self._op(_ITER_BUF_NSLOTS - 1, _OP["GET_ITER_STACK"])
        else:
            self._op(0, _OP["GET_ITER"])

    def for_iter(self, label: int) -> None:
        self._op_jump(1, _OP["FOR_ITER"], label)

    def for_iter_end(self) -> None:
        self.adjust_stack_size(-_ITER_BUF_NSLOTS)

    def unary_op(self, op: str) -> None:
        self._op(0, _UNARY_OPCODES[op])

    def binary_op(self, op: str) -> None:
        invert = op in ("NOT_IN", "IS_NOT")
        op = {"NOT_IN": "IN", "IS_NOT": "IS"}.get(op, op)
        self._op(-1, _BINARY_OPCODES[op])
        if invert:
            self._op(0, _UNARY_OPCODES["NOT"])

    def build(self, n_args: int, kind: str) -> None:
        stack_adj = 1 if kind == "MAP" else 1 - n_args
        self._op_uint(stack_adj, _OP[f"BUILD_{kind}"], n_args)

    def make_function(self, raw_code: RawCode, n_pos_defaults: int, n_kw_defaults: int) -> None:
        index = self.alloc_child(raw_code)
        if n_pos_defaults == 0 and n_kw_defaults == 0:
            self._op_uint(1, _OP["MAKE_FUNCTION"], index)
        else:
            self._op_uint(-1, _OP["MAKE_FUNCTION_DEFARGS"], index)

    def make_closure(
        self, raw_code: RawCode, n_closed: int, n_pos_defaults: int, n_kw_defaults: int
    ) -> None:
        index = self.alloc_child(raw_code)
        if n_pos_defaults == 0 and n_kw_defaults == 0:
            self._op_uint(1 - n_closed, _OP["MAKE_CLOSURE"], index)
        else:
            self._op_uint(-1 - n_closed, _OP["MAKE_CLOSURE_DEFARGS"], index)
        self.bytecode.append(n_closed)

    def alloc_child(self, raw_code: RawCode) -> int:
        self.children.append(raw_code)
        return len(self.children) - 1

    def call_function(self, n_positional: int, n_keyword: int, star: bool = False) -> None:
        self._call(0, "CALL_FUNCTION", n_positional, n_keyword, star)

    def call_method(self, n_positional: int, n_keyword: int, star: bool = False) -> None:
        self._call(-1, "CALL_METHOD", n_positional, n_keyword, star)

    def return_value(self) -> None:
        self._op(-1, _OP["RETURN_VALUE"])
        self.last_emit_was_return_value = True

    def _call(self, stack_adj: int, name: str, n_pos: int, n_kw: int, star: bool) -> None:
        stack_adj -= n_pos + 2 * n_kw + (1 if star else 0)
        self._op_uint(stack_adj, _OP[name + ("_VAR_KW" if star else "")], n_kw << 8 | n_pos)
