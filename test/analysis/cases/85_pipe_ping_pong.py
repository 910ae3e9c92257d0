# expect: clean
# Fixed 84: the parent sends first, then receives the reply.
import multiprocessing as mp


def child(conn):
    msg = conn.recv()
    conn.send(msg + 1)


if __name__ == "__main__":
    parent_end, child_end = mp.Pipe()
    p = mp.Process(target=child, args=(child_end,))
    p.start()
    parent_end.send(1)
    print(parent_end.recv())
    p.join()
