# expect: clean
# Fixed 52: drain the Queue first, then join.
import multiprocessing as mp


def child(q):
    q.put("x" * 200_000)


if __name__ == "__main__":
    q = mp.Queue()
    p = mp.Process(target=child, args=(q,))
    p.start()
    data = q.get()
    p.join()
    print(len(data), p.exitcode)
