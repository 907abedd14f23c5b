# asyncio for the C runtime, frozen into every firmware (runtime/lib/manifest.yaml):
# run, create_task, sleep, sleep_ms, gather, wait_for, wait_for_ms, Event, Lock,
# Task.cancel, CancelledError, TimeoutError.
#
# Coroutines are generators. What they await yields one request to the loop: None
# (run again after the others), (_SLEEP, ms), or (_WAIT, x) where x lists its waiting
# tasks in `waiters` (a task, an event, a lock). Tasks run in the order CPython's loop
# runs them: the ready queue is first in, first out; sleepers wake by time, then by
# when they went to sleep. The loop keeps its own clock in ms, advanced to each wake-up
# so that the order never depends on how long the code between awaits takes, and it
# really waits until the board's clock (time.ticks_ms) has caught up.
from time import sleep_ms as _board_sleep_ms
from time import ticks_diff, ticks_ms

_SLEEP = 0
_WAIT = 1


class CancelledError(BaseException):
    pass


class TimeoutError(Exception):
    pass


class _Loop:
    def __init__(self):
        self.ready = []
        self.sleeping = []  # [wake ms, sequence, task], sorted
        self.seq = 0
        self.now = 0
        self.start = ticks_ms()

    def wake(self, task):
        for i in range(len(self.sleeping)):
            if self.sleeping[i][2] is task:
                del self.sleeping[i]
                break
        if task.waiting_on is not None:
            if task in task.waiting_on:
                task.waiting_on.remove(task)
            task.waiting_on = None
        if task not in self.ready:
            self.ready.append(task)

    def sleep(self, task, ms):
        entry = [self.now + ms, self.seq, task]
        self.seq += 1
        i = len(self.sleeping)
        while i > 0 and self.sleeping[i - 1][0] > entry[0]:
            i -= 1
        self.sleeping.insert(i, entry)

    def step(self, task):
        exc = task.pending
        task.pending = None
        try:
            if exc is None:
                request = task.coro.send(None)
            else:
                request = task.coro.throw(exc)
        except StopIteration as stop:
            task.finish(stop.value, None)
            return
        except BaseException as error:
            task.finish(None, error)
            return
        if request is None:
            self.ready.append(task)
        elif request[0] == _SLEEP:
            self.sleep(task, request[1])
        else:
            request[1].waiters.append(task)
            task.waiting_on = request[1].waiters

    def run_until(self, main):
        while not main.done():
            if self.ready:
                task = self.ready.pop(0)
                if not task.done():
                    self.step(task)
            elif self.sleeping:
                wake, _, task = self.sleeping.pop(0)
                if wake > self.now:
                    self.now = wake
                behind = ticks_diff(ticks_ms(), self.start)
                if self.now > behind:
                    _board_sleep_ms(self.now - behind)
                self.ready.append(task)
            else:
                break  # every task waits for another: nothing can run
        if main.exception is not None:
            raise main.exception
        return main.result


_loop = _Loop()


class Task:
    def __init__(self, coro):
        self.coro = coro
        self._done = False
        self.result = None
        self.exception = None
        self.waiters = []
        self.waiting_on = None
        self.pending = None  # an exception to throw into the coroutine at its next step
        _loop.ready.append(self)

    def __iter__(self):
        while not self._done:
            yield (_WAIT, self)
        if self.exception is not None:
            raise self.exception
        return self.result

    def done(self):
        return self._done

    def cancel(self):
        if self._done:
            return False
        self.pending = CancelledError()
        _loop.wake(self)
        return True

    def finish(self, result, exception):
        self._done = True
        self.result = result
        self.exception = exception
        waiters = self.waiters
        self.waiters = []
        for task in waiters:
            task.waiting_on = None
            _loop.wake(task)


def create_task(coro):
    return Task(coro)


def run(coro):
    global _loop
    _loop = _Loop()
    return _loop.run_until(Task(coro))


def sleep_ms(ms):
    yield (_SLEEP, ms)


def sleep(seconds):
    yield (_SLEEP, int(seconds * 1000))


def gather(*aws, return_exceptions=False):
    tasks = [a if isinstance(a, Task) else Task(a) for a in aws]
    results = []
    for task in tasks:
        while not task._done:
            yield (_WAIT, task)
        if task.exception is None:
            results.append(task.result)
        elif return_exceptions:
            results.append(task.exception)
        else:
            raise task.exception
    return results


def wait_for_ms(aw, timeout_ms):
    task = aw if isinstance(aw, Task) else Task(aw)
    deadline = _loop.now + timeout_ms
    # one loop tick at a time, so the task's own wake-ups come first
    while not task._done:
        if _loop.now >= deadline:
            task.cancel()
            raise TimeoutError  # noqa: UP041 (this module's own class)
        yield (_SLEEP, 1)
    if task.exception is not None:
        raise task.exception
    return task.result


def wait_for(aw, timeout):
    if timeout is None:
        task = aw if isinstance(aw, Task) else Task(aw)
        return (yield from task)
    return (yield from wait_for_ms(aw, int(timeout * 1000)))


class Event:
    def __init__(self):
        self.flag = False
        self.waiters = []

    def set(self):
        self.flag = True
        waiters = self.waiters
        self.waiters = []
        for task in waiters:
            task.waiting_on = None
            _loop.wake(task)

    def clear(self):
        self.flag = False

    def is_set(self):
        return self.flag

    def wait(self):
        while not self.flag:
            yield (_WAIT, self)
        return True


class Lock:
    def __init__(self):
        self.held = False
        self.waiters = []

    def locked(self):
        return self.held

    def acquire(self):
        while self.held:
            yield (_WAIT, self)
        self.held = True
        return True

    def release(self):
        if not self.held:
            raise RuntimeError("Lock not acquired")
        self.held = False
        if self.waiters:
            task = self.waiters.pop(0)
            task.waiting_on = None
            _loop.wake(task)

    def __aenter__(self):
        return self.acquire()

    def __aexit__(self, *args):
        self.release()
        return
        yield  # a generator: an awaitable that ends at once
