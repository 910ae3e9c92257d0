import multiprocessing as mp
import time

def party(b, i, out):
    time.sleep(0.1 * i)
    k = b.wait()
    out.put((i, time.monotonic() >= 0))

if __name__ == "__main__":
    b = mp.Barrier(3)
    q = mp.Queue()
    ps = [mp.Process(target=party, args=(b, i, q)) for i in range(3)]
    for p in ps: p.start()
    got = sorted([q.get() for _ in range(3)])
    for p in ps: p.join()
    print(got, b.n_waiting, b.broken, b.parties)
    b2 = mp.Barrier(2, timeout=0.2)
    try:
        b2.wait()
    except Exception as e:
        print(type(e).__name__, b2.broken)
