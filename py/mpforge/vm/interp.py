"""The bytecode interpreter: one `Frame` per running function, one handler per opcode.

Handlers are the `op_<NAME>` methods of `Frame`, found by name through the opcode
table (`mpforge.mpy.opcodes`) into a 256-entry dispatch table built once at import.
Each function's bytecode is decoded once (`decode.py`) into `(handler, arg, next)`
entries indexed by byte offset; a handler returns the offset to run next, or -1 when
its frame returns or yields.

Exception blocks work as in py/vm.c: SETUP_* pushes (handler, stack depth, is-finally,
caught exception); an exception truncates the stack to the innermost inactive
handler's depth and jumps there; returns and jumps out of `finally`/`with` blocks run
the handler first, with an `Unwind` marker on the stack saying where to resume.
"""

from __future__ import annotations

import sys
from typing import Any, TextIO

from ..errors import MpforgeError
from ..mpy import format as fmt
from ..mpy import opcodes as opc
from ..mpy.mpyfile import CompiledModule, RawCode
from ..mpy.prelude import line_of_offset
from .attrs import load_attr, load_method, store_attr
from .calls import CallMixin
from .decode import Decoded, decode_code
from .fuse import fuse
from .objects import (
    EXC_TYPES,
    MISSING,
    NULL,
    RT,
    Cell,
    Function,
    ModuleContext,
    MpException,
    MpType,
    TracebackEntry,
    Unwind,
    mp_error,
)
from .ops import BINARY, UNARY, expand_star_args, get_iter, host_error, subscr_error
from .translate import translation
from .types import type_name

# MicroPython's unix port allows deep recursion (its limit is C stack size); this is
# comfortably deeper than CPython's default, so every program whose expected output
# comes from CPython also runs here.
MAX_CALL_DEPTH = 1200
# Host frames one VM call level takes (call, function entry, loop, call handler),
# with room to spare: the host limit is raised to this times MAX_CALL_DEPTH.
_HOST_FRAMES_PER_CALL = 10
ITER_SLOTS = opc.ITER_BUF_NSLOTS
_STAR_ARGS = fmt.SCOPE_FLAG_VARARGS | fmt.SCOPE_FLAG_VARKEYWORDS

_NULL = NULL


class VMError(MpforgeError):
    """Bytecode this VM cannot execute: an unknown opcode or an unsupported feature."""


class Interpreter(CallMixin):
    """State shared by every frame of one run: output, builtins, modules, call depth."""

    def __init__(self, stdout: TextIO, argv: list[str] | None = None) -> None:
        from .builtins import make_builtins
        from .imports import Importer

        self.stdout = stdout
        self.depth = 0
        self.tracer: Any = None
        self.decoded: dict[int, Decoded] = {}
        RT.vm = self
        self.builtins = make_builtins(self)
        self.importer = Importer(self, argv or [])

    def write(self, text: str) -> None:
        self.stdout.write(text)

    def decode(self, raw_code: RawCode, module: CompiledModule) -> Decoded:
        key = id(raw_code)
        decoded = self.decoded.get(key)
        if decoded is None:
            decoded = self.decoded[key] = decode_code(raw_code, module, DISPATCH, VMError)
            if self.tracer is None:  # traced runs see every instruction on its own
                fuse(decoded)
        return decoded

    def make_module_function(self, module: CompiledModule, globals_: dict[str, Any]) -> Function:
        context = ModuleContext(module, globals_)
        decoded = self.decode(module.root, module)
        return Function(module.root, decoded.prelude, context, code=decoded)

    def run_module(self, module: CompiledModule, name: str) -> None:
        globals_ = {"__name__": name}
        self.importer.register_main(name, globals_, module)
        self.exec_module(module, globals_)

    def exec_module(self, module: CompiledModule, globals_: dict[str, Any]) -> Any:
        fun = self.make_module_function(module, globals_)
        fast = self.prepare(fun)
        if fast:
            return fast()
        frame = Frame(self, fun, names=globals_)
        return self.run_frame(frame)

    def prepare(self, fun: Function) -> Any:
        """Look up (or make) `fun`'s translated function; False when it runs on the
        interpreter (generators, exception blocks, traced runs: vm/translate.py)."""
        fast: Any = False
        if self.tracer is None and not fun.is_generator:
            cache = fun.context.fast
            key = id(fun.raw_code)
            fast = cache.get(key)
            if fast is None:
                found = translation(fun.raw_code, fun.context.module, VMError)
                fast = False
                if found is not None:
                    ctx = fun.context
                    fast = found.make(ctx.globals, self.builtins, self, ctx, MAX_CALL_DEPTH)
                cache[key] = fast
        fun.fast = fast
        sig = fun.prelude.signature
        direct = fast and not sig.scope_flags & _STAR_ARGS and not sig.n_kwonly_args
        fun.fastn = sig.n_pos_args if direct and not fun.closure else -1
        return fast

    def run_frame(self, frame: Frame) -> Any:
        if self.depth >= MAX_CALL_DEPTH:
            raise mp_error("RuntimeError", "maximum recursion depth exceeded")
        self.depth += 1
        try:
            return frame.run()
        finally:
            self.depth -= 1


