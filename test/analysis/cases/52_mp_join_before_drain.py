# expect: deadlock
# allow: hang
# multiprocessing: the parent joins the child before draining its Queue. The child's 200 KB
# payload does not fit the pipe (64 KiB), so the child cannot exit until someone reads it.
import multiprocessing as mp


def child(q):
    q.put("x" * 200_000)


if __name__ == "__main__":
    q = mp.Queue()
    p = mp.Process(target=child, args=(q,))
    p.start()
    p.join()
    print(len(q.get()))
