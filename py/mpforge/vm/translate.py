"""Translating a bytecode function into one Python function, compiled once per raw code.

The interpreter loop (`interp.py`) pays a Python call per instruction and four Python
frames per VM call. A translated function does the instructions of its raw code as
straight-line Python statements instead: locals are Python locals `l<slot>`, stack
slots are Python locals `s<depth>` (MicroPython's stack depth at each instruction is
static), and jumps set `pc` and fall through or loop to the `if pc <= <label>:` that
starts the target block. The common cases (int and float operators, instance dict
reads, calls of other translated functions) run inline; the rest calls the helpers of
`translated.py`, which behave exactly as the interpreter's handlers.

Tracebacks: every generated line maps to the source line of the instruction it
belongs to (`lines`); when an exception leaves the function, the host traceback's
line in the generated frame gives the entry MicroPython prints.

Not translated (they stay with the interpreter): generators and coroutines, functions
with exception blocks (try, with, bare raise), class bodies and code run with a
separate locals dict, and any run with a tracer (`--trace`, `--coverage`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..mpy import format as fmt
from ..mpy import opcodes as opc
from ..mpy.mpyfile import CompiledModule, RawCode
from ..mpy.prelude import line_of_offset
from .decode import Decoded, decode_code
from .ops import BINARY, UNARY
from .translated import GENERATED_FILE, HELPERS

_BINARY_BASE = next(r.base for r in opc.MULTI_RANGES if r.name == "BINARY_OP_MULTI")
_UNARY_BASE = next(r.base for r in opc.MULTI_RANGES if r.name == "UNARY_OP_MULTI")
_ITER = opc.ITER_BUF_NSLOTS

# Host operators whose result on built-in values is the one the interpreter gives
# (its generic operator calls the same host operator); failures retry the generic
# operator, which raises MicroPython's exception.
_INFIX = {
    "LESS": "<", "MORE": ">", "EQUAL": "==", "LESS_EQUAL": "<=", "MORE_EQUAL": ">=",
    "NOT_EQUAL": "!=", "OR": "|", "XOR": "^", "AND": "&", "LSHIFT": "<<", "RSHIFT": ">>",
    "ADD": "+", "SUBTRACT": "-", "MULTIPLY": "*", "FLOOR_DIVIDE": "//", "TRUE_DIVIDE": "/",
    "MODULO": "%", "POWER": "**", "MAT_MULTIPLY": "@",
}  # fmt: skip
_UNARY_PREFIX = {"POSITIVE": "+", "NEGATIVE": "-", "INVERT": "~"}

# Opcodes that need the interpreter's block stack or a suspendable frame.
_UNSUPPORTED = frozenset(
    (
        "SETUP_WITH", "SETUP_EXCEPT", "SETUP_FINALLY", "POP_EXCEPT_JUMP", "WITH_CLEANUP",
        "END_FINALLY", "UNWIND_JUMP", "RAISE_LAST", "YIELD_VALUE", "YIELD_FROM", "INVALID",
    )
)  # fmt: skip

_MAX_SOURCE_INSTRUCTIONS = 4000  # beyond this, compiling the Python source costs more


class Untranslatable(Exception):
    """The raw code uses something the translator leaves to the interpreter."""


@dataclass
class Translation:
    make: Callable[..., Any]  # make(G, B, vm, ctx, maxd) -> the Python function
    source: str
    n_params: int


def n_params(sig: Any) -> int:
    """Argument slots a call binds: positional, keyword-only, *args, **kwargs."""
    flags = sig.scope_flags
    return (
        sig.n_pos_args
        + sig.n_kwonly_args
        + bool(flags & fmt.SCOPE_FLAG_VARARGS)
        + bool(flags & fmt.SCOPE_FLAG_VARKEYWORDS)
    )


_CACHE: dict[int, tuple[RawCode, Translation | None]] = {}


def translation(
    raw_code: RawCode, module: CompiledModule, error: type[Exception]
) -> Translation | None:
    """The translation of `raw_code` (made once and kept), or None if it stays
    interpreted."""
    hit = _CACHE.get(id(raw_code))
    if hit is not None and hit[0] is raw_code:
        return hit[1]
    try:
        result: Translation | None = translate(raw_code, module, error)
    except Untranslatable:
        result = None
    _CACHE[id(raw_code)] = (raw_code, result)
    return result


@dataclass
class _Ins:
    off: int
    name: str
    arg: Any
    nxt: int
    op: int  # the opcode byte, for the multi-opcode ranges


def _instructions(decoded: Decoded) -> list[_Ins]:
    out = []
    for off in sorted(decoded.names):
        _, arg, nxt = decoded.code[off]
        out.append(_Ins(off, decoded.names[off], arg, nxt, decoded.opcodes[off]))
    return out


def _effect(ins: _Ins) -> tuple[int, int | None, int, bool]:
    """(depth change falling through, jump target, depth change when jumping, ends)."""
    name, arg = ins.name, ins.arg
    if name in _PUSH1:
        return 1, None, 0, False
    if name in _POP1:
        return -1, None, 0, False
    if name in _SAME:
        return 0, None, 0, False
    if name == "JUMP":
        return 0, arg, 0, True
    if name in ("POP_JUMP_IF_TRUE", "POP_JUMP_IF_FALSE"):
        return -1, arg, -1, False
    if name in ("JUMP_IF_TRUE_OR_POP", "JUMP_IF_FALSE_OR_POP"):
        return -1, arg, 0, False
    if name == "FOR_ITER":
        return 1, arg, -_ITER, False
    if name in ("RETURN_VALUE", "RAISE_OBJ", "RAISE_FROM"):
        return 0, None, 0, True
    simple = {
        "LOAD_SUPER_METHOD": -1, "STORE_ATTR": -2, "LOAD_SUBSCR": -1, "STORE_SUBSCR": -3,
        "DUP_TOP_TWO": 2, "GET_ITER_STACK": _ITER - 1, "STORE_MAP": -2,
        "MAKE_FUNCTION_DEFARGS": -1, "IMPORT_NAME": -1,
    }  # fmt: skip
    if name in simple:
        return simple[name], None, 0, False
    if name in ("BUILD_TUPLE", "BUILD_LIST", "BUILD_SET", "BUILD_SLICE"):
        return 1 - arg, None, 0, False
    if name == "STORE_COMP":
        return (-2 if arg & 3 == 1 else -1), None, 0, False
    if name == "UNPACK_SEQUENCE":
        return arg - 1, None, 0, False
    if name == "UNPACK_EX":
        return (arg & 0xFF) + ((arg >> 8) & 0xFF), None, 0, False
    if name == "MAKE_CLOSURE":
        return 1 - arg[1], None, 0, False
    if name == "MAKE_CLOSURE_DEFARGS":
        return -1 - arg[1], None, 0, False
    n_args = (arg & 0xFF) + 2 * ((arg >> 8) & 0xFF) if isinstance(arg, int) else 0
    if name == "CALL_FUNCTION":
        return -n_args, None, 0, False
    if name in ("CALL_METHOD", "CALL_FUNCTION_VAR_KW"):
        return -n_args - 1, None, 0, False
    if name == "CALL_METHOD_VAR_KW":
        return -n_args - 2, None, 0, False
    raise Untranslatable(name)


_PUSH1 = frozenset(
    (
        "LOAD_CONST_FALSE", "LOAD_CONST_NONE", "LOAD_CONST_TRUE", "LOAD_CONST_SMALL_INT",
        "LOAD_CONST_SMALL_INT_MULTI", "LOAD_CONST_STRING", "LOAD_CONST_OBJ", "LOAD_NULL",
        "LOAD_FAST_N", "LOAD_FAST_MULTI", "LOAD_DEREF", "LOAD_NAME", "LOAD_GLOBAL",
        "LOAD_METHOD", "LOAD_BUILD_CLASS", "DUP_TOP", "BUILD_MAP", "MAKE_FUNCTION",
        "IMPORT_FROM",
    )
)  # fmt: skip
_POP1 = frozenset(
    (
        "STORE_FAST_N", "STORE_FAST_MULTI", "STORE_DEREF", "STORE_NAME", "STORE_GLOBAL",
        "POP_TOP", "BINARY_OP_MULTI", "IMPORT_STAR",
    )
)  # fmt: skip
_SAME = frozenset(
    (
        "DELETE_FAST", "DELETE_DEREF", "DELETE_NAME", "DELETE_GLOBAL", "LOAD_ATTR",
        "ROT_TWO", "ROT_THREE", "GET_ITER", "UNARY_OP_MULTI",
    )
)  # fmt: skip


def _depths(code: list[_Ins], start: int) -> dict[int, int]:
    """The stack depth before each reachable instruction."""
    at = {ins.off: ins for ins in code}
    depth: dict[int, int] = {}
    todo = [(start, 0)]
    while todo:
        off, d = todo.pop()
        while True:
            if off in depth:
                if depth[off] != d:
                    raise Untranslatable("inconsistent stack depth")
                break
            ins = at.get(off)
            if ins is None:
                raise Untranslatable("jump outside the code")
            depth[off] = d
            fall, target, jump, ends = _effect(ins)
            if target is not None:
                todo.append((target, d + jump))
            if ends:
                break
            d += fall
            off = ins.nxt
    return depth


def _literal(value: Any) -> str | None:
    """Python source for a constant that is safe to inline, else None."""
    if value is None or value is True or value is False:
        return repr(value)
    if value.__class__ is int or value.__class__ is str:
        return repr(value)
    return None


class _Source:
    def __init__(self) -> None:
        self.text: list[str] = []
        self.lines: list[int] = [0, 0]  # generated line number (from 1) -> source line
        self.line = 0

    def add(self, indent: int, text: str) -> None:
        self.text.append("    " * indent + text)
        self.lines.append(self.line)


def translate(raw_code: RawCode, module: CompiledModule, error: type[Exception]) -> Translation:
    if raw_code.kind != fmt.CODE_BYTECODE:
        raise Untranslatable("native code")
    decoded = decode_code(raw_code, module, [None] * 256, error)
    prelude = decoded.prelude
    sig = prelude.signature
    if sig.scope_flags & fmt.SCOPE_FLAG_GENERATOR:
        raise Untranslatable("generator")
    code = _instructions(decoded)
    if len(code) > _MAX_SOURCE_INSTRUCTIONS:
        raise Untranslatable("too long")
    for ins in code:
        if ins.name in _UNSUPPORTED:
            raise Untranslatable(ins.name)
    depths = _depths(code, decoded.start)
    targets = set()
    backward = False
    for ins in code:
        target = _effect(ins)[1]
        if target is not None and ins.off in depths:
            targets.add(target)
            backward = backward or target <= ins.off
    consts: list[Any] = []
    children = raw_code.children
    name = module.qstrs[prelude.name_index]
    params = n_params(sig)
    src = _Source()
    head = ", ".join(f"l{i}" for i in range(params))
    pyname = "f_" + re.sub(r"\W", "_", name)
    src.add(0, "def make(G, B, vm, ctx, MAXD):")
    src.add(1, "_call = vm.call")
    src.add(1, "_decode = vm.decode")
    src.add(1, "_importer = vm.importer")
    src.add(1, f"def {pyname}({head}):")
    src.add(2, "__scope__ = G")  # current_scope finds the globals of this frame here
    src.add(2, "_d = vm.depth")
    src.add(2, "if _d >= MAXD:")
    src.add(3, "raise _recursion()")
    src.add(2, "vm.depth = _d + 1")
    src.add(2, "try:")
    for slot in prelude.cells:
        src.add(3, f"l{slot} = _Cell(l{slot}, False)" if slot < params else f"l{slot} = _Cell()")
    loop = 3
    if targets:
        src.add(3, f"pc = {decoded.start}")
        if backward:
            src.add(3, "while True:")
            loop = 4
    emitter = _Emitter(src, consts, children, loop + 1)
    lines_of = {ins.off: line_of_offset(prelude.line_info, ins.off - decoded.start) for ins in code}
    block_open = False
    for ins in code:
        if ins.off not in depths:
            block_open = False  # unreachable
            continue
        src.line = lines_of[ins.off]
        if ins.off in targets or not block_open or ins.off == decoded.start:
            if targets:
                src.add(loop, f"if pc <= {ins.off}:")
            block_open = True
        emitter.indent = loop + 1 if targets else loop
        emitter.emit(ins, depths[ins.off])
        _, target, _, stops = _effect(ins)
        if target is not None or stops:
            block_open = False  # a jump or return ends the block; the next one has a header
    src.line = 0
    if backward:
        src.add(loop, "raise AssertionError('fell off the end of translated code')")
    src.add(2, "except _MpExc as e:")
    src.add(3, f"_tb(e, e.__traceback__, LINES, ctx, {name!r})")
    src.add(3, "raise")
    src.add(2, "except _PASS:")
    src.add(3, "raise")
    src.add(2, "except Exception as e:")
    src.add(3, f"raise _host(e, LINES, ctx, {name!r}) from None")
    src.add(2, "finally:")
    src.add(3, "vm.depth = _d")
    src.add(1, f"return {pyname}")
    text = "\n".join(src.text) + "\n"
    namespace = _namespace(consts, children, src.lines)
    exec(compile(text, GENERATED_FILE, "exec"), namespace)
    return Translation(namespace["make"], text, params)


def _namespace(consts: list[Any], children: list[RawCode], lines: list[int]) -> dict[str, Any]:
    from ..errors import MpforgeError
    from .interp import make_exception
    from .objects import Builtin, Cell, Instance, ModuleContext  # noqa: F401
    from .translated import make_function

    namespace = dict(HELPERS)
    namespace.update(
        K=tuple(consts),
        CHILDREN=tuple(children),
        LINES=lines,
        _PASS=(MpforgeError, AssertionError),
        _Cell=Cell,
        _Inst=Instance,
        _Builtin=Builtin,
        _HostMethod=type([].append),
        _BIN=tuple(BINARY),
        _UN=tuple(UNARY),
        _mkexc=make_exception,
        _mkfun=make_function,
        _DONE=_DONE,
        _CONT=frozenset((set, frozenset, dict, list, tuple, range)),
    )
    return namespace


_DONE = object()


class _Emitter:
    """Python statements for one instruction at a known stack depth."""

    def __init__(self, src: _Source, consts: list[Any], children: list[RawCode], indent: int):
        self.src = src
        self.consts = consts
        self.children = children
        self.indent = indent

    def out(self, text: str, extra: int = 0) -> None:
        self.src.add(self.indent + extra, text)

    def const(self, value: Any) -> str:
        lit = _literal(value)
        if lit is not None:
            return lit
        self.consts.append(value)
        return f"K[{len(self.consts) - 1}]"

    def jump(self, target: int, here: int, extra: int = 0) -> None:
        self.out(f"pc = {target}", extra)
        if target <= here:
            self.out("continue", extra)

    def emit(self, ins: _Ins, d: int) -> None:  # noqa: C901 - one case per opcode
        name, arg, out = ins.name, ins.arg, self.out
        top = f"s{d - 1}"
        push = f"s{d}"
        if name in ("LOAD_CONST_FALSE", "LOAD_CONST_NONE", "LOAD_CONST_TRUE"):
            out(f"{push} = {name[11:].capitalize()}")
        elif name in ("LOAD_CONST_SMALL_INT", "LOAD_CONST_SMALL_INT_MULTI", "LOAD_CONST_STRING",
                      "LOAD_CONST_OBJ"):  # fmt: skip
            out(f"{push} = {self.const(arg)}")
        elif name == "LOAD_NULL":
            out(f"{push} = _NULL")
        elif name in ("LOAD_FAST_N", "LOAD_FAST_MULTI"):
            out(f"{push} = l{arg}")
        elif name in ("STORE_FAST_N", "STORE_FAST_MULTI"):
            out(f"l{arg} = {top}")
        elif name == "DELETE_FAST":
            out(f"del l{arg}")
        elif name == "LOAD_DEREF":
            out(f"if l{arg}.empty:")
            out("raise _unbound()", 1)
            out(f"{push} = l{arg}.value")
        elif name == "STORE_DEREF":
            out(f"l{arg}.value = {top}")
            out(f"l{arg}.empty = False")
        elif name == "DELETE_DEREF":
            out(f"_del_deref(l{arg})")
        elif name in ("LOAD_NAME", "LOAD_GLOBAL"):
            key = repr(arg)
            out(f"{push} = G[{key}] if {key} in G else B[{key}] if {key} in B else "
                f"_no_name({key})")  # fmt: skip
        elif name in ("STORE_NAME", "STORE_GLOBAL"):
            out(f"G[{arg!r}] = {top}")
        elif name in ("DELETE_NAME", "DELETE_GLOBAL"):
            out(f"_del_name(G, {arg!r})")
        elif name == "LOAD_ATTR":
            key = repr(arg)
            out(f"{top} = {top}.mp_dict[{key}] if {top}.__class__ is _Inst and {key} in "
                f"{top}.mp_dict else _la({top}, {key})")  # fmt: skip
        elif name == "LOAD_METHOD":
            out(f"{top}, {push} = _lm({top}, {arg!r})")
        elif name == "LOAD_SUPER_METHOD":
            out(f"s{d - 3}, s{d - 2} = _lsuper(s{d - 3}, s{d - 2}, {top}, {arg!r})")
        elif name == "STORE_ATTR":
            out(f"_sa({top}, {arg!r}, s{d - 2})")
        elif name == "LOAD_SUBSCR":
            obj, index = f"s{d - 2}", top
            out("try:")
            out(f"{obj} = {obj}[{index}]", 1)
            out("except _MpExc:")
            out("raise", 1)
            out("except Exception:")
            out(f"{obj} = _lsub({obj}, {index})", 1)
        elif name == "STORE_SUBSCR":
            # a failed store on a built-in value changed nothing: the helper does it
            # again and raises MicroPython's exception; NULL as the value is `del`
            out(f"if s{d - 3} is _NULL:")
            out(f"_ssub(s{d - 2}, {top}, s{d - 3})", 1)
            out("else:")
            out("try:", 1)
            out(f"s{d - 2}[{top}] = s{d - 3}", 2)
            out("except _MpExc:", 1)
            out("raise", 2)
            out("except Exception:", 1)
            out(f"_ssub(s{d - 2}, {top}, s{d - 3})", 2)
        elif name == "DUP_TOP":
            out(f"{push} = {top}")
        elif name == "DUP_TOP_TWO":
            out(f"{push}, s{d + 1} = s{d - 2}, {top}")
        elif name == "POP_TOP":
            out("pass")  # a block may hold nothing else
        elif name == "ROT_TWO":
            out(f"s{d - 2}, {top} = {top}, s{d - 2}")
        elif name == "ROT_THREE":
            out(f"s{d - 3}, s{d - 2}, {top} = {top}, s{d - 3}, s{d - 2}")
        elif name == "JUMP":
            self.jump(arg, ins.off)
        elif name == "POP_JUMP_IF_TRUE":
            out(f"if {top}:")
            self.jump(arg, ins.off, 1)
        elif name == "POP_JUMP_IF_FALSE":
            out(f"if not {top}:")
            self.jump(arg, ins.off, 1)
        elif name == "JUMP_IF_TRUE_OR_POP":
            out(f"if {top}:")
            self.jump(arg, ins.off, 1)
        elif name == "JUMP_IF_FALSE_OR_POP":
            out(f"if not {top}:")
            self.jump(arg, ins.off, 1)
        elif name == "GET_ITER":
            out(f"{top} = _get_iter({top})")
        elif name == "GET_ITER_STACK":
            # the iterator buffer's second slot holds the iterator, as FOR_ITER reads it
            out(f"{push} = _get_iter({top})")
        elif name == "FOR_ITER":
            it = f"s{d - 3}"
            out("try:")
            out(f"{push} = next({it}, _DONE)", 1)
            out("except TypeError:")
            out(f"raise _not_iter({it}) from None", 1)
            out(f"if {push} is _DONE:")
            self.jump(arg, ins.off, 1)
        elif name == "RETURN_VALUE":
            out(f"return {top}")
        elif name == "RAISE_OBJ":
            out(f"raise _mkexc(vm, {top})")
        elif name == "RAISE_FROM":
            out(f"raise _mkexc(vm, s{d - 2})")
        elif name == "BUILD_TUPLE":
            items = ", ".join(f"s{i}" for i in range(d - arg, d))
            out(f"s{d - arg} = ({items}{',' if arg == 1 else ''})")
        elif name == "BUILD_LIST":
            items = ", ".join(f"s{i}" for i in range(d - arg, d))
            out(f"s{d - arg} = [{items}]")
        elif name == "BUILD_MAP":
            out(f"{push} = {{}}")
        elif name == "STORE_MAP":
            out("try:")
            out(f"s{d - 3}[{top}] = s{d - 2}", 1)
            out("except TypeError:")
            out(f"raise _unhashable({top}) from None", 1)
        elif name == "BUILD_SET":
            items = ", ".join(f"s{i}" for i in range(d - arg, d))
            out(f"s{d - arg} = _bset([{items}])")
        elif name == "BUILD_SLICE":
            items = ", ".join(f"s{i}" for i in range(d - arg, d))
            out(f"s{d - arg} = slice({items})")
        elif name == "STORE_COMP":
            kind = arg & 3
            target = f"s{d - 1 - (arg >> 2)}"
            if kind == 0:
                out(f"{target}.append({top})")
            elif kind == 1:
                out(f"{target}[{top}] = s{d - 2}")
            else:
                out(f"{target}.add({top})")
        elif name == "UNPACK_SEQUENCE":
            names = ", ".join(f"s{i}" for i in range(d - 1 + arg - 1, d - 2, -1))
            out(f"{names}{',' if arg == 1 else ''} = {top} if {top}.__class__ is tuple and "
                f"len({top}) == {arg} else _unpack({top}, {arg})")  # fmt: skip
        elif name == "UNPACK_EX":
            n = (arg & 0xFF) + ((arg >> 8) & 0xFF) + 1
            names = ", ".join(f"s{i}" for i in range(d - 1, d - 1 + n))
            out(f"{names}{',' if n == 1 else ''} = _unpack_ex({top}, {arg})")
        elif name == "UNARY_OP_MULTI":
            self.unary(ins, top)
        elif name == "BINARY_OP_MULTI":
            self.binary(ins, f"s{d - 2}", top)
        elif name in ("MAKE_FUNCTION", "MAKE_FUNCTION_DEFARGS", "MAKE_CLOSURE",
                      "MAKE_CLOSURE_DEFARGS"):  # fmt: skip
            self.make_function(name, arg, d)
        elif name == "CALL_FUNCTION":
            self.call(d, arg, method=False)
        elif name == "CALL_METHOD":
            self.call(d, arg, method=True)
        elif name in ("CALL_FUNCTION_VAR_KW", "CALL_METHOD_VAR_KW"):
            n_pos = arg & 0xFF
            n_kw = (arg >> 8) & 0xFF
            base = d - 1 - n_pos - 2 * n_kw  # first positional argument
            pos = ", ".join(f"s{i}" for i in range(base, base + n_pos))
            kw = ", ".join(f"s{i}" for i in range(base + n_pos, base + n_pos + 2 * n_kw))
            if name == "CALL_METHOD_VAR_KW":
                fn, self_obj = f"s{base - 2}", f"s{base - 1}"
            else:
                fn, self_obj = f"s{base - 1}", "_NULL"
            out(f"{fn} = _call_var(vm, {fn}, {self_obj}, [{pos}], [{kw}], {top})")
        elif name == "LOAD_BUILD_CLASS":
            out(f"{push} = B['__build_class__']")
        elif name == "IMPORT_NAME":
            out(f"s{d - 2} = _importer.import_name({arg!r}, {top}, s{d - 2}, G)")
        elif name == "IMPORT_FROM":
            out(f"{push} = _importer.import_from({top}, {arg!r})")
        elif name == "IMPORT_STAR":
            out(f"_import_star({top}, G)")
        else:
            raise Untranslatable(name)

    def unary(self, ins: _Ins, top: str) -> None:
        index = ins.op - _UNARY_BASE
        op_name = opc.UNARY_OPS[index]
        if op_name == "NOT":
            self.out(f"{top} = not {top}")
            return
        self.out("try:")
        self.out(f"{top} = {_UNARY_PREFIX[op_name]}{top}", 1)
        self.out("except _MpExc:")
        self.out("raise", 1)
        self.out("except Exception:")
        self.out(f"{top} = _UN[{index}]({top})", 1)

    def binary(self, ins: _Ins, lhs: str, rhs: str) -> None:
        index = ins.op - _BINARY_BASE
        op_name = opc.BINARY_OPS[index]
        base = op_name.removeprefix("INPLACE_")
        if op_name == "IS":
            expr = (
                f"({lhs} is {rhs}) if {lhs}.__class__ is not int else _BIN[{index}]({lhs}, {rhs})"
            )
        elif op_name == "IN":
            expr = f"({lhs} in {rhs}) if {rhs}.__class__ in _CONT else _BIN[{index}]({lhs}, {rhs})"
        elif op_name == "EXCEPTION_MATCH":
            self.out(f"{lhs} = _BIN[{index}]({lhs}, {rhs})")
            return
        elif base in _INFIX:
            sym = _INFIX[base]
            if op_name.startswith("INPLACE_"):
                # the host's in-place operator (list += extends in place), as the
                # interpreter's operator.i<op>
                self.out("try:")
                self.out(f"{lhs} {sym}= {rhs}", 1)
                self._retry(lhs, rhs, index)
                return
            expr = f"{lhs} {sym} {rhs}"
        else:
            self.out(f"{lhs} = _BIN[{index}]({lhs}, {rhs})")
            return
        self.out("try:")
        self.out(f"{lhs} = {expr}", 1)
        self._retry(lhs, rhs, index)

    def _retry(self, lhs: str, rhs: str, index: int) -> None:
        # a host failure (TypeError, ZeroDivisionError, ...) on built-in values: the
        # generic operator does it again and raises MicroPython's exception
        self.out("except _MpExc:")
        self.out("raise", 1)
        self.out("except Exception:")
        self.out(f"{lhs} = _BIN[{index}]({lhs}, {rhs})", 1)

    def make_function(self, name: str, arg: Any, d: int) -> None:
        if name == "MAKE_FUNCTION":
            self.out(f"s{d} = _mkfun(vm, ctx, CHILDREN[{arg}], (), None, ())")
        elif name == "MAKE_FUNCTION_DEFARGS":
            self.out(f"s{d - 2} = _mkfun(vm, ctx, CHILDREN[{arg}], s{d - 2}, s{d - 1}, ())")
        else:
            child, n = arg
            closed = ", ".join(f"s{i}" for i in range(d - n, d))
            closed = f"({closed}{',' if n == 1 else ''})"
            if name == "MAKE_CLOSURE":
                self.out(f"s{d - n} = _mkfun(vm, ctx, CHILDREN[{child}], (), None, {closed})")
            else:
                self.out(f"s{d - n - 2} = _mkfun(vm, ctx, CHILDREN[{child}], s{d - n - 2}, "
                         f"s{d - n - 1}, {closed})")  # fmt: skip

    def call(self, d: int, arg: int, method: bool) -> None:
        n_pos = arg & 0xFF
        n_kw = (arg >> 8) & 0xFF
        base = d - n_pos - 2 * n_kw  # first positional argument
        args = [f"s{i}" for i in range(base, base + n_pos)]
        if n_kw:
            pairs = ", ".join(
                f"s{base + n_pos + 2 * i}: s{base + n_pos + 2 * i + 1}" for i in range(n_kw)
            )
            kwargs = f"{{{pairs}}}"
        else:
            kwargs = None
        out = self.out
        if method:
            fn, self_obj = f"s{base - 2}", f"s{base - 1}"
            if kwargs is not None:
                out(f"if {self_obj} is _NULL:")
                out(f"{fn} = _call({fn}, [{', '.join(args)}], {kwargs})", 1)
                out("else:")
                out(f"{fn} = _call({fn}, [{', '.join([self_obj, *args])}], {kwargs})", 1)
                return
            out(f"if {self_obj} is _NULL:")
            self._direct_call(fn, fn, args, 1)
            out("else:")
            self._direct_call(fn, fn, [self_obj, *args], 1)
            return
        fn = f"s{base - 1}"
        if kwargs is not None:
            out(f"{fn} = _call({fn}, [{', '.join(args)}], {kwargs})")
            return
        self._direct_call(fn, fn, args, 0)

    def _direct_call(self, result: str, fn: str, args: list[str], extra: int) -> None:
        """A call with positional arguments: straight into a translated function when the
        count matches its parameters, a built-in's host function directly, else the
        interpreter's general call."""
        out = self.out
        listed = ", ".join(args)
        out(f"if {fn}.__class__ is _Fn and {fn}.fastn == {len(args)}:", extra)
        out(f"{result} = {fn}.fast({listed})", extra + 1)
        out(f"elif {fn}.__class__ is _Builtin:", extra)
        out(f"{result} = {fn}.fn({listed})", extra + 1)
        # a host method of a built-in value (list.append, ...): the interpreter's call
        # makes the same host call, and host errors map the same way in this frame
        out(f"elif {fn}.__class__ is _HostMethod:", extra)
        out(f"{result} = {fn}({listed})", extra + 1)
        out("else:", extra)
        out(f"{result} = _call({fn}, [{listed}], None)", extra + 1)