class Frame:
    """One activation of a bytecode function (or of the module's top-level code)."""

    __slots__ = (
        "vm", "fun", "code", "decoded", "locals", "stack", "blocks", "names", "globals",
        "ip", "result", "yielded", "inject", "started",
    )  # fmt: skip

    def __init__(self, vm: Interpreter, fun: Function, names: dict[str, Any] | None = None) -> None:
        self.vm = vm
        self.fun = fun
        decoded = fun.code
        self.decoded = decoded
        self.code = decoded.code
        self.globals = fun.context.globals
        # module-level code and class bodies resolve LOAD_NAME through a dict
        self.names = names if names is not None else self.globals
        self.locals: list[Any] = [_NULL] * decoded.n_state
        self.stack: list[Any] = []
        self.blocks: list[list[Any]] = []
        self.ip = decoded.start
        self.result: Any = None
        self.yielded = False
        self.inject: MpException | None = None

    # -- the loop ---------------------------------------------------------------------

    def run(self) -> Any:
        """Run until the function returns (result) or yields (`yielded` set)."""
        code = self.code
        ip = self.ip
        if self.vm.tracer is not None:
            return self._run_traced(ip)
        while True:
            try:
                while ip >= 0:
                    h, arg, nxt = code[ip]
                    ip = h(self, arg, nxt)
                return self.result
            except MpException as exc:
                ip = self.catch(exc, ip)
            except (MpforgeError, AssertionError):
                raise
            except Exception as err:  # a host error from a built-in: MicroPython's
                ip = self.catch(host_error(err), ip)

    def _run_traced(self, ip: int) -> Any:
        code = self.code
        tracer = self.vm.tracer
        while True:
            try:
                while ip >= 0:
                    h, arg, nxt = code[ip]
                    tracer(self, ip)
                    ip = h(self, arg, nxt)
                return self.result
            except MpException as exc:
                ip = self.catch(exc, ip)
            except (MpforgeError, AssertionError):
                raise
            except Exception as err:
                ip = self.catch(host_error(err), ip)

    def catch(self, exc: MpException, ip: int) -> int:
        """Where execution continues after `exc` was raised at `ip`, or re-raise it."""
        if self.decoded.opcodes[ip] not in _RERAISE_OPS:
            exc.traceback.append(self.traceback_entry(ip))
        blocks = self.blocks
        while blocks and blocks[-1][0] <= ip:
            blocks.pop()
        if not blocks:
            self.ip = -1
            raise exc
        block = blocks[-1]
        block[3] = exc
        del self.stack[block[1] :]
        self.stack.append(exc)
        return block[0]

    def traceback_entry(self, ip: int) -> TracebackEntry:
        decoded = self.decoded
        line = line_of_offset(decoded.prelude.line_info, ip - decoded.prelude.code_offset)
        return TracebackEntry(self.fun.context.source_file, line, self.fun.name)

    def line_of(self, ip: int) -> int:
        return line_of_offset(self.decoded.prelude.line_info, ip - self.decoded.prelude.code_offset)

    # -- constants ----------------------------------------------------------------------

    def op_LOAD_CONST_FALSE(self, arg: Any, nxt: int) -> int:
        self.stack.append(False)
        return nxt

    def op_LOAD_CONST_NONE(self, arg: Any, nxt: int) -> int:
        self.stack.append(None)
        return nxt

    def op_LOAD_CONST_TRUE(self, arg: Any, nxt: int) -> int:
        self.stack.append(True)
        return nxt

    def op_LOAD_CONST_SMALL_INT(self, arg: Any, nxt: int) -> int:
        self.stack.append(arg)
        return nxt

    op_LOAD_CONST_SMALL_INT_MULTI = op_LOAD_CONST_SMALL_INT
    op_LOAD_CONST_STRING = op_LOAD_CONST_SMALL_INT
    op_LOAD_CONST_OBJ = op_LOAD_CONST_SMALL_INT

    def op_LOAD_NULL(self, arg: Any, nxt: int) -> int:
        self.stack.append(_NULL)
        return nxt

    # -- names --------------------------------------------------------------------------

    def op_LOAD_FAST_N(self, arg: int, nxt: int) -> int:
        value = self.locals[arg]
        if value is _NULL:
            raise mp_error("NameError", "local variable referenced before assignment")
        self.stack.append(value)
        return nxt

    op_LOAD_FAST_MULTI = op_LOAD_FAST_N

    def op_STORE_FAST_N(self, arg: int, nxt: int) -> int:
        self.locals[arg] = self.stack.pop()
        return nxt

    op_STORE_FAST_MULTI = op_STORE_FAST_N

    def op_DELETE_FAST(self, arg: int, nxt: int) -> int:
        if self.locals[arg] is _NULL:
            raise mp_error("NameError", "local variable referenced before assignment")
        self.locals[arg] = _NULL
        return nxt

    def op_LOAD_DEREF(self, arg: int, nxt: int) -> int:
        cell = self.locals[arg]
        if cell.empty:
            raise mp_error("NameError", "local variable referenced before assignment")
        self.stack.append(cell.value)
        return nxt

    def op_STORE_DEREF(self, arg: int, nxt: int) -> int:
        cell = self.locals[arg]
        cell.value = self.stack.pop()
        cell.empty = False
        return nxt

    def op_DELETE_DEREF(self, arg: int, nxt: int) -> int:
        cell = self.locals[arg]
        if cell.empty:
            raise mp_error("NameError", "local variable referenced before assignment")
        cell.value = None
        cell.empty = True
        return nxt

    def op_LOAD_NAME(self, arg: str, nxt: int) -> int:
        value = self.names.get(arg, MISSING)
        if value is MISSING:
            value = self.globals.get(arg, MISSING)
            if value is MISSING:
                value = self.vm.builtins.get(arg, MISSING)
                if value is MISSING:
                    raise mp_error("NameError", f"name '{arg}' isn't defined")
        self.stack.append(value)
        return nxt

    def op_LOAD_GLOBAL(self, arg: str, nxt: int) -> int:
        value = self.globals.get(arg, MISSING)
        if value is MISSING:
            value = self.vm.builtins.get(arg, MISSING)
            if value is MISSING:
                raise mp_error("NameError", f"name '{arg}' isn't defined")
        self.stack.append(value)
        return nxt

    def op_STORE_NAME(self, arg: str, nxt: int) -> int:
        self.names[arg] = self.stack.pop()
        return nxt

    def op_STORE_GLOBAL(self, arg: str, nxt: int) -> int:
        self.globals[arg] = self.stack.pop()
        return nxt

    def op_DELETE_NAME(self, arg: str, nxt: int) -> int:
        if arg not in self.names:
            raise mp_error("NameError", f"name '{arg}' isn't defined")
        del self.names[arg]
        return nxt

    def op_DELETE_GLOBAL(self, arg: str, nxt: int) -> int:
        if arg not in self.globals:
            raise mp_error("NameError", f"name '{arg}' isn't defined")
        del self.globals[arg]
        return nxt

    # -- attributes and subscripts --------------------------------------------------------

    def op_LOAD_ATTR(self, arg: str, nxt: int) -> int:
        stack = self.stack
        stack[-1] = load_attr(stack[-1], arg)
        return nxt

    def op_LOAD_METHOD(self, arg: str, nxt: int) -> int:
        stack = self.stack
        stack[-1], self_obj = load_method(stack[-1], arg)
        stack.append(self_obj)
        return nxt

    def op_LOAD_SUPER_METHOD(self, arg: str, nxt: int) -> int:
        # stack: (..., super, __class__, self) -> (..., method, self)
        from .objects import Super

        stack = self.stack
        obj = stack.pop()
        cls = stack.pop()
        stack[-1], self_obj = load_method(Super(cls, obj), arg)
        stack.append(self_obj)
        return nxt

    def op_STORE_ATTR(self, arg: str, nxt: int) -> int:
        stack = self.stack
        obj = stack.pop()
        store_attr(obj, arg, stack.pop())
        return nxt

    def op_LOAD_SUBSCR(self, arg: Any, nxt: int) -> int:
        stack = self.stack
        index = stack.pop()
        obj = stack[-1]
        try:
            stack[-1] = obj[index]
        except MpException:
            raise
        except Exception as err:
            raise subscr_error(obj, index, err, "load") from None
        return nxt

    def op_STORE_SUBSCR(self, arg: Any, nxt: int) -> int:
        stack = self.stack
        index = stack.pop()
        obj = stack.pop()
        value = stack.pop()
        try:
            if value is _NULL:
                del obj[index]
            else:
                obj[index] = value
        except MpException:
            raise
        except Exception as err:
            raise subscr_error(obj, index, err, "delete" if value is _NULL else "store") from None
        return nxt

    # -- stack --------------------------------------------------------------------------

    def op_DUP_TOP(self, arg: Any, nxt: int) -> int:
        self.stack.append(self.stack[-1])
        return nxt

    def op_DUP_TOP_TWO(self, arg: Any, nxt: int) -> int:
        self.stack.extend(self.stack[-2:])
        return nxt

    def op_POP_TOP(self, arg: Any, nxt: int) -> int:
        self.stack.pop()
        return nxt

    def op_ROT_TWO(self, arg: Any, nxt: int) -> int:
        s = self.stack
        s[-1], s[-2] = s[-2], s[-1]
        return nxt

    def op_ROT_THREE(self, arg: Any, nxt: int) -> int:
        # (a, b, c) with c on top becomes (c, a, b)
        s = self.stack
        s[-3], s[-2], s[-1] = s[-1], s[-3], s[-2]
        return nxt

    # -- jumps and loops ----------------------------------------------------------------

    def op_JUMP(self, arg: int, nxt: int) -> int:
        return arg

    def op_POP_JUMP_IF_TRUE(self, arg: int, nxt: int) -> int:
        return arg if self.stack.pop() else nxt

    def op_POP_JUMP_IF_FALSE(self, arg: int, nxt: int) -> int:
        return nxt if self.stack.pop() else arg

    def op_JUMP_IF_TRUE_OR_POP(self, arg: int, nxt: int) -> int:
        if self.stack[-1]:
            return arg
        self.stack.pop()
        return nxt

    def op_JUMP_IF_FALSE_OR_POP(self, arg: int, nxt: int) -> int:
        if not self.stack[-1]:
            return arg
        self.stack.pop()
        return nxt

    def op_GET_ITER(self, arg: Any, nxt: int) -> int:
        self.stack[-1] = get_iter(self.stack[-1])
        return nxt

    def op_GET_ITER_STACK(self, arg: Any, nxt: int) -> int:
        # MicroPython's iterator buffer: NULL in the first slot says the second holds
        # the iterator object; FOR_ITER and UNWIND_JUMP rely on this layout
        stack = self.stack
        it = get_iter(stack.pop())
        stack.extend((_NULL, it, _NULL, _NULL))
        return nxt

    def op_FOR_ITER(self, arg: int, nxt: int) -> int:
        stack = self.stack
        it = stack[-3]
        try:
            value = next(it, _DONE)
        except MpException:
            raise
        except TypeError:
            raise mp_error("TypeError", f"'{type_name(it)}' object isn't an iterator") from None
        if value is _DONE:
            del stack[-ITER_SLOTS:]
            return arg
        stack.append(value)
        return nxt

    # -- exception blocks -----------------------------------------------------------------

    def op_SETUP_EXCEPT(self, arg: int, nxt: int) -> int:
        self.blocks.append([arg, len(self.stack), False, None])
        return nxt

    def op_SETUP_FINALLY(self, arg: int, nxt: int) -> int:
        self.blocks.append([arg, len(self.stack), True, None])
        return nxt

    def op_SETUP_WITH(self, arg: int, nxt: int) -> int:
        stack = self.stack
        mgr = stack.pop()
        exit_fn, exit_self = load_method(mgr, "__exit__")
        enter_fn, enter_self = load_method(mgr, "__enter__")
        stack.append(exit_fn)
        stack.append(exit_self)
        self.blocks.append([arg, len(stack), True, None])
        stack.append(self.vm.call_method(enter_fn, enter_self, []))
        return nxt

    def op_WITH_CLEANUP(self, arg: Any, nxt: int) -> int:
        stack = self.stack
        top = stack.pop()
        exit_self = stack.pop()
        exit_fn = stack.pop()
        call = self.vm.call_method
        if top is None or top.__class__ is Unwind:
            call(exit_fn, exit_self, [None, None, None])
            stack.append(top)
        else:
            handled = call(exit_fn, exit_self, [top.mp_type, top, None])
            stack.append(None if handled else top)
        return nxt

    def op_POP_EXCEPT_JUMP(self, arg: int, nxt: int) -> int:
        self.blocks.pop()
        return arg

    def op_END_FINALLY(self, arg: int, nxt: int) -> int:
        self.blocks.pop()
        top = self.stack.pop()
        if top is None:
            return nxt
        if top.__class__ is Unwind:
            if top.cause < 0:
                self.stack.append(top.data)
                return self._unwind_return(arg)
            return self._unwind_jump(arg, top.data, top.cause)
        raise top

    def op_UNWIND_JUMP(self, arg: tuple[int, int, int], nxt: int) -> int:
        target, unum, ip = arg
        return self._unwind_jump(ip, target, unum)

    def _unwind_jump(self, ip: int, target: int, unum: int) -> int:
        blocks = self.blocks
        stack = self.stack
        while unum & 0x7F:
            unum -= 1
            block = blocks[-1]
            if block[2]:
                if block[0] > ip:
                    # a finally handler not yet running: run it, then come back here
                    del stack[block[1] :]
                    stack.append(Unwind(unum, target))
                    return block[0]
                # leaving a finally handler that is running: drop what it held
                del stack[block[1] :]
            blocks.pop()
        if unum:
            del stack[-ITER_SLOTS:]
        return target

    def op_RETURN_VALUE(self, arg: int, nxt: int) -> int:
        if self.blocks:
            return self._unwind_return(arg)
        self.result = self.stack.pop()
        return -1

    def _unwind_return(self, ip: int) -> int:
        blocks = self.blocks
        stack = self.stack
        while blocks:
            block = blocks[-1]
            if block[2]:
                value = stack.pop()
                del stack[block[1] :]
                if block[0] > ip:
                    stack.append(Unwind(-1, value))
                    return block[0]
                stack.append(value)
            blocks.pop()
        self.result = stack.pop()
        return -1

    # -- raising ------------------------------------------------------------------------

    def op_RAISE_LAST(self, arg: Any, nxt: int) -> int:
        for block in reversed(self.blocks):
            if block[3] is not None:
                raise block[3]
        raise mp_error("RuntimeError", "no active exception to reraise")

    def op_RAISE_OBJ(self, arg: Any, nxt: int) -> int:
        raise make_exception(self.vm, self.stack.pop())

    def op_RAISE_FROM(self, arg: Any, nxt: int) -> int:
        # MicroPython warns "exception chaining not supported" and ignores the cause
        self.stack.pop()
        raise make_exception(self.vm, self.stack.pop())

    # -- builds ---------------------------------------------------------------------------

    def op_BUILD_TUPLE(self, arg: int, nxt: int) -> int:
        stack = self.stack
        if arg:
            items = tuple(stack[-arg:])
            del stack[-arg:]
            stack.append(items)
        else:
            stack.append(())
        return nxt

    def op_BUILD_LIST(self, arg: int, nxt: int) -> int:
        stack = self.stack
        if arg:
            items = stack[-arg:]
            del stack[-arg:]
            stack.append(items)
        else:
            stack.append([])
        return nxt

    def op_BUILD_MAP(self, arg: int, nxt: int) -> int:
        self.stack.append({})
        return nxt

    def op_STORE_MAP(self, arg: Any, nxt: int) -> int:
        stack = self.stack
        key = stack.pop()
        value = stack.pop()
        try:
            stack[-1][key] = value
        except TypeError:
            raise mp_error("TypeError", f"unhashable type: '{type_name(key)}'") from None
        return nxt

    def op_BUILD_SET(self, arg: int, nxt: int) -> int:
        stack = self.stack
        items = stack[-arg:] if arg else []
        if arg:
            del stack[-arg:]
        try:
            stack.append(set(items))
        except TypeError:
            raise mp_error("TypeError", "unhashable type") from None
        return nxt

    def op_BUILD_SLICE(self, arg: int, nxt: int) -> int:
        stack = self.stack
        if arg == 3:
            step = stack.pop()
            stop = stack.pop()
            stack[-1] = slice(stack[-1], stop, step)
        else:
            stop = stack.pop()
            stack[-1] = slice(stack[-1], stop)
        return nxt

    def op_STORE_COMP(self, arg: int, nxt: int) -> int:
        stack = self.stack
        kind = arg & 3
        target = stack[-1 - (arg >> 2)]
        if kind == 0:
            target.append(stack.pop())
        elif kind == 1:
            key = stack.pop()
            target[key] = stack.pop()
        else:
            target.add(stack.pop())
        return nxt

    def op_UNPACK_SEQUENCE(self, arg: int, nxt: int) -> int:
        stack = self.stack
        seq = stack.pop()
        items = seq if seq.__class__ is tuple or seq.__class__ is list else list(get_iter(seq))
        if len(items) != arg:
            if len(items) < arg:
                raise mp_error("ValueError", f"need more than {len(items)} values to unpack")
            raise mp_error("ValueError", f"too many values to unpack (expected {arg})")
        stack.extend(reversed(items))
        return nxt

    def op_UNPACK_EX(self, arg: int, nxt: int) -> int:
        stack = self.stack
        n_before = arg & 0xFF
        n_after = (arg >> 8) & 0xFF
        items = list(get_iter(stack.pop()))
        if len(items) < n_before + n_after:
            raise mp_error("ValueError", f"need more than {len(items)} values to unpack")
        after = items[len(items) - n_after :] if n_after else []
        middle = items[n_before : len(items) - n_after]
        stack.extend(reversed(after))
        stack.append(middle)
        stack.extend(reversed(items[:n_before]))
        return nxt

    # -- operators ------------------------------------------------------------------------

    def op_UNARY_OP_MULTI(self, arg: Any, nxt: int) -> int:
        self.stack[-1] = arg(self.stack[-1])
        return nxt

    def op_BINARY_OP_MULTI(self, arg: Any, nxt: int) -> int:
        stack = self.stack
        rhs = stack.pop()
        stack[-1] = arg(stack[-1], rhs)
        return nxt

    # -- functions and calls ----------------------------------------------------------

    def _make_function(
        self, child: int, defaults: Any, default_kw: Any, closure: tuple
    ) -> Function:
        raw_code = self.fun.raw_code.children[child]
        module = self.fun.context.module
        decoded = self.vm.decode(raw_code, module)
        return Function(
            raw_code,
            decoded.prelude,
            self.fun.context,
            default_pos=defaults if defaults.__class__ is tuple else (),
            default_kw=default_kw if default_kw.__class__ is dict else None,
            closure=closure,
            code=decoded,
        )

    def op_MAKE_FUNCTION(self, arg: int, nxt: int) -> int:
        self.stack.append(self._make_function(arg, (), None, ()))
        return nxt

    def op_MAKE_FUNCTION_DEFARGS(self, arg: int, nxt: int) -> int:
        stack = self.stack
        default_kw = stack.pop()
        stack[-1] = self._make_function(arg, stack[-1], default_kw, ())
        return nxt

    def op_MAKE_CLOSURE(self, arg: tuple[int, int], nxt: int) -> int:
        child, n_closed = arg
        stack = self.stack
        closed = tuple(stack[-n_closed:])
        del stack[-n_closed:]
        stack.append(self._make_function(child, (), None, closed))
        return nxt

    def op_MAKE_CLOSURE_DEFARGS(self, arg: tuple[int, int], nxt: int) -> int:
        child, n_closed = arg
        stack = self.stack
        closed = tuple(stack[-n_closed:])
        del stack[-n_closed:]
        default_kw = stack.pop()
        stack[-1] = self._make_function(child, stack[-1], default_kw, closed)
        return nxt

    def op_CALL_FUNCTION(self, arg: int, nxt: int) -> int:
        stack = self.stack
        if arg < 0x100:
            if arg:
                args = stack[-arg:]
                del stack[-arg:]
            else:
                args = []
            stack[-1] = self.vm.call(stack[-1], args, None)
            return nxt
        args, kwargs = _pop_args(stack, arg)
        stack[-1] = self.vm.call(stack[-1], args, kwargs)
        return nxt

    def op_CALL_METHOD(self, arg: int, nxt: int) -> int:
        stack = self.stack
        args, kwargs = _pop_args(stack, arg)
        self_obj = stack.pop()
        if self_obj is not _NULL:
            args.insert(0, self_obj)
        stack[-1] = self.vm.call(stack[-1], args, kwargs)
        return nxt

    def op_CALL_FUNCTION_VAR_KW(self, arg: int, nxt: int) -> int:
        stack = self.stack
        bitmap = stack.pop()
        args, kwargs = _pop_var_args(stack, arg, bitmap)
        stack[-1] = self.vm.call(stack[-1], args, kwargs)
        return nxt

    def op_CALL_METHOD_VAR_KW(self, arg: int, nxt: int) -> int:
        stack = self.stack
        bitmap = stack.pop()
        args, kwargs = _pop_var_args(stack, arg, bitmap)
        self_obj = stack.pop()
        if self_obj is not _NULL:
            args.insert(0, self_obj)
        stack[-1] = self.vm.call(stack[-1], args, kwargs)
        return nxt

    def op_LOAD_BUILD_CLASS(self, arg: Any, nxt: int) -> int:
        self.stack.append(self.vm.builtins["__build_class__"])
        return nxt

    # -- generators -------------------------------------------------------------------

    def op_YIELD_VALUE(self, arg: Any, nxt: int) -> int:
        self.ip = nxt
        self.yielded = True
        return -1

    def op_YIELD_FROM(self, arg: int, nxt: int) -> int:
        from .generators import resume

        stack = self.stack
        send_value = stack.pop()
        inject = self.inject
        self.inject = None
        done, value = resume(stack[-1], send_value, inject)
        if not done:
            # stay on this instruction: the next send goes to the same delegate
            stack.append(value)
            self.ip = arg
            self.yielded = True
            return -1
        stack[-1] = value
        if inject is not None and inject.mp_type is EXC_TYPES["GeneratorExit"]:
            raise inject
        return nxt

    # -- imports ------------------------------------------------------------------------

    def op_IMPORT_NAME(self, arg: str, nxt: int) -> int:
        stack = self.stack
        fromlist = stack.pop()
        level = stack[-1]
        stack[-1] = self.vm.importer.import_name(arg, fromlist, level, self.globals)
        return nxt

    def op_IMPORT_FROM(self, arg: str, nxt: int) -> int:
        self.stack.append(self.vm.importer.import_from(self.stack[-1], arg))
        return nxt

    def op_IMPORT_STAR(self, arg: Any, nxt: int) -> int:
        module = self.stack.pop()
        for key, value in module.dict.items():
            if not key.startswith("_"):
                self.names[key] = value
        return nxt


