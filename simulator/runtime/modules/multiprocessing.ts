/**
 * `multiprocessing`, the core of it: Process (target or a subclass's run), the spawn and
 * fork start methods with their real difference (spawn re-runs the main module as
 * `__mp_main__` in the child and pickles the Process object over; fork copies the heap),
 * Queue/JoinableQueue, Pipe, Lock/RLock/Semaphore/BoundedSemaphore, Event, Value/Array,
 * current_process/parent_process/active_children, cpu_count and contexts. Written in
 * Python over `_mp` (_mp.ts) as CPython's Lib/multiprocessing is over _multiprocessing.
 * Pool, Manager and the executors are later issues: they stop the run as unsupported.
 */
import { registerPythonModule } from "../../vm/modules";
import "./_mp";

const SOURCE = String.raw`
import os
import _mp
import threading

__all__ = ['Process', 'current_process', 'parent_process', 'active_children', 'cpu_count',
           'Queue', 'JoinableQueue', 'SimpleQueue', 'Pipe', 'Lock', 'RLock', 'Semaphore',
           'BoundedSemaphore', 'Event', 'Value', 'Array', 'get_context', 'set_start_method',
           'get_start_method', 'get_all_start_methods', 'ProcessError', 'TimeoutError',
           'AuthenticationError', 'BufferTooShort', 'freeze_support']


class ProcessError(Exception):
    pass


class BufferTooShort(ProcessError):
    pass


class TimeoutError(ProcessError):
    pass


class AuthenticationError(ProcessError):
    pass


_start_method = None
_counter = 0
_children = set()


def _next_count():
    global _counter
    _counter += 1
    return _counter


class BaseProcess:
    _start_method = None

    def __init__(self, group=None, target=None, name=None, args=(), kwargs={},
                 *, daemon=None):
        assert group is None, 'group argument must be None for now'
        count = _next_count()
        self._identity = _current_process._identity + (count,)
        self._config = _current_process._config.copy()
        self._parent_pid = os.getpid()
        self._parent_name = _current_process.name
        self._popen = None
        self._closed = False
        self._target = target
        self._args = tuple(args)
        self._kwargs = dict(kwargs)
        self._name = name or type(self).__name__ + '-' + ':'.join(str(i) for i in self._identity)
        if daemon is not None:
            self.daemon = daemon

    def _check_closed(self):
        if self._closed:
            raise ValueError("process object is closed")

    def run(self):
        if self._target:
            self._target(*self._args, **self._kwargs)

    def start(self):
        self._check_closed()
        assert self._popen is None, 'cannot start a process twice'
        assert self._parent_pid == os.getpid(), \
               'can only start a process object created by current process'
        assert not _current_process._config.get('daemon'), \
               'daemonic processes are not allowed to have children'
        method = self._start_method or get_start_method()
        self._popen = _mp._start(self, method, self._name, self.daemon)
        _children.add(self)

    def terminate(self):
        self._check_closed()
        if self._popen is not None:
            _mp._terminate(self._popen)

    def kill(self):
        self._check_closed()
        if self._popen is not None:
            _mp._terminate(self._popen, -9)

    def join(self, timeout=None):
        self._check_closed()
        assert self._parent_pid == os.getpid(), 'can only join a child process'
        assert self._popen is not None, 'can only join a started process'
        _mp._join(self._popen, timeout)
        if not _mp._alive(self._popen):
            _children.discard(self)

    def is_alive(self):
        self._check_closed()
        if self is _current_process:
            return True
        assert self._parent_pid == os.getpid(), 'can only test a child process'
        if self._popen is None:
            return False
        alive = _mp._alive(self._popen)
        if not alive:
            _children.discard(self)
        return alive

    def close(self):
        if self._popen is not None and _mp._alive(self._popen):
            raise ValueError("Cannot close a process while it is still running. "
                             "You should first call join() or terminate().")
        self._closed = True

    @property
    def name(self):
        return self._name

    @name.setter
    def name(self, name):
        assert isinstance(name, str), 'name must be a string'
        self._name = name

    @property
    def daemon(self):
        return self._config.get('daemon', False)

    @daemon.setter
    def daemon(self, daemonic):
        assert self._popen is None, 'process has already started'
        self._config['daemon'] = daemonic

    @property
    def authkey(self):
        return b'\x00' * 32

    @property
    def exitcode(self):
        self._check_closed()
        if self._popen is None:
            return None
        return _mp._exitcode(self._popen)

    @property
    def ident(self):
        self._check_closed()
        if self is _current_process:
            return os.getpid()
        return self._popen

    pid = ident

    @property
    def sentinel(self):
        self._check_closed()
        if self._popen is None:
            raise ValueError("process not started")
        return self._popen

    def __repr__(self):
        exitcode = None
        if self is _current_process:
            status = 'started'
        elif self._closed:
            status = 'closed'
        elif self._parent_pid != os.getpid():
            status = 'unknown'
        elif self._popen is None:
            status = 'initial'
        else:
            exitcode = _mp._exitcode(self._popen)
            if exitcode is not None:
                status = 'stopped'
            else:
                status = 'started'
        info = [type(self).__name__, 'name=%r' % self._name]
        if self._popen is not None:
            info.append('pid=%s' % self._popen)
        info.append('parent=%s' % self._parent_pid)
        info.append(status)
        if exitcode is not None:
            _signames = {-15: 'SIGTERM', -9: 'SIGKILL'}
            exitcode = _signames.get(exitcode, exitcode)
            info.append('exitcode=%s' % exitcode)
        if self.daemon:
            info.append('daemon')
        return '<%s>' % ' '.join(info)

    def _bootstrap(self):
        global _current_process, _children, _parent_process
        _children = set()
        _current_process = self
        self._popen = None
        try:
            try:
                self.run()
                exitcode = 0
            finally:
                pass
        except SystemExit as e:
            if e.code is None:
                exitcode = 0
            elif isinstance(e.code, int):
                exitcode = e.code
            else:
                import sys
                sys.stderr.write(str(e.code) + '\n')
                exitcode = 1
        except BaseException as exc:
            exitcode = 1
            _mp._report_exception(self._name, exc, type(self).run is BaseProcess.run)
        return exitcode


class Process(BaseProcess):
    pass


class _MainProcess(BaseProcess):

    def __init__(self):
        self._identity = ()
        self._name = 'MainProcess'
        self._parent_pid = None
        self._popen = None
        self._closed = False
        self._config = {'authkey': b'\x00' * 32, 'semprefix': '/mp'}

    def close(self):
        pass


class _ParentProcess(BaseProcess):

    def __init__(self, name, pid):
        self._identity = ()
        self._name = name
        self._pid = pid
        self._parent_pid = None
        self._popen = None
        self._closed = False
        self._config = {}

    def is_alive(self):
        return _mp._alive(self._pid)

    @property
    def ident(self):
        return self._pid

    pid = ident


_current_process = _MainProcess()
_parent_process = None


def _after_spawn(process_obj):
    global _parent_process
    _parent_process = _ParentProcess(process_obj._parent_name, process_obj._parent_pid)


def _after_fork(process_obj):
    global _parent_process
    _parent_process = _ParentProcess(process_obj._parent_name, process_obj._parent_pid)
    threading._after_fork()


def current_process():
    return _current_process


def parent_process():
    return _parent_process


def active_children():
    for p in list(_children):
        if p._popen is not None and not _mp._alive(p._popen):
            _children.discard(p)
    return list(_children)


def cpu_count():
    return os.cpu_count()


def freeze_support():
    pass


def get_start_method(allow_none=False):
    global _start_method
    if _start_method is None:
        if allow_none:
            return None
        _start_method = _mp._start_method()
    return _start_method


def set_start_method(method, force=False):
    global _start_method
    if _start_method is not None and not force:
        raise RuntimeError('context has already been set')
    if method is not None and method not in ('spawn', 'fork', 'forkserver'):
        raise ValueError('cannot find context for %r' % method)
    if method == 'forkserver':
        _mp._unsupported('the forkserver start method')
    _start_method = method


def get_all_start_methods():
    return ['fork', 'spawn', 'forkserver']


Queue = _mp.Queue
JoinableQueue = _mp.JoinableQueue
Pipe = _mp.Pipe
Lock = _mp.Lock
RLock = _mp.RLock
Semaphore = _mp.Semaphore
BoundedSemaphore = _mp.BoundedSemaphore
Event = _mp.Event
Value = _mp.Value
Array = _mp.Array
RawValue = _mp.Value
RawArray = _mp.Array


def SimpleQueue():
    return _mp.Queue()


class Condition:
    """A condition variable shared by processes: its lock and its sleepers live in shared objects."""

    def __init__(self, lock=None):
        self._lock = lock if lock is not None else RLock()
        self._state = _mp._cond_state()

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def acquire(self, block=True, timeout=None):
        return self._lock.acquire(block, timeout)

    def release(self):
        self._lock.release()

    def __repr__(self):
        return '<Condition(%s)>' % (self._lock,)

    def wait(self, timeout=None):
        assert self._lock._is_mine(), 'must acquire() condition before using wait()'
        self._state._register()
        depth = self._lock._release_all()
        try:
            return self._state._wait(timeout)
        finally:
            self._lock._acquire_depth(depth)

    def notify(self, n=1):
        assert self._lock._is_mine(), 'lock is not owned'
        self._state._notify(n)

    def notify_all(self):
        assert self._lock._is_mine(), 'lock is not owned'
        self._state._notify(-1)

    def wait_for(self, predicate, timeout=None):
        result = predicate()
        if result:
            return result
        if timeout is not None:
            import time
            endtime = time.monotonic() + timeout
        else:
            endtime = None
            waittime = None
        while not result:
            if endtime is not None:
                waittime = endtime - time.monotonic()
                if waittime <= 0:
                    break
            self.wait(waittime)
            result = predicate()
        return result


class Barrier(threading.Barrier):
    """threading.Barrier's algorithm over a shared Condition, its state and count in shared memory."""

    def __init__(self, parties, action=None, timeout=None):
        if parties < 1:
            raise ValueError("parties must be > 0")
        self._shared = Array('i', 2, lock=False)
        self._cond = Condition(Lock())
        self._action = action
        self._timeout = timeout
        self._parties = parties

    @property
    def _state(self):
        return self._shared[0]

    @_state.setter
    def _state(self, value):
        self._shared[0] = value

    @property
    def _count(self):
        return self._shared[1]

    @_count.setter
    def _count(self, value):
        self._shared[1] = value


def Pool(*args, **kwargs):
    _mp._unsupported('multiprocessing.Pool')


def Manager(*args, **kwargs):
    _mp._unsupported('multiprocessing.Manager')


class SpawnProcess(BaseProcess):
    _start_method = 'spawn'


class ForkProcess(BaseProcess):
    _start_method = 'fork'


class _Context:

    def __init__(self, method):
        self._name = method
        self.Process = SpawnProcess if method == 'spawn' else ForkProcess

    def get_start_method(self, allow_none=False):
        return self._name

    def __getattr__(self, name):
        return globals()[name]


def get_context(method=None):
    if method is None:
        return _Context(get_start_method())
    if method not in ('spawn', 'fork', 'forkserver'):
        raise ValueError('cannot find context for %r' % method)
    if method == 'forkserver':
        _mp._unsupported('the forkserver start method')
    return _Context(method)
`;

registerPythonModule("multiprocessing", SOURCE);
