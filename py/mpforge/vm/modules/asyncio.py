"""`asyncio` core (extmod/uasyncio): run, create_task, sleep, sleep_ms, gather,
wait_for, Event, Lock, Task.cancel, CancelledError, TimeoutError.

Coroutines are VM generators. What they await is a host generator here that yields
one request to the scheduler — ("sleep", seconds), ("wait", task), ("event", event),
("lock", lock) — and returns the awaited value, so `await` works through the VM's
ordinary YIELD_FROM.

Time in the event loop is virtual: when every task is asleep the loop's clock jumps to
the earliest wake-up instead of the host sleeping, so programs that sleep for seconds
run instantly, in the same order as on a board.
"""

from __future__ import annotations

import heapq
import itertools
from collections import deque
from typing import Any

from ..generators import Generator
from ..objects import EXC_TYPES, MISSING, Builtin, MpException, MpType, mp_error
from ..types import register_type

CANCELLED = MpType("CancelledError", (EXC_TYPES["BaseException"],))
TIMEOUT = MpType("TimeoutError", (EXC_TYPES["Exception"],))


class Task:
    def __init__(self, loop: Loop, coro: Any) -> None:
        if coro.__class__ is not Generator:
            raise mp_error("TypeError", "coroutine expected")
        self.loop = loop
        self.coro = coro
        self.done = False
        self.result: Any = None
        self.exception: MpException | None = None
        self.waiters: list[Task] = []
        self.pending_throw: MpException | None = None

    def __iter__(self) -> Any:
        return self._await()

    def _await(self) -> Any:
        if not self.done:
            yield ("wait", self)
        if self.exception is not None:
            raise self.exception
        return self.result

    def cancel(self) -> bool:
        if self.done:
            return False
        self.pending_throw = MpException(CANCELLED)
        self.loop.wake(self)
        return True

    def mp_getattr(self, name: str) -> Any:
        if name == "cancel":
            return Builtin("cancel", self.cancel)
        if name == "done":
            return Builtin("done", lambda: self.done)
        if name == "data":
            return None
        return MISSING

    def mp_repr(self) -> str:
        return f"<Task 0x{id(self) & 0xFFFFFFFF:x}>"


class Loop:
    def __init__(self) -> None:
        self.ready: deque[tuple[Task, Any]] = deque()
        self.sleeping: list[tuple[float, int, Task]] = []
        self.seq = itertools.count()
        self.waiting: set[Task] = set()
        self.now = 0.0  # the virtual clock, in seconds

    def create_task(self, coro: Any) -> Task:
        task = Task(self, coro)
        self.ready.append((task, None))
        return task

    def wake(self, task: Task, value: Any = None) -> None:
        self.sleeping = [s for s in self.sleeping if s[2] is not task]
        heapq.heapify(self.sleeping)
        self.waiting.discard(task)
        if all(t is not task for t, _ in self.ready):
            self.ready.append((task, value))

    def step(self, task: Task, value: Any) -> None:
        throw, task.pending_throw = task.pending_throw, None
        try:
            done, request = task.coro.resume(value if throw is None else None, throw)
        except MpException as exc:
            self.finish(task, None, exc)
            return
        if done:
            self.finish(task, request, None)
            return
        self.handle(task, request)

    def finish(self, task: Task, result: Any, exc: MpException | None) -> None:
        task.done = True
        task.result = result
        task.exception = exc
        for waiter in task.waiters:
            self.wake(waiter)
        task.waiters.clear()

    def handle(self, task: Task, request: Any) -> None:
        if request is None:
            self.ready.append((task, None))
            return
        kind, arg = request
        if kind == "sleep":
            heapq.heappush(self.sleeping, (self.now + arg, next(self.seq), task))
        elif kind == "wait":
            arg.waiters.append(task)
            self.waiting.add(task)
        elif kind in ("event", "lock"):
            arg.waiters.append(task)
            self.waiting.add(task)

    def run_until(self, main: Task) -> Any:
        while not main.done:
            if self.ready:
                task, value = self.ready.popleft()
                if not task.done:
                    self.step(task, value)
                continue
            if self.sleeping:
                wake_at, _, task = heapq.heappop(self.sleeping)
                self.now = max(self.now, wake_at)
                self.ready.append((task, None))
                continue
            break
        if main.exception is not None:
            raise main.exception
        return main.result