_DONE = object()


def _pop_args(stack: list[Any], arg: int) -> tuple[list[Any], dict[str, Any] | None]:
    n_pos = arg & 0xFF
    n_kw = (arg >> 8) & 0xFF
    kwargs = None
    if n_kw:
        kw_items = stack[-2 * n_kw :]
        del stack[-2 * n_kw :]
        kwargs = {kw_items[i]: kw_items[i + 1] for i in range(0, len(kw_items), 2)}
    if n_pos:
        args = stack[-n_pos:]
        del stack[-n_pos:]
    else:
        args = []
    return args, kwargs


def _pop_var_args(stack: list[Any], arg: int, bitmap: int) -> tuple[list[Any], dict[str, Any]]:
    n_pos = arg & 0xFF
    n_kw = (arg >> 8) & 0xFF
    kw_items = stack[-2 * n_kw :] if n_kw else []
    if n_kw:
        del stack[-2 * n_kw :]
    pos = stack[-n_pos:] if n_pos else []
    if n_pos:
        del stack[-n_pos:]
    return expand_star_args(pos, kw_items, bitmap)


def make_exception(vm: Interpreter, obj: Any) -> MpException:
    if isinstance(obj, MpType) and obj.is_exc:
        obj = vm.call(obj, [], None)
    if isinstance(obj, MpException):
        return obj
    return mp_error("TypeError", "exceptions must derive from BaseException")


_RERAISE_OPS = frozenset((opc.NUMBER["RAISE_LAST"], opc.NUMBER["END_FINALLY"]))


def _unknown_opcode(frame: Frame, arg: Any, nxt: int) -> int:
    raise VMError(f"invalid opcode 0x{arg[0]:02x} at offset {arg[1]} in {arg[2]}")


def _build_dispatch() -> list[Any]:
    table: list[Any] = [_unknown_opcode] * 256
    for number, info in opc.BY_NUMBER.items():
        table[number] = getattr(Frame, f"op_{info.name}")
    for rng in opc.MULTI_RANGES:
        handler = getattr(Frame, f"op_{rng.name}")
        for number in range(rng.base, rng.base + rng.count):
            table[number] = handler
    return table


DISPATCH = _build_dispatch()
UNKNOWN_OPCODE = _unknown_opcode
OPERATOR_TABLES = (UNARY, BINARY)


def host_recursion_limit() -> int:
    return MAX_CALL_DEPTH * _HOST_FRAMES_PER_CALL + sys.getrecursionlimit()


__all__ = ["Cell", "DISPATCH", "Frame", "Interpreter", "MAX_CALL_DEPTH", "VMError"]
