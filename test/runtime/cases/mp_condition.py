import multiprocessing as mp
import time

def consumer(cond, box, i, out):
    with cond:
        ok = cond.wait_for(lambda: box.value > 0, timeout=5)
        box.value -= 1
        out.put((i, ok))

def waiter(cond):
    with cond:
        print("timed out", cond.wait(0.2) is False)

if __name__ == "__main__":
    cond = mp.Condition()
    box = mp.Value("i", 0)
    out = mp.Queue()
    ps = [mp.Process(target=consumer, args=(cond, box, i, out)) for i in range(2)]
    for p in ps: p.start()
    time.sleep(0.5)
    with cond:
        box.value = 2
        cond.notify_all()
    print(sorted([out.get() for _ in ps]))
    for p in ps: p.join()
    print("left", box.value)
    w = mp.Process(target=waiter, args=(cond,)); w.start(); w.join()
    try:
        cond.notify()
    except AssertionError as e:
        print(e)
    try:
        cond.wait()
    except AssertionError as e:
        print(e)
    c2 = mp.Condition(mp.Lock())
    with c2:
        print(c2.wait(0.1))
