import multiprocessing as mp
import os, sys, time

counter = 0

def bump(v, n):
    for _ in range(n):
        with v.get_lock():
            v.value += 1

def child_counter():
    global counter
    counter += 1
    print("child sees", counter)

def fail(x):
    return 1 / x

class P(mp.Process):
    def run(self):
        raise ValueError("v")

def sender(conn):
    conn.send({"a": [1, 2.5, "x"], "b": (None, True)})
    conn.send(b"bytes")
    conn.close()

def arr(a):
    for i in range(len(a)):
        a[i] = a[i] * 2

if __name__ == "__main__":
    counter = 10
    p = mp.Process(target=child_counter)
    p.start(); p.join()
    print("parent sees", counter, p.exitcode)
    v = mp.Value("i", 0)
    ps = [mp.Process(target=bump, args=(v, 50)) for _ in range(3)]
    for q in ps: q.start()
    for q in ps: q.join()
    print("value", v.value)
    p = mp.Process(target=fail, args=(0,))
    p.start(); p.join()
    print("exitcode", p.exitcode)
    q = P(); q.start(); q.join()
    print(q.exitcode, q.name)
    r = mp.Process(target=sys.exit, args=(3,)); r.start(); r.join(); print("sys.exit", r.exitcode)
    a, b = mp.Pipe()
    s = mp.Process(target=sender, args=(b,)); s.start()
    print(a.recv(), a.recv()); s.join()
    ar = mp.Array("i", [1, 2, 3])
    w = mp.Process(target=arr, args=(ar,)); w.start(); w.join()
    print(ar[:], len(ar), ar[0])
    l = mp.Lock()
    try:
        l.release()
    except ValueError as e:
        print(e)
    try:
        p.start()
    except AssertionError as e:
        print(e)
    try:
        mp.Process().join()
    except AssertionError as e:
        print(e)
    print(mp.current_process().name, mp.parent_process(), mp.Lock(), mp.Semaphore(2))
    t = mp.Process(target=time.sleep, args=(10,)); t.start(); time.sleep(0.5); t.terminate(); t.join()
    print("terminated", t.exitcode, t.is_alive())
    d = mp.Process(target=time.sleep, args=(10,), daemon=True); d.start()
    print("daemon", d.daemon, d.is_alive())
