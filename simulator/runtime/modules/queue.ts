/**
 * `queue`: Queue, LifoQueue, PriorityQueue and SimpleQueue, in Python over threading's
 * Condition (as CPython's Lib/queue.py), so put and get block, time out and wake through
 * the machine. Each successful put and get records a queue event; a get's event points at
 * the put that produced its item (the put -> get happens-before edge).
 */
import { arity, builtin } from "../../vm/define";
import { registerPythonModule } from "../../vm/modules";
import { None } from "../../vm/objects";
import { objectId } from "../../vm/identity";
import { currentMachine } from "../machine";
import "./threading";

const SOURCE = String.raw`
import threading
from collections import deque
from heapq import heappush, heappop
from time import monotonic as time

__all__ = ['Empty', 'Full', 'Queue', 'PriorityQueue', 'LifoQueue', 'SimpleQueue']


class Empty(Exception):
    'Exception raised by Queue.get(block=0)/get_nowait().'
    pass


class Full(Exception):
    'Exception raised by Queue.put(block=0)/put_nowait().'
    pass


class Queue:

    def __init__(self, maxsize=0):
        self.maxsize = maxsize
        self._init(maxsize)
        self.mutex = threading.Lock()
        self.not_empty = threading.Condition(self.mutex)
        self.not_full = threading.Condition(self.mutex)
        self.all_tasks_done = threading.Condition(self.mutex)
        self.unfinished_tasks = 0

    def task_done(self):
        with self.all_tasks_done:
            unfinished = self.unfinished_tasks - 1
            if unfinished <= 0:
                if unfinished < 0:
                    raise ValueError('task_done() called too many times')
                self.all_tasks_done.notify_all()
            self.unfinished_tasks = unfinished

    def join(self):
        with self.all_tasks_done:
            while self.unfinished_tasks:
                self.all_tasks_done.wait()

    def qsize(self):
        with self.mutex:
            return self._qsize()

    def empty(self):
        with self.mutex:
            return not self._qsize()

    def full(self):
        with self.mutex:
            return 0 < self.maxsize <= self._qsize()

    def put(self, item, block=True, timeout=None):
        with self.not_full:
            if self.maxsize > 0:
                if not block:
                    if self._qsize() >= self.maxsize:
                        raise Full
                elif timeout is None:
                    while self._qsize() >= self.maxsize:
                        self.not_full.wait()
                elif timeout < 0:
                    raise ValueError("'timeout' must be a non-negative number")
                else:
                    endtime = time() + timeout
                    while self._qsize() >= self.maxsize:
                        remaining = endtime - time()
                        if remaining <= 0.0:
                            raise Full
                        self.not_full.wait(remaining)
            self._put((item, _record_put(self)))
            self.unfinished_tasks += 1
            self.not_empty.notify()

    def get(self, block=True, timeout=None):
        with self.not_empty:
            if not block:
                if not self._qsize():
                    raise Empty
            elif timeout is None:
                while not self._qsize():
                    self.not_empty.wait()
            elif timeout < 0:
                raise ValueError("'timeout' must be a non-negative number")
            else:
                endtime = time() + timeout
                while not self._qsize():
                    remaining = endtime - time()
                    if remaining <= 0.0:
                        raise Empty
                    self.not_empty.wait(remaining)
            item, put_event = self._get()
            _record_get(self, put_event)
            self.not_full.notify()
            return item

    def put_nowait(self, item):
        return self.put(item, block=False)

    def get_nowait(self):
        return self.get(block=False)

    def _init(self, maxsize):
        self.queue = deque()

    def _qsize(self):
        return len(self.queue)

    def _put(self, entry):
        self.queue.append(entry)

    def _get(self):
        return self.queue.popleft()


class PriorityQueue(Queue):

    def _init(self, maxsize):
        self.queue = []
        self._seq = 0

    def _qsize(self):
        return len(self.queue)

    def _put(self, entry):
        heappush(self.queue, _Prioritized(entry[0], entry[1]))

    def _get(self):
        p = heappop(self.queue)
        return p.item, p.event


class _Prioritized:
    __slots__ = ('item', 'event')

    def __init__(self, item, event):
        self.item = item
        self.event = event

    def __lt__(self, other):
        return self.item < other.item

    def __eq__(self, other):
        return self.item == other.item


class LifoQueue(Queue):

    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, entry):
        self.queue.append(entry)

    def _get(self):
        return self.queue.pop()


class SimpleQueue:

    def __init__(self):
        self._queue = deque()
        self._count = threading.Semaphore(0)

    def put(self, item, block=True, timeout=None):
        self._queue.append((item, _record_put(self)))
        self._count.release()

    def get(self, block=True, timeout=None):
        if not block:
            timeout = None
        elif timeout is not None and timeout < 0:
            raise ValueError("'timeout' must be a non-negative number")
        if not self._count.acquire(block, timeout):
            raise Empty
        item, put_event = self._queue.popleft()
        _record_get(self, put_event)
        return item

    def put_nowait(self, item):
        return self.put(item, block=False)

    def get_nowait(self):
        return self.get(False)

    def empty(self):
        return len(self._queue) == 0

    def qsize(self):
        return len(self._queue)
`;

registerPythonModule("queue", SOURCE, (m) => {
  const d = m.dict!;
  d.setStr(
    "_record_put",
    builtin("_record_put", (args) => {
      arity("_record_put", args.length, 1);
      const mc = currentMachine();
      return mc?.cur ? mc.record("queue-put", mc.cur, { obj: objectId(args[0]) }) : -1;
    }),
  );
  d.setStr(
    "_record_get",
    builtin("_record_get", (args) => {
      arity("_record_get", args.length, 2);
      const mc = currentMachine();
      if (mc?.cur) {
        mc.record("queue-get", mc.cur, { obj: objectId(args[0]), from: args[1] as number });
      }
      return None;
    }),
  );
});
