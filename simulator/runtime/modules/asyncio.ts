/**
 * `asyncio`, in Python as CPython's Lib/asyncio is (3.11), reduced to one event loop on the
 * thread that runs it: Future, Task (driving a coroutine with send/throw), the loop's ready
 * queue and timer heap, sleep, gather, wait, wait_for, as_completed, Queue, Lock, Event,
 * Semaphore, run / get_event_loop / new_event_loop. When nothing is ready the loop sleeps
 * until its next timer with time.sleep, so the simulated machine moves virtual time (and shows
 * the thread sleeping on the timeline); with no timer either, it waits on an Event nobody will
 * set, which the machine reports as a hang — what a real loop stuck in select() is.
 * Executors (run_in_executor), subprocesses, streams and servers stop as unsupported.
 */
import { Unsupported } from "../../vm/errors";
import { builtin } from "../../vm/define";
import { registerModule, registerPythonModule } from "../../vm/modules";

registerModule("_asyncio_support", (m) => {
  m.dict!.setStr(
    "unsupported",
    builtin("unsupported", (args) => {
      throw new Unsupported(String(args[0]));
    }),
  );
});

const SOURCE = `
"""The asyncio package (Interleave's single-loop reduction of CPython 3.11's)."""
import collections
import heapq
import sys
import time as _time
import threading as _threading
from _asyncio_support import unsupported as _unsupported

__all__ = ["CancelledError", "InvalidStateError", "TimeoutError", "QueueEmpty", "QueueFull",
           "Future", "Task", "AbstractEventLoop", "BaseEventLoop", "Handle", "TimerHandle",
           "sleep", "gather", "wait", "wait_for", "as_completed", "shield", "ensure_future",
           "create_task", "current_task", "all_tasks", "run", "get_event_loop",
           "get_running_loop", "new_event_loop", "set_event_loop", "iscoroutine",
           "iscoroutinefunction", "Queue", "LifoQueue", "PriorityQueue", "Lock", "Event",
           "Semaphore", "BoundedSemaphore", "Condition", "FIRST_COMPLETED", "FIRST_EXCEPTION",
           "ALL_COMPLETED"]


class CancelledError(BaseException):
    """The Future or Task was cancelled."""


class InvalidStateError(Exception):
    """The operation is not allowed in this state."""


TimeoutError = TimeoutError


class _Namespace:
    def __init__(self, name):
        self.__name__ = name


# Submodules CPython's package has (so that a misspelled attribute gets its suggestion).
coroutines = _Namespace("asyncio.coroutines")
events = _Namespace("asyncio.events")
futures = _Namespace("asyncio.futures")
tasks = _Namespace("asyncio.tasks")
queues = _Namespace("asyncio.queues")
locks = _Namespace("asyncio.locks")
exceptions = _Namespace("asyncio.exceptions")

FIRST_COMPLETED = "FIRST_COMPLETED"
FIRST_EXCEPTION = "FIRST_EXCEPTION"
ALL_COMPLETED = "ALL_COMPLETED"

_PENDING = "PENDING"
_CANCELLED = "CANCELLED"
_FINISHED = "FINISHED"


def iscoroutine(obj):
    return type(obj).__name__ == "coroutine"


def iscoroutinefunction(func):
    code = getattr(func, "__code__", None)
    return code is not None and bool(code.co_flags & 0x80)


def isfuture(obj):
    return getattr(obj, "_asyncio_future_blocking", None) is not None


# ---------------------------------------------------------------- handles and the loop

class Handle:
    def __init__(self, callback, args, loop):
        self._callback = callback
        self._args = args
        self._loop = loop
        self._cancelled = False

    def cancel(self):
        self._cancelled = True

    def cancelled(self):
        return self._cancelled

    def _run(self):
        try:
            self._callback(*self._args)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as exc:
            self._loop.call_exception_handler({"message": f"Exception in callback {self._callback!r}", "exception": exc})


class TimerHandle(Handle):
    def __init__(self, when, callback, args, loop, seq):
        super().__init__(callback, args, loop)
        self._when = when
        self._seq = seq

    def when(self):
        return self._when

    def __lt__(self, other):
        return (self._when, self._seq) < (other._when, other._seq)


_running_loop = None
_current_loop = None


class AbstractEventLoop:
    pass


class BaseEventLoop(AbstractEventLoop):
    def __init__(self):
        self._ready = collections.deque()
        self._scheduled = []
        self._seq = 0
        self._stopping = False
        self._closed = False
        self._running = False
        self._task_count = 0
        self._tasks = []

    def __repr__(self):
        return f"<_UnixSelectorEventLoop running={self._running} closed={self._closed} debug=False>"

    def time(self):
        return _time.monotonic()

    def call_soon(self, callback, *args, context=None):
        self._check_closed()
        h = Handle(callback, args, self)
        self._ready.append(h)
        return h

    call_soon_threadsafe = call_soon

    def call_later(self, delay, callback, *args, context=None):
        return self.call_at(self.time() + delay, callback, *args)

    def call_at(self, when, callback, *args, context=None):
        self._check_closed()
        self._seq += 1
        h = TimerHandle(when, callback, args, self, self._seq)
        heapq.heappush(self._scheduled, h)
        return h

    def create_future(self):
        return Future(loop=self)

    def create_task(self, coro, *, name=None, context=None):
        self._check_closed()
        return Task(coro, loop=self, name=name)

    def is_running(self):
        return self._running

    def is_closed(self):
        return self._closed

    def _check_closed(self):
        if self._closed:
            raise RuntimeError("Event loop is closed")

    def stop(self):
        self._stopping = True

    def close(self):
        if self._running:
            raise RuntimeError("Cannot close a running event loop")
        self._closed = True
        self._ready.clear()
        self._scheduled.clear()

    def run_forever(self):
        global _running_loop
        self._check_closed()
        if self._running:
            raise RuntimeError("This event loop is already running")
        if _running_loop is not None:
            raise RuntimeError("Cannot run the event loop while another loop is running")
        self._running = True
        _running_loop = self
        try:
            while True:
                self._run_once()
                if self._stopping:
                    break
        finally:
            self._stopping = False
            self._running = False
            _running_loop = None

    def run_until_complete(self, future):
        self._check_closed()
        new_task = not isfuture(future)
        future = ensure_future(future, loop=self)

        def _done(fut):
            fut._loop.stop()

        future.add_done_callback(_done)
        try:
            self.run_forever()
        finally:
            future.remove_done_callback(_done)
        if not future.done():
            raise RuntimeError("Event loop stopped before Future completed.")
        return future.result()

    def _run_once(self):
        if self._ready or self._stopping:
            timeout = 0
        elif self._scheduled:
            timeout = max(0, self._scheduled[0]._when - self.time())
        else:
            # Nothing can ever run: a real loop waits in select() forever.
            _threading.Event().wait()
            timeout = 0
        if timeout > 0:
            _time.sleep(timeout)
        end = self.time() + 1e-9
        while self._scheduled and self._scheduled[0]._when <= end:
            h = heapq.heappop(self._scheduled)
            if not h._cancelled:
                self._ready.append(h)
        for _ in range(len(self._ready)):
            h = self._ready.popleft()
            if not h._cancelled:
                h._run()

    def call_exception_handler(self, context):
        message = context.get("message", "Unhandled exception in event loop")
        exc = context.get("exception")
        print(message, file=sys.stderr)
        if exc is not None:
            print(f"{type(exc).__name__}: {exc}", file=sys.stderr)

    def run_in_executor(self, executor, func, *args):
        _unsupported("asyncio's run_in_executor (executors come in a later issue)")

    def set_default_executor(self, executor):
        _unsupported("asyncio's executors")

    def getaddrinfo(self, *args, **kwargs):
        _unsupported("asyncio networking")

    def create_connection(self, *args, **kwargs):
        _unsupported("asyncio networking")

    def create_server(self, *args, **kwargs):
        _unsupported("asyncio servers")

    def subprocess_exec(self, *args, **kwargs):
        _unsupported("asyncio subprocesses")

    subprocess_shell = subprocess_exec

    def add_signal_handler(self, *args, **kwargs):
        _unsupported("asyncio signal handlers")

    def set_debug(self, enabled):
        pass

    def get_debug(self):
        return False

    async def shutdown_asyncgens(self):
        pass

    async def shutdown_default_executor(self):
        pass


def new_event_loop():
    return BaseEventLoop()


def set_event_loop(loop):
    global _current_loop
    _current_loop = loop


def get_event_loop():
    global _current_loop
    if _running_loop is not None:
        return _running_loop
    if _current_loop is None:
        _current_loop = new_event_loop()
    return _current_loop


def get_running_loop():
    if _running_loop is None:
        raise RuntimeError("no running event loop")
    return _running_loop


def _get_loop(loop=None):
    return loop if loop is not None else get_event_loop()


# ---------------------------------------------------------------- futures and tasks

class Future:
    _asyncio_future_blocking = False

    def __init__(self, *, loop=None):
        self._loop = _get_loop(loop)
        self._state = _PENDING
        self._result = None
        self._exception = None
        self._callbacks = []
        self._cancel_message = None

    def __repr__(self):
        return f"<{type(self).__name__} {self._state.lower()}>"

    def get_loop(self):
        return self._loop

    def cancel(self, msg=None):
        if self._state != _PENDING:
            return False
        self._state = _CANCELLED
        self._cancel_message = msg
        self._schedule_callbacks()
        return True

    def _schedule_callbacks(self):
        callbacks = self._callbacks[:]
        self._callbacks[:] = []
        for callback in callbacks:
            self._loop.call_soon(callback, self)

    def cancelled(self):
        return self._state == _CANCELLED

    def done(self):
        return self._state != _PENDING

    def result(self):
        if self._state == _CANCELLED:
            raise CancelledError() if self._cancel_message is None else CancelledError(self._cancel_message)
        if self._state != _FINISHED:
            raise InvalidStateError("Result is not ready.")
        if self._exception is not None:
            raise self._exception
        return self._result

    def exception(self):
        if self._state == _CANCELLED:
            raise CancelledError()
        if self._state != _FINISHED:
            raise InvalidStateError("Exception is not set.")
        return self._exception

    def add_done_callback(self, fn, *, context=None):
        if self._state != _PENDING:
            self._loop.call_soon(fn, self)
        else:
            self._callbacks.append(fn)

    def remove_done_callback(self, fn):
        kept = [f for f in self._callbacks if f != fn]
        removed = len(self._callbacks) - len(kept)
        self._callbacks[:] = kept
        return removed

    def set_result(self, result):
        if self._state != _PENDING:
            raise InvalidStateError(f"{self._state}: {self!r}")
        self._result = result
        self._state = _FINISHED
        self._schedule_callbacks()

    def set_exception(self, exception):
        if self._state != _PENDING:
            raise InvalidStateError(f"{self._state}: {self!r}")
        if isinstance(exception, type):
            exception = exception()
        if type(exception) is StopIteration:
            raise TypeError("StopIteration interacts badly with generators and cannot be raised into a Future")
        self._exception = exception
        self._state = _FINISHED
        self._schedule_callbacks()

    def __await__(self):
        if not self.done():
            self._asyncio_future_blocking = True
            yield self
        if not self.done():
            raise RuntimeError("await wasn't used with future")
        return self.result()

    __iter__ = __await__


_current_tasks = {}


class Task(Future):
    def __init__(self, coro, *, loop=None, name=None):
        super().__init__(loop=loop)
        if not iscoroutine(coro):
            raise TypeError(f"a coroutine was expected, got {coro!r}")
        self._coro = coro
        self._fut_waiter = None
        self._must_cancel = False
        self._loop._task_count += 1
        self._name = name if name is not None else f"Task-{self._loop._task_count}"
        self._loop._tasks.append(self)
        self._loop.call_soon(self._step)

    def __repr__(self):
        return f"<Task {self._state.lower()} name='{self._name}' coro={self._coro!r}>"

    def get_name(self):
        return self._name

    def set_name(self, value):
        self._name = str(value)

    def get_coro(self):
        return self._coro

    def cancel(self, msg=None):
        if self.done():
            return False
        if self._fut_waiter is not None:
            if self._fut_waiter.cancel(msg=msg):
                return True
        self._must_cancel = True
        self._cancel_message = msg
        return True

    def _step(self, exc=None):
        if self.done():
            return
        if self._must_cancel:
            if not isinstance(exc, CancelledError):
                exc = CancelledError() if self._cancel_message is None else CancelledError(self._cancel_message)
            self._must_cancel = False
        self._fut_waiter = None
        loop = self._loop
        prev = _current_tasks.get(loop)
        _current_tasks[loop] = self
        try:
            if exc is None:
                result = self._coro.send(None)
            else:
                result = self._coro.throw(exc)
        except StopIteration as e:
            if self._must_cancel:
                self._must_cancel = False
                Future.cancel(self)
            else:
                Future.set_result(self, e.value)
        except CancelledError as e:
            self._cancel_message = e.args[0] if e.args else None
            Future.cancel(self, msg=self._cancel_message)
        except (KeyboardInterrupt, SystemExit) as e:
            Future.set_exception(self, e)
            raise
        except BaseException as e:
            Future.set_exception(self, e)
        else:
            blocking = getattr(result, "_asyncio_future_blocking", None)
            if blocking is not None:
                if result is self:
                    loop.call_soon(self._step, RuntimeError(f"Task cannot await on itself: {self!r}"))
                else:
                    result._asyncio_future_blocking = False
                    result.add_done_callback(self._wakeup)
                    self._fut_waiter = result
                    if self._must_cancel:
                        if self._fut_waiter.cancel(msg=self._cancel_message):
                            self._must_cancel = False
            elif result is None:
                loop.call_soon(self._step)
            else:
                loop.call_soon(self._step, RuntimeError(f"Task got bad yield: {result!r}"))
        finally:
            _current_tasks[loop] = prev

    def _wakeup(self, future):
        try:
            future.result()
        except BaseException as exc:
            self._step(exc)
        else:
            self._step()


def current_task(loop=None):
    return _current_tasks.get(get_running_loop() if loop is None else loop)


def all_tasks(loop=None):
    loop = get_running_loop() if loop is None else loop
    return {t for t in loop._tasks if not t.done()}


def ensure_future(coro_or_future, *, loop=None):
    if isfuture(coro_or_future):
        return coro_or_future
    if iscoroutine(coro_or_future):
        return _get_loop(loop).create_task(coro_or_future)
    if hasattr(coro_or_future, "__await__"):
        async def _wrap(aw):
            return await aw
        return _get_loop(loop).create_task(_wrap(coro_or_future))
    raise TypeError("An asyncio.Future, a coroutine or an awaitable is required")


def create_task(coro, *, name=None, context=None):
    return get_running_loop().create_task(coro, name=name)


async def sleep(delay, result=None):
    if delay <= 0:
        await _YieldOnce()
        return result
    loop = get_running_loop()
    future = loop.create_future()
    h = loop.call_later(delay, _set_result_unless_cancelled, future, result)
    try:
        return await future
    finally:
        h.cancel()


class _YieldOnce:
    """sleep(0): gives the other tasks one turn."""

    def __await__(self):
        yield



def _set_result_unless_cancelled(fut, result):
    if not fut.cancelled():
        fut.set_result(result)


def gather(*coros_or_futures, return_exceptions=False):
    loop = get_event_loop()
    children = [ensure_future(c, loop=loop) for c in coros_or_futures]
    outer = loop.create_future()
    if not children:
        outer.set_result([])
        return outer
    state = {"done": 0}

    def _done(fut):
        state["done"] += 1
        if outer.done():
            return
        if not return_exceptions:
            if fut.cancelled():
                outer.set_exception(CancelledError())
                return
            exc = fut.exception()
            if exc is not None:
                outer.set_exception(exc)
                return
        if state["done"] == len(children):
            results = []
            for f in children:
                if f.cancelled():
                    results.append(CancelledError() if f._cancel_message is None else CancelledError(f._cancel_message))
                else:
                    results.append(f.exception() if f.exception() is not None else f.result())
            outer.set_result(results)

    for child in children:
        child.add_done_callback(_done)
    return outer


async def wait(fs, *, timeout=None, return_when=ALL_COMPLETED):
    if isfuture(fs) or iscoroutine(fs):
        raise TypeError(f"expect a list of futures, not {type(fs).__name__}")
    if not fs:
        raise ValueError("Set of Tasks/Futures is empty.")
    if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        raise ValueError(f"Invalid return_when value: {return_when}")
    fs = set(fs)
    if any(iscoroutine(f) for f in fs):
        raise TypeError("Passing coroutines is forbidden, use tasks explicitly.")
    loop = get_running_loop()
    waiter = loop.create_future()
    counter = {"n": len(fs)}
    timer = None
    if timeout is not None:
        timer = loop.call_later(timeout, _release_waiter, waiter)

    def _on_done(f):
        counter["n"] -= 1
        if (counter["n"] <= 0 or return_when == FIRST_COMPLETED
                or return_when == FIRST_EXCEPTION and not f.cancelled() and f.exception() is not None):
            if timer is not None:
                timer.cancel()
            if not waiter.done():
                waiter.set_result(None)

    for f in fs:
        f.add_done_callback(_on_done)
    try:
        await waiter
    finally:
        if timer is not None:
            timer.cancel()
        for f in fs:
            f.remove_done_callback(_on_done)
    done, pending = set(), set()
    for f in fs:
        (done if f.done() else pending).add(f)
    return done, pending


def _release_waiter(waiter, *args):
    if not waiter.done():
        waiter.set_result(None)


async def wait_for(fut, timeout):
    loop = get_running_loop()
    fut = ensure_future(fut, loop=loop)
    if timeout is None:
        return await fut
    if timeout <= 0:
        if fut.done():
            return fut.result()
        fut.cancel()
        raise TimeoutError()
    waiter = loop.create_future()
    timer = loop.call_later(timeout, _release_waiter, waiter)
    fut.add_done_callback(lambda f: _release_waiter(waiter))
    try:
        await waiter
    finally:
        timer.cancel()
    if fut.done():
        return fut.result()
    fut.cancel()
    try:
        await fut
    except CancelledError:
        pass
    raise TimeoutError()


def as_completed(fs, *, timeout=None):
    loop = get_event_loop()
    todo = [ensure_future(f, loop=loop) for f in set(fs)]
    done_queue = Queue()
    for f in todo:
        f.add_done_callback(done_queue.put_nowait)

    async def _wait_for_one():
        f = await done_queue.get()
        return f.result()

    for _ in range(len(todo)):
        yield _wait_for_one()


def shield(arg):
    inner = ensure_future(arg)
    if inner.done():
        return inner
    outer = inner._loop.create_future()

    def _inner_done(f):
        if outer.cancelled():
            return
        if f.cancelled():
            outer.cancel()
        elif f.exception() is not None:
            outer.set_exception(f.exception())
        else:
            outer.set_result(f.result())

    inner.add_done_callback(_inner_done)
    return outer


def run(main, *, debug=None):
    if _running_loop is not None:
        raise RuntimeError("asyncio.run() cannot be called from a running event loop")
    if not iscoroutine(main):
        raise ValueError(f"a coroutine was expected, got {main!r}")
    loop = new_event_loop()
    try:
        set_event_loop(loop)
        return loop.run_until_complete(main)
    finally:
        try:
            pending = [t for t in loop._tasks if not t.done()]
            for t in pending:
                t.cancel()
            if pending:
                loop.run_until_complete(gather(*pending, return_exceptions=True))
        finally:
            set_event_loop(None)
            loop.close()


# ---------------------------------------------------------------- queues

class QueueEmpty(Exception):
    """Raised when Queue.get_nowait() is called on an empty Queue."""


class QueueFull(Exception):
    """Raised when the Queue.put_nowait() method is called on a full Queue."""


class Queue:
    def __init__(self, maxsize=0):
        self._maxsize = maxsize
        self._getters = collections.deque()
        self._putters = collections.deque()
        self._unfinished_tasks = 0
        self._finished = Event()
        self._finished.set()
        self._init(maxsize)

    def _init(self, maxsize):
        self._queue = collections.deque()

    def _get(self):
        return self._queue.popleft()

    def _put(self, item):
        self._queue.append(item)

    def _wakeup_next(self, waiters):
        while waiters:
            waiter = waiters.popleft()
            if not waiter.done():
                waiter.set_result(None)
                break

    def __repr__(self):
        return f"<{type(self).__name__} maxsize={self._maxsize}>"

    def qsize(self):
        return len(self._queue)

    @property
    def maxsize(self):
        return self._maxsize

    def empty(self):
        return not self._queue

    def full(self):
        return 0 < self._maxsize <= self.qsize()

    async def put(self, item):
        while self.full():
            putter = get_running_loop().create_future()
            self._putters.append(putter)
            try:
                await putter
            except:
                putter.cancel()
                if not self.full() and not putter.cancelled():
                    self._wakeup_next(self._putters)
                raise
        return self.put_nowait(item)

    def put_nowait(self, item):
        if self.full():
            raise QueueFull
        self._put(item)
        self._unfinished_tasks += 1
        self._finished.clear()
        self._wakeup_next(self._getters)

    async def get(self):
        while self.empty():
            getter = get_running_loop().create_future()
            self._getters.append(getter)
            try:
                await getter
            except:
                getter.cancel()
                if not self.empty() and not getter.cancelled():
                    self._wakeup_next(self._getters)
                raise
        return self.get_nowait()

    def get_nowait(self):
        if self.empty():
            raise QueueEmpty
        item = self._get()
        self._wakeup_next(self._putters)
        return item

    def task_done(self):
        if self._unfinished_tasks <= 0:
            raise ValueError("task_done() called too many times")
        self._unfinished_tasks -= 1
        if self._unfinished_tasks == 0:
            self._finished.set()

    async def join(self):
        if self._unfinished_tasks > 0:
            await self._finished.wait()


class PriorityQueue(Queue):
    def _init(self, maxsize):
        self._queue = []

    def _put(self, item):
        heapq.heappush(self._queue, item)

    def _get(self):
        return heapq.heappop(self._queue)


class LifoQueue(Queue):
    def _init(self, maxsize):
        self._queue = []

    def _put(self, item):
        self._queue.append(item)

    def _get(self):
        return self._queue.pop()


# ---------------------------------------------------------------- synchronization

class Event:
    def __init__(self):
        self._waiters = collections.deque()
        self._value = False

    def is_set(self):
        return self._value

    def set(self):
        if not self._value:
            self._value = True
            for fut in self._waiters:
                if not fut.done():
                    fut.set_result(True)

    def clear(self):
        self._value = False

    async def wait(self):
        if self._value:
            return True
        fut = get_running_loop().create_future()
        self._waiters.append(fut)
        try:
            await fut
            return True
        finally:
            self._waiters.remove(fut)


class Lock:
    def __init__(self):
        self._waiters = collections.deque()
        self._locked = False

    def locked(self):
        return self._locked

    async def acquire(self):
        if not self._locked and all(w.cancelled() for w in self._waiters):
            self._locked = True
            return True
        fut = get_running_loop().create_future()
        self._waiters.append(fut)
        try:
            await fut
        finally:
            self._waiters.remove(fut)
        self._locked = True
        return True

    def release(self):
        if not self._locked:
            raise RuntimeError("Lock is not acquired.")
        self._locked = False
        for fut in self._waiters:
            if not fut.done():
                fut.set_result(True)
                break

    async def __aenter__(self):
        await self.acquire()
        return None

    async def __aexit__(self, exc_type, exc, tb):
        self.release()


class Semaphore:
    def __init__(self, value=1):
        if value < 0:
            raise ValueError("Semaphore initial value must be >= 0")
        self._value = value
        self._waiters = collections.deque()

    def locked(self):
        return self._value == 0

    async def acquire(self):
        while self._value <= 0:
            fut = get_running_loop().create_future()
            self._waiters.append(fut)
            try:
                await fut
            finally:
                self._waiters.remove(fut)
        self._value -= 1
        return True

    def release(self):
        self._value += 1
        for fut in self._waiters:
            if not fut.done():
                fut.set_result(True)
                break

    async def __aenter__(self):
        await self.acquire()
        return None

    async def __aexit__(self, exc_type, exc, tb):
        self.release()


class BoundedSemaphore(Semaphore):
    def __init__(self, value=1):
        self._bound_value = value
        super().__init__(value)

    def release(self):
        if self._value >= self._bound_value:
            raise ValueError("BoundedSemaphore released too many times")
        super().release()


class Condition:
    def __init__(self, lock=None):
        self._lock = Lock() if lock is None else lock
        self._waiters = collections.deque()

    def locked(self):
        return self._lock.locked()

    async def acquire(self):
        return await self._lock.acquire()

    def release(self):
        self._lock.release()

    async def __aenter__(self):
        await self._lock.acquire()
        return None

    async def __aexit__(self, exc_type, exc, tb):
        self._lock.release()

    async def wait(self):
        self._lock.release()
        try:
            fut = get_running_loop().create_future()
            self._waiters.append(fut)
            try:
                await fut
                return True
            finally:
                self._waiters.remove(fut)
        finally:
            await self._lock.acquire()

    async def wait_for(self, predicate):
        result = predicate()
        while not result:
            await self.wait()
            result = predicate()
        return result

    def notify(self, n=1):
        idx = 0
        for fut in self._waiters:
            if idx >= n:
                break
            if not fut.done():
                idx += 1
                fut.set_result(False)

    def notify_all(self):
        self.notify(len(self._waiters))


def open_connection(*args, **kwargs):
    _unsupported("asyncio.open_connection (network streams)")


def start_server(*args, **kwargs):
    _unsupported("asyncio.start_server (network servers)")


def create_subprocess_exec(*args, **kwargs):
    _unsupported("asyncio subprocesses")


create_subprocess_shell = create_subprocess_exec


def to_thread(*args, **kwargs):
    _unsupported("asyncio.to_thread (executors come in a later issue)")
`;

registerPythonModule("asyncio", SOURCE);
