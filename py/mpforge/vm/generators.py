"""Generators and coroutines (py/objgenerator.c): a suspended `Frame` resumed by
`send`, `throw` and `close`, and the delegation `yield from` and `await` do.

`async def` functions compile to generators too, so coroutines are these objects.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .objects import EXC_TYPES, MISSING, Builtin, InstanceBase, MpException, MpType, mp_error
from .types import register_type

if TYPE_CHECKING:
    from .interp import Frame

_YIELD_FROM_NAME = "YIELD_FROM"


class Generator:
    """A generator instance; also a host iterator, so host code can loop over it."""

    __slots__ = ("frame", "started", "running", "done", "pend")

    def __init__(self, frame: Frame) -> None:
        self.frame = frame
        self.started = False
        self.running = False
        self.done = False
        self.pend: Any = None  # pend_throw's exception, raised at the next resume

    def resume(self, send: Any, throw: MpException | None) -> tuple[bool, Any]:
        """(False, value) when the generator yields, (True, value) when it returns."""
        if self.done:
            return True, None
        if self.running:
            raise mp_error("ValueError", "generator already executing")
        frame = self.frame
        if self.pend is not None:
            throw, self.pend = self.pend, None
        if not self.started:
            if send is not None and throw is None:
                raise mp_error("TypeError", "can't send non-None value to a just-started generator")
            self.started = True
        elif throw is None:
            frame.stack[-1] = send
        self.running = True
        vm = frame.vm
        try:
            if throw is not None:
                if frame.decoded.names.get(frame.ip) == _YIELD_FROM_NAME:
                    frame.inject = throw
                    frame.stack[-1] = None
                else:
                    frame.ip = frame.catch(throw, frame.ip)
            result = vm.run_frame(frame)
        except MpException as exc:
            self.done = True
            if EXC_TYPES["StopIteration"] in exc.mp_type.mro:
                raise mp_error("RuntimeError", "generator raised StopIteration") from None
            raise
        finally:
            self.running = False
        if frame.yielded:
            frame.yielded = False
            return False, frame.stack[-1]
        self.done = True
        return True, result

    # -- host iterator protocol -------------------------------------------------------

    def __iter__(self) -> Generator:
        return self

    def __next__(self) -> Any:
        done, value = self.resume(None, None)
        if done:
            raise StopIteration(value) if value is not None else StopIteration
        return value

    # -- the generator's methods, as a program sees them ----------------------------

    def send(self, value: Any) -> Any:
        done, result = self.resume(value, None)
        if done:
            raise MpException(EXC_TYPES["StopIteration"], () if result is None else (result,))
        return result

    def throw(self, exc: Any, value: Any = None) -> Any:
        if isinstance(exc, MpType):
            from .objects import RT

            assert RT.vm is not None
            exc = RT.vm.call(exc, [] if value is None else [value], None)
        if not isinstance(exc, MpException):
            raise mp_error("TypeError", "exceptions must derive from BaseException")
        done, result = self.resume(None, exc)
        if done:
            raise MpException(EXC_TYPES["StopIteration"], () if result is None else (result,))
        return result

    def close(self) -> None:
        if self.done:
            return None
        if not self.started:
            self.done = True
            return None
        try:
            done, _ = self.resume(None, MpException(EXC_TYPES["GeneratorExit"]))
        except MpException as exc:
            if EXC_TYPES["GeneratorExit"] in exc.mp_type.mro:
                return None
            raise
        if not done:
            raise mp_error("RuntimeError", "generator ignored GeneratorExit")
        return None

    def pend_throw(self, exc: Any) -> Any:
        if self.started and self.running:
            raise mp_error("TypeError", "generator already executing")
        previous, self.pend = self.pend, exc
        return previous

    def mp_getattr(self, name: str) -> Any:
        if name in ("send", "throw", "close", "pend_throw"):
            return Builtin(name, getattr(self, name))
        return MISSING

    def mp_repr(self) -> str:
        return f"<generator object '{self.frame.fun.name}' at 0x{id(self) & 0xFFFFFFFF:x}>"


register_type("generator", Generator)


def resume(delegate: Any, send: Any, throw: MpException | None) -> tuple[bool, Any]:
    """One step of `yield from delegate` (py/runtime.c's mp_resume)."""
    if delegate.__class__ is Generator:
        return delegate.resume(send, throw)
    try:
        if throw is not None:
            if EXC_TYPES["GeneratorExit"] in throw.mp_type.mro:
                close = _method(delegate, "close")
                if close is not None:
                    close()
                    return True, None
                raise throw
            thrower = _method(delegate, "throw")
            if thrower is None:
                raise throw
            return False, thrower(throw)
        if send is None and hasattr(delegate, "__next__"):
            return False, next(delegate)
        sender = _method(delegate, "send")
        if sender is None:
            raise mp_error("TypeError", "object not an iterator")
        return False, sender(send)
    except StopIteration as stop:
        return True, stop.value
    except MpException as exc:
        if EXC_TYPES["StopIteration"] in exc.mp_type.mro:
            return True, exc.mp_args[0] if exc.mp_args else None
        raise


def _method(obj: Any, name: str) -> Any:
    if isinstance(obj, InstanceBase):
        fun = obj.mp_type.lookup(name)
        if fun is MISSING:
            return None
        from .attrs import load_attr

        return load_attr(obj, name)
    return getattr(obj, name, None)
