"""Bytecode emitter: one write path, run once per compiler pass.

The compiler walks each scope four times (MicroPython's passes): SCOPE finds
identifiers, STACK_SIZE measures the value stack, CODE_SIZE measures code and
places labels, EMIT writes the final bytes and is repeated until jump encodings
stop shrinking. Every write goes through `_op`, which also applies the
instruction's stack effect, so the stack size falls out of the same code that
emits. Byte identity with mpy-cross depends on doing exactly this, pass for pass.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..mpy import opcodes as oc
from ..mpy.format import SCOPE_FLAG_GENERATOR, encode_sint, encode_uint
from ..mpy.mpyfile import RawCode
from ..mpy.prelude import Signature, encode_signature, encode_size

PASS_SCOPE = 1
PASS_STACK_SIZE = 2
PASS_CODE_SIZE = 3
PASS_EMIT = 4

# Flag on a break label: the jump leaves a `for` loop, whose iterator must be popped.
BREAK_FROM_FOR = 0x8000

_OP = oc.NUMBER


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
    objs: list[object] = field(default_factory=list)
    obj_index: dict[object, int] = field(default_factory=dict)
    pass_: int = PASS_SCOPE
    children: list[RawCode | None] = field(default_factory=list)
    child_count: int = 0

    def use_qstr(self, text: str) -> int:
        return self.qstrs.setdefault(text, len(self.qstrs))

    def use_const(self, obj: object) -> int:
        key = _const_key(obj)
        index = self.obj_index.get(key)
        if index is None:
            index = self.obj_index[key] = len(self.objs)
            self.objs.append(obj)
        return index

    def start_pass(self, pass_: int) -> None:
        self.pass_ = pass_
        if pass_ == PASS_CODE_SIZE:
            self.children = [None] * self.child_count
        self.child_count = 0

    def alloc_child(self, raw_code: RawCode) -> int:
        if self.pass_ == PASS_EMIT:
            self.children[self.child_count] = raw_code
        self.child_count += 1
        return self.child_count - 1


class Emitter:
    def __init__(self, tables: ModuleTables, strip_line_numbers: bool = False) -> None:
        self.tables = tables
        self.strip_line_numbers = strip_line_numbers
        self.label_offsets: dict[int, int] = {}
        self.n_info = 0
        self.n_cell = 0
        self.code_info_size = 0
        self.bytecode_size = 0

    # -- passes ---------------------------------------------------------------------

    def start_pass(self, pass_: int, scope) -> None:
        self.pass_ = pass_
        self.scope = scope
        self.stack_size = 0
        self.last_emit_was_return_value = False
        self.last_source_line_offset = 0
        self.last_source_line = 1
        self.code_info = bytearray()
        self.bytecode = bytearray()

        n_state = max(scope.num_locals + scope.stack_size, 1)
        self.code_info += encode_signature(
            Signature(
                n_state=n_state,
                n_exc_stack=scope.exc_stack_size,
                scope_flags=scope.scope_flags,
                n_pos_args=scope.num_pos_args,
                n_kwonly_args=scope.num_kwonly_args,
                n_def_pos_args=scope.num_def_pos_args,
            )
        )
        if pass_ >= PASS_CODE_SIZE:
            self.code_info += encode_size(self.n_info, self.n_cell)
        self.info_start = len(self.code_info)
        self.code_info += encode_uint(self.tables.use_qstr(scope.simple_name))
        for i in range(scope.num_pos_args + scope.num_kwonly_args):
            name = "*"
            for ident in scope.id_info:
                if ident.is_param and ident.local_num == i:
                    name = ident.name
                    break
            self.code_info += encode_uint(self.tables.use_qstr(name))

    def end_pass(self) -> bool:
        """Finish a pass; False when the EMIT pass must run again (code shrank)."""
        if self.pass_ == PASS_SCOPE:
            return True
        assert self.stack_size == 0, "stack not balanced at end of scope"
        self.n_info = len(self.code_info) - self.info_start
        cells = [i.local_num for i in self.scope.id_info if i.kind == "cell"]
        self.code_info += bytes(cells)
        self.n_cell = len(cells)
        if self.pass_ == PASS_CODE_SIZE:
            self.code_info_size = len(self.code_info)
            self.bytecode_size = len(self.bytecode)
        elif self.pass_ == PASS_EMIT:
            if (
                len(self.code_info) != self.code_info_size
                or len(self.bytecode) != self.bytecode_size
            ):
                self.code_info_size = len(self.code_info)
                self.bytecode_size = len(self.bytecode)
                return False
        return True

    def fun_data(self) -> bytes:
        return bytes(self.code_info + self.bytecode)

    # -- the single write path ----------------------------------------------------

    def adjust_stack_size(self, delta: int) -> None:
        if self.pass_ == PASS_SCOPE:
            return
        self.stack_size += delta
        if self.stack_size > self.scope.stack_size:
            self.scope.stack_size = self.stack_size
        self.last_emit_was_return_value = False

    def _op(self, stack_adj: int, opcode: int, arg: bytes = b"") -> None:
        # adjust_stack_size, inlined: this runs for every instruction of every pass
        if self.pass_ != PASS_SCOPE:
            self.stack_size += stack_adj
            if self.stack_size > self.scope.stack_size:
                self.scope.stack_size = self.stack_size
            self.last_emit_was_return_value = False
        self.bytecode.append(opcode)
        if arg:
            self.bytecode += arg

    def _op_uint(self, stack_adj: int, opcode: int, value: int) -> None:
        self._op(stack_adj, opcode, encode_uint(value))

    def _op_qstr(self, stack_adj: int, opcode: int, text: str) -> None:
        self._op_uint(stack_adj, opcode, self.tables.use_qstr(text))

    def _op_jump(self, stack_adj: int, opcode: int, label: int) -> None:
        self.adjust_stack_size(stack_adj)
        signed = opcode in oc.HAS_SIGNED_JUMP
        long_form = True
        offset = 0
        if self.pass_ >= PASS_CODE_SIZE:
            # relative to the end of this instruction, which takes 2 bytes at least
            offset = self.label_offsets[label] - len(self.bytecode) - 2
            if (signed and -64 <= offset <= 63) or (not signed and 0 <= offset <= 127):
                long_form = False
            else:
                offset -= 1
        self.bytecode.append(opcode)
        if not long_form:
            self.bytecode.append(offset + 0x40 if signed else offset)
        else:
            if signed:
                offset += 0x4000
            if self.pass_ == PASS_EMIT and not 0 <= offset <= 0x7FFF:
                raise OverflowError("bytecode overflow")
            self.bytecode += bytes([0x80 | (offset & 0x7F), (offset >> 7) & 0xFF])

    # -- source lines ---------------------------------------------------------------

    def set_source_line(self, line: int) -> None:
        if self.strip_line_numbers or line <= self.last_source_line:
            return
        bytes_to_skip = len(self.bytecode) - self.last_source_line_offset
        lines_to_skip = line - self.last_source_line
        while bytes_to_skip > 0 or lines_to_skip > 0:
            if lines_to_skip <= 6 or bytes_to_skip > 0xF:
                # 0b0LLBBBBB
                b = min(bytes_to_skip, 0x1F)
                n = 0 if b < bytes_to_skip else min(lines_to_skip, 0x3)
                self.code_info.append(b | (n << 5))
            else:
                # 0b1LLLBBBB 0bLLLLLLLL
                b = min(bytes_to_skip, 0xF)
                n = min(lines_to_skip, 0x7FF)
                self.code_info += bytes([0x80 | b | ((n >> 4) & 0x70), n & 0xFF])
            bytes_to_skip -= b
            lines_to_skip -= n
        self.last_source_line_offset = len(self.bytecode)
        self.last_source_line = line

    def label_assign(self, label: int) -> None:
        self.adjust_stack_size(0)
        if self.pass_ == PASS_SCOPE:
            return
        assert self.pass_ == PASS_STACK_SIZE or len(self.bytecode) <= self.label_offsets[label]
        self.label_offsets[label] = len(self.bytecode)

    # -- instructions -----------------------------------------------------------------

    def load_const_tok(self, token: str) -> None:
        if token == "...":
            self._op_uint(1, _OP["LOAD_CONST_OBJ"], self.tables.use_const(Ellipsis))
        else:
            self._op(1, _OP[f"LOAD_CONST_{token.upper()}"])

    def load_const_small_int(self, value: int) -> None:
        excess = oc.SMALL_INT_MULTI_EXCESS
        rng = oc.LOAD_CONST_SMALL_INT_MULTI
        if -excess <= value < rng.count - excess:
            self._op(1, rng.base + excess + value)
        else:
            self._op(1, _OP["LOAD_CONST_SMALL_INT"], encode_sint(value))

    def load_const_str(self, text: str) -> None:
        self._op_qstr(1, _OP["LOAD_CONST_STRING"], text)

    def load_const_obj(self, obj: object) -> None:
        self._op_uint(1, _OP["LOAD_CONST_OBJ"], self.tables.use_const(obj))

    def load_null(self) -> None:
        self._op(1, _OP["LOAD_NULL"])

    def load_fast(self, local_num: int) -> None:
        if local_num < oc.LOAD_FAST_MULTI.count:
            self._op(1, oc.LOAD_FAST_MULTI.base + local_num)
        else:
            self._op_uint(1, _OP["LOAD_FAST_N"], local_num)

    def load_deref(self, local_num: int) -> None:
        self._op_uint(1, _OP["LOAD_DEREF"], local_num)

    def store_fast(self, local_num: int) -> None:
        if local_num < oc.STORE_FAST_MULTI.count:
            self._op(-1, oc.STORE_FAST_MULTI.base + local_num)
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
                self.bytecode += bytes([_OP["POP_TOP"]]) * oc.ITER_BUF_NSLOTS
            self._op_jump(0, _OP["JUMP"], target)
        else:
            self._op_jump(0, _OP["UNWIND_JUMP"], target)
            self.bytecode.append((0x80 if label & BREAK_FROM_FOR else 0) | except_depth)

    def get_iter(self, use_stack: bool) -> None:
        if use_stack:
            self._op(oc.ITER_BUF_NSLOTS - 1, _OP["GET_ITER_STACK"])
        else:
            self._op(0, _OP["GET_ITER"])

    def for_iter(self, label: int) -> None:
        self._op_jump(1, _OP["FOR_ITER"], label)

    def for_iter_end(self) -> None:
        self.adjust_stack_size(-oc.ITER_BUF_NSLOTS)

    def unary_op(self, op: str) -> None:
        self._op(0, oc.UNARY_OP_MULTI.base + oc.UNARY_OP[op])

    def binary_op(self, op: str) -> None:
        invert = op in ("NOT_IN", "IS_NOT")
        op = {"NOT_IN": "IN", "IS_NOT": "IS"}.get(op, op)
        self._op(-1, oc.BINARY_OP_MULTI.base + oc.BINARY_OP[op])
        if invert:
            self._op(0, oc.UNARY_OP_MULTI.base + oc.UNARY_OP["NOT"])

    def build(self, n_args: int, kind: str) -> None:
        stack_adj = 1 if kind == "MAP" else 1 - n_args
        self._op_uint(stack_adj, _OP[f"BUILD_{kind}"], n_args)

    def make_function(self, raw_code: RawCode, n_pos_defaults: int, n_kw_defaults: int) -> None:
        index = self.tables.alloc_child(raw_code)
        if n_pos_defaults == 0 and n_kw_defaults == 0:
            self._op_uint(1, _OP["MAKE_FUNCTION"], index)
        else:
            self._op_uint(-1, _OP["MAKE_FUNCTION_DEFARGS"], index)

    def make_closure(
        self, raw_code: RawCode, n_closed: int, n_pos_defaults: int, n_kw_defaults: int
    ) -> None:
        index = self.tables.alloc_child(raw_code)
        if n_pos_defaults == 0 and n_kw_defaults == 0:
            self._op_uint(1 - n_closed, _OP["MAKE_CLOSURE"], index)
        else:
            self._op_uint(-1 - n_closed, _OP["MAKE_CLOSURE_DEFARGS"], index)
        self.bytecode.append(n_closed)

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
