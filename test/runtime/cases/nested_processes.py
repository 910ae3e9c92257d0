import multiprocessing as mp, threading, time, os, queue

def grandchild(q):
    q.put(("grandchild", os.getppid() != os.getpid()))

def child(q, e):
    out = []
    def t(i):
        time.sleep(0.1 * i)
        out.append(i)
    ts = [threading.Thread(target=t, args=(i,)) for i in range(3)]
    for x in ts: x.start()
    for x in ts: x.join()
    p = mp.Process(target=grandchild, args=(q,))
    p.start(); p.join()
    e.wait()
    q.put(("child", out, mp.current_process().name, mp.parent_process().name))

if __name__ == "__main__":
    q = mp.Queue()
    e = mp.Event()
    p = mp.Process(target=child, args=(q, e), name="kid")
    p.start()
    p.join(timeout=0.5)
    print("alive after 0.5", p.is_alive())
    e.set()
    print(q.get())
    print(q.get())
    p.join()
    print(p.exitcode, mp.active_children())
    r, w = mp.Pipe(duplex=False)
    try:
        r.send(1)
    except OSError as ex:
        print(ex)
    w.send("x"); print(r.poll(), r.recv(), r.poll(0.1))
    jq = mp.JoinableQueue()
    def worker(jq):
        while True:
            item = jq.get()
            jq.task_done()
            if item is None:
                break
    ws = [mp.Process(target=worker, args=(jq,), daemon=True) for _ in range(2)]
