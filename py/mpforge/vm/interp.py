"""The bytecode interpreter: one `Frame` per running function, one handler per opcode.

Handlers are the `op_<NAME>` methods of `Frame`, found by name through the opcode
table (`mpforge.mpy.opcodes`) into a 256-entry dispatch table built once at import.
A handler returns True when its frame has finished (RETURN_VALUE).

The value stack keeps MicroPython's slot counts (a for-loop iterator takes
`ITER_BUF_NSLOTS` slots), because UNWIND_JUMP and FOR_ITER pop by slot count.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, TextIO

from ..errors import MpforgeError
from ..mpy import format as fmt
from ..mpy import opcodes as opc
from ..mpy.mpyfile import CompiledModule, RawCode
from ..mpy.prelude import Prelude, decode_prelude, line_of_offset
from .builtins import make_builtins
from .objects import (
    Builtin,
    BuiltinType,
    Cell,
    ExcType,
    Function,
    HostIterator,
    ModuleContext,
    MpException,
    TracebackEntry,
    mp_error,
    type_name,
)
from .ops import binary_op, get_iter, is_true, next_value, unary_op

# MicroPython's unix port allows deep recursion (its limit is C stack size); this is
# comfortably deeper than CPython's default, so every program whose expected output
# comes from CPython also runs here.
MAX_CALL_DEPTH = 1200
# Host frames one VM call level takes (call, function entry, loop, call handler),
# with room to spare: the host limit is raised to this times MAX_CALL_DEPTH.
_HOST_FRAMES_PER_CALL = 8

_NULL = object()  # an empty slot: unbound local, or "no self" under CALL_METHOD


class VMError(MpforgeError):
    """Bytecode this VM cannot execute: an unknown opcode or an unsupported feature."""


class Interpreter:
    """State shared by every frame of one run: output, builtins, call depth."""

    def __init__(self, stdout: TextIO) -> None:
        self.stdout = stdout
        self.builtins = make_builtins()
        self.depth = 0
        self._preludes: dict[int, Prelude] = {}

    def write(self, text: str) -> None:
        self.stdout.write(text)

    def prelude_of(self, raw_code: RawCode) -> Prelude:
        key = id(raw_code)
        prelude = self._preludes.get(key)
        if prelude is None:
            if raw_code.kind != fmt.CODE_BYTECODE:
                raise VMError("native code in .mpy files is not supported by the Python VM")
            prelude = self._preludes[key] = decode_prelude(raw_code.fun_data)
        return prelude

    def run_module(self, module: CompiledModule, name: str) -> None:
        context = ModuleContext(module, {"__name__": name})
        fun = Function(module.root, self.prelude_of(module.root), context)
        frame = Frame(self, fun, names=context.globals)
        self._enter()
        try:
            frame.execute()
        finally:
            self.depth -= 1

    def _enter(self) -> None:
        if self.depth >= MAX_CALL_DEPTH:
            raise mp_error("RuntimeError", "maximum recursion depth exceeded")
        self.depth += 1

    def call(self, fun: Any, args: list[Any], kwargs: dict[str, Any]) -> Any:
        if isinstance(fun, Function):
            frame = Frame(self, fun, names=None)
            frame.bind_arguments(list(fun.closure) + args if fun.closure else args, kwargs)
            self._enter()
            try:
                return frame.execute()
            finally:
                self.depth -= 1
        if isinstance(fun, Builtin | BuiltinType):
            return fun.impl(self, args, kwargs)
        if isinstance(fun, ExcType):
            if kwargs:
                raise mp_error("TypeError", "function doesn't take keyword arguments")
            return MpException(fun, tuple(args))
        raise mp_error("TypeError", f"'{type_name(fun)}' object isn't callable")


class Frame:
    """One activation of a bytecode function (or of the module's top-level code)."""

    def __init__(self, vm: Interpreter, fun: Function, names: dict[str, Any] | None) -> None:
        self.vm = vm
        self.fun = fun
        prelude = fun.prelude
        self.prelude = prelude
        self.code = fun.raw_code.fun_data
        self.children = fun.raw_code.children
        self.qstrs = fun.context.module.qstrs
        self.objs = fun.context.module.objs
        self.globals = fun.context.globals
        # module-level code (and class bodies) resolve LOAD_NAME through a dict
        self.names = names if names is not None else self.globals
        self.locals: list[Any] = [_NULL] * prelude.signature.n_state
        self.stack: list[Any] = []
        self.ip = prelude.code_offset
        self.op_ip = self.ip
        self.result: Any = None

    # -- argument binding (MicroPython's rules and messages) --------------------------

    def bind_arguments(self, args: list[Any], kwargs: dict[str, Any]) -> None:
        sig = self.prelude.signature
        n_pos = sig.n_pos_args
        n_kwonly = sig.n_kwonly_args
        slots = self.locals
        fun = self.fun
        var_slot = n_pos + n_kwonly
        if len(args) > n_pos:
            if not sig.scope_flags & fmt.SCOPE_FLAG_VARARGS:
                raise _pos_mismatch(n_pos, len(args))
            slots[var_slot] = tuple(args[n_pos:])
            var_slot += 1
            args = args[:n_pos]
        elif sig.scope_flags & fmt.SCOPE_FLAG_VARARGS:
            slots[var_slot] = ()
            var_slot += 1
        for i, value in enumerate(args):
            slots[i] = value

        if not kwargs and not sig.scope_flags & fmt.SCOPE_FLAG_DEFKWARGS:
            n_required = n_pos - sig.n_def_pos_args
            if len(args) < n_required:
                raise _pos_mismatch(n_required, len(args))
            for i in range(len(args), n_pos):
                slots[i] = fun.default_pos[i - n_required]
            if n_kwonly:
                raise mp_error("TypeError", "function missing keyword-only argument")
            if sig.scope_flags & fmt.SCOPE_FLAG_VARKEYWORDS:
                slots[var_slot] = {}
        else:
            self._bind_keywords(kwargs, var_slot)
        for slot in self.prelude.cells:
            value = slots[slot]
            slots[slot] = Cell() if value is _NULL else Cell(value, empty=False)

    def _bind_keywords(self, kwargs: dict[str, Any], var_slot: int) -> None:
        sig = self.prelude.signature
        n_pos = sig.n_pos_args
        slots = self.locals
        names = [self.qstrs[i] for i in self.prelude.arg_name_indices]
        extra: dict[str, Any] | None = None
        if sig.scope_flags & fmt.SCOPE_FLAG_VARKEYWORDS:
            extra = slots[var_slot] = {}
        for key, value in kwargs.items():
            if key in names:
                j = names.index(key)
                if slots[j] is not _NULL:
                    raise mp_error(
                        "TypeError", f"function got multiple values for argument '{key}'"
                    )
                slots[j] = value
            elif extra is not None:
                extra[key] = value
            else:
                raise mp_error("TypeError", f"unexpected keyword argument '{key}'")
        n_required = n_pos - sig.n_def_pos_args
        for i in range(n_required, n_pos):
            if slots[i] is _NULL:
                slots[i] = self.fun.default_pos[i - n_required]
        # MicroPython scans from the last positional argument down and reports the
        # first gap it meets by its index
        for i in range(n_pos - 1, -1, -1):
            if slots[i] is _NULL:
                raise mp_error("TypeError", f"function missing required positional argument #{i}")
        defaults = self.fun.default_kw or {}
        for j in range(n_pos, n_pos + sig.n_kwonly_args):
            if slots[j] is _NULL:
                if names[j] not in defaults:
                    raise mp_error(
                        "TypeError", f"function missing required keyword argument '{names[j]}'"
                    )
                slots[j] = defaults[names[j]]

    # -- the loop ---------------------------------------------------------------------

    def execute(self) -> Any:
        code = self.code
        table = DISPATCH
        try:
            while True:
                op = code[self.ip]
                self.op_ip = self.ip
                self.ip += 1
                if table[op](self, op):
                    return self.result
        except MpException as exc:
            if code[self.op_ip] != _RAISE_LAST:
                exc.traceback.append(self._traceback_entry())
            raise
        except (MemoryError, OverflowError) as host_error:
            # the host ran out of room for a value the program built (a huge str
            # repetition, say): MicroPython raises the same kinds of error there
            exc = _from_host_error(host_error)
            exc.traceback.append(self._traceback_entry())
            raise exc from None

    def _traceback_entry(self) -> TracebackEntry:
        prelude = self.prelude
        line = line_of_offset(prelude.line_info, self.op_ip - prelude.code_offset)
        return TracebackEntry(self.fun.context.source_file, line, self.qstrs[prelude.name_index])

    # -- argument decoding --------------------------------------------------------------

    def uint(self) -> int:
        code = self.code
        value = 0
        while True:
            b = code[self.ip]
            self.ip += 1
            value = (value << 7) | (b & 0x7F)
            if not b & 0x80:
                return value

    def sint(self) -> int:
        value, self.ip = fmt.decode_sint(self.code, self.ip)
        return value

    def qstr(self) -> str:
        return self.qstrs[self.uint()]

    def ulabel(self) -> int:
        """An unsigned jump target, as an absolute offset into the code."""
        code = self.code
        b = code[self.ip]
        if b & 0x80:
            offset = (b & 0x7F) | code[self.ip + 1] << 7
            self.ip += 2
        else:
            offset = b
            self.ip += 1
        return self.ip + offset

    def slabel(self) -> int:
        code = self.code
        b = code[self.ip]
        if b & 0x80:
            offset = ((b & 0x7F) | code[self.ip + 1] << 7) - 0x4000
            self.ip += 2
        else:
            offset = b - 0x40
            self.ip += 1
        return self.ip + offset

    # -- constants ----------------------------------------------------------------------

    def op_LOAD_CONST_FALSE(self, op: int) -> None:
        self.stack.append(False)

    def op_LOAD_CONST_NONE(self, op: int) -> None:
        self.stack.append(None)

    def op_LOAD_CONST_TRUE(self, op: int) -> None:
        self.stack.append(True)

    def op_LOAD_CONST_SMALL_INT(self, op: int) -> None:
        self.stack.append(self.sint())

    def op_LOAD_CONST_SMALL_INT_MULTI(self, op: int) -> None:
        self.stack.append(op - opc.LOAD_CONST_SMALL_INT_MULTI.base - opc.SMALL_INT_MULTI_EXCESS)

    def op_LOAD_CONST_STRING(self, op: int) -> None:
        self.stack.append(self.qstr())

    def op_LOAD_CONST_OBJ(self, op: int) -> None:
        self.stack.append(self.objs[self.uint()])

    def op_LOAD_NULL(self, op: int) -> None:
        self.stack.append(_NULL)

    # -- names --------------------------------------------------------------------------

    def _load_local(self, n: int) -> None:
        value = self.locals[n]
        if value is _NULL:
            raise mp_error("NameError", "local variable referenced before assignment")
        self.stack.append(value)

    def op_LOAD_FAST_N(self, op: int) -> None:
        self._load_local(self.uint())

    def op_LOAD_FAST_MULTI(self, op: int) -> None:
        self._load_local(op - opc.LOAD_FAST_MULTI.base)

    def op_STORE_FAST_N(self, op: int) -> None:
        self.locals[self.uint()] = self.stack.pop()

    def op_STORE_FAST_MULTI(self, op: int) -> None:
        self.locals[op - opc.STORE_FAST_MULTI.base] = self.stack.pop()

    def op_DELETE_FAST(self, op: int) -> None:
        n = self.uint()
        if self.locals[n] is _NULL:
            raise mp_error("NameError", "local variable referenced before assignment")
        self.locals[n] = _NULL

    def op_LOAD_DEREF(self, op: int) -> None:
        cell = self.locals[self.uint()]
        if cell.empty:
            raise mp_error("NameError", "local variable referenced before assignment")
        self.stack.append(cell.value)

    def op_STORE_DEREF(self, op: int) -> None:
        cell = self.locals[self.uint()]
        cell.value = self.stack.pop()
        cell.empty = False

    def op_DELETE_DEREF(self, op: int) -> None:
        cell = self.locals[self.uint()]
        if cell.empty:
            raise mp_error("NameError", "local variable referenced before assignment")
        cell.value = None
        cell.empty = True

    def _lookup_global(self, name: str) -> Any:
        value = self.globals.get(name, _NULL)
        if value is _NULL:
            value = self.vm.builtins.get(name, _NULL)
            if value is _NULL:
                raise mp_error("NameError", f"name '{name}' isn't defined")
        return value

    def op_LOAD_NAME(self, op: int) -> None:
        name = self.qstr()
        value = self.names.get(name, _NULL)
        self.stack.append(value if value is not _NULL else self._lookup_global(name))

    def op_LOAD_GLOBAL(self, op: int) -> None:
        self.stack.append(self._lookup_global(self.qstr()))

    def op_STORE_NAME(self, op: int) -> None:
        self.names[self.qstr()] = self.stack.pop()

    def op_STORE_GLOBAL(self, op: int) -> None:
        self.globals[self.qstr()] = self.stack.pop()

    def _delete(self, names: dict[str, Any]) -> None:
        name = self.qstr()
        if name not in names:
            raise mp_error("NameError", f"name '{name}' isn't defined")
        del names[name]

    def op_DELETE_NAME(self, op: int) -> None:
        self._delete(self.names)

    def op_DELETE_GLOBAL(self, op: int) -> None:
        self._delete(self.globals)

    def op_LOAD_ATTR(self, op: int) -> None:
        name = self.qstr()
        self.stack.append(_load_attr(self.stack.pop(), name))

    def op_LOAD_METHOD(self, op: int) -> None:
        name = self.qstr()
        obj = self.stack.pop()
        self.stack.append(_load_attr(obj, name))
        self.stack.append(_NULL)

    # -- stack --------------------------------------------------------------------------

    def op_DUP_TOP(self, op: int) -> None:
        self.stack.append(self.stack[-1])

    def op_DUP_TOP_TWO(self, op: int) -> None:
        self.stack.extend(self.stack[-2:])

    def op_POP_TOP(self, op: int) -> None:
        self.stack.pop()

    def op_ROT_TWO(self, op: int) -> None:
        s = self.stack
        s[-1], s[-2] = s[-2], s[-1]

    def op_ROT_THREE(self, op: int) -> None:
        # (a, b, c) with c on top becomes (c, a, b)
        s = self.stack
        s[-3], s[-2], s[-1] = s[-1], s[-3], s[-2]

    # -- jumps and loops ----------------------------------------------------------------

    def op_JUMP(self, op: int) -> None:
        self.ip = self.slabel()

    def op_POP_JUMP_IF_TRUE(self, op: int) -> None:
        target = self.slabel()
        if is_true(self.stack.pop()):
            self.ip = target

    def op_POP_JUMP_IF_FALSE(self, op: int) -> None:
        target = self.slabel()
        if not is_true(self.stack.pop()):
            self.ip = target

    def op_JUMP_IF_TRUE_OR_POP(self, op: int) -> None:
        target = self.ulabel()
        if is_true(self.stack[-1]):
            self.ip = target
        else:
            self.stack.pop()

    def op_JUMP_IF_FALSE_OR_POP(self, op: int) -> None:
        target = self.ulabel()
        if not is_true(self.stack[-1]):
            self.ip = target
        else:
            self.stack.pop()

    def op_UNWIND_JUMP(self, op: int) -> None:
        target = self.slabel()
        unwind = self.code[self.ip]
        if unwind & 0x7F:
            # only reachable from try/with blocks, whose opcodes this VM does not run
            raise VMError("UNWIND_JUMP out of an exception handler block is not supported")
        self.ip = target
        if unwind & 0x80:
            # breaking out of a for loop: drop its iterator
            del self.stack[-opc.ITER_BUF_NSLOTS :]

    def op_GET_ITER(self, op: int) -> None:
        self.stack.append(get_iter(self.stack.pop()))

    def op_GET_ITER_STACK(self, op: int) -> None:
        # MicroPython's iterator buffer: NULL in the first slot says the second holds
        # the iterator object; FOR_ITER and UNWIND_JUMP rely on this layout
        it = get_iter(self.stack.pop())
        self.stack.extend((_NULL, it) + (_NULL,) * (opc.ITER_BUF_NSLOTS - 2))

    def op_FOR_ITER(self, op: int) -> None:
        target = self.ulabel()
        it = self.stack[1 - opc.ITER_BUF_NSLOTS]
        if not isinstance(it, HostIterator):
            raise mp_error("TypeError", f"'{type_name(it)}' object isn't an iterator")
        more, value = next_value(it)
        if more:
            self.stack.append(value)
        else:
            del self.stack[-opc.ITER_BUF_NSLOTS :]
            self.ip = target

    # -- builds ---------------------------------------------------------------------------

    def _pop_n(self, n: int) -> list[Any]:
        if not n:
            return []
        items = self.stack[-n:]
        del self.stack[-n:]
        return items

    def op_BUILD_TUPLE(self, op: int) -> None:
        self.stack.append(tuple(self._pop_n(self.uint())))

    def op_BUILD_LIST(self, op: int) -> None:
        self.stack.append(self._pop_n(self.uint()))

    def op_BUILD_MAP(self, op: int) -> None:
        self.uint()  # a size hint only
        self.stack.append({})

    def op_STORE_MAP(self, op: int) -> None:
        key = self.stack.pop()
        value = self.stack.pop()
        self.stack[-1][key] = value

    # -- operators ------------------------------------------------------------------------

    def op_UNARY_OP_MULTI(self, op: int) -> None:
        self.stack[-1] = unary_op(op - opc.UNARY_OP_MULTI.base, self.stack[-1])

    def op_BINARY_OP_MULTI(self, op: int) -> None:
        rhs = self.stack.pop()
        self.stack[-1] = binary_op(op - opc.BINARY_OP_MULTI.base, self.stack[-1], rhs)

    # -- functions and calls ----------------------------------------------------------

    def _make_function(
        self, defaults: tuple[Any, ...] | None, default_kw: Any, closure: list[Any]
    ) -> Function:
        raw_code = self.children[self.uint()]
        return Function(
            raw_code,
            self.vm.prelude_of(raw_code),
            self.fun.context,
            default_pos=defaults or (),
            default_kw=default_kw,
            closure=tuple(closure),
        )

    def op_MAKE_FUNCTION(self, op: int) -> None:
        self.stack.append(self._make_function((), None, []))

    def op_MAKE_FUNCTION_DEFARGS(self, op: int) -> None:
        default_kw = self.stack.pop()
        defaults = self.stack.pop()
        self.stack.append(self._make_function(defaults, default_kw, []))

    def _n_closed(self) -> int:
        """The closed-over count: the raw byte after MAKE_CLOSURE's child index."""
        pos = self.ip
        while self.code[pos] & 0x80:
            pos += 1
        return self.code[pos + 1]

    def op_MAKE_CLOSURE(self, op: int) -> None:
        closed = self._pop_n(self._n_closed())
        self.stack.append(self._make_function((), None, closed))
        self.ip += 1

    def op_MAKE_CLOSURE_DEFARGS(self, op: int) -> None:
        closed = self._pop_n(self._n_closed())
        default_kw = self.stack.pop()
        defaults = self.stack.pop()
        self.stack.append(self._make_function(defaults, default_kw, closed))
        self.ip += 1

    def _call_args(self, arg: int) -> tuple[list[Any], dict[str, Any]]:
        n_pos = arg & 0xFF
        n_kw = (arg >> 8) & 0xFF
        kw_items = self._pop_n(2 * n_kw)
        kwargs = {kw_items[i]: kw_items[i + 1] for i in range(0, len(kw_items), 2)}
        return self._pop_n(n_pos), kwargs

    def op_CALL_FUNCTION(self, op: int) -> None:
        args, kwargs = self._call_args(self.uint())
        fun = self.stack[-1]
        self.stack[-1] = self.vm.call(fun, args, kwargs)

    def op_CALL_METHOD(self, op: int) -> None:
        args, kwargs = self._call_args(self.uint())
        self_obj = self.stack.pop()
        fun = self.stack[-1]
        if self_obj is not _NULL:
            args.insert(0, self_obj)
        self.stack[-1] = self.vm.call(fun, args, kwargs)

    def op_RETURN_VALUE(self, op: int) -> bool:
        self.result = self.stack.pop()
        return True

    # -- raising ------------------------------------------------------------------------

    def op_RAISE_OBJ(self, op: int) -> None:
        raise _make_exception(self.vm, self.stack.pop())


def _make_exception(vm: Interpreter, obj: Any) -> MpException:
    if isinstance(obj, ExcType):
        obj = vm.call(obj, [], {})
    if isinstance(obj, MpException):
        return obj
    return mp_error("TypeError", "exceptions must derive from BaseException")


def _load_attr(obj: Any, name: str) -> Any:
    if isinstance(obj, MpException) and name == "args":
        return obj.mp_args
    # MicroPython's built-in types have methods this VM does not model yet: failing
    # loudly beats an AttributeError the real VM would not raise
    raise VMError(f"attribute '{name}' of '{type_name(obj)}' objects is not supported yet")


def _from_host_error(error: Exception) -> MpException:
    if isinstance(error, MemoryError):
        return mp_error("MemoryError", "memory allocation failed")
    return mp_error("OverflowError", "overflow converting long int to machine word")


def _pos_mismatch(expected: int, given: int) -> MpException:
    return mp_error(
        "TypeError", f"function takes {expected} positional arguments but {given} were given"
    )


_RAISE_LAST = opc.NUMBER["RAISE_LAST"]

Handler = Callable[[Frame, int], bool | None]


def _unknown_opcode(frame: Frame, op: int) -> None:
    raise VMError(
        f"{frame.fun.context.source_file}: invalid opcode 0x{op:02x} at offset "
        f"{frame.op_ip - frame.prelude.code_offset} in {frame.qstrs[frame.prelude.name_index]}"
    )


def _unsupported(name: str) -> Handler:
    def handler(frame: Frame, op: int) -> None:
        raise VMError(f"{frame.fun.context.source_file}: opcode {name} is not supported yet")

    return handler


def _build_dispatch() -> list[Handler]:
    table: list[Handler] = [_unknown_opcode] * 256
    for number, info in opc.BY_NUMBER.items():
        table[number] = getattr(Frame, f"op_{info.name}", None) or _unsupported(info.name)
    for rng in opc.MULTI_RANGES:
        handler = getattr(Frame, f"op_{rng.name}")
        for number in range(rng.base, rng.base + rng.count):
            table[number] = handler
    return table


DISPATCH = _build_dispatch()


def host_recursion_limit() -> int:
    return MAX_CALL_DEPTH * _HOST_FRAMES_PER_CALL + sys.getrecursionlimit()