class Event:
    def __init__(self, loop_ref: Any) -> None:
        self.flag = False
        self.waiters: list[Task] = []
        self.loop_ref = loop_ref

    def set(self) -> None:
        self.flag = True
        for task in self.waiters:
            task.loop.wake(task)
        self.waiters.clear()

    def _wait(self) -> Any:
        while not self.flag:
            yield ("event", self)
        return True

    def mp_getattr(self, name: str) -> Any:
        if name == "set":
            return Builtin("set", self.set)
        if name == "clear":
            return Builtin("clear", lambda: setattr(self, "flag", False))
        if name == "is_set":
            return Builtin("is_set", lambda: self.flag)
        if name == "wait":
            return Builtin("wait", self._wait)
        return MISSING


class Lock:
    def __init__(self) -> None:
        self.held = False
        self.waiters: list[Task] = []

    def _acquire(self) -> Any:
        while self.held:
            yield ("lock", self)
        self.held = True
        return True

    def release(self) -> None:
        if not self.held:
            raise mp_error("RuntimeError", "Lock not acquired")
        self.held = False
        if self.waiters:
            task = self.waiters.pop(0)
            task.loop.wake(task)

    def _aexit(self, *args: Any) -> Any:
        self.release()
        return None
        yield  # an awaitable that finishes at once

    def mp_getattr(self, name: str) -> Any:
        if name in ("acquire", "__aenter__"):
            return Builtin(name, self._acquire)
        if name == "release":
            return Builtin(name, self.release)
        if name == "locked":
            return Builtin(name, lambda: self.held)
        if name == "__aexit__":
            return Builtin(name, self._aexit)
        return MISSING


for _name, _klass in (("Task", Task), ("Event", Event), ("Lock", Lock), ("Loop", Loop)):
    register_type(_name, _klass)


def make(vm: Any) -> dict[str, Any]:
    state: dict[str, Loop] = {"loop": Loop()}

    def loop() -> Loop:
        return state["loop"]

    def sleep(seconds: Any) -> Any:
        yield ("sleep", float(seconds))

    def sleep_ms(ms: Any) -> Any:
        yield ("sleep", ms / 1000)

    def run(coro: Any) -> Any:
        state["loop"] = Loop()
        return state["loop"].run_until(state["loop"].create_task(coro))

    def create_task(coro: Any) -> Task:
        return loop().create_task(coro)

    def gather(*aws: Any, return_exceptions: bool = False) -> Any:
        tasks = [a if isinstance(a, Task) else loop().create_task(a) for a in aws]
        results = []
        for task in tasks:
            if not task.done:
                yield ("wait", task)
                while not task.done:
                    yield ("wait", task)
            if task.exception is not None:
                if not return_exceptions:
                    raise task.exception
                results.append(task.exception)
            else:
                results.append(task.result)
        return results

    def wait_for(aw: Any, timeout: Any) -> Any:
        task = aw if isinstance(aw, Task) else loop().create_task(aw)
        if timeout is None:
            return (yield from task._await())
        deadline = loop().now + timeout
        while not task.done:
            remaining = deadline - loop().now
            if remaining <= 0:
                task.cancel()
                raise MpException(TIMEOUT)
            yield ("sleep", min(remaining, 0.001))
        if task.exception is not None:
            raise task.exception
        return task.result

    class _LoopApi:
        def mp_getattr(self, name: str) -> Any:
            if name == "run_until_complete":
                return Builtin(
                    name,
                    lambda coro: loop().run_until(
                        coro if isinstance(coro, Task) else loop().create_task(coro)
                    ),
                )
            if name == "create_task":
                return Builtin(name, create_task)
            if name == "close":
                return Builtin(name, lambda: None)
            return MISSING

    return {
        "run": Builtin("run", run),
        "sleep": Builtin("sleep", sleep),
        "sleep_ms": Builtin("sleep_ms", sleep_ms),
        "create_task": Builtin("create_task", create_task),
        "gather": Builtin("gather", gather),
        "wait_for": Builtin("wait_for", wait_for),
        "wait_for_ms": Builtin("wait_for_ms", lambda aw, ms: wait_for(aw, ms / 1000)),
        "Event": Builtin("Event", lambda: Event(loop)),
        "Lock": Builtin("Lock", Lock),
        "get_event_loop": Builtin("get_event_loop", lambda *a: _LoopApi()),
        "new_event_loop": Builtin("new_event_loop", lambda: _LoopApi()),
        "current_task": Builtin("current_task", lambda: None),
        "CancelledError": CANCELLED,
        "TimeoutError": TIMEOUT,
    }
